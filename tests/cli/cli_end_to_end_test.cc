// The real palyra binary driving a real palyrad, with the C++ test node (tests/support/
// node_client.h) as the device: pairing by code with operator approval or rejection, nodes,
// invocation, presence, devices and the gateway CA, all through the CLI's JSON output.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "cli/exit_codes.h"
#include "common/files.h"
#include "common/ulid.h"
#include "crypto/certificate.h"
#include "identity/device_identity.h"
#include "support/node_client.h"
#include "support/palyrad_process.h"
#include "support/subprocess.h"

namespace palyra::cli::testing {
namespace {

using nlohmann::json;
using palyra::testing::DeviceMaterial;
using palyra::testing::EchoNode;
using palyra::testing::ExitInfo;
using palyra::testing::NodeClient;
using palyra::testing::PalyradProcess;
using palyra::testing::RunToCompletion;
using palyra::testing::SpawnOptions;
using palyra::testing::Subprocess;
using palyra::testing::TempDir;
namespace nodev1 = ::palyra::node::v1;
namespace adminv1 = ::palyra::admin::v1;

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
  json doc;  // stdout parsed, when it is JSON
};

class CliEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    daemon_ = PalyradProcess::Start(temp_.path() / "state");
    node_address_ = daemon_->run_file().at("node_rpc_addr").get<std::string>();
    ca_pem_ = palyra::testing::ReadWholeFile(
        daemon_->run_file().at("gateway_ca_path").get<std::string>());
  }
  void TearDown() override {
    if (daemon_) daemon_->Stop();
  }

  SpawnOptions Spawn(std::vector<std::string> args) {
    SpawnOptions options;
    options.argv = {PALYRA_TEST_PALYRA_PATH};
    options.argv.insert(options.argv.end(), args.begin(), args.end());
    options.argv.insert(options.argv.end(), {"--state-dir", daemon_->state_dir().string()});
    options.env_unset = {"PALYRA_STATE_DIR", "PALYRA_ADMIN_TOKEN", "XDG_STATE_HOME"};
    options.output_dir = temp_.path() / "logs";
    options.name = "palyra";
    return options;
  }

  Outcome Palyra(std::vector<std::string> args) {
    Outcome outcome;
    ExitInfo exit = RunToCompletion(Spawn(std::move(args)), std::chrono::seconds(60), &outcome.out,
                                    &outcome.err);
    outcome.code = exit.exited ? exit.code : -1;
    outcome.doc = json::parse(outcome.out, nullptr, false);
    return outcome;
  }

  // A device that presented `code` and now waits for the operator. Returns the request id.
  std::string BeginPairing(NodeClient& client, const identity::DeviceIdentity& device,
                           const std::string& code) {
    nodev1::CompletePairingSessionResponse completed;
    std::string session_id;
    grpc::Status status = client.BeginAndComplete(device, adminv1::PAIRING_METHOD_KIND_PIN, code,
                                                  "", &completed, &session_id);
    EXPECT_TRUE(status.ok()) << status.error_message();
    EXPECT_FALSE(completed.paired());
    return session_id;
  }

  TempDir temp_;
  std::unique_ptr<PalyradProcess> daemon_;
  std::string node_address_;
  std::string ca_pem_;
};

