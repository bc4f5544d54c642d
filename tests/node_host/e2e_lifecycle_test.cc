// The node host's life: recovery after `kill -9 palyrad`, revocation (its own exit code),
// certificate rotation with a short lifetime, SIGTERM, background start/status/stop/restart with
// stale pid metadata, uninstall, and the text output that shows booleans only.

#include <signal.h>

#include <gmock/gmock.h>

#include <thread>

#include "node_host/host_process.h"
#include "node_host_fixture.h"

namespace palyra::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr int kExitRevoked = 5;

class NodeHostLifecycleTest : public NodeHostTest {};

TEST_F(NodeHostLifecycleTest, ReconnectsAfterTheDaemonIsKilledAndRestarted) {
  StartDaemon();
  std::string device_id;
  auto host = StartPairedHost({}, &device_id);
  KillDaemon();
  ASSERT_TRUE(WaitForStderr(*host, "cannot reach the gateway")) << host->Stderr();
  std::this_thread::sleep_for(std::chrono::seconds(1));
  StartDaemon();
  ASSERT_TRUE(WaitForConnected(device_id)) << host->Stderr();
  EXPECT_TRUE(WaitForStderr(*host, "reconnected and registered again"));
  nlohmann::json echo = InvokeCli(device_id, "echo", R"({"after":"restart"})");
  EXPECT_EQ(echo["state"], "succeeded") << echo.dump();
  EXPECT_TRUE(host->running());
}

TEST_F(NodeHostLifecycleTest, RevocationStopsTheHostWithItsExitCode) {
  StartDaemon();
  std::string device_id;
  auto host = StartPairedHost({}, &device_id);
  ASSERT_TRUE(op().Revoke(device_id, "lost laptop").ok());
  auto exit = host->Wait(std::chrono::seconds(30));
  ASSERT_TRUE(exit.has_value()) << "the host kept retrying: " << host->Stderr();
  EXPECT_TRUE(exit->exited);
  EXPECT_EQ(exit->code, kExitRevoked);
  EXPECT_THAT(host->Stderr(), HasSubstr("refuses this device's certificate"));
}

TEST_F(NodeHostLifecycleTest, ShortCertificateLifetimeRotatesAndKeepsServing) {
  StartDaemon({"identity.certificate_validity_ms=60000"});
  std::string device_id;
  auto host = StartPairedHost({}, &device_id);
  const std::string before = ReadWholeFile(node_host_dir() / "identity" / "node-mtls-client.json");
  // Half the 60 s lifetime: the host rotates at about 30 s.
  ASSERT_TRUE(WaitForStderr(*host, "certificate rotated", std::chrono::seconds(50)))
      << host->Stderr();
  const std::string after = ReadWholeFile(node_host_dir() / "identity" / "node-mtls-client.json");
  EXPECT_NE(before, after);
  ASSERT_TRUE(WaitForConnected(device_id));
  nlohmann::json echo = InvokeCli(device_id, "echo", "\"still here\"");
  EXPECT_EQ(echo["state"], "succeeded") << echo.dump() << host->Stderr();
  EXPECT_THAT(host->Stderr(), Not(HasSubstr("refuses this device's certificate")));
  EXPECT_TRUE(host->running());
}

TEST_F(NodeHostLifecycleTest, SigtermSendsStoppingAndExitsZero) {
  StartDaemon();
  std::string device_id;
  auto host = StartPairedHost({}, &device_id);
  host->Signal(SIGTERM);
  auto exit = host->Wait(std::chrono::seconds(20));
  ASSERT_TRUE(exit.has_value());
  EXPECT_TRUE(exit->exited);
  EXPECT_EQ(exit->code, 0) << host->Stderr();
  adminv1::Node node;
  ASSERT_TRUE(op().GetNode(device_id, &node).ok());
  EXPECT_EQ(node.last_event_name(), "node.stopping");
}

