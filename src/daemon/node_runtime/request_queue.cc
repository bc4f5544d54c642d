#include "daemon/node_runtime/request_queue.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <utility>

#include "common/strings.h"
#include "common/ulid.h"
#include "daemon/node_runtime/payload_summary.h"

namespace palyra::node_runtime {
namespace {

using S = CapabilityRequestState;

constexpr std::string_view kDefaultCancelReason = "cancelled by caller";

std::string NotJsonSummary(size_t bytes) {
  return R"({"redacted":true,"reason":"not_json","bytes":)" + std::to_string(bytes) + "}";
}

}  // namespace

RequestQueue::RequestQueue(const NodeRuntimeOptions& options, std::function<int64_t()> clock,
                           store::GroupCommit& group_commit,
                           store::CapabilityRequestRepository& repository, NodeRegistry& registry)
    : options_(options),
      clock_(std::move(clock)),
      group_commit_(group_commit),
      repository_(repository),
      registry_(registry) {}

void RequestQueue::Load(const CapabilityRequestStateCounts& counts, uint64_t recovered) {
  Section section(group_commit_);
  counters_.requests_by_state = counts;
  counters_.recovered_at_open = recovered;
}

Result<ListenerId> RequestQueue::AttachDispatchListener(std::string_view device_id,
                                                        DispatchListener listener) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  if (!listener) return InvalidArgument("dispatch listener must not be empty");
  RequestOutbox outbox;
  ListenerId id = 0;
  {
    Section section(group_commit_);
    PALYRA_RETURN_IF_ERROR(section.health());
    const int64_t now = clock_();
    const std::string device(device_id);
    std::vector<std::string> refills;
    std::vector<const CapabilityRequestRecord*> redeliveries;
    if (auto it = work_.find(device); it != work_.end()) {
      refills = RefillCandidates(it->second, 0, {});
      if (it->second.in_flight > 0) redeliveries = DispatchedWithoutAnswer(device);
    }
    if (!refills.empty()) {
      PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
      for (const std::string& request_id : refills) {
        PALYRA_RETURN_IF_ERROR(repository_.MarkDispatched(request_id, device, now));
      }
      PALYRA_RETURN_IF_ERROR(op.Commit());
    }
    DeviceWork& work = work_[device];
    if (work.listener_id != 0) listener_devices_.erase(work.listener_id);
    id = next_listener_id_++;
    work.listener_id = id;
    work.listener = std::make_shared<const DispatchListener>(std::move(listener));
    listener_devices_.emplace(id, device);
    // Work dispatched on an earlier stream may never have reached the node (it was written as
    // the connection died), so it goes out again on the new one, oldest first. The node host
    // ignores a request it is already running and answers one it has finished from its memory
    // of recent results; delivery is at least once.
    if (!redeliveries.empty()) {
      spdlog::info("node runtime: dispatching {} unanswered request(s) again to device {}",
                   redeliveries.size(), device);
    }
    for (const CapabilityRequestRecord* r : redeliveries) {
      outbox.dispatches.emplace_back(work.listener, MakeDispatch(*r));
    }
    for (const std::string& request_id : refills) {
      outbox.dispatches.emplace_back(work.listener, ApplyDispatched(request_id, now));
    }
    PALYRA_RETURN_IF_ERROR(section.Finish());
  }
  outbox.Deliver();
  return id;
}

void RequestQueue::DetachDispatchListener(ListenerId id) {
  Section section(group_commit_);
  auto it = listener_devices_.find(id);
  if (it == listener_devices_.end()) return;
  auto work = work_.find(it->second);
  listener_devices_.erase(it);
  if (work == work_.end() || work->second.listener_id != id) return;
  work->second.listener_id = 0;
  work->second.listener.reset();
  if (work->second.live == 0) work_.erase(work);
}

Result<std::optional<CapabilityDispatch>> RequestQueue::NextDispatch(std::string_view device_id) {
  store::GroupCommit::ActiveCall active(group_commit_);
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  Section section(group_commit_);
  PALYRA_RETURN_IF_ERROR(section.health());
  auto it = work_.find(std::string(device_id));
  if (it == work_.end() || it->second.queue.empty() ||
      it->second.in_flight >= options_.max_in_flight_per_device) {
    return std::optional<CapabilityDispatch>();
  }
  const std::string request_id = it->second.queue.front();
  const int64_t now = clock_();
  {
    PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
    PALYRA_RETURN_IF_ERROR(repository_.MarkDispatched(request_id, device_id, now));
    PALYRA_RETURN_IF_ERROR(op.Commit());
  }
  CapabilityDispatch dispatch = ApplyDispatched(request_id, now);
  PALYRA_RETURN_IF_ERROR(section.Finish());
  return std::optional<CapabilityDispatch>(std::move(dispatch));
}

