// Every way palyrad can be misconfigured ends with one clear line on stderr, a non-zero exit,
// and no state written.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "support/palyrad_process.h"

namespace palyra::testing {
namespace {

constexpr int kExitStartFailed = 1;
constexpr int kExitUsage = 2;

struct Outcome {
  ExitInfo exit;
  std::string stderr_text;
};

class PalyradConfigErrorsTest : public ::testing::Test {
 protected:
  std::filesystem::path state_dir() const { return temp_.path() / "state"; }

  Outcome Run(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
    SpawnOptions spawn;
    spawn.argv = {PalyradPath()};
    if (std::find(args.begin(), args.end(), "--state-dir") == args.end()) {
      spawn.argv.insert(spawn.argv.end(), {"--state-dir", state_dir().string()});
    }
    spawn.argv.insert(spawn.argv.end(), args.begin(), args.end());
    spawn.env_set = std::move(env);
    spawn.env_unset = {"PALYRA_CONFIG", "PALYRA_STATE_DIR", "PALYRA_GATEWAY_GRPC_PORT"};
    spawn.output_dir = temp_.path() / "logs";
    Outcome outcome;
    outcome.exit = RunToCompletion(spawn, std::chrono::seconds(30), nullptr, &outcome.stderr_text);
    return outcome;
  }

  std::filesystem::path WriteConfig(const std::string& text) {
    auto path = temp_.path() / "palyra.toml";
    std::ofstream(path) << text;
    return path;
  }

  // One line, prefixed, containing every expected fragment.
  static void ExpectOneLineError(const Outcome& outcome, int code,
                                 const std::vector<std::string>& fragments) {
    EXPECT_TRUE(outcome.exit.exited);
    EXPECT_EQ(outcome.exit.code, code) << outcome.stderr_text;
    EXPECT_EQ(outcome.stderr_text.rfind("palyrad: error: ", 0), 0u) << outcome.stderr_text;
    EXPECT_EQ(std::count(outcome.stderr_text.begin(), outcome.stderr_text.end(), '\n'), 1)
        << outcome.stderr_text;
    for (const auto& fragment : fragments) {
      EXPECT_NE(outcome.stderr_text.find(fragment), std::string::npos)
          << "missing \"" << fragment << "\" in: " << outcome.stderr_text;
    }
  }

  void ExpectNoStateWritten() const {
    EXPECT_FALSE(std::filesystem::exists(state_dir())) << "a config error must change no state";
  }

