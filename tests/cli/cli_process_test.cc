// The real `palyra` binary as a child process: unreachable daemons (exit 3 naming what was tried),
// a real palyrad (health, token refusals), auth refusals from the stand-in (exit 4), stdin input
// and Ctrl-C on a watch.

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "cli/exit_codes.h"
#include "cli_test_util.h"
#include "fake_operator_server.h"
#include "support/palyrad_process.h"
#include "support/subprocess.h"

namespace palyra::cli::testing {
namespace {

using nlohmann::json;
using palyra::testing::ExitInfo;
using palyra::testing::PalyradProcess;
using palyra::testing::RunToCompletion;
using palyra::testing::SpawnOptions;
using palyra::testing::Subprocess;
using palyra::testing::TempDir;

constexpr const char* kToken = "fedcba9876543210fedcba9876543210-process-token";

struct ProcessRun {
  ExitInfo exit;
  std::string out;
  std::string err;
};

SpawnOptions PalyraSpawn(const TempDir& temp, std::vector<std::string> args,
                         std::map<std::string, std::string> env = {}) {
  SpawnOptions options;
  options.argv = {PALYRA_TEST_PALYRA_PATH};
  options.argv.insert(options.argv.end(), args.begin(), args.end());
  options.env_set = std::move(env);
  // A developer's own settings must not leak into the test.
  for (const char* name : {"PALYRA_STATE_DIR", "PALYRA_ADMIN_TOKEN", "XDG_STATE_HOME"}) {
    if (!options.env_set.count(name)) options.env_unset.push_back(name);
  }
  options.env_set.emplace("HOME", (temp.path() / "home").string());
  options.output_dir = temp.path() / "logs";
  options.name = "palyra";
  return options;
}

ProcessRun RunBinary(const TempDir& temp, std::vector<std::string> args,
                     std::map<std::string, std::string> env = {}) {
  ProcessRun run;
  run.exit = RunToCompletion(PalyraSpawn(temp, std::move(args), std::move(env)),
                             std::chrono::seconds(30), &run.out, &run.err);
  return run;
}

// A port nothing listens on: bound once to learn a free number, then released.
int ClosedPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

TEST(CliProcessTest, ClosedPortIsExitThreeNamingTheAddress) {
  TempDir temp;
  const std::string address = "127.0.0.1:" + std::to_string(ClosedPort());
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"health"}, std::vector<std::string>{"nodes", "list", "--json"},
        std::vector<std::string>{"pairing", "code"}}) {
    std::vector<std::string> args = command;
    args.insert(args.end(), {"--daemon", address});
    ProcessRun run = RunBinary(temp, args, {{"PALYRA_ADMIN_TOKEN", kToken}});
    ASSERT_TRUE(run.exit.exited);
    EXPECT_EQ(run.exit.code, kExitUnreachable) << run.err;
    EXPECT_TRUE(IsOneLine(run.err)) << run.err;
    EXPECT_NE(run.err.find(address), std::string::npos) << run.err;
    EXPECT_EQ(run.out, "");
  }
}

TEST(CliProcessTest, StateDirWithoutRunFileIsExitThreeNamingTheRunFile) {
  TempDir temp;
  const auto state = temp.path() / "state";
  std::filesystem::create_directories(state);
  ProcessRun run = RunBinary(temp, {"nodes", "list", "--state-dir", state.string()});
  EXPECT_EQ(run.exit.code, kExitUnreachable) << run.err;
  EXPECT_TRUE(IsOneLine(run.err)) << run.err;
  EXPECT_NE(run.err.find((state / "run" / "palyrad.json").string()), std::string::npos) << run.err;

  ProcessRun by_env = RunBinary(temp, {"health"}, {{"PALYRA_STATE_DIR", state.string()}});
  EXPECT_EQ(by_env.exit.code, kExitUnreachable) << by_env.err;
  EXPECT_NE(by_env.err.find((state / "run" / "palyrad.json").string()), std::string::npos);

  // The default state dir (under $HOME) is used when nothing else is given.
  ProcessRun by_default = RunBinary(temp, {"health"});
  EXPECT_EQ(by_default.exit.code, kExitUnreachable) << by_default.err;
  EXPECT_NE(by_default.err.find((temp.path() / "home" / ".local" / "state" / "palyra").string()),
            std::string::npos)
      << by_default.err;
}