TEST_F(NodeHostLifecycleTest, StartStatusStopRestartWithStalePidMetadata) {
  StartDaemon();
  std::string out, err;
  // Not installed yet.
  EXPECT_EQ(RunPalyra({"node", "start"}, &out, &err).code, 1);
  EXPECT_THAT(err, HasSubstr("not installed"));
  ASSERT_EQ(RunPalyra({"node", "install", "--pair-uri", Mint(true).pairing_uri()}, &out, &err)
                .code,
            0)
      << err;

  // Stale metadata: our own pid with another start time, i.e. a recycled pid.
  node_host::ProcessMetadata stale;
  stale.pid = ::getpid();
  stale.process_start_ticks = 1;
  stale.stdout_log_path = node_host_dir() / "node-host.stdout.log";
  stale.stderr_log_path = node_host_dir() / "node-host.stderr.log";
  ASSERT_TRUE(node_host::WriteProcessMetadata(node_host_dir() / "node-host-process.json", stale).ok());
  ASSERT_EQ(RunPalyra({"node", "status", "--json"}, &out, &err).code, 0);
  EXPECT_EQ(nlohmann::json::parse(out)["running"], false);

  ASSERT_EQ(RunPalyra({"node", "start", "--json"}, &out, &err).code, 0) << err;
  auto started = nlohmann::json::parse(out);
  EXPECT_EQ(started["running"], true);
  const long first_pid = started["pid"];
  EXPECT_NE(first_pid, ::getpid());
  ASSERT_TRUE(WaitForConnected(started["device_id"]));

  ASSERT_EQ(RunPalyra({"node", "start", "--json"}, &out, &err).code, 0);
  EXPECT_EQ(nlohmann::json::parse(out)["detail"], "already running");

  ASSERT_EQ(RunPalyra({"node", "restart", "--json"}, &out, &err).code, 0) << err;
  auto restarted = nlohmann::json::parse(out);
  EXPECT_EQ(restarted["running"], true);
  EXPECT_NE(restarted["pid"].get<long>(), first_pid);
  // Gone (a zombie counts as gone: it is reparented to an init that may not reap it).
  EXPECT_FALSE(node_host::ProcessStartTicks(static_cast<pid_t>(first_pid)).has_value())
      << "the old host still runs";

  ASSERT_EQ(RunPalyra({"node", "stop", "--json"}, &out, &err).code, 0);
  EXPECT_EQ(nlohmann::json::parse(out)["running"], false);
  ASSERT_EQ(RunPalyra({"node", "stop", "--json"}, &out, &err).code, 0);
  EXPECT_THAT(nlohmann::json::parse(out)["detail"].get<std::string>(), HasSubstr("nothing to stop"));
}

TEST_F(NodeHostLifecycleTest, StatusTextShowsBooleansOnly) {
  // Spec case 14.
  StartDaemon();
  std::string out, err;
  ASSERT_EQ(RunPalyra({"node", "install", "--pair-uri", Mint(true).pairing_uri()}, &out, &err)
                .code,
            0)
      << err;
  ASSERT_EQ(RunPalyra({"node", "status"}, &out, &err).code, 0);
  EXPECT_THAT(out, HasSubstr("node.status installed=true paired=true running=false"));
  EXPECT_THAT(out, HasSubstr("node.status.details=available via --json"));
  const std::string device_id = nlohmann::json::parse(
      ReadWholeFile(node_host_dir() / "node-host.json"))["device_id"];
  EXPECT_THAT(out, Not(HasSubstr(device_id)));
  EXPECT_THAT(out, Not(HasSubstr("127.0.0.1")));
  EXPECT_THAT(out, Not(HasSubstr(node_state().string())));
}

TEST_F(NodeHostLifecycleTest, UninstallStopsRevokesAndDeletesTheState) {
  StartDaemon();
  std::string out, err;
  ASSERT_EQ(RunPalyra({"node", "install", "--pair-uri", Mint(true).pairing_uri(), "--start",
                       "--json"},
                      &out, &err)
                .code,
            0)
      << err;
  const std::string device_id = nlohmann::json::parse(out)["device_id"];
  const long pid = nlohmann::json::parse(out)["pid"];
  ASSERT_TRUE(WaitForConnected(device_id));
  ASSERT_EQ(RunPalyra({"node", "uninstall", "--json"}, &out, &err).code, 0) << err;
  EXPECT_THAT(nlohmann::json::parse(out)["detail"].get<std::string>(),
              HasSubstr("the gateway revoked device"));
  EXPECT_FALSE(std::filesystem::exists(node_host_dir()));
  EXPECT_FALSE(node_host::ProcessStartTicks(static_cast<pid_t>(pid)).has_value());
  // The gateway no longer knows the node, and the device cannot pair again.
  adminv1::Node node;
  EXPECT_FALSE(op().GetNode(device_id, &node).ok());
}

}  // namespace
}  // namespace palyra::testing
