#include "identity/pairing/failure_limiter.h"

#include <algorithm>
#include <climits>

namespace palyra::identity {
namespace {

PairingFailureBudget Clamp(PairingFailureBudget budget) {
  budget.max_failures = std::max<size_t>(budget.max_failures, 1);
  budget.window_ms = std::max<int64_t>(budget.window_ms, 1);
  return budget;
}

Status Exhausted(std::string_view scope, const PairingFailureBudget& budget, int64_t retry_in_ms) {
  const int64_t retry_s = std::max<int64_t>(1, (retry_in_ms + 999) / 1000);
  const int64_t window_s = std::max<int64_t>(1, (budget.window_ms + 999) / 1000);
  return ResourceExhausted("too many failed pairing attempts; retry in " +
                           std::to_string(retry_s) + " s (limit: " +
                           std::to_string(budget.max_failures) + " failures per " +
                           std::to_string(window_s) + " s from " + std::string(scope) + ")");
}

}  // namespace

PairingFailureLimiter::PairingFailureLimiter(PairingFailureBudget global, PairingFailureBudget peer,
                                             size_t max_tracked_peers)
    : global_budget_(Clamp(global)),
      peer_budget_(Clamp(peer)),
      max_tracked_peers_(std::max<size_t>(max_tracked_peers, 1)) {}

void PairingFailureLimiter::PruneWindow(std::deque<int64_t>& window, int64_t cutoff) {
  while (!window.empty() && window.front() <= cutoff) window.pop_front();
}

void PairingFailureLimiter::PruneLocked(int64_t now_unix_ms) {
  PruneWindow(global_, now_unix_ms - global_budget_.window_ms);
  if (peers_.size() < max_tracked_peers_) return;
  const int64_t cutoff = now_unix_ms - peer_budget_.window_ms;
  for (auto it = peers_.begin(); it != peers_.end();) {
    PruneWindow(it->second, cutoff);
    it = it->second.empty() ? peers_.erase(it) : std::next(it);
  }
}

Status PairingFailureLimiter::Check(std::string_view peer, int64_t now_unix_ms) {
  std::lock_guard lock(mu_);
  PruneLocked(now_unix_ms);
  if (global_.size() >= global_budget_.max_failures) {
    return Exhausted("all peers", global_budget_,
                     global_.front() + global_budget_.window_ms - now_unix_ms);
  }
  if (peer.empty()) return Status::Ok();
  auto it = peers_.find(peer);
  if (it == peers_.end()) return Status::Ok();
  PruneWindow(it->second, now_unix_ms - peer_budget_.window_ms);
  if (it->second.size() >= peer_budget_.max_failures) {
    return Exhausted("this peer", peer_budget_,
                     it->second.front() + peer_budget_.window_ms - now_unix_ms);
  }
  return Status::Ok();
}

void PairingFailureLimiter::RecordFailure(std::string_view peer, int64_t now_unix_ms) {
  std::lock_guard lock(mu_);
  PruneLocked(now_unix_ms);
  global_.push_back(now_unix_ms);
  if (peer.empty()) return;
  auto it = peers_.find(peer);
  if (it == peers_.end()) {
    if (peers_.size() >= max_tracked_peers_) {
      // Every tracked peer still has failures in the window: forget the one whose latest failure
      // is oldest. The global budget still counts everything.
      auto latest = [](const auto& entry) {
        return entry.second.empty() ? INT64_MIN : entry.second.back();
      };
      auto stalest = std::min_element(peers_.begin(), peers_.end(), [&](const auto& a,
                                                                         const auto& b) {
        return latest(a) < latest(b);
      });
      peers_.erase(stalest);
    }
    it = peers_.emplace(std::string(peer), std::deque<int64_t>()).first;
  }
  it->second.push_back(now_unix_ms);
}

size_t PairingFailureLimiter::GlobalFailures(int64_t now_unix_ms) {
  std::lock_guard lock(mu_);
  PruneLocked(now_unix_ms);
  return global_.size();
}

size_t PairingFailureLimiter::PeerFailures(std::string_view peer, int64_t now_unix_ms) {
  std::lock_guard lock(mu_);
  auto it = peers_.find(peer);
  if (it == peers_.end()) return 0;
  PruneWindow(it->second, now_unix_ms - peer_budget_.window_ms);
  return it->second.size();
}

}  // namespace palyra::identity
