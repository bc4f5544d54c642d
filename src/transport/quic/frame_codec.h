#pragma once
// The QUIC stream framing of palyra-quic-v1: every frame is a 4-byte big-endian payload length
// followed by that many bytes (one UTF-8 JSON object), at most kMaxFramePayloadBytes, in both
// directions. No type byte, no checksum; frames are concatenated on a stream.
//
// FrameReader is incremental and holds at most one frame: Consume() takes bytes only up to the
// end of the frame in progress, so a reader never buffers more than one frame's worth however
// much the peer sends, and flow-control credit can follow what was consumed. An oversize length
// is refused as soon as its 4 header bytes are in, before any payload is read.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/status.h"

namespace palyra::transport::quic {

inline constexpr size_t kFrameHeaderBytes = 4;
inline constexpr size_t kMaxFramePayloadBytes = 512 * 1024;  // 524,288, inclusive

// Appends one frame (header + payload) to `out`. INVALID_ARGUMENT "frame too large" for a
// payload over `max_payload_bytes`; `out` is then unchanged.
Status AppendFrame(std::string_view payload, std::string& out,
                   size_t max_payload_bytes = kMaxFramePayloadBytes);

class FrameReader {
 public:
  explicit FrameReader(size_t max_payload_bytes = kMaxFramePayloadBytes)
      : max_payload_bytes_(max_payload_bytes) {}

  // Takes bytes of the stream, stopping at the end of the frame in progress; returns how many
  // it took. Once a frame is complete, TakeFrame() must be called before more can be consumed.
  // After an error (see status()) nothing more is taken.
  size_t Consume(std::span<const uint8_t> data);
  size_t Consume(std::string_view data) {
    return Consume(std::span(reinterpret_cast<const uint8_t*>(data.data()), data.size()));
  }

  bool has_frame() const { return complete_; }
  // The completed frame's payload; nullopt while none is complete.
  std::optional<std::string> TakeFrame();

  // The stream ended (FIN). OK at a frame boundary; DATA_LOSS naming what was missing when it
  // ended inside a header or a payload. A later Consume() takes nothing.
  Status Finish();

  // INVALID_ARGUMENT "frame too large" once a header announced an oversize payload.
  const Status& status() const { return status_; }
  // Bytes of the frame in progress (header included) received so far.
  size_t pending_bytes() const { return header_filled_ + payload_.size(); }

 private:
  const size_t max_payload_bytes_;
  uint8_t header_[kFrameHeaderBytes] = {};
  size_t header_filled_ = 0;
  std::optional<uint32_t> payload_length_;
  std::string payload_;
  bool complete_ = false;
  bool finished_ = false;
  Status status_;
};

}  // namespace palyra::transport::quic
