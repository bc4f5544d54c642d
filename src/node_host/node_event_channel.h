#pragma once
// A session's event channel with the gateway, whichever transport carries it: events go up
// with Send(); work comes down to the session's dispatch handler; the channel reports its end
// once. EventChannel is the gRPC StreamNodeEvents one, QuicEventChannel the QUIC one.

#include <chrono>
#include <string>
#include <string_view>

namespace palyra::node_host {

class NodeEventChannel {
 public:
  virtual ~NodeEventChannel() = default;
  // False when the channel is broken (the event was not delivered; the caller may keep it).
  virtual bool Send(const std::string& event_name, const std::string& payload_json) = 0;
  // Ends the channel, waiting up to `grace` for the gateway to acknowledge the end.
  virtual void Close(std::chrono::milliseconds grace) = 0;
  virtual std::string_view transport() const = 0;  // "grpc" or "quic"
};

}  // namespace palyra::node_host
