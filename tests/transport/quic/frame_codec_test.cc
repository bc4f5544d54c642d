// palyra-quic-v1 framing: byte layout, limits, incremental reads, truncation and oversize input.
#include "transport/quic/frame_codec.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/status_assertions.h"

namespace palyra::transport::quic {
namespace {

using ::palyra::testing::FailsWith;

std::string Frame(std::string_view payload) {
  std::string out;
  EXPECT_TRUE(AppendFrame(payload, out).ok());
  return out;
}

std::string Header(uint32_t n) {
  return std::string{static_cast<char>(n >> 24), static_cast<char>(n >> 16),
                     static_cast<char>(n >> 8), static_cast<char>(n)};
}

TEST(FrameCodecTest, LayoutIsABigEndianLengthThenThePayload) {
  const std::string payload = R"({"protocol_version":1,"method":"node.health"})";
  const std::string frame = Frame(payload);
  ASSERT_EQ(frame.size(), 4 + payload.size());
  EXPECT_EQ(frame.substr(0, 4), Header(static_cast<uint32_t>(payload.size())));
  EXPECT_EQ(frame.substr(4), payload);
  EXPECT_EQ(Frame(""), Header(0));  // legal at the framing layer
  EXPECT_EQ(Frame(std::string(0x010203, 'x')).substr(0, 4), Header(0x010203));
}

TEST(FrameCodecTest, WriterRefusesOversizePayloadsAndLeavesTheOutputAlone) {
  std::string out = "kept";
  EXPECT_TRUE(AppendFrame(std::string(kMaxFramePayloadBytes, 'a'), out).ok());  // inclusive
  out = "kept";
  EXPECT_TRUE(FailsWith(AppendFrame(std::string(kMaxFramePayloadBytes + 1, 'a'), out),
                        StatusCode::kInvalidArgument, "frame too large: 524289 bytes, limit 524288"));
  EXPECT_EQ(out, "kept");
}

TEST(FrameCodecTest, ReadsFramesFedOneByteAtATime) {
  const std::string stream = Frame("first") + Frame("") + Frame("third frame");
  FrameReader reader;
  std::vector<std::string> frames;
  for (char c : stream) {
    ASSERT_EQ(reader.Consume(std::string_view(&c, 1)), 1u);
    if (auto frame = reader.TakeFrame()) frames.push_back(*frame);
  }
  EXPECT_EQ(frames, (std::vector<std::string>{"first", "", "third frame"}));
  EXPECT_TRUE(reader.Finish().ok());
}

TEST(FrameCodecTest, ConsumeStopsAtTheEndOfTheFrameInProgress) {
  const std::string stream = Frame("one") + Frame("two");
  FrameReader reader;
  EXPECT_EQ(reader.Consume(stream), 7u);  // header + "one", not a byte of the next frame
  EXPECT_EQ(reader.Consume(std::string_view(stream).substr(7)), 0u);  // until it is taken
  EXPECT_EQ(reader.TakeFrame(), "one");
  EXPECT_EQ(reader.Consume(std::string_view(stream).substr(7)), 7u);
  EXPECT_EQ(reader.TakeFrame(), "two");
  EXPECT_EQ(reader.TakeFrame(), std::nullopt);
}

TEST(FrameCodecTest, OversizeLengthIsRefusedBeforeAnyPayloadIsRead) {
  for (const std::string& body : {std::string(), std::string(100, 'x')}) {
    FrameReader reader;
    const std::string stream = Header(kMaxFramePayloadBytes + 1) + body;
    EXPECT_EQ(reader.Consume(stream), 4u) << "took payload bytes of an oversize frame";
    EXPECT_TRUE(FailsWith(reader.status(), StatusCode::kInvalidArgument,
                          "frame too large: 524289 bytes"));
    EXPECT_EQ(reader.Consume(stream), 0u);
    EXPECT_FALSE(reader.has_frame());
    EXPECT_TRUE(FailsWith(reader.Finish(), StatusCode::kInvalidArgument, "frame too large"));
  }
  FrameReader max;
  EXPECT_EQ(max.Consume(Header(0xffffffffu)), 4u);
  EXPECT_TRUE(FailsWith(max.status(), StatusCode::kInvalidArgument, "4294967295 bytes"));
  // A smaller limit, for callers that want one.
  FrameReader small(16);
  small.Consume(Header(17));
  EXPECT_TRUE(FailsWith(small.status(), StatusCode::kInvalidArgument, "limit 16"));
}

TEST(FrameCodecTest, TruncationIsAnError) {
  FrameReader empty;
  EXPECT_TRUE(empty.Finish().ok());  // a clean end at a frame boundary

  FrameReader in_header;
  in_header.Consume(std::string("\x00\x00", 2));
  EXPECT_TRUE(FailsWith(in_header.Finish(), StatusCode::kDataLoss, "frame header (2 of 4 bytes)"));

  FrameReader in_payload;
  in_payload.Consume(Frame("hello").substr(0, 7));
  EXPECT_TRUE(
      FailsWith(in_payload.Finish(), StatusCode::kDataLoss, "frame payload (3 of 5 bytes)"));
  EXPECT_EQ(in_payload.Consume(std::string("lo")), 0u);  // nothing after the end

  FrameReader complete;
  complete.Consume(Frame("done"));
  EXPECT_TRUE(complete.Finish().ok());
  EXPECT_EQ(complete.TakeFrame(), "done");
}

}  // namespace
}  // namespace palyra::transport::quic
