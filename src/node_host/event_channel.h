#pragma once
// One StreamNodeEvents call: writes are serialised by a mutex (any thread may send), and one
// reader thread turns every response into the channel handlers' calls (a pushed dispatch
// becomes the same CapabilityDispatchPayload the QUIC channel delivers). gRPC's sync streams allow exactly this: one
// concurrent reader and one concurrent writer.

#include <grpcpp/grpcpp.h>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "node_host/gateway_client.h"
#include "node_host/node_event_channel.h"

namespace palyra::node_host {

class EventChannel : public NodeEventChannel {
 public:
  // handlers.on_end runs on the reader thread once the stream has ended, with its final status.
  EventChannel(GatewayClient& client, std::string device_id, ChannelHandlers handlers);
  ~EventChannel() override;
  EventChannel(const EventChannel&) = delete;
  EventChannel& operator=(const EventChannel&) = delete;

  // False when the stream is broken (the reader then reports the final status).
  bool Send(node_protocol::NodeEvent event, const std::string& payload_json) override;
  // Half-closes, waits up to `grace` for the daemon to end the stream, then cancels.
  void Close(std::chrono::milliseconds grace) override;
  std::string_view transport() const override { return "grpc"; }
  void Cancel() { context_.TryCancel(); }

 private:
  void ReadLoop();
  void OnResponse(const nodev1::NodeEventResponse& response);

  std::string device_id_;
  ChannelHandlers handlers_;
  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReaderWriter<nodev1::NodeEventRequest, nodev1::NodeEventResponse>>
      stream_;
  std::mutex write_mu_;
  bool writes_done_ = false;
  std::mutex end_mu_;
  std::condition_variable end_cv_;
  bool ended_ = false;
  std::thread reader_;
};

}  // namespace palyra::node_host
