#pragma once
// The palyra-quic-v1 client endpoint: its own UDP socket and event-loop thread, one connection.
// A blocking API for callers on other threads: Connect() waits for the handshake (bounded by the
// handshake timeout), Request() sends one request frame on a new stream and returns the answer's
// frames once the server finishes the stream.

#include <asio.hpp>

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/status.h"
#include "transport/quic/frame_codec.h"
#include "transport/quic/tls_policy.h"

namespace palyra::transport::quic {

class QuicConnection;

class QuicClient {
 public:
  // DEADLINE_EXCEEDED "handshake timed out after <ms>ms"; UNAVAILABLE when the handshake is
  // refused (certificate, ALPN, CONNECTION_REFUSED at the server's limit).
  static Result<std::unique_ptr<QuicClient>> Connect(const std::string& host, uint16_t port,
                                                     std::shared_ptr<const ClientTlsCredentials> tls,
                                                     std::chrono::milliseconds handshake_timeout);
  ~QuicClient();
  QuicClient(const QuicClient&) = delete;
  QuicClient& operator=(const QuicClient&) = delete;

  // The answer's frames, in order. DEADLINE_EXCEEDED after `timeout`; UNAVAILABLE when the
  // connection ends first; DATA_LOSS when the answer is not whole frames; RESOURCE_EXHAUSTED
  // past `max_frames`.
  Result<std::vector<std::string>> Request(std::string_view payload,
                                           std::chrono::milliseconds timeout,
                                           size_t max_frames = 4096);
  // The server certificate's SHA-256 (for pinning).
  std::string server_fingerprint() const { return server_fingerprint_; }
  void Close();

 private:
  struct Pending {
    FrameReader reader;
    std::vector<std::string> frames;
    bool done = false;
    Status error;
    size_t max_frames = 0;
  };
  QuicClient();
  void Receive();
  void Flush();
  void ArmTimer();
  void OnStreamData(int64_t stream_id, std::span<const uint8_t> data, bool fin);
  void FailAll(const Status& status);

  asio::io_context io_;
  asio::ip::udp::socket socket_;
  asio::ip::udp::endpoint server_;
  asio::ip::udp::endpoint sender_;
  asio::steady_timer timer_;
  std::array<uint8_t, 65536> buffer_{};
  std::thread thread_;
  std::unique_ptr<QuicConnection> quic_;  // loop thread only, after Connect

  std::mutex mu_;
  std::condition_variable cv_;
  bool handshake_done_ = false;
  Status connection_error_;
  std::map<int64_t, Pending> pending_;
  std::string server_fingerprint_;
};

}  // namespace palyra::transport::quic
