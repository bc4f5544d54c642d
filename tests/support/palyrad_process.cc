#include "support/palyrad_process.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <signal.h>

#include <stdexcept>
#include <thread>

namespace palyra::testing {

std::string PalyradPath() { return PALYRA_TEST_PALYRAD_PATH; }

int FreeTcpPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("bind for a free port failed");
  }
  socklen_t len = sizeof(addr);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

std::unique_ptr<PalyradProcess> PalyradProcess::Start(const PalyradOptions& options) {
  SpawnOptions spawn;
  spawn.argv = {PalyradPath(), "--state-dir", options.state_dir.string(), "--grpc-port",
                std::to_string(options.grpc_port),
                "--set", "gateway.quic_port=0"};
  spawn.argv.insert(spawn.argv.end(), options.extra_args.begin(), options.extra_args.end());
  spawn.env_set = options.env;
  // A developer's own settings must not leak into tests.
  spawn.env_unset = {"PALYRA_CONFIG", "PALYRA_STATE_DIR", "PALYRA_ADMIN_TOKEN",
                     "PALYRA_GATEWAY_GRPC_PORT", "PALYRA_LOG_LEVEL"};
  spawn.output_dir = options.state_dir.parent_path() / "logs";
  spawn.name = "palyrad-" + options.state_dir.filename().string();

  std::unique_ptr<PalyradProcess> daemon(
      new PalyradProcess(Subprocess::Spawn(spawn), options.state_dir));
  auto run_path = daemon->run_file_path();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    if (auto exit = daemon->process_.Wait(std::chrono::milliseconds(0))) {
      throw std::runtime_error("palyrad exited with code " + std::to_string(exit->code) +
                               " before it was ready: " + daemon->process_.Stderr());
    }
    std::string text = ReadWholeFile(run_path);
    auto parsed = nlohmann::json::parse(text, nullptr, false);
    if (parsed.is_object() && parsed.value("pid", -1L) == daemon->process_.pid()) {
      daemon->run_file_ = parsed;
      return daemon;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("palyrad wrote no run file within 20 s: " + daemon->process_.Stderr());
}

ExitInfo PalyradProcess::Stop() {
  process_.Signal(SIGTERM);
  auto exit = process_.Wait(std::chrono::seconds(10));
  if (!exit) {
    process_.Signal(SIGKILL);
    exit = process_.Wait(std::chrono::seconds(5));
  }
  return exit.value_or(ExitInfo{});
}

}  // namespace palyra::testing
