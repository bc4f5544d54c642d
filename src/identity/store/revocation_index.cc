#include "identity/store/revocation_index.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace palyra::identity {
namespace {

bool IsZero(const FingerprintBytes& f) {
  return std::all_of(f.begin(), f.end(), [](uint8_t b) { return b == 0; });
}

uint64_t SlotHash(const FingerprintBytes& f) {
  uint64_t h = 0;
  std::memcpy(&h, f.data(), sizeof(h));
  return h;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

// ---- FingerprintSet ----

FingerprintSet::FingerprintSet(const std::vector<FingerprintBytes>& fingerprints) {
  const size_t capacity = std::bit_ceil(std::max<size_t>(16, fingerprints.size() * 2));
  slots_.assign(capacity, FingerprintBytes{});
  mask_ = capacity - 1;
  for (const FingerprintBytes& f : fingerprints) Insert(f);
}

void FingerprintSet::Insert(const FingerprintBytes& f) {
  if (IsZero(f)) {
    if (!has_zero_) ++count_;
    has_zero_ = true;
    return;
  }
  size_t i = SlotHash(f) & mask_;
  while (true) {
    FingerprintBytes& slot = slots_[i];
    if (IsZero(slot)) {
      slot = f;
      ++count_;
      return;
    }
    if (slot == f) return;  // duplicate
    i = (i + 1) & mask_;
  }
}

FingerprintSet FingerprintSet::WithAdded(const std::vector<FingerprintBytes>& more) const {
  if (slots_.empty() || (count_ + more.size()) * 2 > slots_.size()) {
    // Grow: rebuild from the members.
    std::vector<FingerprintBytes> all;
    all.reserve(count_ + more.size());
    if (has_zero_) all.push_back(FingerprintBytes{});
    for (const FingerprintBytes& slot : slots_) {
      if (!IsZero(slot)) all.push_back(slot);
    }
    all.insert(all.end(), more.begin(), more.end());
    return FingerprintSet(all);
  }
  FingerprintSet out = *this;
  for (const FingerprintBytes& f : more) out.Insert(f);
  return out;
}

bool FingerprintSet::Contains(const FingerprintBytes& fingerprint) const {
  if (IsZero(fingerprint)) return has_zero_;
  if (slots_.empty()) return false;
  size_t i = SlotHash(fingerprint) & mask_;
  while (true) {
    const FingerprintBytes& slot = slots_[i];
    if (slot == fingerprint) return true;
    if (IsZero(slot)) return false;
    i = (i + 1) & mask_;
  }
}

Result<FingerprintBytes> ParseFingerprintHex(std::string_view hex) {
  if (hex.size() != 2 * kFingerprintBytes) {
    return InvalidArgument("certificate fingerprint must be 64 hex characters");
  }
  FingerprintBytes out{};
  for (size_t i = 0; i < kFingerprintBytes; ++i) {
    const int hi = HexValue(hex[2 * i]);
    const int lo = HexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0)
      return InvalidArgument("certificate fingerprint must be 64 hex characters");
    out[i] = static_cast<uint8_t>((hi << 4) | lo);
  }
  return out;
}

// ---- RevocationIndex ----

RevocationIndex::RevocationIndex(std::unique_ptr<store::Database> db,
                                 const RevocationIndexOptions& options)
    : options_(options), db_(std::move(db)) {}

RevocationIndex::~RevocationIndex() { StopPolling(); }

Result<std::unique_ptr<RevocationIndex>> RevocationIndex::Open(
    const std::filesystem::path& db_path, const RevocationIndexOptions& options) {
  store::DatabaseOptions db_options;
  db_options.busy_timeout_ms = options.busy_timeout_ms;
  db_options.create_if_missing = false;
  Result<std::unique_ptr<store::Database>> db = store::Database::Open(db_path, db_options);
  if (!db.ok()) return db.status().WithContext("opening the revocation index");
  std::unique_ptr<RevocationIndex> index(new RevocationIndex(std::move(*db), options));
  {
    std::lock_guard lock(index->refresh_mu_);
    Result<bool> loaded = index->RefreshLocked();
    if (!loaded.ok()) return loaded.status().WithContext("loading the revocation index");
  }
  return index;
}

bool RevocationIndex::IsRevoked(const FingerprintBytes& fingerprint) const {
  if (fail_closed_.load(std::memory_order_acquire)) return true;
  std::shared_lock lock(snapshot_mu_);
  if (!snapshot_) return true;
  return snapshot_->set.Contains(fingerprint);
}

bool RevocationIndex::IsRevoked(std::span<const uint8_t> fingerprint) const {
  if (fingerprint.size() != kFingerprintBytes) return true;
  FingerprintBytes f;
  std::copy(fingerprint.begin(), fingerprint.end(), f.begin());
  return IsRevoked(f);
}

bool RevocationIndex::IsRevokedHex(std::string_view fingerprint_hex) const {
  Result<FingerprintBytes> f = ParseFingerprintHex(fingerprint_hex);
  return !f.ok() || IsRevoked(*f);
}

bool RevocationIndex::IsCertificateRevoked(const crypto::Certificate& certificate) const {
  // The parsed certificate carries its SHA-256 fingerprint already.
  return IsRevokedHex(certificate.FingerprintSha256Hex());
}

size_t RevocationIndex::size() const {
  std::shared_lock lock(snapshot_mu_);
  return snapshot_ ? snapshot_->set.size() : 0;
}

Status RevocationIndex::last_refresh_status() const {
  std::lock_guard lock(refresh_mu_);
  return last_status_;
}

void RevocationIndex::SetChangeCallback(ChangeCallback callback) {
  std::lock_guard lock(refresh_mu_);
  on_change_ = std::move(callback);
}

Result<bool> RevocationIndex::Refresh() {
  int64_t generation = 0;
  ChangeCallback callback;
  Result<bool> changed = false;
  {
    std::lock_guard lock(refresh_mu_);
    const bool was_failing_closed = fail_closed_.load(std::memory_order_acquire);
    changed = RefreshLocked();
    // Starting to fail closed changes every answer to "revoked", so listeners hear of it too.
    const bool began_failing_closed =
        !was_failing_closed && fail_closed_.load(std::memory_order_acquire);
    if (!began_failing_closed && (!changed.ok() || !*changed)) return changed;
    generation = generation_.load(std::memory_order_acquire);
    callback = on_change_;
  }
  if (callback) callback(generation);
  return changed;
}

Result<bool> RevocationIndex::RefreshLocked() {
  auto attempt = [&]() -> Result<bool> {
    // 1. Has any other connection committed anything since we last looked?
    PALYRA_ASSIGN_OR_RETURN(store::Statement version, db_->Prepare("PRAGMA data_version"));
    PALYRA_ASSIGN_OR_RETURN(bool has_version, version.Step());
    if (!has_version) return Internal("PRAGMA data_version returned no row");
    const int64_t data_version = version.ColumnInt64(0);
    std::shared_ptr<const Snapshot> current;
    {
      std::shared_lock lock(snapshot_mu_);
      current = snapshot_;
    }
    if (current && data_version == last_data_version_) return false;

    // 2. Did the revocations change? (Most commits are about other things.)
    if (current) {
      PALYRA_ASSIGN_OR_RETURN(
          store::Statement gen,
          db_->Prepare("SELECT revocation_generation FROM identity_generation WHERE id = 1"));
      PALYRA_ASSIGN_OR_RETURN(bool row, gen.Step());
      if (!row) return DataLoss(db_->label() + ": identity_generation row is missing");
      if (gen.ColumnInt64(0) == current->generation) {
        last_data_version_ = data_version;
        return false;
      }
    }

    // 3. Load what changed (or everything) from one read snapshot, then swap it in.
    PALYRA_ASSIGN_OR_RETURN(std::shared_ptr<const Snapshot> next, LoadSnapshot(current));
    const int64_t generation = next->generation;
    {
      std::unique_lock lock(snapshot_mu_);
      snapshot_.swap(next);
    }
    next.reset();  // the old snapshot, released outside the lock
    generation_.store(generation, std::memory_order_release);
    last_data_version_ = data_version;
    return true;
  };
  Result<bool> result = attempt();
  RecordRefreshResult(result.status());
  return result;
}

Result<std::shared_ptr<const RevocationIndex::Snapshot>> RevocationIndex::LoadSnapshot(
    std::shared_ptr<const Snapshot> base) {
  PALYRA_ASSIGN_OR_RETURN(store::Transaction txn, db_->Begin(store::TransactionMode::kDeferred));
  auto snapshot = std::make_shared<Snapshot>();
  {
    PALYRA_ASSIGN_OR_RETURN(
        store::Statement gen,
        db_->Prepare("SELECT revocation_generation, removal_generation FROM identity_generation "
                     "WHERE id = 1"));
    PALYRA_ASSIGN_OR_RETURN(bool row, gen.Step());
    if (!row) return DataLoss(db_->label() + ": identity_generation row is missing");
    snapshot->generation = gen.ColumnInt64(0);
    snapshot->removal_generation = gen.ColumnInt64(1);
  }
  // Incremental only when nothing left the set since `base` and the counter moved forward.
  const bool incremental = base && base->removal_generation == snapshot->removal_generation &&
                           base->generation < snapshot->generation;
  std::vector<FingerprintBytes> fingerprints;
  if (!incremental) {
    PALYRA_ASSIGN_OR_RETURN(store::Statement count,
                            db_->Prepare("SELECT count(*) FROM revoked_certificates"));
    PALYRA_ASSIGN_OR_RETURN(bool row, count.Step());
    if (row) fingerprints.reserve(static_cast<size_t>(std::max<int64_t>(0, count.ColumnInt64(0))));
  }
  {
    PALYRA_ASSIGN_OR_RETURN(
        store::Statement stmt,
        db_->Prepare(incremental
                         ? "SELECT fingerprint FROM revoked_certificates WHERE generation > ?1"
                         : "SELECT fingerprint FROM revoked_certificates"));
    if (incremental) PALYRA_RETURN_IF_ERROR(stmt.BindInt64(1, base->generation));
    while (true) {
      PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      Result<FingerprintBytes> f = ParseFingerprintHex(stmt.ColumnText(0));
      if (!f.ok()) {
        return DataLoss(db_->label() + ": revoked_certificates holds a malformed fingerprint");
      }
      fingerprints.push_back(*f);
    }
  }
  PALYRA_RETURN_IF_ERROR(txn.Commit());
  snapshot->set = incremental ? base->set.WithAdded(fingerprints) : FingerprintSet(fingerprints);
  return std::shared_ptr<const Snapshot>(std::move(snapshot));
}

void RevocationIndex::RecordRefreshResult(const Status& status) {
  last_status_ = status;
  if (status.ok()) {
    failing_ = false;
    fail_closed_.store(false, std::memory_order_release);
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  if (!failing_) {
    failing_ = true;
    failing_since_ = now;
  }
  if (now - failing_since_ >= options_.fail_closed_after) {
    fail_closed_.store(true, std::memory_order_release);
  }
}

void RevocationIndex::StartPolling(std::chrono::milliseconds interval) {
  StopPolling();
  if (interval < std::chrono::milliseconds(1)) interval = std::chrono::milliseconds(1);
  {
    std::lock_guard lock(poll_mu_);
    poll_stop_ = false;
  }
  poller_ = std::thread([this, interval] {
    std::unique_lock lock(poll_mu_);
    while (!poll_stop_) {
      if (poll_cv_.wait_for(lock, interval, [this] { return poll_stop_; })) break;
      lock.unlock();
      (void)Refresh();  // errors are kept in last_refresh_status() and drive fail-closed
      lock.lock();
    }
  });
}

void RevocationIndex::StopPolling() {
  {
    std::lock_guard lock(poll_mu_);
    poll_stop_ = true;
  }
  poll_cv_.notify_all();
  if (poller_.joinable()) poller_.join();
}

}  // namespace palyra::identity
