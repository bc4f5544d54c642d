// RequestQueue's state changes: requests ending (with the refill of the in-flight slots they
// free), queued requests being dispatched, and the refusals for requests that are not live.

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "daemon/node_runtime/request_queue.h"

namespace palyra::node_runtime {
namespace {

using S = CapabilityRequestState;

}  // namespace

CapabilityDispatch RequestQueue::MakeDispatch(const CapabilityRequestRecord& r) {
  return {r.request_id, r.device_id, r.capability, r.input_json, r.max_payload_bytes};
}

std::vector<const CapabilityRequestRecord*> RequestQueue::DispatchedWithoutAnswer(
    const std::string& device_id) const {
  // A scan of the live requests: it runs when a node attaches a stream, not per request, and
  // live requests are bounded daemon-wide.
  std::vector<const CapabilityRequestRecord*> out;
  for (const auto& [request_id, live] : live_) {
    const CapabilityRequestRecord& r = live.record;
    // awaiting_local_mediation is not here: the node acknowledged that request.
    if (r.state == S::kDispatched && r.dispatched_to == device_id) out.push_back(&r);
  }
  std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
    return std::tie(a->dispatched_at_unix_ms, a->request_id) <
           std::tie(b->dispatched_at_unix_ms, b->request_id);
  });
  return out;
}

std::vector<std::string> RequestQueue::RefillCandidates(
    const DeviceWork& work, size_t finished_in_flight,
    const std::set<std::string_view>& finished_queued) const {
  std::vector<std::string> out;
  const size_t in_flight_after = work.in_flight - std::min(work.in_flight, finished_in_flight);
  if (in_flight_after >= options_.max_in_flight_per_device) return out;
  size_t slots = options_.max_in_flight_per_device - in_flight_after;
  for (const std::string& request_id : work.queue) {
    if (slots == 0) break;
    if (finished_queued.count(request_id) != 0) continue;
    out.push_back(request_id);
    --slots;
  }
  return out;
}

CapabilityDispatch RequestQueue::ApplyDispatched(const std::string& request_id, int64_t now) {
  CapabilityRequestRecord& r = live_.at(request_id).record;
  DeviceWork& work = work_.at(r.device_id);
  // Candidates are always taken from the front of the queue, in order.
  auto pos = std::find(work.queue.begin(), work.queue.end(), request_id);
  if (pos != work.queue.end()) work.queue.erase(pos);
  ++work.in_flight;
  --counters_.requests_by_state[static_cast<size_t>(r.state)];
  ++counters_.requests_by_state[static_cast<size_t>(S::kDispatched)];
  r.state = S::kDispatched;
  r.dispatched_at_unix_ms = now;
  r.dispatched_to = r.device_id;
  r.updated_at_unix_ms = now;
  return MakeDispatch(r);
}

