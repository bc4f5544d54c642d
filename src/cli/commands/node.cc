#include "cli/commands/node.h"

#include <pthread.h>
#include <signal.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <ostream>
#include <thread>

#include "cli/command_support.h"
#include "common/endpoint_url.h"
#include "node_host/capabilities/capability.h"
#include "node_host/host_material.h"
#include "node_host/host_process.h"
#include "node_host/lifecycle.h"
#include "node_host/run_loop.h"

namespace palyra::cli {
namespace {

namespace nh = ::palyra::node_host;

constexpr std::chrono::milliseconds kStopGrace{10'000};

struct NodeFlags {
  std::optional<std::string> grpc_url, gateway_ca_file, device_id, method, pairing_code, pair_uri;
  std::optional<int64_t> poll_interval_ms;
  std::optional<std::string> mediation;
  std::vector<std::string> allow_url_origins, allow_path_prefixes;
  bool start = false;
  // `node run` only: the event channel's transport and the gateway's QUIC address.
  std::string transport = "auto";
  std::optional<std::string> quic_addr;
};

void AddSetupFlags(CLI::App* command, NodeFlags& flags, bool with_poll_interval) {
  command->add_option("--grpc-url", flags.grpc_url,
                      "the gateway's node listener, https://host:port (http:// is taken as "
                      "https://; default: the local daemon's, else https://127.0.0.1:7444)")
      ->type_name("URL");
  command->add_option("--gateway-ca-file", flags.gateway_ca_file,
                      "PEM of the gateway CA (default: the local daemon's gateway-ca.pem)")
      ->type_name("FILE");
  command->add_option("--device-id", flags.device_id,
                      "this device's id, a canonical ULID (default: a fresh one)")
      ->type_name("ULID");
  command->add_option("--method", flags.method, "pairing method")
      ->check(CLI::IsMember({"pin", "qr"}))
      ->type_name("pin|qr");
  // Both are secrets, and command lines are visible to other users: the environment is the
  // private way to pass them.
  command->add_option("--pairing-code", flags.pairing_code,
                      "the PIN or QR token from `palyra pairing code`")
      ->envname("PALYRA_PAIRING_CODE")
      ->type_name("CODE");
  command->add_option("--pair-uri", flags.pair_uri,
                      "the pairing URI from `palyra pairing code` (address, code and CA "
                      "fingerprint; the CA is fetched and pinned)")
      ->envname("PALYRA_PAIR_URI")
      ->type_name("URI");
  if (with_poll_interval) {
    command->add_option("--poll-interval-ms", flags.poll_interval_ms,
                        "heartbeat interval when idle, in ms (at least 100; default 1000)")
        ->check(UnsignedValidator(0, 3'600'000))
        ->type_name("MS");
  }
  command->add_option("--mediation", flags.mediation,
                      "local mediation for desktop.open_url/open_path (default deny)")
      ->check(CLI::IsMember({"deny", "allow-list", "prompt"}))
      ->type_name("deny|allow-list|prompt");
  command->add_option("--allow-url-origin", flags.allow_url_origins,
                      "with --mediation allow-list: an origin such as https://example.com "
                      "(repeatable)")
      ->type_name("ORIGIN");
  command->add_option("--allow-path-prefix", flags.allow_path_prefixes,
                      "with --mediation allow-list: an absolute directory (repeatable)")
      ->type_name("DIR");
}

Result<nh::NodeHostPaths> PathsFor(CliContext& context) {
  PALYRA_ASSIGN_OR_RETURN(std::filesystem::path state_dir, context.StateDir());
  return nh::NodeHostPathsFor(std::filesystem::absolute(state_dir));
}

std::optional<nh::LocalGatewayHints> LocalHints(CliContext& context) {
  auto run = context.LocalRunFile();
  if (!run.ok() || !run->has_value()) return std::nullopt;
  nh::LocalGatewayHints hints;
  hints.node_rpc_addr = (*run)->node_rpc_addr;
  hints.gateway_ca_path = (*run)->gateway_ca_path;
  return hints;
}

nh::SetupFlags ToSetupFlags(const NodeFlags& flags) {
  nh::SetupFlags out;
  out.grpc_url = flags.grpc_url;
  out.gateway_ca_file = flags.gateway_ca_file;
  out.device_id = flags.device_id;
  if (flags.method) {
    out.method = *flags.method == "qr" ? identity::PairingMethod::Kind::kQr
                                       : identity::PairingMethod::Kind::kPin;
  }
  if (flags.pairing_code) out.pairing_code = crypto::SecretString(*flags.pairing_code);
  out.pair_uri = flags.pair_uri;
  out.poll_interval_ms = flags.poll_interval_ms;
  out.mediation_mode = flags.mediation;
  out.allow_url_origins = flags.allow_url_origins;
  out.allow_path_prefixes = flags.allow_path_prefixes;
  return out;
}

// Lifecycle output: upstream's object with --json, booleans only in text.
int Report(CliContext& context, const nh::LifecycleReport& report) {
  if (context.json()) {
    context.PrintJson(nh::LifecycleJson(report));
  } else {
    context.out() << nh::LifecycleText(report);
  }
  return kExitOk;
}

int FailNode(CliContext& context, const Status& status) {
  // INVALID_ARGUMENT from flags is a usage error; everything else keeps its usual exit code.
  return context.Fail(status);
}

std::function<void(const std::string&)> Progress(CliContext& context) {
  return [&context](const std::string& line) { context.err() << "palyra node: " << line << "\n"; };
}

Result<std::string> CurrentExecutable() {
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return Internal("cannot find the palyra executable: " + ec.message());
  return self.string();
}

int RunStart(CliContext& context, const char* action);

int RunInstall(CliContext& context, const NodeFlags& flags) {
  auto paths = PathsFor(context);
  if (!paths.ok()) return FailNode(context, paths.status());
  auto config = nh::SetUpNodeHost(*paths, ToSetupFlags(flags), LocalHints(context),
                                  Progress(context));
  if (!config.ok()) return FailNode(context, config.status());
  if (flags.start) return RunStart(context, "install");
  nh::LifecycleReport report = nh::DescribeNodeHost(*paths, "install");
  report.detail = "installed";
  return Report(context, report);
}

// SIGTERM and SIGINT are blocked in every thread (threads inherit the mask, so this must run
// before any exists) and taken by one waiter thread, which asks the loop to stop. SIGUSR2 only
// wakes the waiter when it is time to leave.
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGTERM);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &set_, nullptr);
    waiter_ = std::thread([this] {
      int signal = 0;
      while (sigwait(&set_, &signal) == 0) {
        if (signal == SIGUSR2) {
          if (done_.load()) return;
          continue;
        }
        spdlog::info("received {}; stopping", signal == SIGTERM ? "SIGTERM" : "SIGINT");
        stop_.store(true);
      }
    });
  }
  ~StopSignals() {
    done_.store(true);
    pthread_kill(waiter_.native_handle(), SIGUSR2);
    waiter_.join();
  }
  const std::atomic<bool>& stop() const { return stop_; }

 private:
  sigset_t set_{};
  std::atomic<bool> stop_{false};
  std::atomic<bool> done_{false};
  std::thread waiter_;
};

