#pragma once
// A session's event channel with the gateway, whichever transport carries it: events go up
// with Send(); work comes down as the same typed dispatch from either channel; the channel
// reports its end once. EventChannel is the gRPC StreamNodeEvents one, QuicEventChannel the
// QUIC one.

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "node_protocol/capability_payloads.h"
#include "node_protocol/event_catalogue.h"

namespace palyra::node_host {

// What a channel hands its session. Each may be empty.
struct ChannelHandlers {
  std::function<void(node_protocol::CapabilityDispatchPayload)> on_dispatch;
  std::function<void()> on_rotation_due;  // the gateway says the certificate is due (QUIC)
  std::function<void()> on_activity;      // any message from the gateway
  // Once, on the reader thread, when the channel ended (a broken channel; the gRPC channel also
  // reports the end it was asked for with Close()).
  std::function<void(const Status&)> on_end;
};

class NodeEventChannel {
 public:
  virtual ~NodeEventChannel() = default;
  // False when the channel is broken (the event was not delivered; the caller may keep it).
  virtual bool Send(node_protocol::NodeEvent event, const std::string& payload_json) = 0;
  // Ends the channel, waiting up to `grace` for the gateway to acknowledge the end.
  virtual void Close(std::chrono::milliseconds grace) = 0;
  virtual std::string_view transport() const = 0;  // "grpc" or "quic"
};

}  // namespace palyra::node_host
