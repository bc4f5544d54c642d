#pragma once
// The node host's workers: runs dispatched capability work, at most `workers` at once, and sends
// each result. A dispatch repeated while its first copy is queued or running is ignored; one
// repeated after it finished is answered from the recent results, never run twice. Draining for
// a stop fails the queued work at once and, after a grace, the work still running.
//
// Owned through a shared_ptr (Create): a worker still busy after the stop grace (a prompt, an
// opener) keeps the pool alive and is left detached, so it never outlives what it uses.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "node_host/capabilities/capability.h"
#include "node_host/dispatch_runner.h"
#include "node_host/mediation/mediation_policy.h"
#include "node_host/recent_results.h"
#include "node_protocol/capability_payloads.h"
#include "node_protocol/event_catalogue.h"

namespace palyra::node_host {

struct DispatchPoolOptions {
  int workers = 1;
  HostFacts facts;
  MediationPolicy policy;
  PromptFunction prompt;  // empty when there is no terminal
  // Sends an event; `keep_if_unsent` asks the session to keep it for the next channel.
  std::function<void(node_protocol::NodeEvent, const std::string& payload, bool keep_if_unsent)>
      send;
};

class DispatchPool : public std::enable_shared_from_this<DispatchPool> {
 public:
  // Starts the workers (1..kMaxConcurrentDispatches).
  static std::shared_ptr<DispatchPool> Create(DispatchPoolOptions options);
  DispatchPool(const DispatchPool&) = delete;
  DispatchPool& operator=(const DispatchPool&) = delete;

  const std::vector<std::unique_ptr<Capability>>& capabilities() const { return capabilities_; }

  void Submit(node_protocol::CapabilityDispatchPayload dispatch);
  // Stops taking work: fails what is queued, waits up to `grace` for what runs and fails what is
  // still running then. True when everything finished in time. Later calls return at once.
  bool Drain(std::chrono::milliseconds grace);
  // Ends the workers after Drain(): joins them, or detaches those still busy. True when work was
  // abandoned that way (the caller should exit the process promptly).
  bool Shutdown();

 private:
  explicit DispatchPool(DispatchPoolOptions options);
  void WorkerLoop();
  void SendFailure(const std::string& request_id, const std::string& why, bool keep_if_unsent);

  const DispatchPoolOptions options_;
  const std::vector<std::unique_ptr<Capability>> capabilities_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<node_protocol::CapabilityDispatchPayload> queue_;
  std::set<std::string> known_ids_;  // queued or running: a repeated dispatch is ignored
  std::set<std::string> running_ids_;
  // Finished: a repeated dispatch is answered with the same result, not run again.
  RecentResults recent_results_;
  bool draining_ = false;
  bool drained_ = false;
  bool workers_exit_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace palyra::node_host