void UseStderrLog() {
  auto logger = spdlog::stderr_logger_mt("palyra-node");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ palyra-node %l: %v", spdlog::pattern_time_type::utc);
  spdlog::set_default_logger(logger);
}

int RunForeground(CliContext& context, const NodeFlags& flags) {
  StopSignals signals;  // first: before any other thread exists
  UseStderrLog();

  auto paths = PathsFor(context);
  if (!paths.ok()) return FailNode(context, paths.status());
  // Two hosts for one device would take each other's dispatch stream in turns.
  if (auto running = nh::ReadProcessMetadata(paths->process());
      running.ok() && running->pid != ::getpid() && nh::IsSameProcessAlive(*running)) {
    return FailNode(context, FailedPrecondition("the background node host already runs (pid " +
                                                std::to_string(running->pid) +
                                                "); stop it first with `palyra node stop`"));
  }
  auto config = nh::SetUpNodeHost(*paths, ToSetupFlags(flags), LocalHints(context),
                                  Progress(context));
  if (!config.ok()) return FailNode(context, config.status());
  nh::HostMaterialStore store(config->identity_store_dir);
  auto ca = store.LoadCa();
  if (!ca.ok()) return FailNode(context, ca.status());

  const size_t capability_count = nh::StandardCapabilities().size();
  if (context.json()) {
    context.PrintJsonLine({{"action", "run"},
                           {"device_id", config->device_id},
                           {"grpc_url", config->grpc_url},
                           {"poll_interval_ms", config->poll_interval_ms},
                           {"paired", true},
                           {"capability_count", capability_count}});
  } else {
    context.out() << "node.run paired=true capability_count=" << capability_count << "\n";
  }
  context.out().flush();

  nh::RunLoopOptions options;
  options.transport = flags.transport == "grpc"   ? nh::NodeTransport::kGrpc
                      : flags.transport == "quic" ? nh::NodeTransport::kQuic
                                                  : nh::NodeTransport::kAuto;
  std::optional<std::string> quic_addr = flags.quic_addr;
  if (!quic_addr) {
    // The local daemon's, when this host talks to it.
    auto run = context.LocalRunFile();
    auto target = nh::GrpcTargetOf(config->grpc_url);
    if (run.ok() && run->has_value() && target.ok() && (*run)->node_rpc_addr == *target &&
        !(*run)->quic_addr.empty()) {
      quic_addr = (*run)->quic_addr;
    }
  }
  if (quic_addr) {
    auto endpoint = ParseHostPort(*quic_addr, /*tls=*/true, std::nullopt, "--quic-addr");
    if (!endpoint.ok()) return FailNode(context, endpoint.status());
    options.quic_host = endpoint->host;
    options.quic_port = static_cast<uint16_t>(endpoint->port);
  }
  options.config = *config;
  options.paths = *paths;
  options.ca_pem = *ca;
  options.prompt = nh::TerminalPrompt();
  options.stop_grace = kStopGrace;
  nh::RunResult result = nh::RunNodeHost(options, signals.stop());

  int code = kExitOk;
  switch (result.outcome) {
    case nh::RunOutcome::kStopped:
      spdlog::info("node host stopped: {}", result.detail);
      break;
    case nh::RunOutcome::kRevoked:
      context.err() << "palyra: error: " << result.detail << "\n";
      code = kExitRevoked;
      break;
    case nh::RunOutcome::kFailed:
      context.err() << "palyra: error: " << result.detail << "\n";
      code = kExitFailed;
      break;
  }
  if (result.abandoned_work) {
    // Capability threads still run (a prompt, an opener): leave without waiting for them.
    context.out().flush();
    context.err().flush();
    std::fflush(nullptr);
    std::_Exit(code);
  }
  return code;
}