  TempDir temp_;
};

TEST_F(PalyradConfigErrorsTest, MalformedTomlFile) {
  auto path = WriteConfig("[gateway\ngrpc_port = 7443\n");
  auto outcome = Run({"--config", path.string()});
  ExpectOneLineError(outcome, kExitUsage, {"palyra.toml"});
  ExpectNoStateWritten();
}

TEST_F(PalyradConfigErrorsTest, UnknownKeyInFile) {
  auto path = WriteConfig("[gateway]\ngrcp_port = 7443\n");
  auto outcome = Run({"--config", path.string()});
  ExpectOneLineError(outcome, kExitUsage, {"palyra.toml", "gateway.grcp_port"});
  ExpectNoStateWritten();
}

TEST_F(PalyradConfigErrorsTest, OutOfRangeValueInFile) {
  auto path = WriteConfig("[gateway]\ngrpc_port = 70000\n");
  auto outcome = Run({"--config", path.string()});
  ExpectOneLineError(outcome, kExitUsage, {"palyra.toml", "gateway.grpc_port"});
  ExpectNoStateWritten();
}

TEST_F(PalyradConfigErrorsTest, HistoryBoundsAreRangeChecked) {
  auto path = WriteConfig("[node_runtime]\nmax_history_per_device = 0\n");
  auto outcome = Run({"--config", path.string()});
  ExpectOneLineError(outcome, kExitUsage, {"palyra.toml", "node_runtime.max_history_per_device"});
  ExpectNoStateWritten();
  auto env = Run({}, {{"PALYRA_NODE_HISTORY_RETENTION_MS", "5"}});
  ExpectOneLineError(env, kExitUsage,
                     {"PALYRA_NODE_HISTORY_RETENTION_MS", "node_runtime.history_retention_ms"});
  ExpectNoStateWritten();
}

TEST_F(PalyradConfigErrorsTest, WrongTypeInFile) {
  auto path = WriteConfig("[gateway]\nquic_enabled = \"sometimes\"\n");
  auto outcome = Run({"--config", path.string()});
  ExpectOneLineError(outcome, kExitUsage, {"palyra.toml", "gateway.quic_enabled"});
  ExpectNoStateWritten();
}

TEST_F(PalyradConfigErrorsTest, BadValueInEnvironment) {
  auto outcome = Run({}, {{"PALYRA_GATEWAY_GRPC_PORT", "abc"}});
  ExpectOneLineError(outcome, kExitUsage, {"PALYRA_GATEWAY_GRPC_PORT", "gateway.grpc_port"});
  ExpectNoStateWritten();
}

TEST_F(PalyradConfigErrorsTest, BadBindAddressFlag) {
  auto outcome = Run({"--bind", "localhost"});
  ExpectOneLineError(outcome, kExitUsage, {"--bind", "gateway.grpc_bind_addr"});
  ExpectNoStateWritten();
}

TEST_F(PalyradConfigErrorsTest, MissingConfigFile) {
  auto outcome = Run({"--config", (temp_.path() / "absent.toml").string()});
  ExpectOneLineError(outcome, kExitUsage, {"absent.toml"});
  ExpectNoStateWritten();
}

TEST_F(PalyradConfigErrorsTest, RemoteBindWithoutGuardIsRefused) {
  auto outcome = Run({"--bind", "0.0.0.0", "--grpc-port", "0"});
  ExpectOneLineError(outcome, kExitUsage, {"non-loopback", "gateway.tls.enabled = true"});
  ExpectNoStateWritten();
}

TEST_F(PalyradConfigErrorsTest, PortInUse) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  ASSERT_EQ(::listen(fd, 1), 0);
  socklen_t length = sizeof(address);
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
  std::string port = std::to_string(ntohs(address.sin_port));

  auto outcome = Run({"--grpc-port", port});
  ::close(fd);
  ExpectOneLineError(outcome, kExitStartFailed, {"127.0.0.1:" + port, "already in use"});
  EXPECT_FALSE(std::filesystem::exists(state_dir() / "run" / "palyrad.json"));
}

TEST_F(PalyradConfigErrorsTest, UnwritableStateDir) {
  // Root ignores permission bits, so block the path with a regular file instead.
  auto blocker = temp_.path() / "not-a-dir";
  std::ofstream(blocker) << "x";
  auto outcome = Run({"--state-dir", (blocker / "state").string(), "--grpc-port", "0"});
  ExpectOneLineError(outcome, kExitStartFailed, {"state dir", "not-a-dir"});
}

TEST_F(PalyradConfigErrorsTest, SecondDaemonOnSameStateDirIsRefused) {
  auto first = PalyradProcess::Start(state_dir());
  auto outcome = Run({"--grpc-port", "0", "--set", "gateway.quic_port=0"});
  ExpectOneLineError(outcome, kExitStartFailed, {"already running"});
  // The refused start must leave the running daemon's run file alone.
  EXPECT_TRUE(std::filesystem::exists(first->run_file_path()));
  EXPECT_EQ(first->Stop().code, 0);
}

TEST_F(PalyradConfigErrorsTest, WorldReadableAdminTokenIsRefused) {
  std::filesystem::create_directories(state_dir());
  auto token = state_dir() / "admin.token";
  std::ofstream(token) << std::string(64, 'a') << "\n";
  ::chmod(token.c_str(), 0644);
  auto outcome = Run({"--grpc-port", "0"});
  ExpectOneLineError(outcome, kExitStartFailed, {"admin.token", "chmod 600"});
}

TEST_F(PalyradConfigErrorsTest, UnknownFlagIsAUsageError) {
  auto outcome = Run({"--no-such-flag"});
  EXPECT_EQ(outcome.exit.code, kExitUsage) << outcome.stderr_text;
  EXPECT_NE(outcome.stderr_text.find("--no-such-flag"), std::string::npos) << outcome.stderr_text;
  ExpectNoStateWritten();
}

}  // namespace
}  // namespace palyra::testing
