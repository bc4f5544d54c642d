// Pairing a real `palyra node` with a real palyrad: PIN with operator approval, a pairing URI
// with auto-approve (CA fetched and pinned), a rejected request, and a pin that does not match.

#include <sys/stat.h>

#include <gmock/gmock.h>

#include "node_host_fixture.h"

namespace palyra::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

mode_t ModeOf(const std::filesystem::path& path) {
  struct stat st {};
  ::stat(path.c_str(), &st);
  return st.st_mode & 0777;
}

class NodeHostPairingTest : public NodeHostTest {};

TEST_F(NodeHostPairingTest, PinWithOperatorApprovalThenInvokeEcho) {
  StartDaemon();
  adminv1::MintPairingCodeResponse code = Mint(/*auto_approve=*/false);
  auto host = StartPalyra({"node", "run", "--grpc-url", "http://" + node_rpc_address(),
                           "--gateway-ca-file", gateway_ca_path().string(), "--method", "pin",
                           "--pairing-code", code.code(), "--json"});
  const std::string request_id = WaitForPendingRequest();
  ASSERT_TRUE(WaitForStderr(*host, "waiting for an operator to approve")) << host->Stderr();
  adminv1::ApprovePairingRequestResponse approved;
  ASSERT_TRUE(op().Approve(request_id, &approved).ok());
  const std::string device_id = WaitForDeviceId();
  ASSERT_TRUE(WaitForConnected(device_id)) << host->Stderr();

  nlohmann::json echoed = InvokeCli(device_id, "echo", R"({"hello":"world"})");
  EXPECT_EQ(echoed["state"], "succeeded") << echoed.dump();
  EXPECT_EQ(echoed["output_json"]["echo"]["hello"], "world");
  EXPECT_EQ(echoed["output_json"]["device_id"], device_id);

  // The stdout line is upstream's run object; secrets stay out of every output.
  auto run = nlohmann::json::parse(host->Stdout().substr(0, host->Stdout().find('\n')));
  EXPECT_EQ(run["action"], "run");
  EXPECT_EQ(run["paired"], true);
  EXPECT_EQ(run["capability_count"], 5);
  EXPECT_EQ(run["grpc_url"], "https://" + node_rpc_address());
  EXPECT_THAT(host->Stdout() + host->Stderr(), Not(HasSubstr(code.code())));

  // Local state: 0700 directories, 0600 files; the key is the device's own (a CSR was sent, so
  // the gateway never generated one) and is not in node-host.json.
  EXPECT_EQ(ModeOf(node_host_dir()), 0700u);
  EXPECT_EQ(ModeOf(node_host_dir() / "identity"), 0700u);
  for (const char* name : {"device-identity.json", "node-mtls-client.json", "gateway-ca.pem"}) {
    EXPECT_EQ(ModeOf(node_host_dir() / "identity" / name), 0600u) << name;
  }
  EXPECT_EQ(ModeOf(node_host_dir() / "node-host.json"), 0600u);
  auto config = nlohmann::json::parse(ReadWholeFile(node_host_dir() / "node-host.json"));
  EXPECT_EQ(config["schema_version"], 1);
  EXPECT_EQ(config["device_id"], device_id);
  EXPECT_TRUE(config["paired_at_unix_ms"].is_number_integer());
  EXPECT_THAT(config.dump(), Not(HasSubstr("PRIVATE KEY")));

  host->Signal(SIGTERM);
  auto exit = host->Wait(std::chrono::seconds(20));
  ASSERT_TRUE(exit.has_value());
  EXPECT_TRUE(exit->exited);
  EXPECT_EQ(exit->code, 0) << host->Stderr();
}

TEST_F(NodeHostPairingTest, PairUriWithAutoApproveInstallsAndStarts) {
  StartDaemon();
  adminv1::MintPairingCodeResponse code = Mint(/*auto_approve=*/true);
  std::string out, err;
  ExitInfo installed =
      RunPalyra({"node", "install", "--pair-uri", code.pairing_uri(), "--start", "--json"}, &out,
                &err);
  ASSERT_EQ(installed.code, 0) << err;
  auto report = nlohmann::json::parse(out);
  EXPECT_EQ(report["action"], "install");
  EXPECT_EQ(report["installed"], true);
  EXPECT_EQ(report["paired"], true);
  EXPECT_EQ(report["running"], true);
  EXPECT_TRUE(report["pid"].is_number_integer());
  EXPECT_TRUE(report["cert_expires_at_unix_ms"].is_number_integer());
  EXPECT_THAT(err, HasSubstr("checking it against the pin"));
  const std::string device_id = report["device_id"];
  ASSERT_TRUE(WaitForConnected(device_id));

  nlohmann::json identity = InvokeCli(device_id, "system.identity", "null");
  EXPECT_EQ(identity["state"], "succeeded") << identity.dump();
  EXPECT_EQ(identity["output_json"]["device_id"], device_id);
  EXPECT_EQ(identity["output_json"]["grpc_url"], "https://" + node_rpc_address());
  EXPECT_EQ(identity["output_json"]["identity_fingerprint"].get<std::string>().size(), 64u);

  ASSERT_EQ(RunPalyra({"node", "stop", "--json"}, &out, &err).code, 0) << err;
  EXPECT_EQ(nlohmann::json::parse(out)["running"], false);
}

