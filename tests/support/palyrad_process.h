#pragma once
// Test support: a real palyrad on ephemeral ports with its own state dir. Start() returns once
// the daemon has written its run file, so the addresses in it are live.

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/subprocess.h"

namespace palyra::testing {

// The palyrad binary under test (a CMake compile definition).
std::string PalyradPath();

// A loopback TCP port nothing listens on right now, for a daemon that must come back on the same
// ports after a restart.
int FreeTcpPort();

struct PalyradOptions {
  std::filesystem::path state_dir;  // required; the test owns its lifetime
  std::vector<std::string> extra_args;
  int grpc_port = 0;  // 0: a free one
  std::map<std::string, std::string> env;
};

class PalyradProcess {
 public:
  // Throws std::runtime_error (with palyrad's stderr) when it exits or writes no run file.
  static std::unique_ptr<PalyradProcess> Start(const PalyradOptions& options);
  static std::unique_ptr<PalyradProcess> Start(const std::filesystem::path& state_dir) {
    PalyradOptions options;
    options.state_dir = state_dir;
    return Start(options);
  }

  const nlohmann::json& run_file() const { return run_file_; }
  std::string admin_address() const { return run_file_.at("admin_grpc_addr").get<std::string>(); }
  std::filesystem::path run_file_path() const { return state_dir_ / "run" / "palyrad.json"; }
  const std::filesystem::path& state_dir() const { return state_dir_; }
  Subprocess& process() { return process_; }

  // SIGTERM, then waits (SIGKILL after 10 s). Returns how it exited.
  ExitInfo Stop();

 private:
  PalyradProcess(Subprocess process, std::filesystem::path state_dir)
      : process_(std::move(process)), state_dir_(std::move(state_dir)) {}

  Subprocess process_;
  std::filesystem::path state_dir_;
  nlohmann::json run_file_;
};

}  // namespace palyra::testing
