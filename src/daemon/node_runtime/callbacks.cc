#include "daemon/node_runtime/callbacks.h"

#include <spdlog/spdlog.h>

#include <exception>
#include <string_view>

namespace palyra::node_runtime {
namespace {

template <typename Fn, typename Arg>
void Guarded(const Fn& fn, const Arg& arg, std::string_view what) {
  try {
    fn(arg);
  } catch (const std::exception& e) {
    spdlog::error("node runtime: {} callback threw: {}", what, e.what());
  } catch (...) {
    spdlog::error("node runtime: {} callback threw a non-standard exception", what);
  }
}

}  // namespace

void InvokeGuarded(const DispatchListener& listener, const CapabilityDispatch& dispatch) {
  Guarded(listener, dispatch, "dispatch");
}

void InvokeGuarded(const TerminalCallback& callback, const CapabilityRequestRecord& record) {
  Guarded(callback, record, "terminal");
}

void InvokeGuarded(const PresenceListener& listener, const PresenceEvent& event) {
  Guarded(listener, event, "presence");
}

void RequestOutbox::Deliver() const {
  for (const auto& [listener, dispatch] : dispatches) InvokeGuarded(*listener, dispatch);
  for (const auto& [waiters, record] : terminals) {
    for (const TerminalCallback& waiter : waiters) InvokeGuarded(waiter, record);
  }
}

}  // namespace palyra::node_runtime
