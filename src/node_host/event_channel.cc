#include "node_host/event_channel.h"

#include "common/ulid.h"

namespace palyra::node_host {

EventChannel::EventChannel(GatewayClient& client, std::string device_id,
                           ResponseHandler on_response,
                           std::function<void(const grpc::Status&)> on_end)
    : device_id_(std::move(device_id)),
      on_response_(std::move(on_response)),
      on_end_(std::move(on_end)) {
  stream_ = client.stub().StreamNodeEvents(&context_);
  reader_ = std::thread([this] { ReadLoop(); });
}

EventChannel::~EventChannel() {
  context_.TryCancel();
  if (reader_.joinable()) reader_.join();
}

bool EventChannel::Send(const std::string& event_name, const std::string& payload_json) {
  nodev1::NodeEventRequest request;
  request.set_v(1);
  request.mutable_device_id()->set_ulid(device_id_);
  request.set_event_name(event_name);
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
  while (stream_->Read(&response)) on_response_(response);
  grpc::Status status = stream_->Finish();
  {
    std::lock_guard lock(end_mu_);
    ended_ = true;
  }
  end_cv_.notify_all();
  on_end_(status);
}

}  // namespace palyra::node_host
