// RequestQueue::Enqueue: validation, the idempotent replay, the availability gate, the bounds on
// live work, and the new request (dispatched at once when the device's stream has room).

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "common/ulid.h"
#include "daemon/node_runtime/input_validation.h"
#include "daemon/node_runtime/payload_summary.h"
#include "daemon/node_runtime/request_queue.h"

namespace palyra::node_runtime {
namespace {

using S = CapabilityRequestState;

}  // namespace

Result<CapabilityRequestRecord> RequestQueue::Enqueue(const InvokeRequest& request,
                                                      TerminalCallback on_terminal) {
  store::GroupCommit::ActiveCall active(group_commit_);
  PALYRA_ASSIGN_OR_RETURN(CapabilityRequestRecord draft, Draft(request));
  RequestOutbox outbox;
  Enqueued out;
  {
    Section section(group_commit_);
    PALYRA_RETURN_IF_ERROR(section.health());
    PALYRA_RETURN_IF_ERROR(
        EnqueueInSection(std::move(draft), request.input_json, on_terminal, outbox, out));
    PALYRA_RETURN_IF_ERROR(section.Finish());
  }
  active.Done();
  outbox.Deliver();
  if (out.terminal_now && on_terminal) InvokeGuarded(on_terminal, out.record);
  return std::move(out.record);
}

Result<CapabilityRequestRecord> RequestQueue::Draft(const InvokeRequest& request) const {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request.device_id, "device_id"));
  CapabilityRequestRecord r;
  PALYRA_ASSIGN_OR_RETURN(r.capability,
                          CleanName(request.capability, "capability", kMaxCapabilityNameBytes));
  if (request.idempotency_key.has_value()) {
    PALYRA_ASSIGN_OR_RETURN(
        std::string clean,
        CleanName(*request.idempotency_key, "idempotency_key", kMaxIdempotencyKeyBytes));
    r.idempotency_key = std::move(clean);
  }
  if (request.timeout_ms < 0) return InvalidArgument("timeout_ms must not be negative");
  const uint64_t limit =
      request.max_payload_bytes == 0
          ? options_.default_max_payload_bytes
          : std::min<uint64_t>(request.max_payload_bytes, options_.max_payload_bytes_cap);
  if (request.input_json.size() > limit) {
    return InvalidArgument("input_json is " + std::to_string(request.input_json.size()) +
                           " bytes, over the payload limit of " + std::to_string(limit) +
                           " bytes (max_payload_bytes)");
  }
  if (!request.input_json.empty()) {
    const nlohmann::json parsed =
        nlohmann::json::parse(request.input_json, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) return InvalidArgument("input_json is not valid JSON");
    r.input_summary = SummarizeJson(parsed);
  }
  r.timeout_ms = request.timeout_ms == 0 ? options_.default_timeout_ms
                                         : std::clamp(request.timeout_ms, options_.min_timeout_ms,
                                                      options_.max_timeout_ms);
  r.max_payload_bytes = limit;
  r.request_id = NewUlid();
  r.device_id = request.device_id;
  return r;
}

Status RequestQueue::EnqueueInSection(CapabilityRequestRecord draft, const std::string& input_json,
                                      TerminalCallback& on_terminal, RequestOutbox& outbox,
                                      Enqueued& out) {
  const int64_t now = clock_();
  const CapabilityAccess access = registry_.Access(draft.device_id, draft.capability);
  if (access == CapabilityAccess::kNodeNotRegistered) {
    return FailedPrecondition(std::string(kNodeMustRegister));
  }
  if (draft.idempotency_key.has_value()) {
    PALYRA_ASSIGN_OR_RETURN(bool replayed, Replay(draft, on_terminal, out));
    if (replayed) return Status::Ok();
  }
  draft.deadline_at_unix_ms = now + draft.timeout_ms;
  draft.created_at_unix_ms = now;
  draft.updated_at_unix_ms = now;
  if (access != CapabilityAccess::kAvailable) {
    // Gate on availability: the work never reaches the node.
    return InsertRejected(std::move(draft), access, out);
  }
  PALYRA_RETURN_IF_ERROR(CheckCapacity(draft.device_id));
  return InsertLive(std::move(draft), input_json, on_terminal, outbox, out);
}

