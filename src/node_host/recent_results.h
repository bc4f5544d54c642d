#pragma once
// The node host's memory of the results it produced lately, keyed by request id. The gateway
// dispatches a request again when the stream that carried it died before the answer arrived;
// with this memory the host answers such a repeat without running the capability twice.
// Bounded by entry count and by total payload bytes, oldest forgotten first. Not thread-safe:
// the run loop uses it under its work mutex.

#include <cstddef>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace palyra::node_host {

class RecentResults {
 public:
  RecentResults(size_t max_entries, size_t max_bytes)
      : max_entries_(max_entries), max_bytes_(max_bytes) {}

  // Remembers `payload` (the capability.result event) for `request_id`, replacing an older one.
  // A payload larger than max_bytes is not kept.
  void Remember(const std::string& request_id, std::string payload);
  std::optional<std::string> Find(std::string_view request_id) const;

  size_t size() const { return entries_.size(); }
  size_t bytes() const { return bytes_; }

 private:
  void Forget(std::list<std::pair<std::string, std::string>>::iterator it);

  const size_t max_entries_;
  const size_t max_bytes_;
  size_t bytes_ = 0;
  std::list<std::pair<std::string, std::string>> entries_;  // oldest first
  std::unordered_map<std::string, std::list<std::pair<std::string, std::string>>::iterator>
      by_id_;
};

}  // namespace palyra::node_host