class CliAgainstPalyradTest : public ::testing::Test {
 protected:
  void SetUp() override { daemon_ = PalyradProcess::Start(temp_.path() / "state"); }
  void TearDown() override {
    if (daemon_) daemon_->Stop();
  }

  TempDir temp_;
  std::unique_ptr<PalyradProcess> daemon_;
};

TEST_F(CliAgainstPalyradTest, HealthJsonThroughTheStateDir) {
  ProcessRun run =
      RunBinary(temp_, {"health", "--json", "--state-dir", daemon_->state_dir().string()});
  ASSERT_EQ(run.exit.code, kExitOk) << run.err;
  json doc = json::parse(run.out, nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << run.out;
  EXPECT_EQ(doc["address"], daemon_->admin_address());
  EXPECT_EQ(doc["service"], "palyrad");
  EXPECT_EQ(doc["status"], "ok");
  EXPECT_EQ(doc["v"], 1);
  EXPECT_FALSE(doc["version"].get<std::string>().empty());
  EXPECT_TRUE(doc["uptime_seconds"].is_number_unsigned());

  ProcessRun text = RunBinary(temp_, {"health", "--state-dir", daemon_->state_dir().string()});
  ASSERT_EQ(text.exit.code, kExitOk) << text.err;
  EXPECT_NE(text.out.find(daemon_->admin_address()), std::string::npos) << text.out;
  // The token file's value never reaches the output.
  std::string token = palyra::testing::ReadWholeFile(daemon_->state_dir() / "admin.token");
  token = token.substr(0, token.find('\n'));
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(text.out.find(token), std::string::npos);
  EXPECT_EQ(text.err.find(token), std::string::npos);
}

TEST_F(CliAgainstPalyradTest, HealthNeedsNoTokenBecauseGetHealthIsUnauthenticated) {
  // palyrad checks the admin token in the operator service only; GetHealth stays open for
  // probes, so a wrong token, a malformed one or none at all is fine for health.
  ProcessRun none = RunBinary(temp_, {"health", "--json", "--daemon", daemon_->admin_address()});
  EXPECT_EQ(none.exit.code, kExitOk) << none.err;
  ProcessRun wrong = RunBinary(temp_, {"health", "--daemon", daemon_->admin_address()},
                               {{"PALYRA_ADMIN_TOKEN", "wrong-token"}});
  EXPECT_EQ(wrong.exit.code, kExitOk) << wrong.err;
  ProcessRun malformed = RunBinary(temp_, {"health", "--daemon", daemon_->admin_address()},
                                   {{"PALYRA_ADMIN_TOKEN", "not a token"}});
  EXPECT_EQ(malformed.exit.code, kExitOk) << malformed.err;
}

TEST_F(CliAgainstPalyradTest, OperatorCallsWithAWrongTokenAreRefused) {
  ProcessRun run = RunBinary(temp_, {"nodes", "list", "--state-dir", daemon_->state_dir().string()},
                             {{"PALYRA_ADMIN_TOKEN", "wrong-token"}});
  EXPECT_TRUE(IsOneLine(run.err)) << run.err;
  EXPECT_EQ(run.err.find("wrong-token"), std::string::npos);
  EXPECT_EQ(run.exit.code, kExitAuth) << run.err;
  EXPECT_NE(run.err.find(daemon_->admin_address()), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("PERMISSION_DENIED"), std::string::npos) << run.err;
}

TEST_F(CliAgainstPalyradTest, MissingTokenFileIsExitFour) {
  std::filesystem::remove(daemon_->state_dir() / "admin.token");
  ProcessRun run =
      RunBinary(temp_, {"devices", "list", "--state-dir", daemon_->state_dir().string()});
  EXPECT_EQ(run.exit.code, kExitAuth) << run.err;
  EXPECT_NE(run.err.find((daemon_->state_dir() / "admin.token").string()), std::string::npos)
      << run.err;
}

TEST_F(CliAgainstPalyradTest, StaleRunFileAfterTheDaemonIsGoneIsExitThree) {
  auto run_file = palyra::testing::ReadWholeFile(daemon_->run_file_path());
  daemon_->Stop();
  daemon_.reset();
  // A crashed daemon leaves its run file behind; put it back to simulate that.
  std::filesystem::create_directories(temp_.path() / "state" / "run");
  {
    std::ofstream out(temp_.path() / "state" / "run" / "palyrad.json");
    out << run_file;
  }
  ProcessRun run = RunBinary(temp_, {"health", "--state-dir", (temp_.path() / "state").string()});
  EXPECT_EQ(run.exit.code, kExitUnreachable) << run.err;
  EXPECT_NE(run.err.find("stale"), std::string::npos) << run.err;
}

TEST(CliProcessTest, WrongTokenAgainstTheOperatorServiceIsExitFour) {
  TempDir temp;
  FakeDaemon daemon(kToken);
  ProcessRun run = RunBinary(temp, {"nodes", "pending", "--daemon", daemon.address()},
                             {{"PALYRA_ADMIN_TOKEN", "wrong-token"}});
  EXPECT_EQ(run.exit.code, kExitAuth) << run.err;
  EXPECT_TRUE(IsOneLine(run.err)) << run.err;
  EXPECT_NE(run.err.find(daemon.address()), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("wrong-token"), std::string::npos);

  ProcessRun right = RunBinary(temp, {"nodes", "pending", "--json", "--daemon", daemon.address()},
                               {{"PALYRA_ADMIN_TOKEN", kToken}});
  EXPECT_EQ(right.exit.code, kExitOk) << right.err;
  EXPECT_EQ(json::parse(right.out), json::array());
}

TEST(CliProcessTest, InvokeReadsItsInputFromARealPipe) {
  TempDir temp;
  FakeDaemon daemon(kToken);
  adminv1::InvokeCapabilityResponse answer;
  answer.mutable_request()->set_state(adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED);
  answer.mutable_request()->set_success(true);
  answer.mutable_request()->set_output_json("{\"echo\":1}");
  daemon.service().SetResponse("InvokeCapability", answer);
  SpawnOptions options = PalyraSpawn(temp, {}, {{"PALYRA_ADMIN_TOKEN", kToken}});
  const std::string command = "printf '{\"n\": 1}' | '" + std::string(PALYRA_TEST_PALYRA_PATH) +
                              "' nodes invoke " + kDeviceId + " echo --input-stdin --json " +
                              "--daemon " + daemon.address();
  options.argv = {"/bin/sh", "-c", command};
  std::string out;
  std::string err;
  ExitInfo exit = RunToCompletion(options, std::chrono::seconds(30), &out, &err);
  ASSERT_EQ(exit.code, kExitOk) << err;
  EXPECT_EQ(json::parse(out)["output_json"], json({{"echo", 1}}));
  auto sent = daemon.service().LastRequest<adminv1::InvokeCapabilityRequest>("InvokeCapability");
  ASSERT_TRUE(sent.has_value());
  EXPECT_EQ(json::parse(sent->input_json()), json({{"n", 1}}));
}

TEST(CliProcessTest, WatchEndsCleanlyOnSigint) {
  TempDir temp;
  FakeDaemon daemon(kToken);
  adminv1::WatchNodePresenceResponse event;
  event.set_device_id(kDeviceId);
  event.set_presence(adminv1::NODE_PRESENCE_ONLINE);
  event.set_snapshot(true);
  daemon.service().SetWatchEvents({event}, /*hold_open=*/true);
  Subprocess child = Subprocess::Spawn(
      PalyraSpawn(temp, {"nodes", "watch", "--json", "--daemon", daemon.address()},
                  {{"PALYRA_ADMIN_TOKEN", kToken}}));
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (child.Stdout().find('\n') == std::string::npos &&
         std::chrono::steady_clock::now() < deadline && child.running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(child.running()) << "watch ended early: " << child.Stderr();
  json line = json::parse(child.Stdout());
  EXPECT_EQ(line["device_id"], kDeviceId);
  EXPECT_EQ(line["snapshot"], true);
  child.Signal(SIGINT);
  auto exit = child.Wait(std::chrono::seconds(10));
  ASSERT_TRUE(exit.has_value()) << "watch did not stop on SIGINT";
  EXPECT_TRUE(exit->exited);
  EXPECT_EQ(exit->code, kExitOk) << child.Stderr();
  EXPECT_EQ(child.Stderr(), "");
}

}  // namespace
}  // namespace palyra::cli::testing
