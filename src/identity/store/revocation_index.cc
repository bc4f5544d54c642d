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

// ---- RevocationIndex ----

RevocationIndex::RevocationIndex(std::unique_ptr<store::RevocationRepository> revocations,
                                 const RevocationIndexOptions& options)
    : options_(options), revocations_(std::move(revocations)) {}

RevocationIndex::~RevocationIndex() { StopPolling(); }

Result<std::unique_ptr<RevocationIndex>> RevocationIndex::Open(
    std::unique_ptr<store::RevocationRepository> revocations,
    const RevocationIndexOptions& options) {
  if (!revocations) return InvalidArgument("the revocation index needs a revocation repository");
  std::unique_ptr<RevocationIndex> index(new RevocationIndex(std::move(revocations), options));
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
    PALYRA_ASSIGN_OR_RETURN(const int64_t change_counter, revocations_->ChangeCounter());
    std::shared_ptr<const Snapshot> current;
    {
      std::shared_lock lock(snapshot_mu_);
      current = snapshot_;
    }
    if (current && change_counter == last_change_counter_) return false;

    // 2. Did the revocations change? (Most commits are about other things.)
    if (current) {
      PALYRA_ASSIGN_OR_RETURN(store::RevocationGenerations generations,
                              revocations_->Generations());
      if (generations.generation == current->generation) {
        last_change_counter_ = change_counter;
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
    last_change_counter_ = change_counter;
    return true;
  };
  Result<bool> result = attempt();
  RecordRefreshResult(result.status());
  return result;
}

Result<std::shared_ptr<const RevocationIndex::Snapshot>> RevocationIndex::LoadSnapshot(
    std::shared_ptr<const Snapshot> base) {
  std::optional<store::RevocationGenerations> since;
  if (base) since = store::RevocationGenerations{base->generation, base->removal_generation};
  PALYRA_ASSIGN_OR_RETURN(store::RevokedFingerprints loaded, revocations_->Load(since));
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->generation = loaded.generations.generation;
  snapshot->removal_generation = loaded.generations.removal_generation;
  snapshot->set = loaded.incremental ? base->set.WithAdded(loaded.fingerprints)
                                     : FingerprintSet(loaded.fingerprints);
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