Result<bool> RequestQueue::Replay(const CapabilityRequestRecord& draft,
                                  TerminalCallback& on_terminal, Enqueued& out) {
  PALYRA_ASSIGN_OR_RETURN(
      std::optional<CapabilityRequestRecord> existing,
      repository_.FindByIdempotencyKey(draft.device_id, *draft.idempotency_key));
  if (!existing.has_value()) return false;
  if (auto it = live_.find(existing->request_id); it != live_.end()) {
    if (on_terminal) {
      it->second.waiters.push_back(std::move(on_terminal));
      ++counters_.terminal_waiters;
    }
    out.record = it->second.record;
  } else {
    out.record = *std::move(existing);
    out.terminal_now = true;
  }
  return true;
}

Status RequestQueue::InsertRejected(CapabilityRequestRecord r, CapabilityAccess access,
                                    Enqueued& out) {
  r.state = S::kRejected;
  r.completed_at_unix_ms = r.created_at_unix_ms;
  r.error = access == CapabilityAccess::kUnavailable
                ? "capability " + Quoted(r.capability) + " is currently unavailable on this node"
                : "capability " + Quoted(r.capability) + " is not advertised by this node";
  PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
  PALYRA_RETURN_IF_ERROR(repository_.Insert(r));
  PALYRA_RETURN_IF_ERROR(op.Commit());
  ++counters_.requests_by_state[static_cast<size_t>(S::kRejected)];
  ++counters_.enqueued;
  ++counters_.rejected_at_enqueue;
  out.record = std::move(r);
  out.terminal_now = true;
  return Status::Ok();
}

Status RequestQueue::CheckCapacity(const std::string& device_id) {
  auto work_it = work_.find(device_id);
  const size_t device_live = work_it == work_.end() ? 0 : work_it->second.live;
  if (device_live >= options_.max_live_per_device) {
    ++counters_.refused_queue_full;
    return ResourceExhausted("node " + device_id + " already has " + std::to_string(device_live) +
                             " capability requests queued or in flight (the limit); retry after "
                             "some finish");
  }
  if (live_.size() >= options_.max_live_requests) {
    ++counters_.refused_queue_full;
    return ResourceExhausted("the daemon already has " + std::to_string(live_.size()) +
                             " capability requests queued or in flight (the limit); retry "
                             "later");
  }
  return Status::Ok();
}

Status RequestQueue::InsertLive(CapabilityRequestRecord r, const std::string& input_json,
                                TerminalCallback& on_terminal, RequestOutbox& outbox,
                                Enqueued& out) {
  auto work_it = work_.find(r.device_id);
  const bool direct = work_it != work_.end() && work_it->second.listener != nullptr &&
                      work_it->second.queue.empty() &&
                      work_it->second.in_flight < options_.max_in_flight_per_device;
  r.input_json = input_json;
  if (direct) {
    r.state = S::kDispatched;
    r.dispatched_at_unix_ms = r.created_at_unix_ms;
    r.dispatched_to = r.device_id;
  }
  {
    PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
    PALYRA_RETURN_IF_ERROR(repository_.Insert(r));
    PALYRA_RETURN_IF_ERROR(op.Commit());
  }
  DeviceWork& work = work_[r.device_id];
  ++work.live;
  if (direct) {
    ++work.in_flight;
    outbox.dispatches.emplace_back(work.listener, MakeDispatch(r));
  } else {
    work.queue.push_back(r.request_id);
  }
  const auto deadline = deadlines_.emplace(r.deadline_at_unix_ms, r.request_id).first;
  ++counters_.requests_by_state[static_cast<size_t>(r.state)];
  ++counters_.enqueued;
  out.record = r;
  const std::string id = r.request_id;
  LiveRequest live{std::move(r), {}, deadline};
  if (on_terminal) {
    live.waiters.push_back(std::move(on_terminal));
    ++counters_.terminal_waiters;
  }
  live_.emplace(id, std::move(live));
  return Status::Ok();
}

}  // namespace palyra::node_runtime