TEST_F(CliEndToEndTest, PairApproveInvokeRotateRevoke) {
  // 1. The operator mints a code.
  Outcome code = Palyra({"pairing", "code", "--json"});
  ASSERT_EQ(code.code, kExitOk) << code.err;
  ASSERT_FALSE(code.doc.is_discarded()) << code.out;
  EXPECT_EQ(code.doc["method"], "pin");
  EXPECT_EQ(code.doc["node_rpc_address"], node_address_);
  EXPECT_EQ(code.doc["gateway_ca_fingerprint"], daemon_->run_file().at("gateway_ca_fingerprint"));
  EXPECT_TRUE(code.doc["uri"].get<std::string>().starts_with("palyra://pair?"));
  EXPECT_TRUE(IsCanonicalUlid(code.doc["code_id"].get<std::string>()));
  const std::string pin = code.doc["code"];

  Outcome codes = Palyra({"pairing", "codes", "--json"});
  ASSERT_EQ(codes.code, kExitOk) << codes.err;
  ASSERT_EQ(codes.doc.size(), 1u) << codes.out;
  EXPECT_EQ(codes.doc[0]["code_id"], code.doc["code_id"]);
  EXPECT_EQ(codes.out.find(pin), std::string::npos) << "listings never show the code";

  // 2. A device presents it and waits; the operator sees and approves the request.
  auto device = identity::DeviceIdentity::Generate(NewUlid());
  ASSERT_TRUE(device.ok());
  NodeClient pairing_client(node_address_, ca_pem_);
  const std::string request_id = BeginPairing(pairing_client, *device, pin);

  Outcome pending = Palyra({"nodes", "pending", "--json"});
  ASSERT_EQ(pending.code, kExitOk) << pending.err;
  ASSERT_EQ(pending.doc.size(), 1u) << pending.out;
  EXPECT_EQ(pending.doc[0]["request_id"], request_id);
  EXPECT_EQ(pending.doc[0]["device_id"], device->device_id());
  EXPECT_EQ(pending.doc[0]["state"], "pending_approval");
  EXPECT_EQ(pending.doc[0]["identity_fingerprint"], device->FingerprintHex());
  EXPECT_EQ(pending.doc[0]["method_label"], "pin:******");

  Outcome approved = Palyra({"nodes", "approve", request_id, "--reason", "e2e", "--json"});
  ASSERT_EQ(approved.code, kExitOk) << approved.err;
  EXPECT_EQ(approved.doc["request_id"], request_id);
  Outcome again = Palyra({"nodes", "approve", request_id});
  EXPECT_EQ(again.code, kExitFailed) << "a decided request cannot be approved twice";

  nodev1::GetPairingRequestStatusResponse done;
  ASSERT_TRUE(pairing_client.WaitForDecision(request_id, device->device_id(), &done).ok());
  ASSERT_TRUE(done.paired()) << done.status() << " " << done.reason();
  DeviceMaterial material;
  material.device_id = device->device_id();
  material.certificate_pem = done.mtls_client_certificate_pem();
  material.private_key_pem = done.mtls_client_private_key_pem();
  material.ca_pem = done.gateway_ca_certificate_pem();

  // 3. The node registers and answers dispatches; the operator sees it and invokes it.
  EchoNode node(node_address_, material);
  Outcome list = Palyra({"nodes", "list", "--json"});
  ASSERT_EQ(list.code, kExitOk) << list.err;
  ASSERT_EQ(list.doc.size(), 1u) << list.out;
  EXPECT_EQ(list.doc[0]["device_id"], device->device_id());
  EXPECT_EQ(list.doc[0]["presence"], "online");
  EXPECT_EQ(list.doc[0]["capabilities"][0]["name"], "echo");

  Outcome described = Palyra({"nodes", "describe", device->device_id(), "--json"});
  ASSERT_EQ(described.code, kExitOk) << described.err;
  EXPECT_EQ(described.doc["device_id"], device->device_id());

  Outcome invoked = Palyra({"nodes", "invoke", device->device_id(), "echo", "--input-json",
                            R"({"x":1})", "--timeout", "20s", "--json"});
  ASSERT_EQ(invoked.code, kExitOk) << invoked.err;
  EXPECT_EQ(invoked.doc["state"], "succeeded");
  EXPECT_EQ(invoked.doc["success"], true);
  EXPECT_EQ(invoked.doc["output_json"]["echo"], json({{"x", 1}}));
  const std::string capability_request = invoked.doc["request_id"];

  Outcome requests = Palyra({"nodes", "requests", device->device_id(), "--json"});
  ASSERT_EQ(requests.code, kExitOk) << requests.err;
  ASSERT_GE(requests.doc.size(), 1u);
  EXPECT_EQ(requests.doc[0]["request_id"], capability_request);

  Outcome unknown_capability =
      Palyra({"nodes", "invoke", device->device_id(), "not.registered", "--json"});
  EXPECT_EQ(unknown_capability.code, kExitFailed) << unknown_capability.err;
  EXPECT_FALSE(unknown_capability.err.empty());

  // 4. Devices: listed, rotated into a directory, revoked.
  Outcome devices = Palyra({"devices", "list", "--json"});
  ASSERT_EQ(devices.code, kExitOk) << devices.err;
  ASSERT_EQ(devices.doc.size(), 1u);
  EXPECT_EQ(devices.doc[0]["device_id"], device->device_id());

  const auto material_dir = temp_.path() / "rotated";
  Outcome rotated = Palyra({"devices", "rotate", device->device_id(), "--write-material",
                            material_dir.string(), "--json"});
  ASSERT_EQ(rotated.code, kExitOk) << rotated.err;
  auto cert =
      crypto::Certificate::FromPem(palyra::testing::ReadWholeFile(material_dir / "cert.pem"));
  ASSERT_TRUE(cert.ok()) << cert.status().ToString();
  EXPECT_EQ(rotated.doc["certificate_fingerprint"], cert->FingerprintSha256Hex());
  struct stat info {};
  ASSERT_EQ(::stat((material_dir / "key.pem").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  const std::string key = palyra::testing::ReadWholeFile(material_dir / "key.pem");
  ASSERT_NE(key.find("PRIVATE KEY"), std::string::npos);
  EXPECT_EQ(rotated.out.find(key), std::string::npos) << "the key went to stdout";

  Outcome revoked = Palyra({"devices", "revoke", device->device_id(), "--reason", "e2e", "--json"});
  ASSERT_EQ(revoked.code, kExitOk) << revoked.err;
  EXPECT_EQ(revoked.doc["was_paired"], true);
}

TEST_F(CliEndToEndTest, RejectCancelAndUnknownIds) {
  Outcome code = Palyra({"pairing", "code", "--ttl", "2m", "--json"});
  ASSERT_EQ(code.code, kExitOk) << code.err;
  auto device = identity::DeviceIdentity::Generate(NewUlid());
  ASSERT_TRUE(device.ok());
  NodeClient client(node_address_, ca_pem_);
  const std::string request_id = BeginPairing(client, *device, code.doc["code"]);
  Outcome rejected = Palyra({"nodes", "reject", request_id, "--reason", "not ours", "--json"});
  ASSERT_EQ(rejected.code, kExitOk) << rejected.err;
  EXPECT_EQ(rejected.doc["state"], "rejected");
  Outcome pending = Palyra({"nodes", "pending", "--json"});
  EXPECT_EQ(pending.doc, json::array());
  Outcome all = Palyra({"nodes", "pending", "--all", "--json"});
  ASSERT_EQ(all.doc.size(), 1u) << all.out;
  EXPECT_EQ(all.doc[0]["state"], "rejected");

  Outcome second = Palyra({"pairing", "code", "--json"});
  ASSERT_EQ(second.code, kExitOk);
  Outcome cancelled = Palyra({"pairing", "cancel", second.doc["code_id"], "--json"});
  ASSERT_EQ(cancelled.code, kExitOk) << cancelled.err;
  EXPECT_EQ(cancelled.doc["cancelled"], true);

  const std::string nobody = NewUlid();
  Outcome missing = Palyra({"nodes", "describe", nobody});
  EXPECT_EQ(missing.code, kExitFailed);
  EXPECT_NE(missing.err.find("NOT_FOUND"), std::string::npos) << missing.err;
  EXPECT_EQ(Palyra({"nodes", "approve", nobody}).code, kExitFailed);
}

TEST_F(CliEndToEndTest, CaShowLocalAndRemoteAgree) {
  Outcome local = Palyra({"ca", "show", "--json"});
  ASSERT_EQ(local.code, kExitOk) << local.err;
  EXPECT_EQ(local.doc["path"], daemon_->run_file().at("gateway_ca_path"));
  EXPECT_EQ(local.doc["fingerprint"], daemon_->run_file().at("gateway_ca_fingerprint"));
  EXPECT_EQ(local.doc["pem"], ca_pem_);

  // --daemon is the remote path: GetGatewayCa, with the token from the environment.
  std::string token = palyra::testing::ReadWholeFile(daemon_->state_dir() / "admin.token");
  token = token.substr(0, token.find('\n'));
  SpawnOptions options;
  options.argv = {PALYRA_TEST_PALYRA_PATH, "ca", "show", "--json", "--daemon",
                  daemon_->admin_address()};
  options.env_set = {{"PALYRA_ADMIN_TOKEN", token}};
  options.output_dir = temp_.path() / "logs";
  std::string out;
  std::string err;
  ExitInfo exit = RunToCompletion(options, std::chrono::seconds(30), &out, &err);
  ASSERT_EQ(exit.code, kExitOk) << err;
  json remote = json::parse(out);
  EXPECT_TRUE(remote["path"].is_null());
  EXPECT_EQ(remote["fingerprint"], local.doc["fingerprint"]);
  EXPECT_EQ(remote["not_after_unix_ms"], local.doc["not_after_unix_ms"]);
  EXPECT_EQ(remote["node_rpc_address"], node_address_);
}

TEST_F(CliEndToEndTest, WatchShowsTheSnapshotAndStopsOnSigint) {
  Outcome code = Palyra({"pairing", "code", "--auto-approve", "--json"});
  ASSERT_EQ(code.code, kExitOk) << code.err;
  auto device = identity::DeviceIdentity::Generate(NewUlid());
  ASSERT_TRUE(device.ok());
  NodeClient client(node_address_, ca_pem_);
  const std::string request_id = BeginPairing(client, *device, code.doc["code"]);
  nodev1::GetPairingRequestStatusResponse done;
  ASSERT_TRUE(client.WaitForDecision(request_id, device->device_id(), &done).ok());
  ASSERT_TRUE(done.paired()) << "an auto-approved code needs no operator";
  DeviceMaterial material{device->device_id(), done.mtls_client_certificate_pem(),
                          done.mtls_client_private_key_pem(), done.gateway_ca_certificate_pem(), 0};
  EchoNode node(node_address_, material);

  Subprocess watch = Subprocess::Spawn(Spawn({"nodes", "watch", "--json"}));
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (watch.Stdout().find(device->device_id()) == std::string::npos &&
         std::chrono::steady_clock::now() < deadline && watch.running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(watch.running()) << watch.Stderr();
  std::string first_line = watch.Stdout().substr(0, watch.Stdout().find('\n'));
  json event = json::parse(first_line);
  EXPECT_EQ(event["device_id"], device->device_id());
  EXPECT_EQ(event["snapshot"], true);
  watch.Signal(SIGINT);
  auto exit = watch.Wait(std::chrono::seconds(10));
  ASSERT_TRUE(exit.has_value());
  EXPECT_EQ(exit->code, kExitOk) << watch.Stderr();
}

}  // namespace
}  // namespace palyra::cli::testing
