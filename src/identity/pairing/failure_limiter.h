#pragma once
// The budget for failed pairing attempts (spec §11.3: upstream never limits failed code guesses).
//
// A 6-digit PIN has only 10^6 values, so guessing must be throttled where the guesses arrive:
// every attempt that names an unknown code, or fails verification, is a failure. Failures are
// counted in a sliding window globally and per peer (the caller's network address). While either
// budget is spent, further attempts are refused up front with RESOURCE_EXHAUSTED that says when to
// retry, before any code is looked up. With the defaults, an attacker gets at most 30 guesses a
// minute against at most kMaxLivePairingCodes live codes; a code living 10 minutes is hit with
// probability below 0.03 %.
//
// In memory only: the pairing handshake runs in the daemon process, and a restart of the daemon
// cannot be triggered by the guesser. Thread-safe.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "common/status.h"

namespace palyra::identity {

struct PairingFailureBudget {
  size_t max_failures = 30;  // clamped to >= 1
  int64_t window_ms = 60'000;  // clamped to >= 1
};
inline constexpr PairingFailureBudget kDefaultGlobalPairingFailureBudget{30, 60'000};
inline constexpr PairingFailureBudget kDefaultPeerPairingFailureBudget{10, 60'000};
// Memory bound on tracked peers; the stalest are forgotten first.
inline constexpr size_t kDefaultMaxTrackedPairingPeers = 4096;

class PairingFailureLimiter {
 public:
  PairingFailureLimiter(PairingFailureBudget global = kDefaultGlobalPairingFailureBudget,
                        PairingFailureBudget peer = kDefaultPeerPairingFailureBudget,
                        size_t max_tracked_peers = kDefaultMaxTrackedPairingPeers);

  // OK when `peer` (may be empty: global budget only) may try now. Otherwise RESOURCE_EXHAUSTED
  // "too many failed pairing attempts; retry in N s (limit: ...)".
  Status Check(std::string_view peer, int64_t now_unix_ms);
  void RecordFailure(std::string_view peer, int64_t now_unix_ms);

  // Failures currently inside the window (globally / for one peer).
  size_t GlobalFailures(int64_t now_unix_ms);
  size_t PeerFailures(std::string_view peer, int64_t now_unix_ms);

  const PairingFailureBudget& global_budget() const { return global_budget_; }
  const PairingFailureBudget& peer_budget() const { return peer_budget_; }

 private:
  void PruneLocked(int64_t now_unix_ms);
  static void PruneWindow(std::deque<int64_t>& window, int64_t cutoff);

  const PairingFailureBudget global_budget_;
  const PairingFailureBudget peer_budget_;
  const size_t max_tracked_peers_;
  std::mutex mu_;
  std::deque<int64_t> global_;
  std::map<std::string, std::deque<int64_t>, std::less<>> peers_;
};

}  // namespace palyra::identity
