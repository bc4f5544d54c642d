// The capability payloads: what the daemon encodes the node decodes (dispatch), what the node
// encodes the daemon decodes (result), byte for byte as before the codecs existed, and every
// parser refuses bad input with the field named.
#include "node_protocol/capability_payloads.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "common/status.h"

namespace palyra::node_protocol {
namespace {

using ::testing::HasSubstr;

TEST(CapabilityDispatchPayloadTest, RoundTripsFromDaemonToNode) {
  CapabilityDispatchPayload sent;
  sent.request_id = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
  sent.capability = "system.health";
  sent.input_json = R"({"depth":2,"list":[1,"x"]})";
  sent.max_payload_bytes = 65536;
  const std::string encoded = EncodeCapabilityDispatch(sent);
  // The bytes the event log has always held: keys sorted, the input as a JSON value.
  EXPECT_EQ(encoded,
            R"({"capability":"system.health","input":{"depth":2,"list":[1,"x"]},)"
            R"("max_payload_bytes":65536,"request_id":"01ARZ3NDEKTSV4RRFFQ69G5FAV"})");
  Result<CapabilityDispatchPayload> received = ParseCapabilityDispatch(encoded);
  ASSERT_TRUE(received.ok()) << received.status().ToString();
  EXPECT_EQ(received->request_id, sent.request_id);
  EXPECT_EQ(received->capability, sent.capability);
  EXPECT_EQ(received->input_json, sent.input_json);
  EXPECT_EQ(received->max_payload_bytes, sent.max_payload_bytes);
}

TEST(CapabilityDispatchPayloadTest, InputThatIsNotJsonTravelsAsNull) {
  CapabilityDispatchPayload sent;
  sent.request_id = "R";
  sent.input_json = "{broken";
  Result<CapabilityDispatchPayload> received = ParseCapabilityDispatch(EncodeCapabilityDispatch(sent));
  ASSERT_TRUE(received.ok());
  EXPECT_EQ(received->input_json, "null");
}

TEST(CapabilityDispatchPayloadTest, RefusesBadInput) {
  auto error = [](std::string_view json) {
    Result<CapabilityDispatchPayload> parsed = ParseCapabilityDispatch(json);
    EXPECT_FALSE(parsed.ok()) << json;
    if (parsed.ok()) return std::string();
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument) << json;
    return parsed.status().message();
  };
  EXPECT_THAT(error("[1]"), HasSubstr("must be a JSON object"));
  EXPECT_THAT(error("not json"), HasSubstr("must be a JSON object"));
  EXPECT_THAT(error(R"({"capability":"echo"})"), HasSubstr("request_id"));
  EXPECT_THAT(error(R"({"request_id":7})"), HasSubstr("request_id"));
  EXPECT_THAT(error(R"({"request_id":""})"), HasSubstr("request_id"));
  EXPECT_THAT(error(R"({"request_id":"R","capability":1})"), HasSubstr("capability"));
  EXPECT_THAT(error(R"({"request_id":"R","max_payload_bytes":-1})"),
              HasSubstr("max_payload_bytes"));
  EXPECT_THAT(error(R"({"request_id":"R","max_payload_bytes":"big"})"),
              HasSubstr("max_payload_bytes"));
  const std::string long_id(kMaxRequestIdBytes + 1, 'A');
  EXPECT_THAT(error(R"({"request_id":")" + long_id + R"("})"), HasSubstr("longer than"));
  const std::string long_name(kMaxCapabilityNameBytes + 1, 'c');
  EXPECT_THAT(error(R"({"request_id":"R","capability":")" + long_name + R"("})"),
              HasSubstr("longer than"));
  const std::string oversize = R"({"request_id":"R","input":")" +
                               std::string(kMaxCapabilityPayloadBytes, 'x') + R"("})";
  EXPECT_THAT(error(oversize), HasSubstr("larger than"));
}