Result<CapabilityRequestRecord> RequestQueue::MarkAwaitingMediation(std::string_view device_id,
                                                                    std::string_view request_id) {
  store::GroupCommit::ActiveCall active(group_commit_);
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request_id, "request_id"));
  Section section(group_commit_);
  PALYRA_RETURN_IF_ERROR(section.health());
  auto it = live_.find(std::string(request_id));
  if (it == live_.end()) return RefusalForNonLive(request_id, device_id, "mediation event");
  CapabilityRequestRecord& r = it->second.record;
  if (r.device_id != device_id || (r.dispatched_to.has_value() && *r.dispatched_to != device_id)) {
    return PermissionDenied("capability request " + std::string(request_id) +
                            " was not dispatched to device " + std::string(device_id));
  }
  if (!IsLegalTransition(r.state, S::kAwaitingLocalMediation)) {
    return FailedPrecondition("capability request " + std::string(request_id) + " cannot go from " +
                              std::string(CapabilityRequestStateName(r.state)) +
                              " to awaiting_local_mediation");
  }
  const int64_t now = clock_();
  {
    PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
    PALYRA_RETURN_IF_ERROR(repository_.MarkAwaitingMediation(request_id, now));
    PALYRA_RETURN_IF_ERROR(op.Commit());
  }
  --counters_.requests_by_state[static_cast<size_t>(r.state)];
  ++counters_.requests_by_state[static_cast<size_t>(S::kAwaitingLocalMediation)];
  r.state = S::kAwaitingLocalMediation;
  r.updated_at_unix_ms = now;
  CapabilityRequestRecord out = r;
  PALYRA_RETURN_IF_ERROR(section.Finish());
  return out;
}

Result<CapabilityRequestRecord> RequestQueue::Complete(std::string_view device_id,
                                                       std::string_view request_id,
                                                       const CapabilityResult& result) {
  store::GroupCommit::ActiveCall active(group_commit_);
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request_id, "request_id"));
  if (result.success && result.denied_by_local_mediation) {
    return InvalidArgument("a capability result cannot both succeed and be denied");
  }
  // Parse and summarise outside the lock; the size check against the request's own limit
  // happens below.
  const std::string& output = result.output_json;
  const bool over_cap = output.size() > options_.max_payload_bytes_cap;
  bool output_is_json = true;
  std::optional<std::string> output_summary;
  if (!over_cap && !output.empty()) {
    const nlohmann::json parsed =
        nlohmann::json::parse(output, nullptr, /*allow_exceptions=*/false);
    output_is_json = !parsed.is_discarded();
    output_summary = output_is_json ? SummarizeJson(parsed) : NotJsonSummary(output.size());
  }
  std::string error = BoundedError(result.error, kMaxErrorBytes);

  RequestOutbox outbox;
  std::vector<CapabilityRequestRecord> finished;
  {
    Section section(group_commit_);
    PALYRA_RETURN_IF_ERROR(section.health());
    auto it = live_.find(std::string(request_id));
    if (it == live_.end()) return RefusalForNonLive(request_id, device_id, "result");
    const CapabilityRequestRecord& r = it->second.record;
    if (r.device_id != device_id ||
        (r.dispatched_to.has_value() && *r.dispatched_to != device_id)) {
      return PermissionDenied("capability request " + std::string(request_id) +
                              " was not dispatched to device " + std::string(device_id));
    }
    const S target = result.denied_by_local_mediation ? S::kRejected
                     : result.success                 ? S::kSucceeded
                                                      : S::kFailed;
    if (r.state == S::kQueued) {
      return FailedPrecondition("capability request " + std::string(request_id) +
                                " is queued and was never dispatched; its result was refused");
    }
    if (!IsLegalTransition(r.state, target)) {
      return FailedPrecondition("capability request " + std::string(request_id) +
                                " cannot go from " +
                                std::string(CapabilityRequestStateName(r.state)) + " to " +
                                std::string(CapabilityRequestStateName(target)));
    }
    Finish f{std::string(request_id), target, {}, std::nullopt, std::nullopt};
    if (output.size() > r.max_payload_bytes) {
      f.to = S::kFailed;
      f.error = "output_json is " + std::to_string(output.size()) +
                " bytes, over the request's payload limit of max_payload_bytes=" +
                std::to_string(r.max_payload_bytes);
    } else if (!output_is_json) {
      f.to = S::kFailed;
      f.error = std::string(kErrorOutputNotJson);
      f.output_summary = std::move(output_summary);
    } else {
      f.output_json = output;
      f.output_summary = std::move(output_summary);
      if (!error.empty()) {
        f.error = std::move(error);
      } else if (target != S::kSucceeded) {
        f.error = std::string(kErrorFailedWithoutMessage);
      }
    }
    std::vector<Finish> finishes;
    finishes.push_back(std::move(f));
    PALYRA_RETURN_IF_ERROR(
        FinishAndRefill(std::move(finishes), clock_(), outbox, {}, std::nullopt, &finished));
    PALYRA_RETURN_IF_ERROR(section.Finish());
  }
  active.Done();
  outbox.Deliver();
  return std::move(finished.front());
}

