#pragma once
// What the node runtime calls back (dispatch listeners, terminal callbacks, presence listeners),
// and the outbox in which a call collects them while it holds a lock, to deliver them once it
// no longer does. A callback that throws is logged and does not disturb the others.

#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "daemon/node_runtime/capability_request.h"
#include "daemon/node_runtime/node_record.h"

namespace palyra::node_runtime {

using ListenerId = uint64_t;
using DispatchListener = std::function<void(const CapabilityDispatch&)>;
using TerminalCallback = std::function<void(const CapabilityRequestRecord&)>;
using PresenceListener = std::function<void(const PresenceEvent&)>;

void InvokeGuarded(const DispatchListener& listener, const CapabilityDispatch& dispatch);
void InvokeGuarded(const TerminalCallback& callback, const CapabilityRequestRecord& record);
void InvokeGuarded(const PresenceListener& listener, const PresenceEvent& event);

// Dispatches and terminal records a request-queue call produced.
struct RequestOutbox {
  std::vector<std::pair<std::shared_ptr<const DispatchListener>, CapabilityDispatch>> dispatches;
  std::vector<std::pair<std::vector<TerminalCallback>, CapabilityRequestRecord>> terminals;

  // Dispatches first, then terminal callbacks. Call with no lock held.
  void Deliver() const;
};

}  // namespace palyra::node_runtime
