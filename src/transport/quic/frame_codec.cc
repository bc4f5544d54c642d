#include "transport/quic/frame_codec.h"

#include <algorithm>

namespace palyra::transport::quic {

namespace {

Status TooLarge(uint64_t length, size_t max_payload_bytes) {
  return InvalidArgument("frame too large: " + std::to_string(length) + " bytes, limit " +
                         std::to_string(max_payload_bytes));
}

}  // namespace

Status AppendFrame(std::string_view payload, std::string& out, size_t max_payload_bytes) {
  if (payload.size() > max_payload_bytes) return TooLarge(payload.size(), max_payload_bytes);
  const auto n = static_cast<uint32_t>(payload.size());
  const char header[kFrameHeaderBytes] = {static_cast<char>(n >> 24), static_cast<char>(n >> 16),
                                          static_cast<char>(n >> 8), static_cast<char>(n)};
  out.reserve(out.size() + kFrameHeaderBytes + payload.size());
  out.append(header, kFrameHeaderBytes);
  out.append(payload);
  return Status::Ok();
}

size_t FrameReader::Consume(std::span<const uint8_t> data) {
  if (!status_.ok() || complete_ || finished_) return 0;
  size_t used = 0;
  if (!payload_length_) {
    const size_t take = std::min(kFrameHeaderBytes - header_filled_, data.size());
    std::copy_n(data.begin(), take, header_ + header_filled_);
    header_filled_ += take;
    used += take;
    if (header_filled_ < kFrameHeaderBytes) return used;
    const uint32_t length = (uint32_t{header_[0]} << 24) | (uint32_t{header_[1]} << 16) |
                            (uint32_t{header_[2]} << 8) | uint32_t{header_[3]};
    if (length > max_payload_bytes_) {
      status_ = TooLarge(length, max_payload_bytes_);
      return used;
    }
    payload_length_ = length;
    payload_.reserve(length);
  }
  const size_t take = std::min<size_t>(*payload_length_ - payload_.size(), data.size() - used);
  payload_.append(reinterpret_cast<const char*>(data.data() + used), take);
  used += take;
  if (payload_.size() == *payload_length_) complete_ = true;
  return used;
}

std::optional<std::string> FrameReader::TakeFrame() {
  if (!complete_) return std::nullopt;
  std::string frame = std::move(payload_);
  payload_.clear();
  payload_length_.reset();
  header_filled_ = 0;
  complete_ = false;
  return frame;
}

Status FrameReader::Finish() {
  finished_ = true;
  if (!status_.ok()) return status_;
  if (complete_ || pending_bytes() == 0) return Status::Ok();
  if (!payload_length_) {
    return DataLoss("stream ended inside a frame header (" + std::to_string(header_filled_) +
                    " of " + std::to_string(kFrameHeaderBytes) + " bytes)");
  }
  return DataLoss("stream ended inside a frame payload (" + std::to_string(payload_.size()) +
                  " of " + std::to_string(*payload_length_) + " bytes)");
}

}  // namespace palyra::transport::quic
