#include "daemon/services/node_event_stream.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "common/strings.h"
#include "common/ulid.h"
#include "daemon/grpc_status.h"
#include "daemon/node_runtime/node_events.h"
#include "daemon/services/node_service.h"

namespace palyra::daemon {
namespace nodev1 = palyra::node::v1;

NodeEventStream* NodeEventStream::Open(grpc::CallbackServerContext* context, Deps deps) {
  auto* stream = new NodeEventStream(context, deps);
  stream->Start();
  return stream;
}

NodeEventStream::NodeEventStream(grpc::CallbackServerContext* context, Deps deps)
    : context_(context), deps_(deps) {}

void NodeEventStream::Start() {
  ReactorLifetime::Entry entry(lifetime_);
  Result<node_tls::PeerIdentity> peer = node_tls::PeerIdentityFromServerContext(*context_);
  Status opened = peer.ok() ? deps_.binding->CheckPeer(*peer) : peer.status();
  if (!opened.ok()) {
    Finish(ToGrpcStatus(opened));
    return;
  }
  peer_ = std::move(*peer);
  if (peer_.certificate_fingerprint) {
    std::weak_ptr<ReactorLifetime> weak = lifetime_;
    // Runs at once if the certificate is already revoked (then the stream ends before reading).
    revocation_watch_ = deps_.revocations->WatchFingerprint(
        *peer_.certificate_fingerprint, [this, weak](const std::string& fingerprint) {
          if (auto lifetime = weak.lock()) {
            ReactorLifetime::Entry callback_entry(lifetime);
            if (callback_entry.alive()) OnRevoked(fingerprint);
          }
        });
  }
  std::lock_guard lock(mu_);
  if (!finished_) StartRead(&request_);
}

void NodeEventStream::OnRevoked(const std::string& fingerprint) {
  spdlog::info("closing the event stream of device {}: its certificate {} was revoked",
               device_id_.value_or("(none yet)"), fingerprint.substr(0, 16));
  std::unique_lock lock(mu_);
  FinishLocked(PermissionDenied(
      "the client certificate was revoked (rotated or device revoked); reconnect with the "
      "current certificate"));
}

void NodeEventStream::OnReadDone(bool ok) {
  ReactorLifetime::Entry entry(lifetime_);
  if (!ok) {
    std::unique_lock lock(mu_);
    reading_done_ = true;
    MaybeFinishAfterDrainLocked();
    return;
  }
  nodev1::NodeEventResponse ack;
  Status handled = Handle(request_, ack);
  std::unique_lock lock(mu_);
  if (finished_) return;
  if (!handled.ok()) {
    FinishLocked(handled);
    return;
  }
  EnqueueWriteLocked(std::move(ack));
  if (!finished_) StartRead(&request_);
}

Status NodeEventStream::BindDevice(const std::string& device_id) {
  PALYRA_RETURN_IF_ERROR(deps_.binding->Check(peer_, device_id));
  if (device_id_) {
    if (*device_id_ != device_id) {
      return PermissionDenied("this stream belongs to device " + *device_id_ +
                              "; a message named device " + device_id);
    }
    return Status::Ok();
  }
  device_id_ = device_id;
  deps_.connected->Add(device_id);
  std::weak_ptr<ReactorLifetime> weak = lifetime_;
  Result<node_runtime::NodeRuntime::ListenerId> listener = deps_.runtime->AttachDispatchListener(
      device_id, [this, weak](const node_runtime::CapabilityDispatch& dispatch) {
        if (auto lifetime = weak.lock()) {
          ReactorLifetime::Entry entry(lifetime);
          if (entry.alive()) PushDispatch(dispatch);
        }
      });
  if (!listener.ok()) return listener.status();
  std::lock_guard lock(mu_);
  listener_ = *listener;
  return Status::Ok();
}

Status NodeEventStream::Handle(const nodev1::NodeEventRequest& request,
                               nodev1::NodeEventResponse& ack) {
  PALYRA_RETURN_IF_ERROR(CheckProtocolVersion(request.v()));
  const std::string device_id(TrimAsciiWhitespace(request.device_id().ulid()));
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  PALYRA_RETURN_IF_ERROR(BindDevice(device_id));
  if (request.payload_json().size() > kMaxEventPayloadBytes) {
    return InvalidArgument("payload_json is too large (" +
                           std::to_string(request.payload_json().size()) + " bytes; at most " +
                           std::to_string(kMaxEventPayloadBytes) + ")");
  }
  ack.set_v(1);
  ack.mutable_event_id()->set_ulid(NewUlid());
  ack.set_accepted(true);
  ack.set_reason("accepted");

  PALYRA_ASSIGN_OR_RETURN(
      node_runtime::NodeEventOutcome outcome,
      node_runtime::ApplyNodeEvent(*deps_.runtime, device_id, request.event_name(),
                                   request.payload_json()));
  ack.set_accepted(outcome.accepted);
  ack.set_reason(outcome.reason);
  return Status::Ok();
}

void NodeEventStream::PushDispatch(const node_runtime::CapabilityDispatch& dispatch) {
  nodev1::NodeEventResponse push;
  push.set_v(1);
  push.mutable_event_id()->set_ulid(NewUlid());
  push.set_accepted(true);
  push.set_reason("dispatch");
  nodev1::NodeCapabilityDispatch* out = push.mutable_dispatch();
  out->mutable_request_id()->set_ulid(dispatch.request_id);
  out->set_capability(dispatch.capability);
  out->set_input_json(dispatch.input_json);
  out->set_max_payload_bytes(dispatch.max_payload_bytes);
  std::unique_lock lock(mu_);
  if (finished_) return;
  EnqueueWriteLocked(std::move(push));
}

// ---- writes and finishing, under mu_ (recursive, since gRPC may run a reaction inline) ----

void NodeEventStream::EnqueueWriteLocked(nodev1::NodeEventResponse response) {
  if (writes_.size() >= kMaxPendingStreamWrites) {
    FinishLocked(ResourceExhausted("the node is not reading its event stream (" +
                                   std::to_string(writes_.size()) + " unread messages)"));
    return;
  }
  writes_.push_back(std::move(response));
  MaybeStartWriteLocked();
}

void NodeEventStream::MaybeStartWriteLocked() {
  if (writing_ || finished_ || writes_.empty()) return;
  writing_ = true;
  StartWrite(&writes_.front());
}

void NodeEventStream::OnWriteDone(bool ok) {
  ReactorLifetime::Entry entry(lifetime_);
  std::unique_lock lock(mu_);
  writing_ = false;
  if (!writes_.empty()) writes_.pop_front();
  if (!ok) {
    FinishLocked(Unavailable("the node's event stream broke"));
    return;
  }
  MaybeStartWriteLocked();
  MaybeFinishAfterDrainLocked();
}

void NodeEventStream::MaybeFinishAfterDrainLocked() {
  if (reading_done_ && !writing_ && writes_.empty()) FinishLocked(Status::Ok());
}

void NodeEventStream::FinishLocked(const Status& status) {
  if (finished_) return;
  finished_ = true;
  if (!status.ok()) {
    spdlog::info("event stream of device {} ended: {}", device_id_.value_or("(unbound)"),
                 status.ToString());
  }
  Finish(ToGrpcStatus(status));
}

void NodeEventStream::OnCancel() {
  ReactorLifetime::Entry entry(lifetime_);
  std::unique_lock lock(mu_);
  FinishLocked(Cancelled("the node cancelled its event stream"));
}

void NodeEventStream::OnDone() {
  revocation_watch_.Cancel();
  std::optional<node_runtime::NodeRuntime::ListenerId> listener;
  {
    std::lock_guard lock(mu_);
    listener = listener_;
  }
  if (listener) deps_.runtime->DetachDispatchListener(*listener);
  if (device_id_) deps_.connected->Remove(*device_id_);
  lifetime_->Done();  // deletes the stream now, or when the last entry leaves
}

}  // namespace palyra::daemon
