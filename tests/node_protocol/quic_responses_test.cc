// The node's half of palyra-quic-v1: the requests a node builds parse on the daemon's side, and
// the responses the daemon builds parse on the node's side, with bad frames refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "node_protocol/quic_messages.h"
#include "transport/quic/frame_codec.h"

namespace palyra::node_protocol {
namespace {

using ::testing::HasSubstr;

TEST(QuicRequestsTest, NodeRequestsParseOnTheDaemonSide) {
  EXPECT_EQ(HealthRequest(), R"({"protocol_version":1,"method":"node.health"})");
  EXPECT_EQ(ParseNodeRequest(HealthRequest()).request->method, NodeMethod::kHealth);

  EXPECT_EQ(StreamEventsRequest(42),
            R"({"protocol_version":1,"method":"node.stream_events","resume_from":42})");
  ParsedNodeRequest stream = ParseNodeRequest(StreamEventsRequest(42));
  ASSERT_TRUE(stream.request);
  EXPECT_EQ(stream.request->method, NodeMethod::kStreamEvents);
  EXPECT_EQ(stream.request->resume_from, 42u);

  PublishedNodeEvent first{7, "node.heartbeat", R"({"heartbeat_at_unix_ms":5})"};
  PublishedNodeEvent second{8, "node.stopping", "not an object"};
  const std::string publish = PublishEventsRequest({first, second});
  EXPECT_EQ(publish,
            R"({"events":[{"name":"node.heartbeat","payload":{"heartbeat_at_unix_ms":5},"seq":7},)"
            R"({"name":"node.stopping","payload":{},"seq":8}],"method":"node.publish_events",)"
            R"("protocol_version":1})");
  ParsedNodeRequest published = ParseNodeRequest(publish);
  ASSERT_TRUE(published.request) << published.detail;
  ASSERT_EQ(published.request->events.size(), 2u);
  EXPECT_EQ(published.request->events[0].seq, 7u);
  EXPECT_EQ(published.request->events[0].name, "node.heartbeat");
  EXPECT_EQ(published.request->events[0].payload_json, R"({"heartbeat_at_unix_ms":5})");
  EXPECT_EQ(published.request->events[1].payload_json, "{}");

  const std::string result = CapabilityResultRequest(R"({"request_id":"R","success":true})");
  EXPECT_EQ(result, R"({"method":"node.capability_result","protocol_version":1,)"
                    R"("result":{"request_id":"R","success":true}})");
  ParsedNodeRequest reported = ParseNodeRequest(result);
  ASSERT_TRUE(reported.request) << reported.detail;
  EXPECT_EQ(reported.request->method, NodeMethod::kCapabilityResult);
  EXPECT_EQ(reported.request->result_json, R"({"request_id":"R","success":true})");
}

TEST(QuicResponsesTest, DaemonResponsesParseOnTheNodeSide) {
  Result<NodeResponse> health = ParseNodeResponse(HealthResponse(true));
  ASSERT_TRUE(health.ok()) << health.status().ToString();
  EXPECT_EQ(health->kind, ResponseKind::kHealth);
  EXPECT_TRUE(health->ok);
  EXPECT_TRUE(health->node_rpc_mtls_required);

  Result<NodeResponse> event = ParseNodeResponse(
      EventResponse(9, "capability.dispatch", R"({"request_id":"R","input":[1]})"));
  ASSERT_TRUE(event.ok()) << event.status().ToString();
  EXPECT_EQ(event->kind, ResponseKind::kEvent);
  EXPECT_EQ(event->seq, std::optional<uint64_t>(9));
  EXPECT_EQ(event->event, "capability.dispatch");
  EXPECT_EQ(event->payload.dump(), R"({"input":[1],"request_id":"R"})");

  Result<NodeResponse> bare = ParseNodeResponse(EventResponse(10));
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->event, "");
  EXPECT_TRUE(bare->payload.is_null());

