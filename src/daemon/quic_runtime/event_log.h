#pragma once
// The durable per-device log of daemon-to-node events that node.stream_events serves: each
// device's events are numbered 1, 2, 3, ... with no gaps, kept in the event log repository
// (store/event_log_repository.h), and replayed after a
// resume point. Old events are pruned (by age and by count per device); a resume point older
// than what is left is told apart, so the node can resync instead of silently missing events.
// Waiters are woken on append for the live tail. Thread-safe.

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "store/event_log_repository.h"

namespace palyra::daemon::quic_runtime {

// Room for a capability dispatch's input; with its envelope an event stays within one frame.
inline constexpr size_t kMaxEventPayloadBytes = 480 * 1024;
inline constexpr size_t kMaxEventKindBytes = 64;
inline constexpr int64_t kDefaultEventRetentionMs = 24LL * 60 * 60 * 1000;
inline constexpr size_t kDefaultMaxEventsPerDevice = 10'000;

struct EventLogOptions {
  std::function<int64_t()> clock;  // Unix ms; empty: the real clock
  int64_t retention_ms = kDefaultEventRetentionMs;
  size_t max_events_per_device = kDefaultMaxEventsPerDevice;
};

using store::NodeEvent;

class NodeEventLog {
 public:
  // Keeps `events` (give it a connection of its own).
  static Result<std::unique_ptr<NodeEventLog>> Open(
      const EventLogOptions& options, std::unique_ptr<store::EventLogRepository> events);

  // Appends an event and returns its sequence number. INVALID_ARGUMENT for a non-canonical
  // device id, an empty or over-64-byte kind, or a payload that is not JSON or over 64 KiB.
  Result<uint64_t> Append(std::string_view device_id, std::string_view kind,
                          std::string_view payload_json);

  // Up to `limit` events after `after_seq`, oldest first (empty when there are none yet).
  // OUT_OF_RANGE "resume_too_old" when events after `after_seq` were already pruned.
  // INVALID_ARGUMENT for a resume point beyond the last sequence handed out.
  Result<std::vector<NodeEvent>> ReadAfter(std::string_view device_id, uint64_t after_seq,
                                           size_t limit);
  // The last sequence handed out for the device (0 before its first event).
  Result<uint64_t> LastSeq(std::string_view device_id);

  // Blocks until the device's last sequence exceeds `after_seq`, `timeout_ms` passes or
  // Close() is called; returns whether there is something new.
  bool WaitForEventsAfter(std::string_view device_id, uint64_t after_seq, int64_t timeout_ms);

  // Called after every successful Append (on the appending thread, outside the log's lock), for
  // the live tail. Set it before the log is shared.
  void SetAppendObserver(std::function<void(const std::string& device_id)> observer) {
    observer_ = std::move(observer);
  }

  // Deletes events older than the retention and beyond the per-device count. Returns how many.
  Result<uint64_t> Prune();
  // Forgets a device's log entirely (its device was removed).
  Status Forget(std::string_view device_id);
  // Wakes every waiter for good (shutdown).
  void Close();

 private:
  NodeEventLog(const EventLogOptions& options, std::unique_ptr<store::EventLogRepository> events)
      : options_(options), events_(std::move(events)) {}
  int64_t Now() const;
  Result<uint64_t> LastSeqLocked(std::string_view device_id);

  const EventLogOptions options_;
  std::mutex mu_;
  std::condition_variable appended_;
  std::unique_ptr<store::EventLogRepository> events_;
  // Last sequence per device, loaded on first use and kept current by Append (this process is
  // the log's only writer).
  std::unordered_map<std::string, uint64_t> last_seq_;
  bool closed_ = false;
  std::function<void(const std::string& device_id)> observer_;
};

}  // namespace palyra::daemon::quic_runtime
