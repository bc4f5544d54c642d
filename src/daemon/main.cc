// palyrad: the Palyra gateway daemon.
//
// Exit codes: 0 after a clean shutdown, 1 when start-up fails (state dir, database, listeners),
// 2 for a usage or configuration error. Every failure is one line on stderr.

#include <signal.h>

#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <grpc/support/log.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "daemon/daemon.h"
#include "daemon/daemon_config.h"
#include "palyra/build_info.h"

namespace {

constexpr int kExitStartFailed = 1;
constexpr int kExitUsage = 2;

// gRPC's own log lines go through spdlog so that they respect --log-level and never interleave
// raw with ours. Its errors are mostly transient peer noise, so they are logged at debug.
void ForwardGrpcLog(gpr_log_func_args* args) {
  spdlog::debug("grpc: {}", args->message);
}

void ConfigureLogging(const std::string& level) {
  auto logger = spdlog::stderr_color_mt("palyrad");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(level));
  gpr_set_log_function(ForwardGrpcLog);
  gpr_set_log_verbosity(GPR_LOG_SEVERITY_DEBUG);
}

int Fail(int code, const std::string& message) {
  std::fprintf(stderr, "palyrad: error: %s\n", message.c_str());
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"palyrad: the Palyra gateway daemon"};
  std::optional<std::string> config_path;
  std::optional<std::string> state_dir;
  std::optional<std::string> grpc_port;
  std::optional<std::string> bind_addr;
  std::optional<std::string> log_level;
  std::vector<std::string> settings;
  bool show_version = false;
  app.add_option("--config", config_path, "TOML config file (default: <state-dir>/palyra.toml)");
  app.add_option("--state-dir", state_dir,
                 "state directory (default: $PALYRA_STATE_DIR, $XDG_STATE_HOME/palyra or "
                 "~/.local/state/palyra)");
  app.add_option("--grpc-port", grpc_port, "admin gRPC port; 0 picks a free one");
  app.add_option("--bind", bind_addr, "admin gRPC bind address (an IP literal)");
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error");
  app.add_option("--set", settings, "override any config key: --set gateway.quic_enabled=false")
      ->type_name("KEY=VALUE");
  app.add_flag("--version", show_version, "print the version and exit");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help, or the parse error
    return code == 0 ? 0 : kExitUsage;
  }
  if (show_version) {
    std::cout << "palyrad " << palyra::build_info::kVersion << " (" << palyra::build_info::kGitHash
              << ")\n";
    return 0;
  }

  palyra::daemon::DaemonFlags flags;
  flags.config_path = config_path;
  flags.state_dir = state_dir;
  if (grpc_port) flags.overrides.emplace_back("gateway.grpc_port", *grpc_port, "--grpc-port");
  if (bind_addr) flags.overrides.emplace_back("gateway.grpc_bind_addr", *bind_addr, "--bind");
  if (log_level) flags.overrides.emplace_back("daemon.log_level", *log_level, "--log-level");
  for (const std::string& setting : settings) {
    auto parsed = palyra::ParseConfigOverride(setting);
    if (!parsed.ok()) return Fail(kExitUsage, parsed.status().message());
    flags.overrides.push_back(*parsed);
  }

  auto config = palyra::daemon::LoadDaemonConfig(flags, palyra::ReadProcessEnvironment());
  if (!config.ok()) return Fail(kExitUsage, config.status().message());
  ConfigureLogging(config->log_level);

  // Block the shutdown signals before any thread starts, so that only sigwait() sees them.
  sigset_t shutdown_signals;
  sigemptyset(&shutdown_signals);
  sigaddset(&shutdown_signals, SIGINT);
  sigaddset(&shutdown_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &shutdown_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  auto daemon = palyra::daemon::Daemon::Start(*config);
  if (!daemon.ok()) return Fail(kExitStartFailed, daemon.status().message());

  spdlog::info("palyrad {} started (pid {}), state dir {}", palyra::build_info::kVersion,
               getpid(), (*daemon)->paths().root.string());
  spdlog::info("admin gRPC listening on {} ({})", (*daemon)->admin_address(),
               config->admin_listener.tls.enabled ? "TLS" : "h2c, loopback only");
  spdlog::info("run file: {}", (*daemon)->paths().run_file().string());
  spdlog::info("admin token: {}", config->admin_token_configured
                                      ? std::string("from configuration")
                                      : (*daemon)->paths().admin_token().string() + " (0600)");
  const std::string state_flag = "--state-dir " + (*daemon)->paths().root.string();
  spdlog::info("node listener (TLS, mTLS for paired nodes): {}", (*daemon)->node_address());
  spdlog::info("to pair a node: run `palyra pairing code --auto-approve {}`, then on the device "
               "`palyra node run --pair-uri '<the printed palyra://pair URI>'` (without "
               "--auto-approve, approve it with `palyra nodes pending {}` and `palyra nodes "
               "approve <request_id> {}`)",
               state_flag, state_flag, state_flag);

  int received = 0;
  sigwait(&shutdown_signals, &received);
  spdlog::info("received {}, shutting down", received == SIGINT ? "SIGINT" : "SIGTERM");
  (*daemon)->Stop();
  spdlog::info("palyrad stopped");
  return 0;
}