Result<CapabilityRequestRecord> RequestQueue::Cancel(std::string_view request_id,
                                                     std::string_view reason) {
  store::GroupCommit::ActiveCall active(group_commit_);
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request_id, "request_id"));
  std::string error = BoundedError(TrimAsciiWhitespace(reason), kMaxErrorBytes);
  if (error.empty()) error = std::string(kDefaultCancelReason);
  RequestOutbox outbox;
  std::vector<CapabilityRequestRecord> finished;
  {
    Section section(group_commit_);
    PALYRA_RETURN_IF_ERROR(section.health());
    if (live_.find(std::string(request_id)) == live_.end()) {
      PALYRA_ASSIGN_OR_RETURN(std::optional<CapabilityRequestRecord> stored,
                              repository_.Get(request_id));
      if (!stored.has_value()) {
        return NotFound("capability request " + std::string(request_id) + " not found");
      }
      return FailedPrecondition("capability request " + std::string(request_id) + " is already " +
                                std::string(CapabilityRequestStateName(stored->state)));
    }
    std::vector<Finish> finishes;
    finishes.push_back({std::string(request_id), S::kFailed, {}, std::nullopt, std::move(error)});
    PALYRA_RETURN_IF_ERROR(
        FinishAndRefill(std::move(finishes), clock_(), outbox, {}, std::nullopt, &finished));
    PALYRA_RETURN_IF_ERROR(section.Finish());
  }
  active.Done();
  outbox.Deliver();
  return std::move(finished.front());
}

Result<size_t> RequestQueue::FailDeviceWork(std::string_view device_id, std::string_view reason) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  std::string error = BoundedError(TrimAsciiWhitespace(reason), kMaxErrorBytes);
  if (error.empty()) return InvalidArgument("reason must not be empty");
  RequestOutbox outbox;
  size_t count = 0;
  {
    Section section(group_commit_);
    PALYRA_RETURN_IF_ERROR(section.health());
    PALYRA_ASSIGN_OR_RETURN(
        count, FailDeviceWorkInSection(device_id, std::move(error), clock_(), outbox, {}));
    PALYRA_RETURN_IF_ERROR(section.Finish());
  }
  outbox.Deliver();
  return count;
}

Result<size_t> RequestQueue::FailDeviceWorkInSection(std::string_view device_id, std::string error,
                                                     int64_t now, RequestOutbox& outbox,
                                                     const std::function<Status()>& also) {
  std::vector<Finish> finishes;
  for (const auto& [id, live] : live_) {
    if (live.record.device_id == device_id) {
      finishes.push_back({id, S::kFailed, {}, std::nullopt, error});
    }
  }
  std::sort(finishes.begin(), finishes.end(),
            [](const Finish& a, const Finish& b) { return a.request_id < b.request_id; });
  const size_t count = finishes.size();
  PALYRA_RETURN_IF_ERROR(FinishAndRefill(std::move(finishes), now, outbox, also, device_id));
  return count;
}

