// Text helpers, JSON input handling and the JSON documents built from operator messages.

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli/json_input.h"
#include "cli/proto_json.h"
#include "cli/text_format.h"

namespace palyra::cli {
namespace {

using nlohmann::json;

TEST(TextFormatTest, TimestampsAreRfc3339WithRelativeHint) {
  EXPECT_EQ(FormatTimestamp(0, 1000), "-");
  EXPECT_EQ(FormatTimestamp(1'700'000'600'000, 1'700'000'000'000),
            "2023-11-14T22:23:20.000Z (in 10m)");
  EXPECT_EQ(FormatTimestamp(1'700'000'000'000, 1'700'000'090'000),
            "2023-11-14T22:13:20.000Z (1m30s ago)");
}

TEST(TextFormatTest, SanitizeKeepsOneLineAndNoEscapes) {
  EXPECT_EQ(SanitizeForTerminal("ok\nforged line\x1b[2J"), "ok?forged line?[2J");
  EXPECT_EQ(SanitizeForTerminal("abcdef", 3), "abc...");
  EXPECT_EQ(SanitizeForTerminal("caf\xc3\xa9"), "caf\xc3\xa9");
}

TEST(TextFormatTest, TableAlignsColumns) {
  std::string table = FormatTable({"ID", "STATE"}, {{"a", "online"}, {"longer-id", "x\ny"}});
  EXPECT_EQ(table,
            "ID         STATE\n"
            "a          online\n"
            "longer-id  x?y\n");
}

TEST(TextFormatTest, DumpJsonSurvivesInvalidUtf8) {
  json value = {{"k", std::string("\xff\xfe")}};
  EXPECT_NO_THROW(DumpJson(value, false));
  EXPECT_EQ(DumpJson(json{{"a", 1}}, false), R"({"a":1})");
}

TEST(JsonInputTest, InputJsonWinsAndMustParse) {
  std::istringstream unused("{\"ignored\": true}");
  auto parsed = ResolveInvokeInput(std::string(R"({"verbose":true})"), false, unused);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, json({{"verbose", true}}));
  auto bad = ResolveInvokeInput(std::string("{verbose"), false, unused);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("--input-json is not valid JSON"), std::string::npos);
  EXPECT_FALSE(ResolveInvokeInput(std::string(""), false, unused).ok());
  EXPECT_FALSE(ResolveInvokeInput(std::string("1 2"), false, unused).ok());
}

TEST(JsonInputTest, StdinIsBoundedAndBlankMeansNull) {
  std::istringstream blank(" \n\t");
  EXPECT_TRUE(ResolveInvokeInput(std::nullopt, true, blank)->is_null());
  std::istringstream value("[1, 2]\n");
  EXPECT_EQ(*ResolveInvokeInput(std::nullopt, true, value), json::array({1, 2}));
  std::istringstream garbage("not json");
  auto bad = ResolveInvokeInput(std::nullopt, true, garbage);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("stdin"), std::string::npos);
  std::istringstream huge("\"" + std::string(kMaxStdinInputBytes, 'a') + "\"");
  auto too_big = ResolveInvokeInput(std::nullopt, true, huge);
  ASSERT_FALSE(too_big.ok());
  EXPECT_NE(too_big.status().message().find("larger than"), std::string::npos);
  std::istringstream none;
  EXPECT_TRUE(ResolveInvokeInput(std::nullopt, false, none)->is_null());
}

