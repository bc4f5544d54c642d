#pragma once
// The node's event channel over palyra-quic-v1: one QUIC connection to palyrad with the device
// certificate. Down: node.stream_events from the last sequence handled (kept in a small file in
// the node host dir, so a restart neither loses nor repeats events), whose capability.dispatch
// events become dispatches and whose certificate.rotation_due notice asks for a rotation. Up:
// capability.result through node.capability_result, every other event through
// node.publish_events (numbered, so a batch re-sent after a lost acknowledgement is applied
// once). A resume point the gateway's log no longer has (or never had) is resynced from the
// log's head, with a warning.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/status.h"
#include "node_host/host_material.h"
#include "node_host/node_event_channel.h"
#include "transport/quic/fallback_policy.h"
#include "transport/quic/quic_client.h"

namespace palyra::node_host {

struct QuicChannelOptions {
  std::string host;  // IP literal or name (resolved)
  uint16_t port = 0;
  std::string server_name;  // the name the gateway's certificate must carry
  std::string ca_pem;
  std::string certificate_pem;
  std::string private_key_pem;  // secret
  std::chrono::milliseconds handshake_timeout{10'000};
  std::filesystem::path resume_file;  // the last event sequence handled
  // on_end is not called after Close().
  ChannelHandlers handlers;
};

struct QuicChannelFailure {
  Status status;
  transport::quic::ConnectFailure kind = transport::quic::ConnectFailure::kUnreachable;
};

class QuicEventChannel : public NodeEventChannel {
 public:
  // Connects and opens the event stream; on failure says what kind of failure it was, for the
  // fallback decision.
  static std::unique_ptr<QuicEventChannel> Open(QuicChannelOptions options,
                                                QuicChannelFailure* failure);
  ~QuicEventChannel() override;

  bool Send(node_protocol::NodeEvent event, const std::string& payload_json) override;
  void Close(std::chrono::milliseconds grace) override;
  std::string_view transport() const override { return "quic"; }

  // Is the gateway's QUIC endpoint answering node.health now (a fresh connection)?
  static bool Probe(const QuicChannelOptions& options);

 private:
  explicit QuicEventChannel(QuicChannelOptions options) : options_(std::move(options)) {}
  void ReadLoop();
  enum class FrameOutcome { kHandled, kResync, kRefused };
  // Handles one frame of the event stream. kResync: reopen it from `after_`; kRefused: the
  // gateway refused the stream (`refusal` says why).
  FrameOutcome OnFrame(const std::string& frame, std::string* refusal);
  void SaveResumePoint(bool force);

  const QuicChannelOptions options_;
  std::unique_ptr<transport::quic::QuicClient> client_;
  std::atomic<uint64_t> after_{0};  // last event sequence handled
  uint64_t saved_after_ = 0;        // reader thread
  std::chrono::steady_clock::time_point saved_at_;
  std::mutex send_mu_;
  uint64_t publish_seq_ = 0;  // under send_mu_
  std::atomic<bool> closing_{false};
  std::thread reader_;
};

// The last event sequence in `file` (0 when it is missing or unreadable).
uint64_t ReadResumePoint(const std::filesystem::path& file);

}  // namespace palyra::node_host
