// palyrad's QUIC listener against an independent QUIC/TLS stack: a quic-go client (Go, Debian's
// quic-go 0.29; see quic_go_client/main.go) pairs nothing itself but speaks palyra-quic-v1 with a
// device certificate we paired over gRPC. It checks upstream's node.health bytes, the event log
// replay and resume across connections, and that a wrong ALPN or a missing client certificate
// gets no answer.
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "daemon/quic_runtime/event_log.h"
#include "support/event_log_store.h"
#include "support/node_client.h"
#include "support/palyrad_process.h"
#include "support/subprocess.h"
#include "support/temp_dir.h"

namespace palyra::testing {
namespace {

using namespace std::chrono_literals;

// The client gives up after 10 s by itself; this only bounds a hung process.
constexpr auto kClientTimeout = 30s;

// Created with mode 0600 from the start, so the key is never readable by others, not even
// briefly.
void WritePrivateFile(const std::filesystem::path& path, const std::string& text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("open " + path.string() + ": " + std::strerror(errno));
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0) {
      ::close(fd);
      throw std::runtime_error("write " + path.string() + ": " + std::strerror(errno));
    }
    written += static_cast<size_t>(n);
  }
  ::close(fd);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

struct ClientRun {
  ExitInfo exit;
  std::string out, err;
  bool ok() const { return exit.exited && exit.code == 0; }
};

class QuicGoInteropTest : public ::testing::Test {
 protected:
  void SetUp() override {
    PalyradOptions options;
    options.state_dir = temp_.path() / "state";
    daemon_ = PalyradProcess::Start(options);
    const auto& run = daemon_->run_file();
    quic_addr_ = run.at("quic_addr").get<std::string>();
    ca_path_ = run.at("gateway_ca_path").get<std::string>();
    OperatorClient op(daemon_->admin_address(), ReadAdminToken(options.state_dir / "admin.token"));
    device_ = PairDevice(op, run.at("node_rpc_addr").get<std::string>(), ReadTextFile(ca_path_), {});
    cert_path_ = temp_.path() / "device-cert.pem";
    key_path_ = temp_.path() / "device-key.pem";
    WritePrivateFile(cert_path_, device_.certificate_pem);
    WritePrivateFile(key_path_, device_.private_key_pem);
  }

  // Runs the Go client with the device's identity; `extra` flags come last, so they win.
  ClientRun RunClient(const std::vector<std::string>& extra, bool with_identity = true) {
    SpawnOptions spawn;
    spawn.argv = {PALYRA_TEST_QUIC_GO_CLIENT_PATH, "-addr", quic_addr_, "-ca", ca_path_,
                  "-server-name", "localhost"};
    if (with_identity) {
      spawn.argv.insert(spawn.argv.end(), {"-cert", cert_path_.string(), "-key", key_path_.string()});
    }
    spawn.argv.insert(spawn.argv.end(), extra.begin(), extra.end());
    spawn.output_dir = temp_.path() / "go";
    spawn.name = "quic_go_client_" + std::to_string(++runs_);
    ClientRun result;
    result.exit = RunToCompletion(spawn, kClientTimeout, &result.out, &result.err);
    return result;
  }

  TempDir temp_;
  std::unique_ptr<PalyradProcess> daemon_;
  std::string quic_addr_, ca_path_;
  std::filesystem::path cert_path_, key_path_;
  DeviceMaterial device_;
  int runs_ = 0;
};

TEST_F(QuicGoInteropTest, HealthAnswersWithUpstreamsExactBytes) {
  ClientRun run = RunClient({"-mode", "health"});
  ASSERT_TRUE(run.ok()) << "exit " << run.exit.code << ": " << run.err;
  EXPECT_EQ(run.out,
            R"({"protocol_version":1,"kind":"health","ok":true,"node_rpc_mtls_required":true})"
            "\n");
}

TEST_F(QuicGoInteropTest, ReplaysEventsAfterTheResumePointAcrossConnections) {
  {
    // Written into the daemon's database before the daemon first reads this device's log, as
    // its runtime will write them.
    daemon::quic_runtime::EventLogOptions options;
    auto log = ::palyra::testing::OpenEventLog(options, temp_.path() / "state" / "palyra.db");
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    for (int i = 1; i <= 5; ++i) {
      auto seq = (*log)->Append(device_.device_id, "capability.dispatch",
                                R"({"n":)" + std::to_string(i) + "}");
      ASSERT_TRUE(seq.ok()) << seq.status().ToString();
      ASSERT_EQ(*seq, static_cast<uint64_t>(i));
    }
  }

  ClientRun from2 = RunClient({"-mode", "events", "-resume", "2", "-want", "3"});
  ASSERT_TRUE(from2.ok()) << "exit " << from2.exit.code << ": " << from2.err;
  std::vector<std::string> lines = Lines(from2.out);
  ASSERT_EQ(lines.size(), 3u) << from2.out;
  for (int i = 0; i < 3; ++i) {
    const std::string seq = std::to_string(3 + i);
    SCOPED_TRACE(lines[i]);
    EXPECT_NE(lines[i].find(R"("kind":"event")"), std::string::npos);
    EXPECT_NE(lines[i].find(R"("seq":)" + seq + ","), std::string::npos);
    EXPECT_NE(lines[i].find(R"("event":"capability.dispatch")"), std::string::npos);
    EXPECT_NE(lines[i].find(R"("payload":{"n":)" + seq + "}"), std::string::npos);
  }

  // A new connection resumes from where the node says it is.
  ClientRun from4 = RunClient({"-mode", "events", "-resume", "4", "-want", "1"});
  ASSERT_TRUE(from4.ok()) << "exit " << from4.exit.code << ": " << from4.err;
  lines = Lines(from4.out);
  ASSERT_EQ(lines.size(), 1u) << from4.out;
  EXPECT_NE(lines[0].find(R"("seq":5,)"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find(R"("event":"capability.dispatch")"), std::string::npos) << lines[0];
}

TEST_F(QuicGoInteropTest, RefusesAnotherAlpn) {
  ClientRun run = RunClient({"-mode", "health", "-alpn", "h3"});
  EXPECT_FALSE(run.ok()) << "a client offering only h3 was served: " << run.out;
  EXPECT_TRUE(run.exit.exited) << "the client hung and was killed";
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err, "");
}

TEST_F(QuicGoInteropTest, GivesNoAnswerWithoutAClientCertificate) {
  ClientRun run = RunClient({"-mode", "health"}, /*with_identity=*/false);
  EXPECT_FALSE(run.ok()) << "a client without a certificate was served: " << run.out;
  EXPECT_TRUE(run.exit.exited) << "the client hung and was killed";
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err, "");
}

}  // namespace
}  // namespace palyra::testing