TEST(JsonInputTest, DeepNestingIsRefused) {
  std::string deep(kMaxJsonDepth + 1, '[');
  deep += std::string(kMaxJsonDepth + 1, ']');
  EXPECT_TRUE(JsonNestsDeeperThan(deep, kMaxJsonDepth));
  EXPECT_FALSE(ParseJsonText(deep, "--input-json").ok());
  EXPECT_FALSE(JsonNestsDeeperThan(R"({"s": "[[[[[[[[[[[[[[[[[[[[[[\"[["})", 3));
  std::string ok(kMaxJsonDepth, '[');
  ok += std::string(kMaxJsonDepth, ']');
  EXPECT_TRUE(ParseJsonText(ok, "--input-json").ok());
}

TEST(ProtoJsonTest, PayloadsAreEmbeddedParsed) {
  EXPECT_TRUE(PayloadJson("").is_null());
  EXPECT_EQ(PayloadJson(R"({"status":"ok"})"), json({{"status", "ok"}}));
  EXPECT_EQ(PayloadJson("not json"), json({{"raw_utf8", "not json"}}));
  std::string deep(1000, '[');
  EXPECT_TRUE(PayloadJson(deep).contains("raw_utf8"));
}

TEST(ProtoJsonTest, MintedCodeHasTheScriptKeys) {
  adminv1::MintPairingCodeResponse response;
  response.set_code("123456");
  response.set_pairing_uri("palyra://pair?x");
  response.set_node_rpc_address("127.0.0.1:7444");
  response.set_gateway_ca_fingerprint("abcd");
  auto* info = response.mutable_info();
  info->set_code_id("01ARZ3NDEKTSV4RRFFQ69G5FAV");
  info->set_method(adminv1::PAIRING_METHOD_KIND_QR);
  info->set_auto_approve(true);
  info->set_expires_at_unix_ms(1234);
  json doc = MintPairingCodeJson(response);
  EXPECT_EQ(doc["code"], "123456");
  EXPECT_EQ(doc["code_id"], "01ARZ3NDEKTSV4RRFFQ69G5FAV");
  EXPECT_EQ(doc["method"], "qr");
  EXPECT_EQ(doc["expires_at_unix_ms"], 1234);
  EXPECT_EQ(doc["auto_approve"], true);
  EXPECT_EQ(doc["uri"], "palyra://pair?x");
  EXPECT_EQ(doc["node_rpc_address"], "127.0.0.1:7444");
  EXPECT_EQ(doc["gateway_ca_fingerprint"], "abcd");
  EXPECT_TRUE(doc["created_at_unix_ms"].is_null());
}

TEST(ProtoJsonTest, NodeAndRequestDocuments) {
  adminv1::Node node;
  node.set_device_id("01ARZ3NDEKTSV4RRFFQ69G5FAV");
  node.set_platform("linux-x86_64");
  node.set_presence(adminv1::NODE_PRESENCE_STALE);
  node.set_last_seen_at_unix_ms(99);
  node.set_connected(false);
  auto* capability = node.add_capabilities();
  capability->set_name("desktop.open_url");
  capability->set_available(true);
  capability->set_execution_mode("local_mediation");
  json doc = NodeJson(node);
  EXPECT_EQ(doc["presence"], "stale");
  EXPECT_EQ(doc["last_seen_at_unix_ms"], 99);
  EXPECT_EQ(doc["connected"], false);
  EXPECT_EQ(doc["capabilities"], json::array({{{"name", "desktop.open_url"},
                                               {"available", true},
                                               {"execution_mode", "local_mediation"}}}));

  adminv1::PairingRequest request;
  request.set_state(adminv1::PAIRING_REQUEST_STATE_PENDING_APPROVAL);
  request.set_method_label("pin:******");
  json pending = PairingRequestJson(request);
  EXPECT_EQ(pending["state"], "pending_approval");
  EXPECT_EQ(pending["method_label"], "pin:******");
  for (const char* key :
       {"request_id", "device_id", "client_kind", "identity_fingerprint", "expires_at_unix_ms"}) {
    EXPECT_TRUE(pending.contains(key)) << key;
  }

  adminv1::CapabilityRequest invoked;
  invoked.set_state(adminv1::CAPABILITY_REQUEST_STATE_TIMED_OUT);
  EXPECT_EQ(CapabilityRequestJson(invoked)["state"], "timed_out");
  EXPECT_TRUE(CapabilityRequestJson(invoked)["output_json"].is_null());
  EXPECT_TRUE(IsTerminalCapabilityState(adminv1::CAPABILITY_REQUEST_STATE_REJECTED));
  EXPECT_FALSE(IsTerminalCapabilityState(adminv1::CAPABILITY_REQUEST_STATE_DISPATCHED));
}

}  // namespace
}  // namespace palyra::cli
