// The QUIC runtime's request and response JSON, byte-compatible with upstream (spec §5).
#include "node_protocol/quic_messages.h"

#include <gtest/gtest.h>

#include <string>

namespace palyra::node_protocol {
namespace {

// The error a payload is answered with ("" when it is a valid request).
std::string_view ErrorFor(std::string_view payload) {
  ParsedNodeRequest parsed = ParseNodeRequest(payload);
  if (parsed.request) return "";
  EXPECT_FALSE(parsed.detail.empty()) << payload;
  return parsed.error;
}

TEST(NodeMessagesTest, ResponsesAreUpstreamsExactBytes) {
  EXPECT_EQ(HealthResponse(true),
            R"({"protocol_version":1,"kind":"health","ok":true,"node_rpc_mtls_required":true})");
  EXPECT_EQ(HealthResponse(false),
            R"({"protocol_version":1,"kind":"health","ok":true,"node_rpc_mtls_required":false})");
  EXPECT_EQ(EventResponse(3), R"({"protocol_version":1,"kind":"event","ok":true,"seq":3})");
  EXPECT_EQ(EventResponse(UINT64_MAX),
            R"({"protocol_version":1,"kind":"event","ok":true,"seq":18446744073709551615})");
  // Ours: a logged event after the sequence.
  EXPECT_EQ(EventResponse(4, "capability.dispatch", R"({"request_id":"R","n":[1,2]})"),
            R"({"protocol_version":1,"kind":"event","ok":true,"seq":4,)"
            R"("event":"capability.dispatch","payload":{"request_id":"R","n":[1,2]}})");
  EXPECT_EQ(EventResponse(5, "x", "not json"),
            R"({"protocol_version":1,"kind":"event","ok":true,"seq":5,"event":"x","payload":null})");
  EXPECT_EQ(ErrorResponse(kErrorProtocolMismatch),
            R"({"protocol_version":1,"kind":"error","ok":false,"error":"protocol_mismatch"})");
  EXPECT_EQ(ErrorResponse(kErrorStreamFailure),
            R"({"protocol_version":1,"kind":"error","ok":false,"error":"stream_failure"})");
}

TEST(NodeMessagesTest, ParsesTheTwoMethods) {
  ParsedNodeRequest health = ParseNodeRequest(R"({"protocol_version":1,"method":"node.health"})");
  ASSERT_TRUE(health.request);
  EXPECT_EQ(health.request->method, NodeMethod::kHealth);
  EXPECT_EQ(health.request->resume_from, 0u);

  ParsedNodeRequest events = ParseNodeRequest(
      R"({"method":"node.stream_events","resume_from":2,"protocol_version":1})");
  ASSERT_TRUE(events.request);
  EXPECT_EQ(events.request->method, NodeMethod::kStreamEvents);
  EXPECT_EQ(events.request->resume_from, 2u);

  auto null_resume = ParseNodeRequest(
      R"({"protocol_version":1,"method":"node.stream_events","resume_from":null})");
  ASSERT_TRUE(null_resume.request);
  EXPECT_EQ(null_resume.request->resume_from, 0u);
  auto max_resume = ParseNodeRequest(
      R"({"protocol_version":1,"method":"node.stream_events","resume_from":18446744073709551615})");
  ASSERT_TRUE(max_resume.request);
  EXPECT_EQ(max_resume.request->resume_from, UINT64_MAX);
  // resume_from is accepted (and ignored) on node.health, as upstream does.
  EXPECT_EQ(ErrorFor(R"({"protocol_version":1,"method":"node.health","resume_from":9})"), "");
}

TEST(NodeMessagesTest, MalformedRequestsAreInvalidRequest) {
  for (std::string_view payload : {
           "",
           "not json",
           R"({"protocol_version":1,"method":"node.health")",  // truncated
           "[1,2]",
           R"("node.health")",
           "{}",
           R"({"method":"node.health"})",                                    // no version
           R"({"protocol_version":1})",                                      // no method
           R"({"protocol_version":"1","method":"node.health"})",             // wrong type
           R"({"protocol_version":1.0,"method":"node.health"})",             // not an integer
           R"({"protocol_version":-1,"method":"node.health"})",              // negative
           R"({"protocol_version":65536,"method":"node.health"})",           // over u16
           R"({"protocol_version":1,"method":7})",                           // method type
           R"({"protocol_version":1,"method":null})",
           R"({"protocol_version":1,"method":"node.health","extra":true})",  // unknown field
           R"({"protocol_version":1,"method":"node.stream_events","resume_from":-1})",
           R"({"protocol_version":1,"method":"node.stream_events","resume_from":"2"})",
           R"({"protocol_version":1,"method":"node.stream_events","resume_from":2.5})",
           R"({"protocol_version":1,"method":"node.stream_events","resume_from":18446744073709551616})",
           R"({"protocol_version":1,"method":"node.health","method":"node.stream_events"})",
       }) {
    EXPECT_EQ(ErrorFor(payload), kErrorInvalidRequest) << payload;
  }
  // Malformed beats a wrong version: fields are checked first, as upstream's decoder does.
  EXPECT_EQ(ErrorFor(R"({"protocol_version":2,"method":"node.health","x":1})"),
            kErrorInvalidRequest);
}

TEST(NodeMessagesTest, VersionIsCheckedBeforeTheMethod) {
  EXPECT_EQ(ErrorFor(R"({"protocol_version":2,"method":"node.health"})"), kErrorProtocolMismatch);
  EXPECT_EQ(ErrorFor(R"({"protocol_version":0,"method":"bogus"})"), kErrorProtocolMismatch);
  EXPECT_EQ(ErrorFor(R"({"protocol_version":65535,"method":"node.health"})"),
            kErrorProtocolMismatch);
  EXPECT_EQ(ErrorFor(R"({"protocol_version":1,"method":"bogus"})"), kErrorUnsupportedMethod);
  EXPECT_EQ(ErrorFor(R"({"protocol_version":1,"method":"NODE.HEALTH"})"), kErrorUnsupportedMethod);
  EXPECT_EQ(ErrorFor(R"({"protocol_version":1,"method":""})"), kErrorUnsupportedMethod);
}

TEST(NodeMessagesTest, NestedKeysMayRepeatNames) {
  // Only top-level duplicates are refused; a nested object is just a wrong type here.
  EXPECT_EQ(ErrorFor(R"({"protocol_version":{"a":1,"a":2},"method":"node.health"})"),
            kErrorInvalidRequest);
  ParsedNodeRequest parsed =
      ParseNodeRequest(R"({"protocol_version":{"method":1},"method":"node.health"})");
  EXPECT_EQ(parsed.error, kErrorInvalidRequest);
  EXPECT_NE(parsed.detail.find("protocol_version"), std::string::npos) << parsed.detail;
}

}  // namespace
}  // namespace palyra::node_protocol