  Result<NodeResponse> heartbeat = ParseNodeResponse(HeartbeatResponse(11));
  ASSERT_TRUE(heartbeat.ok());
  EXPECT_EQ(heartbeat->kind, ResponseKind::kHeartbeat);
  EXPECT_EQ(heartbeat->seq, std::optional<uint64_t>(11));

  Result<NodeResponse> ack = ParseNodeResponse(PublishAckResponse(12));
  ASSERT_TRUE(ack.ok());
  EXPECT_EQ(ack->kind, ResponseKind::kAck);
  EXPECT_EQ(ack->seq, std::optional<uint64_t>(12));

  Result<NodeResponse> ignored = ParseNodeResponse(ResultAckResponse(false, "ignored: late"));
  ASSERT_TRUE(ignored.ok());
  EXPECT_EQ(ignored->accepted, std::optional<bool>(false));
  EXPECT_EQ(ignored->reason, "ignored: late");

  Result<NodeResponse> too_old = ParseNodeResponse(ErrorResponse(kErrorResumeTooOld, 99));
  ASSERT_TRUE(too_old.ok());
  EXPECT_EQ(too_old->kind, ResponseKind::kError);
  EXPECT_FALSE(too_old->ok);
  EXPECT_EQ(too_old->error, kErrorResumeTooOld);
  EXPECT_EQ(too_old->seq, std::optional<uint64_t>(99));

  Result<NodeResponse> refused = ParseNodeResponse(ErrorResponse(kErrorStreamFailure));
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->error, kErrorStreamFailure);
  EXPECT_FALSE(refused->seq.has_value());
}

TEST(QuicResponsesTest, RefusesBadFrames) {
  auto error = [](std::string_view frame) {
    Result<NodeResponse> parsed = ParseNodeResponse(frame);
    EXPECT_FALSE(parsed.ok()) << frame;
    if (parsed.ok()) return std::string();
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument) << frame;
    return parsed.status().message();
  };
  EXPECT_THAT(error("nope"), HasSubstr("not a JSON object"));
  EXPECT_THAT(error("[]"), HasSubstr("not a JSON object"));
  EXPECT_THAT(error(R"({"kind":"health","ok":true})"), HasSubstr("protocol_version"));
  EXPECT_THAT(error(R"({"protocol_version":"1","kind":"health","ok":true})"),
              HasSubstr("protocol_version"));
  EXPECT_THAT(error(R"({"protocol_version":2,"kind":"health","ok":true})"),
              HasSubstr("protocol_version 2"));
  EXPECT_THAT(error(R"({"protocol_version":1,"ok":true})"), HasSubstr("kind"));
  EXPECT_THAT(error(R"({"protocol_version":1,"kind":"surprise","ok":true})"),
              HasSubstr("unknown response kind"));
  EXPECT_THAT(error(R"({"protocol_version":1,"kind":"event","ok":"yes"})"), HasSubstr("ok"));
  EXPECT_THAT(error(R"({"protocol_version":1,"kind":"event","ok":true,"seq":-1})"),
              HasSubstr("seq must be"));
  EXPECT_THAT(error(R"({"protocol_version":1,"kind":"event","ok":true,"event":5})"),
              HasSubstr("event must be"));
  EXPECT_THAT(error(R"({"protocol_version":1,"kind":"ack","ok":true,"accepted":"no"})"),
              HasSubstr("accepted must be"));
  EXPECT_THAT(error(R"({"protocol_version":1,"kind":"error","ok":false,"error":7})"),
              HasSubstr("error must be"));
  EXPECT_THAT(error(R"({"protocol_version":1,"kind":"health","ok":true,"later":1})"),
              HasSubstr("unknown field \"later\""));
  const std::string oversize = R"({"protocol_version":1,"kind":"event","ok":true,"payload":")" +
                               std::string(transport::quic::kMaxFramePayloadBytes, 'x') + R"("})";
  EXPECT_THAT(error(oversize), HasSubstr("larger than"));
}

}  // namespace
}  // namespace palyra::node_protocol