TEST_F(NodeHostPairingTest, RejectedPairingExitsNonZeroWithTheReason) {
  StartDaemon();
  adminv1::MintPairingCodeResponse code = Mint(/*auto_approve=*/false);
  auto host = StartPalyra({"node", "run", "--pair-uri", code.pairing_uri()});
  const std::string request_id = WaitForPendingRequest();
  ASSERT_TRUE(op().Reject(request_id, "unknown laptop").ok());
  auto exit = host->Wait(std::chrono::seconds(20));
  ASSERT_TRUE(exit.has_value());
  EXPECT_TRUE(exit->exited);
  EXPECT_EQ(exit->code, 1);
  EXPECT_THAT(host->Stderr(), HasSubstr("rejected"));
  EXPECT_THAT(host->Stderr(), HasSubstr("unknown laptop"));

  std::string out;
  RunPalyra({"node", "status", "--json"}, &out);
  auto status = nlohmann::json::parse(out);
  EXPECT_EQ(status["installed"], true);
  EXPECT_EQ(status["paired"], false);
}

TEST_F(NodeHostPairingTest, PairUriWithAnotherCaFingerprintIsRefusedBeforePairing) {
  StartDaemon();
  adminv1::MintPairingCodeResponse code = Mint(/*auto_approve=*/true);
  std::string uri = code.pairing_uri();
  const auto at = uri.find("ca_sha256=") + 10;
  uri.replace(at, 4, uri.substr(at, 4) == "0000" ? "1111" : "0000");
  std::string out, err;
  ExitInfo refused = RunPalyra({"node", "install", "--pair-uri", uri}, &out, &err);
  EXPECT_NE(refused.code, 0);
  EXPECT_THAT(err, HasSubstr("pinned SHA-256 fingerprint"));
  // Nothing was paired, and the code was not spent: the right URI still pairs.
  adminv1::ListPairingRequestsResponse requests;
  ASSERT_TRUE(op().ListRequests(adminv1::PAIRING_REQUEST_STATE_UNSPECIFIED, &requests).ok());
  EXPECT_EQ(requests.requests_size(), 0);
  ExitInfo paired = RunPalyra({"node", "install", "--pair-uri", code.pairing_uri()}, &out, &err);
  EXPECT_EQ(paired.code, 0) << err;
}

TEST_F(NodeHostPairingTest, UnreachableGatewayIsExitThreeAndFlagsAreKept) {
  // Spec case 19, against a port nothing listens on: every flag is captured in the config.
  const std::string device_id = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
  StartDaemon();  // only for its CA file
  const std::string closed = "https://127.0.0.1:" + std::to_string(FreeTcpPort());
  std::string out, err;
  ExitInfo exit = RunPalyra({"node", "install", "--grpc-url", closed, "--gateway-ca-file",
                             gateway_ca_path().string(), "--device-id", device_id, "--method",
                             "pin", "--pairing-code", "123456", "--start", "--json"},
                            &out, &err);
  EXPECT_EQ(exit.code, 3) << err;
  auto config = nlohmann::json::parse(ReadWholeFile(node_host_dir() / "node-host.json"));
  EXPECT_EQ(config["grpc_url"], closed);
  EXPECT_EQ(config["device_id"], device_id);
  EXPECT_TRUE(config["paired_at_unix_ms"].is_null());
  EXPECT_THAT(err, Not(HasSubstr("123456")));
}

TEST_F(NodeHostPairingTest, BadFlagsAreUsageErrorsAndWriteNothing) {
  std::string out, err;
  EXPECT_EQ(RunPalyra({"node", "install", "--method", "pin"}, &out, &err).code, 2);
  EXPECT_THAT(err, HasSubstr("--method and --pairing-code go together"));
  EXPECT_EQ(RunPalyra({"node", "install", "--device-id", "not-a-ulid", "--method", "pin",
                       "--pairing-code", "123456"},
                      &out, &err)
                .code,
            2);
  EXPECT_EQ(RunPalyra({"node", "run", "--pair-uri", "https://example.com"}, &out, &err).code, 2);
  EXPECT_THAT(err, HasSubstr("palyra://pair?"));
  EXPECT_EQ(RunPalyra({"node", "install", "--method", "sms", "--pairing-code", "1"}, &out, &err)
                .code,
            2);
  EXPECT_FALSE(std::filesystem::exists(node_host_dir() / "node-host.json"));
}

}  // namespace
}  // namespace palyra::testing

namespace palyra::testing {
namespace {

TEST_F(NodeHostPairingTest, HelpListsTheSubcommandsAndFlags) {
  // Spec case 21 (§9's flags, plus ours).
  std::string out;
  ASSERT_EQ(RunPalyra({"node", "--help"}, &out).code, 0);
  for (const char* sub : {"install", "run", "start", "stop", "restart", "status", "uninstall"}) {
    EXPECT_THAT(out, ::testing::HasSubstr(std::string(sub) + " ")) << sub;
  }
  const std::vector<std::string> setup_flags = {"--grpc-url", "--gateway-ca-file", "--device-id",
                                                "--method",   "--pairing-code",    "--pair-uri",
                                                "--json",     "--mediation"};
  ASSERT_EQ(RunPalyra({"node", "run", "--help"}, &out).code, 0);
  for (const std::string& flag : setup_flags) EXPECT_THAT(out, ::testing::HasSubstr(flag));
  EXPECT_THAT(out, ::testing::HasSubstr("--poll-interval-ms"));
  ASSERT_EQ(RunPalyra({"node", "install", "--help"}, &out).code, 0);
  for (const std::string& flag : setup_flags) EXPECT_THAT(out, ::testing::HasSubstr(flag));
  EXPECT_THAT(out, ::testing::HasSubstr("--start"));
  for (const char* sub : {"status", "start", "stop", "restart", "uninstall"}) {
    ASSERT_EQ(RunPalyra({"node", sub, "--help"}, &out).code, 0);
    EXPECT_THAT(out, ::testing::HasSubstr("--json")) << sub;
  }
}

}  // namespace
}  // namespace palyra::testing
