#pragma once
// The node event log aggregate: per device, events numbered 1, 2, 3, ... without gaps (the
// numbering lives in a head row per device), and how far the log was pruned.
//
// Atomicity: Append numbers and stores one event in one step, so a failed append leaves no gap;
// Prune and Forget are one step each. The reads need no transaction: events are immutable once
// written, and the daemon is the log's only writer.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace palyra::store {

struct NodeEvent {
  uint64_t seq = 0;
  std::string kind;          // e.g. "capability.dispatch", "certificate.rotation_due"
  std::string payload_json;  // one JSON value
  int64_t created_at_unix_ms = 0;
};

class EventLogRepository {
 public:
  virtual ~EventLogRepository() = default;

  // The last sequence handed out for the device (0 before its first event).
  virtual Result<uint64_t> LastSeq(std::string_view device_id) = 0;
  // Gives the event the device's next sequence and stores it; returns that sequence.
  virtual Result<uint64_t> Append(std::string_view device_id, std::string_view kind,
                                  std::string_view payload_json, int64_t created_at_unix_ms) = 0;
  // Events up to this sequence were pruned (0 when none were, or the device has no log).
  virtual Result<uint64_t> PrunedThrough(std::string_view device_id) = 0;
  // Up to `limit` events after `after_seq`, oldest first.
  virtual Result<std::vector<NodeEvent>> ReadAfter(std::string_view device_id, uint64_t after_seq,
                                                   size_t limit) = 0;
  // Per device, deletes the events created before `created_before_unix_ms` and those more than
  // `keep_per_device` behind the last one, and records how far it pruned. Returns how many.
  virtual Result<uint64_t> Prune(int64_t created_before_unix_ms, size_t keep_per_device) = 0;
  // Deletes the device's log, numbering included.
  virtual Status Forget(std::string_view device_id) = 0;
};

}  // namespace palyra::store
