#include "daemon/quic_runtime/event_streams.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>

#include "node_protocol/quic_messages.h"

namespace palyra::daemon::quic_runtime {

// The wire messages the streams write.
using namespace node_protocol;

using Clock = std::chrono::steady_clock;

struct EventStreams::Tail {
  std::string device_id;
  uint64_t after = 0;  // the last sequence handed to the writer
  std::shared_ptr<transport::quic::QuicStreamWriter> writer;
  Clock::time_point last_write;
  // Under mu_: there may be something to send (new stream, appended events, acknowledgements).
  bool ready = true;
  // Waiting for the peer's acknowledgements; set by the streams' thread, read by the progress
  // callback on the event loop.
  std::atomic<bool> stalled{false};
  // Under mu_: the device had no other open stream when this one came (announce it).
  bool first_of_device = false;
};

EventStreams::EventStreams(EventStreamsOptions options) : options_(std::move(options)) {
  thread_ = std::thread([this] { Run(); });
}

EventStreams::~EventStreams() { Stop(); }

void EventStreams::Open(std::string device_id, uint64_t resume_from,
                        std::shared_ptr<transport::quic::QuicStreamWriter> writer) {
  auto tail = std::make_shared<Tail>();
  tail->device_id = std::move(device_id);
  tail->after = resume_from;
  tail->writer = std::move(writer);
  tail->last_write = Clock::now();
  std::weak_ptr<Tail> weak = tail;
  const uint64_t low_water = options_.max_unacknowledged_bytes / 2;
  tail->writer->SetProgressCallback([this, weak, low_water] {
    auto t = weak.lock();
    if (!t) return;
    // Wake the thread when a stalled stream drained to half, or when the stream ended.
    if (t->writer->alive() &&
        (!t->stalled.load() || t->writer->unacknowledged_bytes() > low_water)) {
      return;
    }
    t->stalled = false;
    std::lock_guard lock(mu_);
    t->ready = true;
    wake_.notify_one();
  });
  std::lock_guard lock(mu_);
  if (stopping_) {
    tail->writer->Finish();
    return;
  }
  tail->first_of_device = tails_.count(tail->device_id) == 0;
  tails_.emplace(tail->device_id, tail);
  wake_.notify_one();
}

void EventStreams::OnAppended(const std::string& device_id) {
  std::lock_guard lock(mu_);
  auto [begin, end] = tails_.equal_range(device_id);
  if (begin == end) return;
  for (auto it = begin; it != end; ++it) it->second->ready = true;
  wake_.notify_one();
}

std::vector<std::string> EventStreams::ListeningDevices() {
  std::lock_guard lock(mu_);
  std::vector<std::string> out;
  for (const auto& [device, tail] : tails_) {
    if (out.empty() || out.back() != device) out.push_back(device);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void EventStreams::Stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    stopping_ = true;
    wake_.notify_one();
  }
  if (thread_.joinable()) thread_.join();
}

EventStreamsStats EventStreams::Stats() {
  std::lock_guard lock(mu_);
  EventStreamsStats stats = stats_;
  stats.streams_open = tails_.size();
  return stats;
}

bool EventStreams::Pump(Tail& tail) {
  auto& writer = *tail.writer;
  while (writer.alive()) {
    if (writer.unacknowledged_bytes() >= options_.max_unacknowledged_bytes) {
      tail.stalled = true;
      // The acknowledgement that would have cleared it may have come in between.
      if (writer.unacknowledged_bytes() >= options_.max_unacknowledged_bytes) {
        std::lock_guard lock(mu_);
        ++stats_.stalls;
        return true;
      }
      tail.stalled = false;
    }
    Result<std::vector<NodeEvent>> events =
        options_.events->ReadAfter(tail.device_id, tail.after, options_.read_batch);
    if (!events.ok()) {
      spdlog::debug("QUIC event stream of {} ends: {}", tail.device_id, events.status().message());
      const StatusCode code = events.status().code();
      Result<uint64_t> head = options_.events->LastSeq(tail.device_id);
      if ((code == StatusCode::kOutOfRange || code == StatusCode::kInvalidArgument) && head.ok()) {
        // The node resyncs and resumes from the head.
        writer.Write(ErrorResponse(
            code == StatusCode::kOutOfRange ? kErrorResumeTooOld : kErrorResumeAhead, *head));
      } else {
        writer.Write(ErrorResponse(kErrorStreamFailure));
      }
      writer.Finish();
      return false;
    }
    if (events->empty()) return true;  // caught up: wait for the next append
    std::vector<std::string> frames;
    frames.reserve(events->size());
    for (const NodeEvent& event : *events) {
      frames.push_back(EventResponse(event.seq, event.kind, event.payload_json));
    }
    if (!writer.WriteFrames(frames)) return false;
    tail.after = events->back().seq;
    tail.last_write = Clock::now();
    std::lock_guard lock(mu_);
    stats_.events_sent += events->size();
  }
  return false;
}

void EventStreams::Heartbeat(Tail& tail) {
  if (tail.writer->unacknowledged_bytes() >= options_.max_unacknowledged_bytes) return;
  if (tail.writer->Write(HeartbeatResponse(tail.after))) {
    tail.last_write = Clock::now();
    std::lock_guard lock(mu_);
    ++stats_.heartbeats_sent;
  }
}

void EventStreams::Run() {
  const auto heartbeat = std::chrono::milliseconds(options_.heartbeat_interval_ms);
  std::unique_lock lock(mu_);
  while (true) {
    const bool stopping = stopping_;
    // Work: the streams marked ready (all of them once stopping, for a last pump).
    std::vector<std::shared_ptr<Tail>> work;
    Clock::time_point next_heartbeat = Clock::now() + heartbeat;
    for (auto& [device, tail] : tails_) {
      if (tail->ready || stopping) {
        tail->ready = false;
        work.push_back(tail);
      }
      next_heartbeat = std::min(next_heartbeat, tail->last_write + heartbeat);
    }
    if (work.empty() && !stopping) {
      wake_.wait_until(lock, next_heartbeat);
      // Heartbeats for the idle streams, then look again.
      const auto now = Clock::now();
      for (auto& [device, tail] : tails_) {
        if (now - tail->last_write >= heartbeat) work.push_back(tail);
      }
      lock.unlock();
      for (auto& tail : work) {
        if (Clock::now() - tail->last_write >= heartbeat) Heartbeat(*tail);
      }
      work.clear();
      lock.lock();
      // Streams whose peer went away (alive() turned false) are swept below.
    }
    std::vector<std::string> listening;
    for (auto& tail : work) {
      if (tail->first_of_device) {
        tail->first_of_device = false;
        if (!stopping) listening.push_back(tail->device_id);
      }
    }
    lock.unlock();
    // Before the first pump: the callback may route new work into the log.
    if (options_.on_device_listening) {
      for (const std::string& device : listening) options_.on_device_listening(device);
    }
    std::vector<Tail*> done;
    for (auto& tail : work) {
      if (!Pump(*tail)) done.push_back(tail.get());
    }
    if (stopping) {
      for (auto& tail : work) tail->writer->Finish();
    }
    lock.lock();
    // Drop finished and abandoned streams; tell who lost its last one.
    std::vector<std::string> gone;
    for (auto it = tails_.begin(); it != tails_.end();) {
      Tail* tail = it->second.get();
      const bool finished = stopping || !tail->writer->alive() ||
                            std::find(done.begin(), done.end(), tail) != done.end();
      if (finished) {
        gone.push_back(it->first);
        it = tails_.erase(it);
      } else {
        ++it;
      }
    }
    std::vector<std::string> lost;
    for (const std::string& device : gone) {
      if (tails_.count(device) == 0 &&
          std::find(lost.begin(), lost.end(), device) == lost.end()) {
        lost.push_back(device);
      }
    }
    if (stopping) return;
    lock.unlock();
    if (options_.on_device_gone) {
      for (const std::string& device : lost) options_.on_device_gone(device);
    }
    lock.lock();
  }
}

}  // namespace palyra::daemon::quic_runtime
