// Every operator command against a real gRPC server standing in for palyrad's operator service
// (fake_operator_server.h): what goes over the wire, the JSON scripts get, the text people get,
// and the exit code for each outcome.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/exit_codes.h"
#include "cli_test_util.h"
#include "common/files.h"
#include "crypto/certificate_builder.h"
#include "fake_operator_server.h"
#include "support/subprocess.h"

namespace palyra::cli::testing {
namespace {

using nlohmann::json;
using palyra::testing::TempDir;

constexpr const char* kToken = "0123456789abcdef0123456789abcdef-test-token";

mode_t ModeOf(const std::filesystem::path& path) {
  struct stat info {};
  EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
  return info.st_mode & 0777;
}

json ParseJson(const CliRun& run) {
  json doc = json::parse(run.out, nullptr, false);
  EXPECT_FALSE(doc.is_discarded()) << "stdout is not one JSON document:\n" << run.out;
  return doc;
}

struct TestCa {
  crypto::P256PrivateKey key;
  crypto::Certificate cert;
};

TestCa MakeTestCa() {
  auto key = crypto::P256PrivateKey::Generate();
  EXPECT_TRUE(key.ok());
  crypto::CertificateBuilder builder;
  int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  builder.SetSubjectCommonName("palyra test CA")
      .SetValidity(now - 60'000, now + 86'400'000)
      .SetCa(0);
  auto cert = builder.SelfSign(*key);
  EXPECT_TRUE(cert.ok()) << cert.status().ToString();
  return {*key, *cert};
}

class CliCommandsTest : public ::testing::Test {
 protected:
  CliRun Run(std::vector<std::string> args, const std::string& stdin_text = "") {
    args.push_back("--daemon");
    args.push_back(daemon_.address());
    CliRun run = RunPalyra(args, env_, stdin_text);
    // Whatever happened, the token never reaches the output.
    EXPECT_EQ(run.out.find(kToken), std::string::npos);
    EXPECT_EQ(run.err.find(kToken), std::string::npos);
    return run;
  }
  FakeOperatorService& service() { return daemon_.service(); }

  FakeDaemon daemon_{kToken};
  Environment env_ = {{"PALYRA_ADMIN_TOKEN", kToken}, {"HOME", "/nonexistent"}};
};

TEST_F(CliCommandsTest, PairingCodeJsonCarriesTheScriptKeysAndTheFlags) {
  adminv1::MintPairingCodeResponse minted;
  minted.set_code("483920");
  minted.set_pairing_uri("palyra://pair?v=1&addr=127.0.0.1:7444&code=483920");
  minted.set_node_rpc_address("127.0.0.1:7444");
  minted.set_gateway_ca_fingerprint("aa11");
  minted.mutable_info()->set_code_id(kCodeId);
  minted.mutable_info()->set_method(adminv1::PAIRING_METHOD_KIND_QR);
  minted.mutable_info()->set_auto_approve(true);
  minted.mutable_info()->set_expires_at_unix_ms(1'900'000'000'000);
  service().SetResponse("MintPairingCode", minted);

  CliRun run =
      Run({"pairing", "code", "--method", "qr", "--ttl", "10m", "--auto-approve", "--json"});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  json doc = ParseJson(run);
  EXPECT_EQ(doc["code"], "483920");
  EXPECT_EQ(doc["code_id"], kCodeId);
  EXPECT_EQ(doc["method"], "qr");
  EXPECT_EQ(doc["expires_at_unix_ms"], 1'900'000'000'000);
  EXPECT_EQ(doc["auto_approve"], true);
  EXPECT_EQ(doc["uri"], minted.pairing_uri());
  EXPECT_EQ(doc["node_rpc_address"], "127.0.0.1:7444");
  EXPECT_EQ(doc["gateway_ca_fingerprint"], "aa11");

  auto sent = service().LastRequest<adminv1::MintPairingCodeRequest>("MintPairingCode");
  ASSERT_TRUE(sent.has_value());
  EXPECT_EQ(sent->method(), adminv1::PAIRING_METHOD_KIND_QR);
  EXPECT_EQ(sent->ttl_ms(), 600'000);
  EXPECT_TRUE(sent->auto_approve());
  EXPECT_EQ(service().AuthorizationHeaders().back(), std::string("Bearer ") + kToken);
}

TEST_F(CliCommandsTest, PairingCodeTextShowsCodeExpiryUriAndQr) {
  adminv1::MintPairingCodeResponse minted;
  minted.set_code("483920");
  minted.set_pairing_uri("palyra://pair?v=1&code=483920");
  minted.mutable_info()->set_method(adminv1::PAIRING_METHOD_KIND_PIN);
  minted.mutable_info()->set_expires_at_unix_ms(1'900'000'000'000);
  service().SetResponse("MintPairingCode", minted);
  CliRun run = Run({"pairing", "code"});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  EXPECT_NE(run.out.find("483920"), std::string::npos);
  EXPECT_NE(run.out.find("palyra://pair?v=1&code=483920"), std::string::npos);
  EXPECT_NE(run.out.find("2030-03-17T17:46:40.000Z"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\u2588\u2588\u2588\u2588"), std::string::npos) << "no QR drawn";
  auto sent = service().LastRequest<adminv1::MintPairingCodeRequest>("MintPairingCode");
  EXPECT_EQ(sent->method(), adminv1::PAIRING_METHOD_KIND_PIN);
  EXPECT_EQ(sent->ttl_ms(), 0) << "no --ttl: the daemon's default";
  EXPECT_FALSE(sent->auto_approve());

  CliRun no_qr = Run({"pairing", "code", "--no-qr"});
  EXPECT_EQ(no_qr.out.find("\u2588"), std::string::npos);
}

TEST_F(CliCommandsTest, PairingCodesAndCancel) {
  adminv1::ListPairingCodesResponse codes;
  auto* code = codes.add_codes();
  code->set_code_id(kCodeId);
  code->set_method(adminv1::PAIRING_METHOD_KIND_PIN);
  code->set_state("active");
  service().SetResponse("ListPairingCodes", codes);
  CliRun list = Run({"pairing", "codes", "--json"});
  ASSERT_EQ(list.code, kExitOk) << list.err;
  json doc = ParseJson(list);
  ASSERT_TRUE(doc.is_array());
  ASSERT_EQ(doc.size(), 1u);
  EXPECT_EQ(doc[0]["code_id"], kCodeId);
  EXPECT_EQ(doc[0]["state"], "active");
  EXPECT_FALSE(doc[0].contains("code")) << "listings never carry the code";
  CliRun text = Run({"pairing", "codes"});
  EXPECT_NE(text.out.find(kCodeId), std::string::npos);

  adminv1::CancelPairingCodeResponse cancelled;
  cancelled.set_cancelled(true);
  service().SetResponse("CancelPairingCode", cancelled);
  CliRun cancel = Run({"pairing", "cancel", kCodeId, "--json"});
  ASSERT_EQ(cancel.code, kExitOk) << cancel.err;
  EXPECT_EQ(ParseJson(cancel), json({{"code_id", kCodeId}, {"cancelled", true}}));
  EXPECT_EQ(
      service().LastRequest<adminv1::CancelPairingCodeRequest>("CancelPairingCode")->code_id(),
      kCodeId);
}

TEST_F(CliCommandsTest, NodesPendingAsksForPendingApprovalUnlessAll) {
  adminv1::ListPairingRequestsResponse pending;
  auto* request = pending.add_requests();
  request->set_request_id(kRequestId);
  request->set_device_id(kDeviceId);
  request->set_client_kind("node");
  request->set_state(adminv1::PAIRING_REQUEST_STATE_PENDING_APPROVAL);
  request->set_identity_fingerprint("ff00");
  request->set_method_label("pin:******");
  request->set_expires_at_unix_ms(1'900'000'000'000);
  service().SetResponse("ListPairingRequests", pending);

  CliRun run = Run({"nodes", "pending", "--json"});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  json doc = ParseJson(run);
  ASSERT_EQ(doc.size(), 1u);
  EXPECT_EQ(doc[0]["request_id"], kRequestId);
  EXPECT_EQ(doc[0]["device_id"], kDeviceId);
  EXPECT_EQ(doc[0]["client_kind"], "node");
  EXPECT_EQ(doc[0]["state"], "pending_approval");
  EXPECT_EQ(doc[0]["identity_fingerprint"], "ff00");
  EXPECT_EQ(doc[0]["method_label"], "pin:******");
  EXPECT_EQ(doc[0]["expires_at_unix_ms"], 1'900'000'000'000);
  EXPECT_EQ(
      service().LastRequest<adminv1::ListPairingRequestsRequest>("ListPairingRequests")->state(),
      adminv1::PAIRING_REQUEST_STATE_PENDING_APPROVAL);

  CliRun ndjson = Run({"nodes", "pending", "--ndjson"});
  ASSERT_EQ(ndjson.code, kExitOk) << ndjson.err;
  EXPECT_EQ(json::parse(ndjson.out), json({{"type", "node_pairing_request"}, {"request", doc[0]}}));
  ASSERT_EQ(Run({"nodes", "pending", "--all"}).code, kExitOk);
  EXPECT_EQ(
      service().LastRequest<adminv1::ListPairingRequestsRequest>("ListPairingRequests")->state(),
      adminv1::PAIRING_REQUEST_STATE_UNSPECIFIED);
}

TEST_F(CliCommandsTest, ApproveAndRejectSendTheDecision) {
  adminv1::ApprovePairingRequestResponse approved;
  approved.mutable_request()->set_request_id(kRequestId);
  approved.mutable_request()->set_state(adminv1::PAIRING_REQUEST_STATE_APPROVED);
  service().SetResponse("ApprovePairingRequest", approved);
  CliRun run = Run({"nodes", "approve", kRequestId, "--reason", "known laptop",
                    "--confirm-identity-change", "--json"});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  EXPECT_EQ(ParseJson(run)["state"], "approved");
  auto sent = service().LastRequest<adminv1::ApprovePairingRequestRequest>("ApprovePairingRequest");
  EXPECT_EQ(sent->request_id(), kRequestId);
  EXPECT_EQ(sent->reason(), "known laptop");
  EXPECT_TRUE(sent->confirm_identity_change());

  ASSERT_EQ(Run({"nodes", "reject", kRequestId, "--reason", "unknown"}).code, kExitOk);
  auto rejected =
      service().LastRequest<adminv1::RejectPairingRequestRequest>("RejectPairingRequest");
  EXPECT_EQ(rejected->request_id(), kRequestId);
  EXPECT_EQ(rejected->reason(), "unknown");
}

TEST_F(CliCommandsTest, DaemonRefusalIsExitOneWithItsReason) {
  service().SetError("ApprovePairingRequest",
                     {grpc::StatusCode::FAILED_PRECONDITION, "pairing request timed out"});
  CliRun run = Run({"nodes", "approve", kRequestId, "--json"});
  EXPECT_EQ(run.code, kExitFailed);
  EXPECT_EQ(run.out, "");
  EXPECT_TRUE(IsOneLine(run.err)) << run.err;
  EXPECT_NE(run.err.find("FAILED_PRECONDITION: pairing request timed out"), std::string::npos)
      << run.err;

  // UNAVAILABLE / DEADLINE_EXCEEDED answered over a live connection are the operation failing.
  service().SetError("GetNode", {grpc::StatusCode::UNAVAILABLE, "node is not connected"});
  CliRun unavailable = Run({"nodes", "describe", kDeviceId});
  EXPECT_EQ(unavailable.code, kExitFailed) << unavailable.err;
  EXPECT_NE(unavailable.err.find("node is not connected"), std::string::npos);
  service().SetError("GetNode", {grpc::StatusCode::NOT_FOUND, "no such node"});
  EXPECT_EQ(Run({"nodes", "describe", kDeviceId}).code, kExitFailed);
}

TEST_F(CliCommandsTest, WrongOrMissingTokenIsExitFour) {
  env_["PALYRA_ADMIN_TOKEN"] = "wrong-token";
  CliRun wrong = Run({"nodes", "list"});
  EXPECT_EQ(wrong.code, kExitAuth) << wrong.err;
  EXPECT_TRUE(IsOneLine(wrong.err));
  EXPECT_NE(wrong.err.find("refused the admin token from PALYRA_ADMIN_TOKEN"), std::string::npos)
      << wrong.err;
  EXPECT_EQ(wrong.err.find("wrong-token"), std::string::npos) << "the token was printed";
  EXPECT_EQ(service().AuthorizationHeaders().back(), "Bearer wrong-token");

  env_.erase("PALYRA_ADMIN_TOKEN");
  size_t calls = service().Calls().size();
  CliRun missing = Run({"nodes", "list"});
  EXPECT_EQ(missing.code, kExitAuth);
  EXPECT_NE(missing.err.find("PALYRA_ADMIN_TOKEN"), std::string::npos) << missing.err;
  EXPECT_EQ(service().Calls().size(), calls) << "no call without a token";

  env_["PALYRA_ADMIN_TOKEN"] = "bad token with spaces";
  EXPECT_EQ(Run({"nodes", "list"}).code, kExitAuth);
}

TEST_F(CliCommandsTest, NodesListDescribeAndRequests) {
  adminv1::Node node;
  node.set_device_id(kDeviceId);
  node.set_platform("linux-x86_64");
  node.set_presence(adminv1::NODE_PRESENCE_ONLINE);
  node.set_last_seen_at_unix_ms(1'800'000'000'000);
  node.set_connected(true);
  auto* capability = node.add_capabilities();
  capability->set_name("system.health");
  capability->set_available(true);
  capability->set_execution_mode("automatic");
  adminv1::ListNodesResponse nodes;
  *nodes.add_nodes() = node;
  service().SetResponse("ListNodes", nodes);
  adminv1::GetNodeResponse one;
  *one.mutable_node() = node;
  service().SetResponse("GetNode", one);

  CliRun list = Run({"nodes", "list", "--json"});
  ASSERT_EQ(list.code, kExitOk) << list.err;
  json doc = ParseJson(list);
  ASSERT_EQ(doc.size(), 1u);
  for (const char* key :
       {"device_id", "platform", "presence", "capabilities", "last_seen_at_unix_ms", "connected"}) {
    EXPECT_TRUE(doc[0].contains(key)) << key;
  }
  EXPECT_EQ(doc[0]["presence"], "online");
  EXPECT_EQ(doc[0]["capabilities"][0]["execution_mode"], "automatic");
  CliRun text = Run({"nodes", "list"});
  EXPECT_NE(text.out.find("system.health:true"), std::string::npos) << text.out;
  CliRun ndjson = Run({"nodes", "list", "--ndjson"});
  ASSERT_EQ(ndjson.code, kExitOk) << ndjson.err;
  EXPECT_EQ(json::parse(ndjson.out), json({{"type", "node"}, {"node", doc[0]}}));
  EXPECT_EQ(std::count(ndjson.out.begin(), ndjson.out.end(), '\n'), 1);
  // The global --output-format means the same as the per-command flags.
  CliRun format_ndjson = Run({"--output-format", "ndjson", "nodes", "list"});
  ASSERT_EQ(format_ndjson.code, kExitOk) << format_ndjson.err;
  EXPECT_EQ(format_ndjson.out, ndjson.out);
  CliRun format_json = Run({"nodes", "list", "--output-format", "json"});
  ASSERT_EQ(format_json.code, kExitOk) << format_json.err;
  EXPECT_EQ(format_json.out, list.out);
  EXPECT_EQ(Run({"nodes", "list", "--output-format", "text"}).out, text.out);

  CliRun describe = Run({"nodes", "describe", kDeviceId, "--json"});
  ASSERT_EQ(describe.code, kExitOk) << describe.err;
  EXPECT_EQ(ParseJson(describe), doc[0]);
  // ndjson for a one-document command: that document on one line.
  CliRun describe_line = Run({"nodes", "describe", kDeviceId, "--output-format", "ndjson"});
  ASSERT_EQ(describe_line.code, kExitOk) << describe_line.err;
  EXPECT_EQ(std::count(describe_line.out.begin(), describe_line.out.end(), '\n'), 1);
  EXPECT_EQ(json::parse(describe_line.out), doc[0]);
  EXPECT_EQ(service().LastRequest<adminv1::GetNodeRequest>("GetNode")->device_id(), kDeviceId);
  EXPECT_EQ(Run({"nodes", "status", kDeviceId}).code, kExitOk);

  adminv1::ListCapabilityRequestsResponse history;
  auto* item = history.add_requests();
  item->set_request_id(kRequestId);
  item->set_capability("system.health");
  item->set_state(adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED);
  item->set_output_json(R"({"status":"ok"})");
  service().SetResponse("ListCapabilityRequests", history);
  CliRun requests = Run({"nodes", "requests", kDeviceId, "--limit", "5", "--json"});
  ASSERT_EQ(requests.code, kExitOk) << requests.err;
  json listed = ParseJson(requests);
  EXPECT_EQ(listed[0]["state"], "succeeded");
  EXPECT_EQ(listed[0]["output_json"], json({{"status", "ok"}}));
  auto sent =
      service().LastRequest<adminv1::ListCapabilityRequestsRequest>("ListCapabilityRequests");
  EXPECT_EQ(sent->device_id(), kDeviceId);
  EXPECT_EQ(sent->limit(), 5u);
}

TEST_F(CliCommandsTest, InvokeSendsEveryFieldAndEmbedsParsedOutput) {
  adminv1::InvokeCapabilityResponse answer;
  auto* result = answer.mutable_request();
  result->set_request_id(kRequestId);
  result->set_state(adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED);
  result->set_success(true);
  result->set_output_json(R"({"status":"ok","load":[0.5]})");
  service().SetResponse("InvokeCapability", answer);

  CliRun run = Run({"nodes", "invoke", kDeviceId, "system.health", "--input-json",
                    R"({"verbose":true})", "--max-payload-bytes", "4096", "--timeout", "45s",
                    "--idempotency-key", "retry-1", "--json"});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  json doc = ParseJson(run);
  EXPECT_EQ(doc["request_id"], kRequestId);
  EXPECT_EQ(doc["state"], "succeeded");
  EXPECT_EQ(doc["success"], true);
  EXPECT_EQ(doc["output_json"], json({{"status", "ok"}, {"load", {0.5}}}));
  EXPECT_EQ(doc["error"], "");

  auto sent = service().LastRequest<adminv1::InvokeCapabilityRequest>("InvokeCapability");
  ASSERT_TRUE(sent.has_value());
  EXPECT_EQ(sent->device_id(), kDeviceId);
  EXPECT_EQ(sent->capability(), "system.health");
  EXPECT_EQ(json::parse(sent->input_json()), json({{"verbose", true}}));
  EXPECT_EQ(sent->max_payload_bytes(), 4096u);
  EXPECT_EQ(sent->timeout_ms(), 45'000);
  EXPECT_EQ(sent->idempotency_key(), "retry-1");

  // No input: null travels as empty bytes, and no timeout means the daemon's default.
  ASSERT_EQ(Run({"nodes", "invoke", kDeviceId, "system.health"}).code, kExitOk);
  sent = service().LastRequest<adminv1::InvokeCapabilityRequest>("InvokeCapability");
  EXPECT_EQ(sent->input_json(), "");
  EXPECT_EQ(sent->timeout_ms(), 0);
  EXPECT_EQ(sent->max_payload_bytes(), 0u);
}

TEST_F(CliCommandsTest, InvokeReadsStdin) {
  adminv1::InvokeCapabilityResponse answer;
  answer.mutable_request()->set_state(adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED);
  answer.mutable_request()->set_success(true);
  service().SetResponse("InvokeCapability", answer);
  CliRun run = Run({"nodes", "invoke", kDeviceId, "echo", "--input-stdin", "--json"},
                   "{\"text\": \"hi\"}\n");
  ASSERT_EQ(run.code, kExitOk) << run.err;
  EXPECT_TRUE(ParseJson(run)["output_json"].is_null());
  auto sent = service().LastRequest<adminv1::InvokeCapabilityRequest>("InvokeCapability");
  EXPECT_EQ(json::parse(sent->input_json()), json({{"text", "hi"}}));

  ASSERT_EQ(Run({"nodes", "invoke", kDeviceId, "echo", "--input-stdin"}, "  \n").code, kExitOk);
  EXPECT_EQ(
      service().LastRequest<adminv1::InvokeCapabilityRequest>("InvokeCapability")->input_json(),
      "");
}

TEST_F(CliCommandsTest, InvokeThatDidNotSucceedIsExitOneWithTheReason) {
  for (auto state :
       {adminv1::CAPABILITY_REQUEST_STATE_FAILED, adminv1::CAPABILITY_REQUEST_STATE_TIMED_OUT,
        adminv1::CAPABILITY_REQUEST_STATE_REJECTED}) {
    adminv1::InvokeCapabilityResponse answer;
    answer.mutable_request()->set_request_id(kRequestId);
    answer.mutable_request()->set_state(state);
    answer.mutable_request()->set_error("the node said no");
    service().SetResponse("InvokeCapability", answer);
    CliRun run = Run({"nodes", "invoke", kDeviceId, "desktop.open_url", "--json"});
    EXPECT_EQ(run.code, kExitFailed) << run.err;
    json doc = ParseJson(run);
    EXPECT_EQ(doc["success"], false);
    EXPECT_TRUE(doc["output_json"].is_null());
    EXPECT_EQ(doc["error"], "the node said no");
    EXPECT_TRUE(IsOneLine(run.err)) << run.err;
    EXPECT_NE(run.err.find("the node said no"), std::string::npos);
    EXPECT_NE(run.err.find(std::string(doc["state"])), std::string::npos) << run.err;
  }
  service().SetError("InvokeCapability",
                     {grpc::StatusCode::RESOURCE_EXHAUSTED, "the node's queue is full"});
  CliRun full = Run({"nodes", "invoke", kDeviceId, "system.health"});
  EXPECT_EQ(full.code, kExitFailed);
  EXPECT_NE(full.err.find("RESOURCE_EXHAUSTED"), std::string::npos);
}

TEST_F(CliCommandsTest, WatchPrintsNdjsonUntilTheDaemonEndsTheStream) {
  std::vector<adminv1::WatchNodePresenceResponse> events(2);
  events[0].set_device_id(kDeviceId);
  events[0].set_presence(adminv1::NODE_PRESENCE_ONLINE);
  events[0].set_snapshot(true);
  events[1].set_device_id(kDeviceId);
  events[1].set_presence(adminv1::NODE_PRESENCE_STALE);
  events[1].set_at_unix_ms(1'800'000'000'000);
  service().SetWatchEvents(events, /*hold_open=*/false);
  CliRun run = Run({"nodes", "watch", "--json"});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  std::istringstream lines(run.out);
  std::string line;
  std::vector<json> parsed;
  while (std::getline(lines, line)) parsed.push_back(json::parse(line));
  ASSERT_EQ(parsed.size(), 2u) << run.out;
  EXPECT_EQ(parsed[0]["presence"], "online");
  EXPECT_EQ(parsed[0]["snapshot"], true);
  EXPECT_EQ(parsed[1]["presence"], "stale");
  EXPECT_EQ(parsed[1]["at_unix_ms"], 1'800'000'000'000);

  CliRun text = Run({"nodes", "watch"});
  EXPECT_NE(text.out.find("2027-01-15T08:00:00.000Z  " + std::string(kDeviceId) + "  stale"),
            std::string::npos)
      << text.out;
}

TEST_F(CliCommandsTest, DevicesListRevokeRemove) {
  adminv1::ListDevicesResponse devices;
  auto* device = devices.add_devices();
  device->set_device_id(kDeviceId);
  device->set_client_kind("node");
  device->set_certificate_fingerprint("cafe");
  service().SetResponse("ListDevices", devices);
  CliRun list = Run({"devices", "list", "--json"});
  ASSERT_EQ(list.code, kExitOk) << list.err;
  EXPECT_EQ(ParseJson(list)[0]["certificate_fingerprint"], "cafe");

  adminv1::RevokeDeviceResponse revoked;
  revoked.set_was_paired(true);
  revoked.add_revoked_fingerprints("cafe");
  service().SetResponse("RevokeDevice", revoked);
  CliRun revoke = Run({"devices", "revoke", kDeviceId, "--reason", "lost", "--json"});
  ASSERT_EQ(revoke.code, kExitOk) << revoke.err;
  EXPECT_EQ(ParseJson(revoke)["revoked_fingerprints"], json::array({"cafe"}));
  auto sent = service().LastRequest<adminv1::RevokeDeviceRequest>("RevokeDevice");
  EXPECT_EQ(sent->device_id(), kDeviceId);
  EXPECT_EQ(sent->reason(), "lost");

  CliRun remove = Run({"devices", "remove", kDeviceId, "--json"});
  ASSERT_EQ(remove.code, kExitOk) << remove.err;
  EXPECT_EQ(ParseJson(remove), json({{"device_id", kDeviceId}, {"was_paired", false}}));
}

TEST_F(CliCommandsTest, RotateDiscardsTheKeyUnlessToldWhereToWriteIt) {
  adminv1::RotateDeviceResponse rotated;
  rotated.mutable_device()->set_device_id(kDeviceId);
  rotated.mutable_device()->set_certificate_fingerprint("beef");
  rotated.mutable_device()->set_certificate_expires_at_unix_ms(1'900'000'000'000);
  rotated.add_revoked_fingerprints("cafe");
  rotated.set_certificate_pem("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
  rotated.set_private_key_pem(
      "-----BEGIN PRIVATE KEY-----\nSECRETKEY\n-----END PRIVATE KEY-----\n");
  service().SetResponse("RotateDevice", rotated);

  CliRun discarded = Run({"devices", "rotate", kDeviceId});
  ASSERT_EQ(discarded.code, kExitOk) << discarded.err;
  EXPECT_NE(discarded.out.find("beef"), std::string::npos);
  EXPECT_NE(discarded.out.find("discarded"), std::string::npos);
  EXPECT_EQ(discarded.out.find("SECRETKEY"), std::string::npos);
  CliRun discarded_json = Run({"devices", "rotate", kDeviceId, "--json"});
  EXPECT_EQ(discarded_json.out.find("SECRETKEY"), std::string::npos);
  EXPECT_EQ(ParseJson(discarded_json)["private_key_discarded"], true);

  TempDir temp;
  auto dir = temp.path() / "material";
  CliRun written =
      Run({"devices", "rotate", kDeviceId, "--write-material", dir.string(), "--json"});
  ASSERT_EQ(written.code, kExitOk) << written.err;
  EXPECT_EQ(written.out.find("SECRETKEY"), std::string::npos);
  json doc = ParseJson(written);
  EXPECT_EQ(doc["private_key_discarded"], false);
  EXPECT_EQ(doc["key_path"], (dir / "key.pem").string());
  EXPECT_EQ(palyra::testing::ReadWholeFile(dir / "key.pem"), rotated.private_key_pem());
  EXPECT_EQ(palyra::testing::ReadWholeFile(dir / "cert.pem"), rotated.certificate_pem());
  EXPECT_EQ(ModeOf(dir / "key.pem"), 0600u);
  EXPECT_EQ(ModeOf(dir / "cert.pem"), 0600u);
  EXPECT_EQ(ModeOf(dir), 0700u);

  // A directory that cannot take the material is refused before anything is rotated.
  size_t calls = service().Calls().size();
  std::ofstream(temp.path() / "file") << "x";
  CliRun not_dir =
      Run({"devices", "rotate", kDeviceId, "--write-material", (temp.path() / "file").string()});
  EXPECT_EQ(not_dir.code, kExitUsage) << not_dir.err;
  EXPECT_EQ(service().Calls().size(), calls);
}

TEST_F(CliCommandsTest, CaShowFromTheDaemonChecksTheFingerprint) {
  TestCa ca = MakeTestCa();
  adminv1::GetGatewayCaResponse answer;
  answer.set_certificate_pem(ca.cert.ToPem());
  answer.set_fingerprint(ca.cert.FingerprintSha256Hex());
  answer.set_node_rpc_address("127.0.0.1:7444");
  service().SetResponse("GetGatewayCa", answer);
  CliRun run = Run({"ca", "show", "--json"});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  json doc = ParseJson(run);
  EXPECT_TRUE(doc["path"].is_null());
  EXPECT_EQ(doc["fingerprint"], ca.cert.FingerprintSha256Hex());
  EXPECT_EQ(doc["not_after_unix_ms"], ca.cert.NotAfterUnixMs()) << "filled in from the PEM";
  EXPECT_EQ(doc["pem"], ca.cert.ToPem());
  CliRun pem = Run({"ca", "show", "--pem"});
  EXPECT_EQ(pem.out, ca.cert.ToPem());

  answer.set_fingerprint(std::string(64, '0'));
  service().SetResponse("GetGatewayCa", answer);
  CliRun mismatch = Run({"ca", "show"});
  EXPECT_EQ(mismatch.code, kExitFailed);
  EXPECT_NE(mismatch.err.find("does not match"), std::string::npos) << mismatch.err;
}

// Local discovery: a state dir whose run file points at the fake daemon.
class CliDiscoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    state_ = temp_.path() / "state";
    ASSERT_TRUE(EnsurePrivateDirectory(state_ / "run").ok());
  }
  void WriteRunFile(json extra = json::object()) {
    json run = {{"pid", 1}, {"admin_grpc_addr", daemon_.address()}, {"admin_grpc_tls", false}};
    run.update(extra);
    ASSERT_TRUE(WriteFileAtomic(state_ / "run" / "palyrad.json", run.dump()).ok());
  }
  void WriteToken(const std::string& token) {
    ASSERT_TRUE(WriteFileAtomic(state_ / "admin.token", token + "\n").ok());
  }
  CliRun Run(std::vector<std::string> args, Environment env = {}) {
    env.emplace("HOME", "/nonexistent");
    return RunPalyra(args, env);
  }

  TempDir temp_;
  std::filesystem::path state_;
  FakeDaemon daemon_{kToken};
};

TEST_F(CliDiscoveryTest, UsesTheRunFileAndTokenFileOfTheStateDir) {
  WriteRunFile();
  WriteToken(kToken);
  CliRun by_flag = Run({"nodes", "list", "--state-dir", state_.string(), "--json"});
  ASSERT_EQ(by_flag.code, kExitOk) << by_flag.err;
  EXPECT_EQ(ParseJson(by_flag), json::array());
  EXPECT_EQ(daemon_.service().AuthorizationHeaders().back(), std::string("Bearer ") + kToken);
  CliRun by_env = Run({"nodes", "list"}, {{"PALYRA_STATE_DIR", state_.string()}});
  EXPECT_EQ(by_env.code, kExitOk) << by_env.err;
  CliRun by_xdg = Run({"nodes", "list"}, {{"XDG_STATE_HOME", temp_.path().string()}});
  EXPECT_NE(by_xdg.err.find((temp_.path() / "palyra").string()), std::string::npos)
      << "XDG_STATE_HOME/palyra is the default: " << by_xdg.err;
  EXPECT_EQ(by_xdg.code, kExitUnreachable);
}

TEST_F(CliDiscoveryTest, WrongTokenInTheFileIsExitFourNamingTheFile) {
  WriteRunFile();
  WriteToken("not-the-token");
  CliRun run = Run({"nodes", "list", "--state-dir", state_.string()});
  EXPECT_EQ(run.code, kExitAuth);
  EXPECT_NE(run.err.find((state_ / "admin.token").string()), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("not-the-token"), std::string::npos);
  // The environment wins over the file.
  CliRun env =
      Run({"nodes", "list", "--state-dir", state_.string()}, {{"PALYRA_ADMIN_TOKEN", kToken}});
  EXPECT_EQ(env.code, kExitOk) << env.err;
}

TEST_F(CliDiscoveryTest, MissingTokenIsExitFour) {
  WriteRunFile();
  CliRun run = Run({"nodes", "list", "--state-dir", state_.string()});
  EXPECT_EQ(run.code, kExitAuth);
  EXPECT_NE(run.err.find((state_ / "admin.token").string()), std::string::npos) << run.err;
  WriteRunFile({{"admin_token_path", ""}});
  CliRun configured = Run({"nodes", "list", "--state-dir", state_.string()});
  EXPECT_EQ(configured.code, kExitAuth);
  EXPECT_NE(configured.err.find("configuration"), std::string::npos) << configured.err;
  EXPECT_TRUE(daemon_.service().Calls().empty());
}

TEST_F(CliDiscoveryTest, BrokenRunFileIsExitThreeNamingIt) {
  ASSERT_TRUE(WriteFileAtomic(state_ / "run" / "palyrad.json", "{not json").ok());
  CliRun run = Run({"nodes", "list", "--state-dir", state_.string()});
  EXPECT_EQ(run.code, kExitUnreachable);
  EXPECT_NE(run.err.find("palyrad.json"), std::string::npos) << run.err;
}

TEST_F(CliDiscoveryTest, CaShowReadsTheLocalCaWithoutTheDaemon) {
  TestCa ca = MakeTestCa();
  auto ca_path = state_ / "gateway-ca.pem";
  ASSERT_TRUE(WriteFileAtomic(ca_path, ca.cert.ToPem(), 0644).ok());
  WriteRunFile({{"gateway_ca_path", ca_path.string()},
                {"gateway_ca_fingerprint", ca.cert.FingerprintSha256Hex()},
                {"node_rpc_addr", "127.0.0.1:7444"}});
  CliRun run = Run({"ca", "show", "--state-dir", state_.string(), "--json"});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  json doc = ParseJson(run);
  EXPECT_EQ(doc["path"], ca_path.string());
  EXPECT_EQ(doc["fingerprint"], ca.cert.FingerprintSha256Hex());
  EXPECT_EQ(doc["not_after_unix_ms"], ca.cert.NotAfterUnixMs());
  EXPECT_EQ(doc["node_rpc_address"], "127.0.0.1:7444");
  EXPECT_EQ(doc["pem"], ca.cert.ToPem());
  EXPECT_TRUE(daemon_.service().Calls().empty()) << "a local CA needs no RPC (and no token)";

  WriteRunFile(
      {{"gateway_ca_path", ca_path.string()}, {"gateway_ca_fingerprint", std::string(64, 'e')}});
  CliRun mismatch = Run({"ca", "show", "--state-dir", state_.string()});
  EXPECT_EQ(mismatch.code, kExitFailed);
  EXPECT_NE(mismatch.err.find("does not match"), std::string::npos) << mismatch.err;
}

// TLS to a remote-style daemon: verified against --daemon-ca, refused without it.
TEST(CliTlsTest, HttpsDaemonIsVerifiedAgainstTheGivenCa) {
  TestCa ca = MakeTestCa();
  auto server_key = crypto::P256PrivateKey::Generate();
  ASSERT_TRUE(server_key.ok());
  crypto::CertificateBuilder builder;
  builder.SetSubjectCommonName("palyrad-admin")
      .SetValidity(ca.cert.NotBeforeUnixMs(), ca.cert.NotAfterUnixMs())
      .SetSubjectPublicKey(server_key->PublicKey())
      .AddExtendedKeyUsage(crypto::ExtendedKeyUsage::kServerAuth)
      .AddIpAddress("127.0.0.1")
      .AddDnsName("localhost");
  auto server_cert = builder.Sign(ca.cert, ca.key);
  ASSERT_TRUE(server_cert.ok()) << server_cert.status().ToString();
  auto key_pem = server_key->ToPkcs8Pem();
  ASSERT_TRUE(key_pem.ok());
  FakeDaemon daemon(kToken, FakeTls{server_cert->ToPem(), std::string(key_pem->view())});

  TempDir temp;
  auto ca_file = temp.path() / "admin-ca.pem";
  ASSERT_TRUE(WriteFileAtomic(ca_file, ca.cert.ToPem()).ok());
  const Environment env = {{"PALYRA_ADMIN_TOKEN", kToken}, {"HOME", "/nonexistent"}};
  const std::string url = "https://127.0.0.1:" + std::to_string(daemon.port());
  CliRun trusted =
      RunPalyra({"nodes", "list", "--daemon", url, "--daemon-ca", ca_file.string(), "--json"}, env);
  ASSERT_EQ(trusted.code, kExitOk) << trusted.err;
  EXPECT_EQ(daemon.service().AuthorizationHeaders().back(), std::string("Bearer ") + kToken);

  size_t calls = daemon.service().Calls().size();
  CliRun untrusted = RunPalyra({"nodes", "list", "--daemon", url}, env);
  EXPECT_EQ(untrusted.code, kExitUnreachable) << untrusted.err;
  EXPECT_NE(untrusted.err.find("127.0.0.1:" + std::to_string(daemon.port())), std::string::npos);
  EXPECT_EQ(daemon.service().Calls().size(), calls) << "no call over an unverified connection";
}

}  // namespace
}  // namespace palyra::cli::testing
