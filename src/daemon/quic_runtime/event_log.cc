#include "daemon/quic_runtime/event_log.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "common/time.h"
#include "common/ulid.h"

namespace palyra::daemon::quic_runtime {

Result<std::unique_ptr<NodeEventLog>> NodeEventLog::Open(
    const EventLogOptions& options, std::unique_ptr<store::EventLogRepository> events) {
  if (options.retention_ms <= 0) return InvalidArgument("event log retention must be positive");
  if (options.max_events_per_device == 0) {
    return InvalidArgument("event log must keep at least one event per device");
  }
  if (!events) return InvalidArgument("the event log needs an event log repository");
  return std::unique_ptr<NodeEventLog>(new NodeEventLog(options, std::move(events)));
}

int64_t NodeEventLog::Now() const { return options_.clock ? options_.clock() : NowUnixMs(); }

Result<uint64_t> NodeEventLog::LastSeqLocked(std::string_view device_id) {
  const std::string device(device_id);
  if (auto it = last_seq_.find(device); it != last_seq_.end()) return it->second;
  PALYRA_ASSIGN_OR_RETURN(const uint64_t last, events_->LastSeq(device_id));
  last_seq_.emplace(device, last);
  return last;
}

Result<uint64_t> NodeEventLog::Append(std::string_view device_id, std::string_view kind,
                                      std::string_view payload_json) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  if (kind.empty() || kind.size() > kMaxEventKindBytes) {
    return InvalidArgument("event kind must be 1.." + std::to_string(kMaxEventKindBytes) +
                           " bytes");
  }
  if (payload_json.size() > kMaxEventPayloadBytes) {
    return InvalidArgument("event payload is " + std::to_string(payload_json.size()) +
                           " bytes, over the " + std::to_string(kMaxEventPayloadBytes) +
                           "-byte limit");
  }
  if (!nlohmann::json::accept(payload_json)) {
    return InvalidArgument("event payload is not valid JSON");
  }
  std::unique_lock lock(mu_);
  if (closed_) return Unavailable("the event log is closed");
  const int64_t now = Now();
  PALYRA_ASSIGN_OR_RETURN(const uint64_t seq,
                          events_->Append(device_id, kind, payload_json, now));
  last_seq_[std::string(device_id)] = seq;
  appended_.notify_all();
  lock.unlock();
  if (observer_) observer_(std::string(device_id));
  return seq;
}

Result<uint64_t> NodeEventLog::LastSeq(std::string_view device_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  std::lock_guard lock(mu_);
  return LastSeqLocked(device_id);
}

Result<std::vector<NodeEvent>> NodeEventLog::ReadAfter(std::string_view device_id,
                                                       uint64_t after_seq, size_t limit) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  std::lock_guard lock(mu_);
  PALYRA_ASSIGN_OR_RETURN(uint64_t last, LastSeqLocked(device_id));
  if (after_seq > last) {
    return InvalidArgument("resume point " + std::to_string(after_seq) +
                           " is beyond the last event " + std::to_string(last));
  }
  std::vector<NodeEvent> out;
  if (after_seq == last || limit == 0) return out;
  PALYRA_ASSIGN_OR_RETURN(const uint64_t pruned_through, events_->PrunedThrough(device_id));
  if (after_seq < pruned_through) {
    return Status(StatusCode::kOutOfRange,
                  "resume_too_old: events up to " + std::to_string(pruned_through) +
                      " were pruned; resync from the current state");
  }
  return events_->ReadAfter(device_id, after_seq, limit);
}

bool NodeEventLog::WaitForEventsAfter(std::string_view device_id, uint64_t after_seq,
                                      int64_t timeout_ms) {
  std::unique_lock lock(mu_);
  auto has_new = [&] {
    if (closed_) return true;
    Result<uint64_t> last = LastSeqLocked(device_id);
    return last.ok() && *last > after_seq;
  };
  appended_.wait_for(lock, std::chrono::milliseconds(std::max<int64_t>(timeout_ms, 0)), has_new);
  if (closed_) return false;
  Result<uint64_t> last = LastSeqLocked(device_id);
  return last.ok() && *last > after_seq;
}

Result<uint64_t> NodeEventLog::Prune() {
  std::lock_guard lock(mu_);
  const int64_t cutoff = Now() - options_.retention_ms;
  return events_->Prune(cutoff, options_.max_events_per_device);
}

Status NodeEventLog::Forget(std::string_view device_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  std::lock_guard lock(mu_);
  PALYRA_RETURN_IF_ERROR(events_->Forget(device_id));
  last_seq_.erase(std::string(device_id));
  return Status::Ok();
}

void NodeEventLog::Close() {
  std::lock_guard lock(mu_);
  closed_ = true;
  appended_.notify_all();
}

}  // namespace palyra::daemon::quic_runtime