Result<uint64_t> RequestQueue::PruneHistory(int64_t now_unix_ms) {
  constexpr size_t kBatchRows = 1000;
  uint64_t total = 0;
  while (true) {
    uint64_t batch = 0;
    {
      Section section(group_commit_);
      PALYRA_RETURN_IF_ERROR(section.health());
      PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
      PALYRA_ASSIGN_OR_RETURN(
          auto deleted, repository_.PruneHistory(now_unix_ms - options_.history_retention_ms,
                                                 options_.max_history_per_device, kBatchRows));
      PALYRA_RETURN_IF_ERROR(op.Commit());
      for (size_t i = 0; i < deleted.size(); ++i) {
        counters_.requests_by_state[i] -= std::min(counters_.requests_by_state[i], deleted[i]);
        batch += deleted[i];
      }
      PALYRA_RETURN_IF_ERROR(section.Finish());
    }
    total += batch;
    if (batch < kBatchRows) return total;
  }
}

Status RequestQueue::ExpireOverdue(int64_t now_unix_ms, RequestOutbox& outbox,
                                   Status& expiry_status) {
  Section section(group_commit_);
  PALYRA_RETURN_IF_ERROR(section.health());
  std::vector<Finish> finishes;
  for (auto it = deadlines_.begin(); it != deadlines_.end() && it->first <= now_unix_ms; ++it) {
    finishes.push_back({it->second, S::kTimedOut, {}, std::nullopt, std::string(kErrorTimedOut)});
  }
  if (!finishes.empty()) expiry_status = FinishAndRefill(std::move(finishes), now_unix_ms, outbox);
  return section.Finish();
}

Status RequestQueue::OnTerminal(std::string_view request_id, TerminalCallback callback) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request_id, "request_id"));
  if (!callback) return InvalidArgument("terminal callback must not be empty");
  CapabilityRequestRecord record;
  {
    Section section(group_commit_);
    PALYRA_RETURN_IF_ERROR(section.health());
    if (auto it = live_.find(std::string(request_id)); it != live_.end()) {
      it->second.waiters.push_back(std::move(callback));
      ++counters_.terminal_waiters;
      return Status::Ok();
    }
    PALYRA_ASSIGN_OR_RETURN(std::optional<CapabilityRequestRecord> stored,
                            repository_.Get(request_id));
    if (!stored.has_value()) {
      return NotFound("capability request " + std::string(request_id) + " not found");
    }
    record = *std::move(stored);
  }
  InvokeGuarded(callback, record);
  return Status::Ok();
}

Result<CapabilityRequestRecord> RequestQueue::WaitForTerminal(
    std::string_view request_id, std::chrono::steady_clock::time_point deadline) {
  struct Waiter {
    std::mutex mu;
    std::condition_variable cv;
    std::optional<CapabilityRequestRecord> record;
  };
  auto waiter = std::make_shared<Waiter>();
  PALYRA_RETURN_IF_ERROR(OnTerminal(request_id, [waiter](const CapabilityRequestRecord& r) {
    std::lock_guard lock(waiter->mu);
    waiter->record = r;
    waiter->cv.notify_all();
  }));
  std::unique_lock lock(waiter->mu);
  if (!waiter->cv.wait_until(lock, deadline, [&] { return waiter->record.has_value(); })) {
    return DeadlineExceeded("capability request " + std::string(request_id) +
                            " did not finish before the wait deadline");
  }
  return *waiter->record;
}

Result<CapabilityRequestRecord> RequestQueue::GetRequest(std::string_view request_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request_id, "request_id"));
  Section section(group_commit_);
  PALYRA_RETURN_IF_ERROR(section.health());
  if (auto it = live_.find(std::string(request_id)); it != live_.end()) return it->second.record;
  PALYRA_ASSIGN_OR_RETURN(std::optional<CapabilityRequestRecord> stored,
                          repository_.Get(request_id));
  if (!stored.has_value()) {
    return NotFound("capability request " + std::string(request_id) + " not found");
  }
  return *std::move(stored);
}

Result<std::vector<CapabilityRequestRecord>> RequestQueue::ListRequests(std::string_view device_id,
                                                                        size_t limit) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  Section section(group_commit_);
  PALYRA_RETURN_IF_ERROR(section.health());
  return repository_.ListByDevice(device_id, std::clamp<size_t>(limit, 1, kMaxListLimit));
}

NodeRuntimeStats RequestQueue::Stats() {
  NodeRuntimeStats stats;
  {
    Section section(group_commit_);
    stats = counters_;
    stats.transactions_committed = group_commit_.transactions_committed();
    stats.mutations_committed = group_commit_.mutations_committed();
    for (const auto& [device, work] : work_) {
      stats.queue_depth += work.queue.size();
      stats.in_flight += work.in_flight;
      if (work.listener != nullptr) ++stats.dispatch_listeners;
    }
  }
  return stats;
}

}  // namespace palyra::node_runtime
