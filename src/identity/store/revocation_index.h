#pragma once
// An in-memory snapshot of the revoked certificate fingerprints, for the TLS handshake path
// (spec §8) and live-connection checks (DESIGN key decision 3).
//
// Lookups read an immutable open-addressing hash set of 32-byte fingerprints under a shared
// lock held only for the probe (well under a microsecond with 100,000 entries). Refresh() asks
// the revocation repository whether anything changed (its change counter, then the revocation
// generation), so a revoke committed by any connection or process is picked up, and an
// unchanged store costs one cheap query. New revocations are loaded incrementally (rows stamped with a generation
// above the snapshot's); only removals (pruning) force a full reload. StartPolling() runs
// Refresh() on a background thread (default every 50 ms).
//
// Fail closed: Open() fails when the store cannot be read; if refreshes keep failing for longer
// than `fail_closed_after`, every check answers "revoked" until a refresh succeeds again.

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <span>
#include <string_view>
#include <thread>
#include <vector>

#include "common/status.h"
#include "crypto/certificate.h"
#include "identity/certificate_fingerprint.h"
#include "store/revocation_repository.h"

namespace palyra::identity {

inline constexpr std::chrono::milliseconds kDefaultRevocationPollInterval{50};

// An immutable set of fingerprints: open addressing, linear probing, load factor <= 0.5. The
// fingerprints are SHA-256 outputs, so their first 8 bytes are already a uniform hash.
class FingerprintSet {
 public:
  FingerprintSet() = default;
  explicit FingerprintSet(const std::vector<FingerprintBytes>& fingerprints);

  bool Contains(const FingerprintBytes& fingerprint) const;
  size_t size() const { return count_; }
  // A new set holding these members plus `more` (copies the table; cheaper than a rebuild from
  // the database).
  FingerprintSet WithAdded(const std::vector<FingerprintBytes>& more) const;

 private:
  void Insert(const FingerprintBytes& fingerprint);

  std::vector<FingerprintBytes> slots_;  // all-zero = empty slot
  size_t mask_ = 0;
  size_t count_ = 0;
  bool has_zero_ = false;  // the all-zero fingerprint, which cannot live in a slot
};

struct RevocationIndexOptions {
  // Keep answering from the last good snapshot while refreshes fail, but no longer than this;
  // then every check answers "revoked" until a refresh succeeds.
  std::chrono::milliseconds fail_closed_after{10'000};
};

class RevocationIndex {
 public:
  // Reads through `revocations` (which it keeps; give it a connection of its own) and loads the
  // first snapshot. Any failure is returned: a verifier without a snapshot must not start.
  static Result<std::unique_ptr<RevocationIndex>> Open(
      std::unique_ptr<store::RevocationRepository> revocations,
      const RevocationIndexOptions& options = {});
  ~RevocationIndex();  // stops polling
  RevocationIndex(const RevocationIndex&) = delete;
  RevocationIndex& operator=(const RevocationIndex&) = delete;

  // Thread-safe, never blocks on the store.
  bool IsRevoked(const FingerprintBytes& fingerprint) const;
  // A span that is not 32 bytes, or hex that is not 64 hex digits, counts as revoked.
  bool IsRevoked(std::span<const uint8_t> fingerprint) const;
  bool IsRevokedHex(std::string_view fingerprint_hex) const;
  // SHA-256 of the certificate's DER.
  bool IsCertificateRevoked(const crypto::Certificate& certificate) const;

  // Reloads when the store changed since the last load. Returns whether a new snapshot was
  // installed. Thread-safe (refreshes are serialised).
  Result<bool> Refresh();

  // Background refresh every `interval` until StopPolling() or destruction. Calling it again
  // restarts the thread with the new interval.
  void StartPolling(std::chrono::milliseconds interval = kDefaultRevocationPollInterval);
  void StopPolling();

  // Called after each new snapshot is installed, and when the index begins failing closed
  // (from the thread that refreshed: the polling thread, or the caller of Refresh()), with the
  // current generation. Set it before StartPolling.
  // It must not call back into this index's Refresh/StartPolling/StopPolling.
  using ChangeCallback = std::function<void(int64_t generation)>;
  void SetChangeCallback(ChangeCallback callback);

  int64_t generation() const { return generation_.load(std::memory_order_acquire); }
  size_t size() const;
  bool failing_closed() const { return fail_closed_.load(std::memory_order_acquire); }
  // OK, or the error of the latest refresh attempt.
  Status last_refresh_status() const;

 private:
  struct Snapshot {
    FingerprintSet set;
    int64_t generation = 0;
    int64_t removal_generation = 0;
  };

  RevocationIndex(std::unique_ptr<store::RevocationRepository> revocations,
                  const RevocationIndexOptions& options);
  Result<bool> RefreshLocked();
  // A full load, or (when `base` is set and nothing was removed since it) `base` plus the rows
  // added since its generation.
  Result<std::shared_ptr<const Snapshot>> LoadSnapshot(std::shared_ptr<const Snapshot> base);
  void RecordRefreshResult(const Status& status);

  const RevocationIndexOptions options_;

  // Readers.
  mutable std::shared_mutex snapshot_mu_;
  std::shared_ptr<const Snapshot> snapshot_;
  std::atomic<int64_t> generation_{-1};
  std::atomic<bool> fail_closed_{false};

  // Refreshers (also guard the repository and the bookkeeping below).
  mutable std::mutex refresh_mu_;
  std::unique_ptr<store::RevocationRepository> revocations_;
  int64_t last_change_counter_ = -1;
  std::chrono::steady_clock::time_point failing_since_{};
  bool failing_ = false;
  Status last_status_;
  ChangeCallback on_change_;

  // Polling thread.
  std::mutex poll_mu_;
  std::condition_variable poll_cv_;
  bool poll_stop_ = false;
  std::thread poller_;
};

}  // namespace palyra::identity
