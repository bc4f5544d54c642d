#pragma once
// One StreamNodeEvents call: a callback-API bidi reactor (no thread of its own).
//
// Up: node events (node.started, node.heartbeat, capability.awaiting_local_mediation,
// capability.result, node.stopping), each acknowledged with a NodeEventResponse.
// Down: capability dispatches, written the moment the runtime hands them over (push), without
// waiting for the node's next event; a dispatch that is ready when an acknowledgement goes out
// rides on it, so a node that only sends events (upstream's host) gets its work too.
//
// Security: the peer's certificate is checked when the stream opens (revocation), every message
// is checked against the certificate binding, and every message must name the device of the
// first one. A revocation of the peer's certificate, from any process, ends the stream with
// PERMISSION_DENIED as soon as the revocation index sees it, and fails the device's work.
//
// Errors end the stream with a status: INVALID_ARGUMENT for a bad device id, version or payload,
// PERMISSION_DENIED for binding failures and for a result or mediation event about a request
// dispatched to another device. A late result (the request already ended) is acknowledged with
// accepted = false and ignored; so is an event name outside the catalogue.

#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <grpcpp/grpcpp.h>

#include "daemon/node_runtime/node_runtime.h"
#include "daemon/node_tls/certificate_binding.h"
#include "daemon/node_tls/peer_identity.h"
#include "daemon/node_tls/revocation_watcher.h"
#include "daemon/services/reactor_lifetime.h"
#include "palyra/v1/node.grpc.pb.h"

namespace palyra::daemon {

class ConnectedStreams;

// Outstanding writes a node may leave unread before its stream is closed: a node that does not
// read cannot make the daemon buffer without bound.
inline constexpr size_t kMaxPendingStreamWrites = 256;
// Event payloads are JSON for the runtime; bigger ones are refused before parsing.
inline constexpr size_t kMaxEventPayloadBytes = 2 * 1024 * 1024;

class NodeEventStream final
    : public grpc::ServerBidiReactor<palyra::node::v1::NodeEventRequest,
                                     palyra::node::v1::NodeEventResponse> {
 public:
  struct Deps {
    node_runtime::NodeRuntime* runtime = nullptr;
    const node_tls::CertificateBinding* binding = nullptr;
    node_tls::RevocationWatcher* revocations = nullptr;
    ConnectedStreams* connected = nullptr;
  };

  static NodeEventStream* Open(grpc::CallbackServerContext* context, Deps deps);

  void OnReadDone(bool ok) override;
  void OnWriteDone(bool ok) override;
  void OnDone() override;
  void OnCancel() override;

 private:
  NodeEventStream(grpc::CallbackServerContext* context, Deps deps);
  void Start();
  // Handles one message; an error status ends the stream.
  Status Handle(const palyra::node::v1::NodeEventRequest& request,
                palyra::node::v1::NodeEventResponse& ack);
  Status BindDevice(const std::string& device_id);

  // All require mu_.
  void EnqueueWriteLocked(palyra::node::v1::NodeEventResponse response);
  void MaybeStartWriteLocked();
  void FinishLocked(const Status& status);
  void MaybeFinishAfterDrainLocked();

  // Called by the runtime (any thread) with work for this device.
  void PushDispatch(const node_runtime::CapabilityDispatch& dispatch);
  void OnRevoked(const std::string& fingerprint);

  grpc::CallbackServerContext* const context_;
  const Deps deps_;
  // Entered by every reaction and by callbacks from other threads (see reactor_lifetime.h).
  const std::shared_ptr<ReactorLifetime> lifetime_ =
      std::make_shared<ReactorLifetime>([this] { delete this; });

  palyra::node::v1::NodeEventRequest request_;
  node_tls::PeerIdentity peer_;
  std::optional<std::string> device_id_;  // bound by the first message

  // Recursive: a reaction run inline from StartWrite/Finish re-enters on the same thread.
  std::recursive_mutex mu_;
  std::deque<palyra::node::v1::NodeEventResponse> writes_;
  bool writing_ = false;
  bool reading_done_ = false;  // the node half-closed
  bool finished_ = false;
  std::optional<node_runtime::NodeRuntime::ListenerId> listener_;
  node_tls::RevocationWatcher::Subscription revocation_watch_;
};

}  // namespace palyra::daemon
