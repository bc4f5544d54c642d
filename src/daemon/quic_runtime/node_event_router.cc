#include "daemon/quic_runtime/node_event_router.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "common/time.h"
#include "node_protocol/capability_payloads.h"
#include "node_protocol/event_catalogue.h"

namespace palyra::daemon::quic_runtime {

using node_protocol::EventName;
using node_protocol::GatewayEvent;

NodeEventRouter::~NodeEventRouter() {
  std::lock_guard lock(mu_);
  for (const auto& [device, id] : listeners_) options_.runtime->DetachDispatchListener(id);
  listeners_.clear();
}

int64_t NodeEventRouter::Now() const { return options_.clock ? options_.clock() : NowUnixMs(); }

void NodeEventRouter::OnDeviceListening(const std::string& device_id) {
  // Attaching may deliver re-sent and queued work at once, which appends to the log: not under
  // mu_.
  Result<node_runtime::NodeRuntime::ListenerId> id = options_.runtime->AttachDispatchListener(
      device_id, [this](const node_runtime::CapabilityDispatch& d) { Dispatch(d); });
  if (!id.ok()) {
    spdlog::warn("QUIC: cannot route dispatches of device {}: {}", device_id,
                 id.status().message());
    return;
  }
  {
    std::lock_guard lock(mu_);
    listeners_[device_id] = *id;
  }
  NoticeIfRotationDue(device_id);
}

void NodeEventRouter::OnDeviceGone(const std::string& device_id) {
  std::lock_guard lock(mu_);
  auto it = listeners_.find(device_id);
  if (it == listeners_.end()) return;
  // A gRPC stream that attached since replaced ours; detaching our id then detaches nothing.
  options_.runtime->DetachDispatchListener(it->second);
  listeners_.erase(it);
}

void NodeEventRouter::Dispatch(const node_runtime::CapabilityDispatch& dispatch) {
  // The input is valid JSON (the runtime checked it); it goes in as a value, not a string.
  node_protocol::CapabilityDispatchPayload payload;
  payload.request_id = dispatch.request_id;
  payload.capability = dispatch.capability;
  payload.input_json = dispatch.input_json;
  payload.max_payload_bytes = dispatch.max_payload_bytes;
  Result<uint64_t> seq = options_.events->Append(
      dispatch.device_id, EventName(GatewayEvent::kCapabilityDispatch),
      node_protocol::EncodeCapabilityDispatch(payload));
  if (seq.ok()) return;
  // Too large for an event (or the log failed): the request ends now with the reason, instead
  // of timing out unseen.
  spdlog::warn("QUIC: dispatch {} to device {} cannot be logged: {}", dispatch.request_id,
               dispatch.device_id, seq.status().message());
  (void)options_.runtime->Cancel(dispatch.request_id,
                                 "cannot be delivered over QUIC: " + seq.status().message());
}

void NodeEventRouter::NoticeIfRotationDue(const std::string& device_id) {
  if (!options_.certificate_of) return;
  std::optional<DeviceCertificate> cert = options_.certificate_of(device_id);
  if (!cert || cert->expires_at_unix_ms - options_.rotation_threshold_ms > Now()) return;
  {
    std::lock_guard lock(mu_);
    if (!rotation_noticed_.insert(cert->fingerprint).second) return;
  }
  nlohmann::json payload = {{"certificate_fingerprint", cert->fingerprint},
                            {"expires_at_unix_ms", cert->expires_at_unix_ms}};
  if (Result<uint64_t> seq = options_.events->Append(
          device_id, EventName(GatewayEvent::kCertificateRotationDue), payload.dump());
      !seq.ok()) {
    spdlog::warn("QUIC: rotation notice for device {} not logged: {}", device_id,
                 seq.status().message());
    std::lock_guard lock(mu_);
    rotation_noticed_.erase(cert->fingerprint);  // try again next time
  }
}

void NodeEventRouter::CheckRotationDue(const std::vector<std::string>& devices) {
  for (const std::string& device : devices) NoticeIfRotationDue(device);
}

void NodeEventRouter::NotifyCapabilityChanged(const std::string& device_id,
                                              const std::string& capability, bool available) {
  const std::string payload = nlohmann::json{{"capability", capability}}.dump();
  if (Result<uint64_t> seq = options_.events->Append(
          device_id, EventName(available ? GatewayEvent::kCapabilityGranted
                                      : GatewayEvent::kCapabilityRevoked), payload);
      !seq.ok()) {
    spdlog::warn("capability change of device {} not logged: {}", device_id,
                 seq.status().message());
  }
}

void NodeEventRouter::NotifyShutdown(const std::vector<std::string>& devices) {
  const std::string payload = nlohmann::json{{"at_unix_ms", Now()}}.dump();
  for (const std::string& device : devices) {
    (void)options_.events->Append(device, EventName(GatewayEvent::kDaemonShutdown), payload);
  }
}

}  // namespace palyra::daemon::quic_runtime