int RunStart(CliContext& context, const char* action) {
  auto paths = PathsFor(context);
  if (!paths.ok()) return FailNode(context, paths.status());
  auto state_dir = context.StateDir();
  auto exe = CurrentExecutable();
  if (!exe.ok()) return FailNode(context, exe.status());
  nh::StartSpec spec;
  spec.executable = *exe;
  spec.state_dir = std::filesystem::absolute(*state_dir);
  auto started = nh::StartNodeHost(*paths, spec);
  if (!started.ok()) return FailNode(context, started.status());
  nh::LifecycleReport report = *started;
  report.action = action;
  return Report(context, report);
}

int RunStop(CliContext& context) {
  auto paths = PathsFor(context);
  if (!paths.ok()) return FailNode(context, paths.status());
  auto stopped = nh::StopNodeHost(*paths, kStopGrace);
  if (!stopped.ok()) return FailNode(context, stopped.status());
  return Report(context, *stopped);
}

int RunRestart(CliContext& context) {
  auto paths = PathsFor(context);
  if (!paths.ok()) return FailNode(context, paths.status());
  // Stop waits for the old process to be gone, so the new one never races it.
  auto stopped = nh::StopNodeHost(*paths, kStopGrace);
  if (!stopped.ok()) return FailNode(context, stopped.status());
  return RunStart(context, "restart");
}

