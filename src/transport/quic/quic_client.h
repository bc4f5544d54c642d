#pragma once
// The palyra-quic-v1 client endpoint: its own UDP socket and event-loop thread, one connection.
// A blocking API for callers on other threads: Connect() waits for the handshake (bounded by the
// handshake timeout); OpenStream() sends one request frame on a new stream and hands back the
// answer as it arrives (a live event stream never ends on its own); Request() collects a whole
// answer, up to the server's FIN.

#include <asio.hpp>

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/status.h"
#include "transport/quic/frame_codec.h"
#include "transport/quic/quic_connection.h"
#include "transport/quic/tls_policy.h"

namespace palyra::transport::quic {

class QuicClient;

inline constexpr size_t kDefaultMaxBufferedAnswerBytes = 16 * 1024 * 1024;

// The answer to one request, read frame by frame. Must not outlive its client.
class QuicResponseStream {
 public:
  ~QuicResponseStream();  // abandons the stream (STOP_SENDING) unless the server finished it
  QuicResponseStream(const QuicResponseStream&) = delete;
  QuicResponseStream& operator=(const QuicResponseStream&) = delete;

  // The next frame, or nullopt once the server finished the stream. DEADLINE_EXCEEDED when none
  // arrives within `timeout` (the stream stays usable); UNAVAILABLE when the connection ended;
  // DATA_LOSS when the answer ended inside a frame; RESOURCE_EXHAUSTED when more than the
  // buffering bound arrived unread.
  Result<std::optional<std::string>> Next(std::chrono::milliseconds timeout);
  int64_t stream_id() const { return stream_id_; }

 private:
  friend class QuicClient;
  QuicResponseStream(QuicClient* client, int64_t stream_id)
      : client_(client), stream_id_(stream_id) {}
  QuicClient* client_;
  int64_t stream_id_;
};

// How the client's address changes in Rebind().
enum class AddressChange {
  kNatRebinding,   // the client does not know: only the server sees a new source address
  kNetworkSwitch,  // the client moves on purpose (active migration to a new path)
};

class QuicClient {
 public:
  // DEADLINE_EXCEEDED "handshake timed out after <ms>ms" when nothing answers; UNAVAILABLE
  // "cannot reach ..." when the host says nothing listens on the port (ICMP); UNAVAILABLE when
  // the handshake is refused (certificate, ALPN, CONNECTION_REFUSED at the server's limit).
  static Result<std::unique_ptr<QuicClient>> Connect(const std::string& host, uint16_t port,
                                                     std::shared_ptr<const ClientTlsCredentials> tls,
                                                     std::chrono::milliseconds handshake_timeout);
  ~QuicClient();
  QuicClient(const QuicClient&) = delete;
  QuicClient& operator=(const QuicClient&) = delete;

  // Sends `payload` as one request frame on a new stream. RESOURCE_EXHAUSTED when the server's
  // stream credit is used up; UNAVAILABLE when the connection is gone.
  Result<std::unique_ptr<QuicResponseStream>> OpenStream(
      std::string_view payload, size_t max_buffered_bytes = kDefaultMaxBufferedAnswerBytes);
  using AnswerCallback = std::function<void(Result<std::vector<std::string>>)>;
  // Request() without blocking: `done` gets the answer's frames (or the error) on the client's
  // event-loop thread, where it may issue the next request at once. It must not block.
  void RequestAsync(std::string_view payload, AnswerCallback done);
  // Sends `raw` as the stream's bytes, unframed, then FIN: for protocol tests of malformed
  // requests.
  Result<std::unique_ptr<QuicResponseStream>> OpenRawStream(
      std::string raw, size_t max_buffered_bytes = kDefaultMaxBufferedAnswerBytes);
  // The answer's frames, in order, once the server finishes the stream. DEADLINE_EXCEEDED after
  // `timeout`; otherwise OpenStream's and Next's errors; RESOURCE_EXHAUSTED past `max_frames`.
  Result<std::vector<std::string>> Request(std::string_view payload,
                                           std::chrono::milliseconds timeout,
                                           size_t max_frames = 4096);
  // Moves to a new UDP socket (a new local port) and carries on with the same connection.
  Status Rebind(AddressChange change);
  uint16_t local_port() const;
  // The server certificate's SHA-256 (for pinning).
  std::string server_fingerprint() const { return server_fingerprint_; }
  // Ends the connection; pending and later reads fail UNAVAILABLE. Thread-safe, idempotent.
  void Close();

 private:
  friend class QuicResponseStream;
  struct Pending {
    FrameReader reader;
    std::deque<std::string> frames;
    size_t buffered_bytes = 0;
    size_t max_buffered_bytes = 0;
    bool finished = false;  // the server's FIN arrived after whole frames
    Status error;
    AnswerCallback on_done;  // RequestAsync: called instead of waking a reader
  };
  QuicClient();
  void Receive();
  void Flush();
  void ArmTimer();
  void OnStreamData(int64_t stream_id, std::span<const uint8_t> data, bool fin);
  void FailAll(const Status& status);
  void StartAsync(std::string frame, AnswerCallback done);  // loop thread
  void OnStreamCredit();                                     // loop thread
  void CloseOnce();
  // Waits for work posted to the loop; false when the client was closed (the loop stopped, so
  // the work may never run).
  template <typename T>
  bool WaitForLoop(std::future<T>& result) {
    while (result.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
      if (closed_.load()) return false;
    }
    return true;
  }
  Result<std::optional<std::string>> NextFrame(int64_t stream_id,
                                               std::chrono::milliseconds timeout);
  void Abandon(int64_t stream_id);

  asio::io_context io_;
  asio::ip::udp::socket socket_;
  asio::ip::udp::endpoint server_;
  asio::ip::udp::endpoint sender_;
  asio::steady_timer timer_;
  std::array<uint8_t, 65536> buffer_{};
  std::thread thread_;
  std::unique_ptr<QuicConnection> quic_;  // loop thread only, after Connect
  // The path the connection believes it is on (after a NAT rebinding it differs from the
  // socket's); received datagrams are given to it on this path. Loop thread only.
  DatagramPath quic_path_;
  std::atomic<uint16_t> local_port_{0};
  uint64_t socket_generation_ = 0;  // loop thread only; Rebind() counts up
  bool in_receive_ = false;         // loop thread only: inside quic_->Receive
  // RequestAsync calls waiting for the server's stream credit, oldest first (loop thread).
  std::deque<std::pair<std::string, AnswerCallback>> waiting_for_credit_;
  std::atomic<std::thread::id> loop_thread_{};
  std::once_flag close_once_;
  std::atomic<bool> closed_{false};

  std::mutex mu_;
  std::condition_variable cv_;
  bool handshake_done_ = false;
  Status connection_error_;
  std::map<int64_t, Pending> pending_;
  std::string server_fingerprint_;
};

}  // namespace palyra::transport::quic
