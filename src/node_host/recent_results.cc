#include "node_host/recent_results.h"

namespace palyra::node_host {

void RecentResults::Forget(std::list<std::pair<std::string, std::string>>::iterator it) {
  bytes_ -= it->second.size();
  by_id_.erase(it->first);
  entries_.erase(it);
}

void RecentResults::Remember(const std::string& request_id, std::string payload) {
  if (auto found = by_id_.find(request_id); found != by_id_.end()) Forget(found->second);
  if (max_entries_ == 0 || payload.size() > max_bytes_) return;
  while (!entries_.empty() &&
         (entries_.size() >= max_entries_ || bytes_ + payload.size() > max_bytes_)) {
    Forget(entries_.begin());
  }
  bytes_ += payload.size();
  entries_.emplace_back(request_id, std::move(payload));
  by_id_.emplace(request_id, std::prev(entries_.end()));
}

std::optional<std::string> RecentResults::Find(std::string_view request_id) const {
  auto found = by_id_.find(std::string(request_id));
  if (found == by_id_.end()) return std::nullopt;
  return found->second->second;
}

}  // namespace palyra::node_host