Status RequestQueue::FinishAndRefill(std::vector<Finish> finishes, int64_t now,
                                     RequestOutbox& outbox, const std::function<Status()>& also,
                                     std::optional<std::string_view> detach_device,
                                     std::vector<CapabilityRequestRecord>* finished) {
  struct Impact {
    size_t in_flight = 0;
    std::set<std::string_view> queued;
  };
  std::map<std::string_view, Impact> impact;
  for (const Finish& f : finishes) {
    const CapabilityRequestRecord& r = live_.at(f.request_id).record;
    Impact& i = impact[r.device_id];
    if (r.state == S::kQueued) {
      i.queued.insert(f.request_id);
    } else {
      ++i.in_flight;
    }
  }
  std::vector<std::string> refills;
  for (const auto& [device, i] : impact) {
    if (detach_device.has_value() && *detach_device == device) continue;
    auto work = work_.find(std::string(device));
    if (work == work_.end() || work->second.listener == nullptr) continue;
    std::vector<std::string> more = RefillCandidates(work->second, i.in_flight, i.queued);
    refills.insert(refills.end(), more.begin(), more.end());
  }

  {
    PALYRA_ASSIGN_OR_RETURN(store::GroupCommitTransaction::Op op, group_commit_.BeginOp());
    for (const Finish& f : finishes) {
      const CapabilityRequestRecord& r = live_.at(f.request_id).record;
      PALYRA_RETURN_IF_ERROR(repository_.Finish(f.request_id, r.state, f.to, f.output_json,
                                                f.output_summary, f.error, now));
    }
    for (const std::string& request_id : refills) {
      PALYRA_RETURN_IF_ERROR(
          repository_.MarkDispatched(request_id, live_.at(request_id).record.device_id, now));
    }
    if (also) PALYRA_RETURN_IF_ERROR(also());
    PALYRA_RETURN_IF_ERROR(op.Commit());
  }

  // Committed: bring memory in step.
  std::vector<std::string> touched;
  for (Finish& f : finishes) {
    touched.push_back(live_.at(f.request_id).record.device_id);
    ApplyFinish(f, now, outbox, finished);
  }
  for (const std::string& request_id : refills) {
    const std::string& device = live_.at(request_id).record.device_id;
    std::shared_ptr<const DispatchListener> listener = work_.at(device).listener;
    outbox.dispatches.emplace_back(std::move(listener), ApplyDispatched(request_id, now));
  }
  if (detach_device.has_value()) {
    const std::string device(*detach_device);
    if (auto work = work_.find(device); work != work_.end()) {
      if (work->second.listener_id != 0) listener_devices_.erase(work->second.listener_id);
      work->second.listener_id = 0;
      work->second.listener.reset();
    }
    touched.push_back(device);
  }
  for (const std::string& device : touched) {
    auto work = work_.find(device);
    if (work != work_.end() && work->second.live == 0 && work->second.listener == nullptr) {
      work_.erase(work);
    }
  }
  return Status::Ok();
}

void RequestQueue::ApplyFinish(Finish& f, int64_t now, RequestOutbox& outbox,
                               std::vector<CapabilityRequestRecord>* finished) {
  auto it = live_.find(f.request_id);
  LiveRequest live = std::move(it->second);
  live_.erase(it);
  CapabilityRequestRecord& r = live.record;
  deadlines_.erase(live.deadline);
  DeviceWork& work = work_.at(r.device_id);
  if (r.state == S::kQueued) {
    auto pos = std::find(work.queue.begin(), work.queue.end(), r.request_id);
    if (pos != work.queue.end()) work.queue.erase(pos);
  } else {
    --work.in_flight;
  }
  --work.live;
  --counters_.requests_by_state[static_cast<size_t>(r.state)];
  ++counters_.requests_by_state[static_cast<size_t>(f.to)];
  counters_.terminal_waiters -= live.waiters.size();
  r.state = f.to;
  r.input_json.clear();
  r.output_json = std::move(f.output_json);
  r.output_summary = std::move(f.output_summary);
  r.error = std::move(f.error);
  r.updated_at_unix_ms = now;
  r.completed_at_unix_ms = now;
  if (finished != nullptr) finished->push_back(r);
  if (!live.waiters.empty()) outbox.terminals.emplace_back(std::move(live.waiters), std::move(r));
}

Status RequestQueue::RefusalForNonLive(std::string_view request_id, std::string_view device_id,
                                       std::string_view what) {
  PALYRA_ASSIGN_OR_RETURN(std::optional<CapabilityRequestRecord> stored,
                          repository_.Get(request_id));
  if (!stored.has_value()) {
    return NotFound("capability request " + std::string(request_id) + " not found");
  }
  if (stored->device_id != device_id) {
    return PermissionDenied("capability request " + std::string(request_id) +
                            " was not dispatched to device " + std::string(device_id));
  }
  if (stored->terminal()) {
    ++counters_.late_results_ignored;
    spdlog::warn(
        "node runtime: ignoring late {} for a finished capability request: request_id={} "
        "device_id={} state={}",
        what, request_id, device_id, CapabilityRequestStateName(stored->state));
    return FailedPrecondition("capability request " + std::string(request_id) + " is already " +
                              std::string(CapabilityRequestStateName(stored->state)) +
                              "; the late " + std::string(what) + " was ignored");
  }
  return Internal("capability request " + std::string(request_id) + " is " +
                  std::string(CapabilityRequestStateName(stored->state)) +
                  " in the database but not live in this daemon");
}

}  // namespace palyra::node_runtime
