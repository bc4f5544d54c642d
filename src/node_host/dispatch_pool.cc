#include "node_host/dispatch_pool.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "node_host/host_config.h"

namespace palyra::node_host {
namespace {

using node_protocol::CapabilityDispatchPayload;
using node_protocol::CapabilityResultPayload;
using node_protocol::NodeEvent;

// Results remembered for answering a repeated dispatch: enough for the work of several
// reconnects, bounded in bytes because one result may be up to max_payload_bytes.
constexpr size_t kRecentResultEntries = 256;
constexpr size_t kRecentResultBytes = 4 * 1024 * 1024;

}  // namespace

DispatchPool::DispatchPool(DispatchPoolOptions options)
    : options_(std::move(options)),
      capabilities_(StandardCapabilities()),
      recent_results_(kRecentResultEntries, kRecentResultBytes) {}

std::shared_ptr<DispatchPool> DispatchPool::Create(DispatchPoolOptions options) {
  std::shared_ptr<DispatchPool> pool(new DispatchPool(std::move(options)));
  const int count = std::clamp(pool->options_.workers, 1, kMaxConcurrentDispatches);
  for (int i = 0; i < count; ++i) {
    pool->workers_.emplace_back([self = pool] { self->WorkerLoop(); });
  }
  return pool;
}

void DispatchPool::SendFailure(const std::string& request_id, const std::string& why,
                               bool keep_if_unsent) {
  CapabilityResultPayload failed;
  failed.request_id = request_id;
  failed.output_json = nullptr;
  failed.error = why;
  options_.send(NodeEvent::kCapabilityResult, node_protocol::EncodeCapabilityResult(failed),
                keep_if_unsent);
}

void DispatchPool::Submit(CapabilityDispatchPayload dispatch) {
  std::optional<std::string> answered;
  {
    std::lock_guard lock(mu_);
    answered = recent_results_.Find(dispatch.request_id);
  }
  if (answered) {
    // The gateway sends work again after a reconnect when the answer may not have reached it.
    spdlog::info("request {} was dispatched again after it finished; sending its result again",
                 dispatch.request_id);
    options_.send(NodeEvent::kCapabilityResult, *answered, true);
    return;
  }
  {
    std::lock_guard lock(mu_);
    if (!known_ids_.insert(dispatch.request_id).second) {
      spdlog::warn("request {} was dispatched again while still in flight; ignored",
                   dispatch.request_id);
      return;
    }
    if (!draining_) {
      queue_.push_back(std::move(dispatch));
      cv_.notify_one();
      return;
    }
    known_ids_.erase(dispatch.request_id);
  }
  SendFailure(dispatch.request_id, "the node host is stopping", true);
}

void DispatchPool::WorkerLoop() {
  for (;;) {
    CapabilityDispatchPayload dispatch;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return workers_exit_ || !queue_.empty(); });
      if (queue_.empty()) return;
      dispatch = std::move(queue_.front());
      queue_.pop_front();
      running_ids_.insert(dispatch.request_id);
    }
    spdlog::info("request {}: running {}", dispatch.request_id, dispatch.capability);
    DispatchContext context;
    context.capabilities = &capabilities_;
    context.facts = &options_.facts;
    context.policy = &options_.policy;
    context.prompt = options_.prompt;
    context.report_mediation = [this](const std::string& payload) {
      options_.send(NodeEvent::kAwaitingLocalMediation, payload, false);
    };
    const CapabilityResultPayload result = RunDispatch(dispatch, context);
    std::string payload = node_protocol::EncodeCapabilityResult(result);
    bool still_owned = false;
    {
      std::lock_guard lock(mu_);
      still_owned = running_ids_.erase(dispatch.request_id) > 0;
      // Remembered before the id stops being "known", so that a repeat arriving now is either
      // ignored as running or answered from memory, never run twice.
      if (still_owned) recent_results_.Remember(dispatch.request_id, payload);
      known_ids_.erase(dispatch.request_id);
    }
    cv_.notify_all();
    if (!still_owned) continue;  // already failed by the stop grace
    spdlog::info("request {}: {}{}", dispatch.request_id,
                 result.success ? "succeeded" : "failed: ", result.error.value_or(""));
    options_.send(NodeEvent::kCapabilityResult, payload, true);
  }
}

bool DispatchPool::Drain(std::chrono::milliseconds grace) {
  std::vector<std::string> never_started;
  {
    std::lock_guard lock(mu_);
    if (draining_) return drained_;
    draining_ = true;
    for (const CapabilityDispatchPayload& d : queue_) never_started.push_back(d.request_id);
    queue_.clear();
  }
  for (const std::string& id : never_started) {
    SendFailure(id, "the node host stopped before running it", false);
  }
  std::vector<std::string> abandoned;
  bool finished = false;
  {
    std::unique_lock lock(mu_);
    finished = cv_.wait_for(lock, grace, [this] { return running_ids_.empty(); });
    if (!finished) {
      abandoned.assign(running_ids_.begin(), running_ids_.end());
      running_ids_.clear();
    }
    workers_exit_ = true;
    drained_ = finished;
  }
  cv_.notify_all();
  for (const std::string& id : abandoned) {
    SendFailure(id, "the node host stopped before the capability finished", false);
  }
  return finished;
}

bool DispatchPool::Shutdown() {
  bool abandoned = false;
  {
    std::lock_guard lock(mu_);
    // Work that was failed by the grace still occupies its worker until it returns.
    abandoned = !drained_ && draining_;
    workers_exit_ = true;
  }
  cv_.notify_all();
  for (std::thread& worker : workers_) {
    if (abandoned) {
      worker.detach();
    } else {
      worker.join();
    }
  }
  workers_.clear();
  return abandoned;
}

}  // namespace palyra::node_host
