#include "node_host/event_channel.h"

#include <spdlog/spdlog.h>

#include "common/ulid.h"

namespace palyra::node_host {

EventChannel::EventChannel(GatewayClient& client, std::string device_id,
                           ChannelHandlers handlers)
    : device_id_(std::move(device_id)), handlers_(std::move(handlers)) {
  stream_ = client.stub().StreamNodeEvents(&context_);
  reader_ = std::thread([this] { ReadLoop(); });
}

EventChannel::~EventChannel() {
  context_.TryCancel();
  if (reader_.joinable()) reader_.join();
}

bool EventChannel::Send(node_protocol::NodeEvent event, const std::string& payload_json) {
  nodev1::NodeEventRequest request;
  request.set_v(1);
  request.mutable_device_id()->set_ulid(device_id_);
  request.set_event_name(std::string(node_protocol::EventName(event)));
  request.set_payload_json(payload_json);
  std::lock_guard lock(write_mu_);
  if (writes_done_) return false;
  return stream_->Write(request);
}

void EventChannel::Close(std::chrono::milliseconds grace) {
  {
    std::lock_guard lock(write_mu_);
    if (!writes_done_) {
      writes_done_ = true;
      stream_->WritesDone();
    }
  }
  std::unique_lock lock(end_mu_);
  if (!end_cv_.wait_for(lock, grace, [this] { return ended_; })) context_.TryCancel();
}

void EventChannel::ReadLoop() {
  nodev1::NodeEventResponse response;
  while (stream_->Read(&response)) OnResponse(response);
  grpc::Status status = stream_->Finish();
  {
    std::lock_guard lock(end_mu_);
    ended_ = true;
  }
  end_cv_.notify_all();
  if (handlers_.on_end) {
    handlers_.on_end(Status(static_cast<StatusCode>(status.error_code()), status.error_message()));
  }
}

void EventChannel::OnResponse(const nodev1::NodeEventResponse& response) {
  if (handlers_.on_activity) handlers_.on_activity();
  if (!response.accepted()) {
    spdlog::warn("the gateway did not accept an event: {}", response.reason());
  }
  if (!response.has_dispatch()) return;
  const nodev1::NodeCapabilityDispatch& pushed = response.dispatch();
  node_protocol::CapabilityDispatchPayload dispatch;
  dispatch.request_id = pushed.request_id().ulid();
  dispatch.capability = pushed.capability();
  dispatch.input_json = pushed.input_json();
  dispatch.max_payload_bytes = pushed.max_payload_bytes();
  if (dispatch.request_id.empty()) {
    spdlog::warn("ignored a dispatch without a request_id (capability '{}')",
                 dispatch.capability.substr(0, 64));
    return;
  }
  if (handlers_.on_dispatch) handlers_.on_dispatch(std::move(dispatch));
}

}  // namespace palyra::node_host
