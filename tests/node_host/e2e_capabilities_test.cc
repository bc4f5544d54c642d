// Every standard capability invoked through `palyra nodes invoke` on a real node host, with URL
// and path validation, local mediation (deny, allow-list) and the output limit. A fake opener
// first on PATH records what the desktop capabilities open.

#include <gmock/gmock.h>

#include <fstream>

#include "capability_fake_opener.h"
#include "node_host_fixture.h"

namespace palyra::testing {
namespace {

using ::testing::HasSubstr;

class NodeHostCapabilitiesTest : public NodeHostTest {
 protected:
  void SetUp() override {
    NodeHostTest::SetUp();
    allowed_dir_ = std::filesystem::canonical(work_dir()) / "allowed";
    std::filesystem::create_directories(allowed_dir_);
    std::ofstream(allowed_dir_ / "report.txt") << "hello";
    std::ofstream(work_dir() / "outside.txt") << "no";
    StartDaemon();
  }

  std::filesystem::path allowed_dir_;
};

TEST_F(NodeHostCapabilitiesTest, EveryCapabilityWithAllowListMediation) {
  node_host::testing::FakeOpener opener;
  std::string device_id;
  auto host = StartPairedHost({"--mediation", "allow-list", "--allow-url-origin",
                               "https://example.com", "--allow-path-prefix",
                               allowed_dir_.string()},
                              &device_id);

  nlohmann::json echo = InvokeCli(device_id, "echo", R"([1,"two",{"three":3}])");
  EXPECT_EQ(echo["state"], "succeeded");
  EXPECT_EQ(echo["output_json"]["echo"], nlohmann::json::parse(R"([1,"two",{"three":3}])"));

  nlohmann::json health = InvokeCli(device_id, "system.health", R"({"verbose":true})",
                                    {"--max-payload-bytes", "4096"});
  ASSERT_EQ(health["state"], "succeeded") << health.dump();
  const nlohmann::json& figures = health["output_json"];
  EXPECT_EQ(figures["status"], "ok");
  EXPECT_EQ(figures["device_id"], device_id);
  EXPECT_GT(figures["memory"]["total_bytes"].get<int64_t>(), 0);
  EXPECT_GT(figures["process"]["rss_bytes"].get<int64_t>(), 0);
  EXPECT_EQ(figures["process"]["pid"], host->pid());
  EXPECT_GT(figures["disk"]["total_bytes"].get<int64_t>(), 0);
  EXPECT_EQ(figures["load_average"].size(), 3u);
  EXPECT_GT(figures["uptime_ms"].get<int64_t>(), 0);

  nlohmann::json identity = InvokeCli(device_id, "system.identity", "null");
  EXPECT_EQ(identity["state"], "succeeded");
  EXPECT_EQ(identity["output_json"]["device_id"], device_id);

  // desktop.open_url: an allowed origin is opened with exactly the normalised URL.
  nlohmann::json opened =
      InvokeCli(device_id, "desktop.open_url", R"({"url":"HTTPS://Example.com:443/a?b=c"})");
  ASSERT_EQ(opened["state"], "succeeded") << opened.dump();
  EXPECT_EQ(opened["output_json"]["opened"], true);
  EXPECT_EQ(opener.argument(), "https://example.com/a?b=c");
  EXPECT_EQ(opened["output_json"]["url"], "https://example.com/a?b=c");

  nlohmann::json other = InvokeCli(device_id, "desktop.open_url", R"({"url":"https://evil.test/"})");
  EXPECT_EQ(other["state"], "rejected") << other.dump();
  EXPECT_THAT(other["error"].get<std::string>(), HasSubstr("allowed_url_origins"));

  nlohmann::json file_url = InvokeCli(device_id, "desktop.open_url", R"({"url":"file:///etc"})");
  EXPECT_EQ(file_url["state"], "failed");
  EXPECT_THAT(file_url["error"].get<std::string>(), HasSubstr("only allows http/https"));
  nlohmann::json credentials =
      InvokeCli(device_id, "desktop.open_url", R"({"url":"https://user:pw@example.com/"})");
  EXPECT_EQ(credentials["state"], "failed");
  nlohmann::json fragment =
      InvokeCli(device_id, "desktop.open_url", R"({"url":"https://example.com/#"})");
  EXPECT_EQ(fragment["state"], "failed");

  // desktop.open_path: canonical, existing, under an allowed prefix.
  nlohmann::json path = InvokeCli(
      device_id, "desktop.open_path",
      nlohmann::json{{"path", (allowed_dir_ / "." / "report.txt").string()}}.dump());
  ASSERT_EQ(path["state"], "succeeded") << path.dump();
  EXPECT_EQ(path["output_json"]["kind"], "file");
  EXPECT_EQ(path["output_json"]["path"], (allowed_dir_ / "report.txt").string());
  EXPECT_EQ(opener.argument(), (allowed_dir_ / "report.txt").string());
  nlohmann::json dir = InvokeCli(device_id, "desktop.open_path",
                                 nlohmann::json{{"path", allowed_dir_.string()}}.dump());
  EXPECT_EQ(dir["output_json"]["kind"], "directory");

  nlohmann::json outside =
      InvokeCli(device_id, "desktop.open_path",
                nlohmann::json{{"path", (work_dir() / "outside.txt").string()}}.dump());
  EXPECT_EQ(outside["state"], "rejected");
  nlohmann::json relative =
      InvokeCli(device_id, "desktop.open_path", R"({"path":"relative/file.txt"})");
  EXPECT_EQ(relative["state"], "failed");
  EXPECT_THAT(relative["error"].get<std::string>(), HasSubstr("requires an absolute path"));
  nlohmann::json missing = InvokeCli(device_id, "desktop.open_path",
                                     nlohmann::json{{"path", (allowed_dir_ / "nope").string()}}.dump());
  EXPECT_EQ(missing["state"], "failed");

  // Malformed input is a failed result, and the host keeps serving.
  nlohmann::json malformed = InvokeCli(device_id, "desktop.open_url", R"("just a string")");
  EXPECT_EQ(malformed["state"], "failed");
  nlohmann::json big = InvokeCli(device_id, "echo", nlohmann::json{{"x", std::string(200, 'a')}}.dump(),
                                 {"--max-payload-bytes", "250"});
  EXPECT_EQ(big["state"], "failed") << big.dump();
  EXPECT_THAT(big["error"].get<std::string>(), HasSubstr("exceeds max_payload_bytes=250"));
  EXPECT_EQ(InvokeCli(device_id, "echo", "1")["state"], "succeeded");

  // The daemon recorded the mediation step for the desktop requests.
  adminv1::ListCapabilityRequestsResponse history;
  ASSERT_TRUE(op().ListCapabilityRequests(device_id, &history).ok());
  int rejected = 0;
  for (const auto& r : history.requests()) {
    if (r.state() == adminv1::CAPABILITY_REQUEST_STATE_REJECTED) ++rejected;
  }
  EXPECT_EQ(rejected, 2);
  EXPECT_TRUE(host->running()) << host->Stderr();
}

TEST_F(NodeHostCapabilitiesTest, DefaultMediationDeniesDesktopCapabilities) {
  node_host::testing::FakeOpener opener;
  std::string device_id;
  auto host = StartPairedHost({}, &device_id);
  nlohmann::json url = InvokeCli(device_id, "desktop.open_url", R"({"url":"https://example.com"})");
  EXPECT_EQ(url["state"], "rejected");
  EXPECT_THAT(url["error"].get<std::string>(), HasSubstr("mode=deny"));
  nlohmann::json path = InvokeCli(device_id, "desktop.open_path",
                                  nlohmann::json{{"path", allowed_dir_.string()}}.dump());
  EXPECT_EQ(path["state"], "rejected");
  EXPECT_FALSE(opener.called());
}

}  // namespace
}  // namespace palyra::testing
