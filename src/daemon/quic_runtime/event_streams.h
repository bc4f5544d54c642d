#pragma once
// The open node.stream_events streams: each replays its device's log after the resume point,
// then tails it live, with a heartbeat frame whenever it has been idle for the heartbeat
// interval. One thread does every read (the QUIC event loop never touches SQLite) and hands
// frames over in batches. A stream gets more only while its peer keeps acknowledging: at most
// `max_unacknowledged_bytes` are in flight per stream, so a slow or stalled node costs bounded
// memory and the producer waits instead of buffering.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "daemon/quic_runtime/event_log.h"
#include "transport/quic/quic_server.h"

namespace palyra::daemon::quic_runtime {

inline constexpr int64_t kDefaultHeartbeatIntervalMs = 10'000;
inline constexpr uint64_t kDefaultMaxUnacknowledgedBytes = 1024 * 1024;

struct EventStreamsOptions {
  NodeEventLog* events = nullptr;
  int64_t heartbeat_interval_ms = kDefaultHeartbeatIntervalMs;
  uint64_t max_unacknowledged_bytes = kDefaultMaxUnacknowledgedBytes;
  size_t read_batch = 1024;  // events per read and per hand-over
  // A device got its first open stream / lost its last one (e.g. to route its dispatches into
  // its log while it listens). Called on the streams' thread.
  std::function<void(const std::string& device_id)> on_device_listening;
  std::function<void(const std::string& device_id)> on_device_gone;
};

struct EventStreamsStats {
  size_t streams_open = 0;
  uint64_t events_sent = 0;
  uint64_t heartbeats_sent = 0;
  uint64_t stalls = 0;  // times a stream waited for its peer's acknowledgements
};

class EventStreams {
 public:
  explicit EventStreams(EventStreamsOptions options);
  ~EventStreams();
  EventStreams(const EventStreams&) = delete;
  EventStreams& operator=(const EventStreams&) = delete;

  // Serves one stream of `device_id` from after `resume_from`. Returns at once.
  void Open(std::string device_id, uint64_t resume_from,
            std::shared_ptr<transport::quic::QuicStreamWriter> writer);
  // The device's log grew (the log's append observer).
  void OnAppended(const std::string& device_id);
  // Devices with at least one open stream.
  std::vector<std::string> ListeningDevices();
  // Sends what the logs hold so far (within the in-flight bound), finishes every stream and
  // stops the thread. Idempotent.
  void Stop();
  EventStreamsStats Stats();

 private:
  struct Tail;
  void Run();
  // Replays/tails one stream as far as its in-flight bound allows. False when the stream is
  // done (ended by the peer, or finished with an error frame).
  bool Pump(Tail& tail);
  void Heartbeat(Tail& tail);

  const EventStreamsOptions options_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::unordered_multimap<std::string, std::shared_ptr<Tail>> tails_;  // by device
  bool stopping_ = false;
  EventStreamsStats stats_;
  std::thread thread_;
};

}  // namespace palyra::daemon::quic_runtime