TEST(CapabilityDispatchPayloadTest, UnknownFieldsAreIgnored) {
  Result<CapabilityDispatchPayload> parsed =
      ParseCapabilityDispatch(R"({"request_id":"R","capability":"echo","added_later":{"x":1}})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->capability, "echo");
  EXPECT_EQ(parsed->input_json, "null");
  EXPECT_EQ(parsed->max_payload_bytes, 0u);
}

TEST(CapabilityResultPayloadTest, RoundTripsFromNodeToDaemon) {
  CapabilityResultPayload sent;
  sent.request_id = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
  sent.success = true;
  sent.output_json = nlohmann::json{{"echo", {{"a", 1}}}};
  sent.error = "";
  const std::string encoded = EncodeCapabilityResult(sent);
  // Upstream's shape, keys sorted as node hosts have always sent them.
  EXPECT_EQ(encoded, R"({"error":"","output_json":{"echo":{"a":1}},)"
                     R"("request_id":"01ARZ3NDEKTSV4RRFFQ69G5FAV","success":true})");
  Result<CapabilityResultPayload> received = ParseCapabilityResult(encoded);
  ASSERT_TRUE(received.ok()) << received.status().ToString();
  EXPECT_EQ(received->request_id, sent.request_id);
  EXPECT_TRUE(received->success);
  EXPECT_EQ(received->output_json, sent.output_json);
  EXPECT_EQ(received->error, std::optional<std::string>(""));
  EXPECT_FALSE(received->denied_by_local_mediation.has_value());
}

TEST(CapabilityResultPayloadTest, MediationDenialRoundTrips) {
  CapabilityResultPayload sent;
  sent.request_id = "R";
  sent.output_json = nullptr;
  sent.error = "denied by the local policy";
  sent.denied_by_local_mediation = true;
  const std::string encoded = EncodeCapabilityResult(sent);
  EXPECT_EQ(encoded, R"({"denied_by_local_mediation":true,"error":"denied by the local policy",)"
                     R"("output_json":null,"request_id":"R","success":false})");
  Result<CapabilityResultPayload> received = ParseCapabilityResult(encoded);
  ASSERT_TRUE(received.ok());
  EXPECT_FALSE(received->success);
  EXPECT_EQ(received->denied_by_local_mediation, std::optional<bool>(true));
  EXPECT_EQ(received->output_json, std::optional<nlohmann::json>(nullptr));
}

TEST(CapabilityResultPayloadTest, InvalidUtf8IsReplacedNotThrown) {
  CapabilityResultPayload sent;
  sent.request_id = "R";
  sent.error = std::string("bad \xff byte");
  const std::string encoded = EncodeCapabilityResult(sent);
  EXPECT_TRUE(ParseCapabilityResult(encoded).ok()) << encoded;
}

TEST(CapabilityResultPayloadTest, RefusesBadInputWithTheDaemonsMessages) {
  auto error = [](std::string_view json) {
    Result<CapabilityResultPayload> parsed = ParseCapabilityResult(json);
    EXPECT_FALSE(parsed.ok()) << json;
    if (parsed.ok()) return std::string();
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument) << json;
    return parsed.status().message();
  };
  EXPECT_EQ(error("3"), "capability.result payload_json must be a JSON object");
  EXPECT_EQ(error(R"({"success":true})"),
            "capability.result payload_json needs a non-empty string request_id");
  EXPECT_EQ(error(R"({"request_id":"R","success":"yes"})"),
            "capability.result success must be a boolean");
  EXPECT_EQ(error(R"({"request_id":"R","error":42})"),
            "capability.result error must be a string");
  EXPECT_EQ(error(R"({"request_id":"R","denied_by_local_mediation":1})"),
            "capability.result denied_by_local_mediation must be a boolean");
  EXPECT_THAT(error(R"({"request_id":")" + std::string(kMaxRequestIdBytes + 1, 'A') + R"("})"),
              HasSubstr("longer than"));
  EXPECT_THAT(error(std::string(kMaxCapabilityPayloadBytes + 1, ' ')), HasSubstr("larger than"));
}

TEST(CapabilityResultPayloadTest, NullErrorAndUnknownFieldsAreAccepted) {
  Result<CapabilityResultPayload> parsed =
      ParseCapabilityResult(R"({"request_id":"R","success":true,"error":null,"extra":[1]})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_FALSE(parsed->error.has_value());
  EXPECT_FALSE(parsed->output_json.has_value());
}

TEST(RequestIdOfTest, NamesTheEvent) {
  EXPECT_EQ(ParseRequestIdOf(R"({"request_id":"R"})", "capability.awaiting_local_mediation").value(),
            "R");
  Result<std::string> missing = ParseRequestIdOf("{}", "capability.awaiting_local_mediation");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(),
            "capability.awaiting_local_mediation payload_json needs a non-empty string request_id");
}

}  // namespace
}  // namespace palyra::node_protocol