int RunStatus(CliContext& context) {
  auto paths = PathsFor(context);
  if (!paths.ok()) return FailNode(context, paths.status());
  return Report(context, nh::DescribeNodeHost(*paths, "status"));
}

int RunUninstall(CliContext& context) {
  auto paths = PathsFor(context);
  if (!paths.ok()) return FailNode(context, paths.status());
  auto removed = nh::UninstallNodeHost(*paths, kStopGrace);
  if (!removed.ok()) return FailNode(context, removed.status());
  return Report(context, *removed);
}

}  // namespace

void RegisterNodeHostCommands(CLI::App& root, CliContext& context) {
  CLI::App* group = AddCommandGroup(root, "node",
                                    "run this machine as a node: pair it with a gateway, run its "
                                    "capabilities, manage the background host");
  auto flags = std::make_shared<NodeFlags>();

  CLI::App* install = AddLeafCommand(*group, context, "install",
                                     "pair this device (when needed) and save the node host's "
                                     "configuration",
                                     [&context, flags] { return RunInstall(context, *flags); });
  AddSetupFlags(install, *flags, /*with_poll_interval=*/false);
  install->add_flag("--start", flags->start, "start the background host afterwards");
  AddJsonFlag(install, context);

  CLI::App* run = AddLeafCommand(*group, context, "run",
                                 "run the node host in the foreground (pairs first when needed)",
                                 [&context, flags] { return RunForeground(context, *flags); });
  AddSetupFlags(run, *flags, /*with_poll_interval=*/true);
  run->add_option("--transport", flags->transport,
                  "the event channel: auto (QUIC, falling back to gRPC only while QUIC is "
                  "unreachable), grpc, or quic")
      ->check(CLI::IsMember({"auto", "grpc", "quic"}))
      ->envname("PALYRA_NODE_TRANSPORT")
      ->type_name("auto|grpc|quic");
  run->add_option("--quic-addr", flags->quic_addr,
                  "the gateway's QUIC endpoint, host:port (default: the local daemon's, else the "
                  "--grpc-url host and port)")
      ->envname("PALYRA_NODE_QUIC_ADDR")
      ->check([](const std::string& value) {
        auto endpoint = ParseHostPort(value, /*tls=*/true, std::nullopt, "--quic-addr");
        return endpoint.ok() ? std::string() : endpoint.status().message();
      })
      ->type_name("HOST:PORT");
  AddJsonFlag(run, context);

  struct Simple {
    const char* name;
    const char* description;
    std::function<int()> action;
  };
  const Simple simple[] = {
      {"start", "start the background node host", [&context] { return RunStart(context, "start"); }},
      {"stop", "stop the background node host", [&context] { return RunStop(context); }},
      {"restart", "stop, then start the background node host",
       [&context] { return RunRestart(context); }},
      {"status", "show whether the node host is installed, paired and running",
       [&context] { return RunStatus(context); }},
      {"uninstall", "stop the host, revoke the device at the gateway, delete the local state",
       [&context] { return RunUninstall(context); }},
  };
  for (const Simple& s : simple) {
    AddJsonFlag(AddLeafCommand(*group, context, s.name, s.description, s.action), context);
  }
}

}  // namespace palyra::cli
