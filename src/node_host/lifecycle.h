#pragma once
// `palyra node install|start|stop|restart|status|uninstall` and the set-up half of `run`: config
// resolution, pairing bootstrap when no material exists, the background process, and the
// lifecycle report every command prints.

#include <chrono>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "crypto/bytes.h"
#include "identity/pairing_method.h"
#include "node_host/host_config.h"

namespace palyra::node_host {

// Upstream's lifecycle object. Fields that do not apply are null; pid only while running.
struct LifecycleReport {
  std::string action;
  bool installed = false;
  bool paired = false;
  bool running = false;
  std::optional<std::string> device_id;
  std::optional<std::string> grpc_url;
  std::optional<std::string> identity_store_dir;
  std::optional<int64_t> cert_expires_at_unix_ms;
  std::optional<long> pid;
  std::optional<std::string> stdout_log_path;
  std::optional<std::string> stderr_log_path;
  std::optional<std::string> detail;
};

nlohmann::json LifecycleJson(const LifecycleReport& report);
// Booleans only (upstream's text mode shows no ids, hosts, paths, pids or expiry):
//   node.<action> installed=.. paired=.. running=.. device_configured=.. grpc_configured=..
//   identity_store_configured=.. cert_present=.. pid_present=.. logs_present=..
//   node.<action>.details=available via --json
std::string LifecycleText(const LifecycleReport& report);

// What install/run were told on the command line.
struct SetupFlags {
  std::optional<std::string> grpc_url;
  std::optional<std::string> gateway_ca_file;
  std::optional<std::string> device_id;
  std::optional<identity::PairingMethod::Kind> method;
  std::optional<crypto::SecretString> pairing_code;
  std::optional<std::string> pair_uri;
  std::optional<int64_t> poll_interval_ms;
  std::optional<std::string> mediation_mode;
  std::vector<std::string> allow_url_origins;
  std::vector<std::string> allow_path_prefixes;
  std::chrono::milliseconds pairing_poll{500};
};

// Facts from a daemon on this machine (its run file), used as defaults when flags say nothing.
struct LocalGatewayHints {
  std::string node_rpc_addr;    // host:port
  std::string gateway_ca_path;  // <state>/gateway-ca.pem
};

// Resolves the config (existing file, flags, hints, defaults), pairs when the device has no
// material yet, and writes node-host.json. Errors: INVALID_ARGUMENT for bad flags or a changed
// device id after pairing, FAILED_PRECONDITION for a rejected pairing, DEADLINE_EXCEEDED for
// an expired one, UNAVAILABLE when the gateway cannot be reached, PERMISSION_DENIED for a CA
// that does not match the pairing URI's pin.
Result<NodeHostConfig> SetUpNodeHost(const NodeHostPaths& paths, const SetupFlags& flags,
                                     const std::optional<LocalGatewayHints>& hints,
                                     const std::function<void(const std::string&)>& progress);

// The report for `action` from what is on disk (and whether the background process runs).
LifecycleReport DescribeNodeHost(const NodeHostPaths& paths, std::string action);

struct StartSpec {
  std::string executable;                      // this palyra binary
  std::filesystem::path state_dir;             // passed on as --state-dir
  std::vector<std::string> extra_environment;  // e.g. PALYRA_CONFIG
  std::chrono::milliseconds settle{750};       // how long it must survive to count as started
};

Result<LifecycleReport> StartNodeHost(const NodeHostPaths& paths, const StartSpec& spec);
// Stops the background host (SIGTERM, then SIGKILL after `grace`) and removes its metadata.
Result<LifecycleReport> StopNodeHost(const NodeHostPaths& paths, std::chrono::milliseconds grace);
// Stops, revokes the device when the gateway answers (best effort, bounded), deletes all state.
Result<LifecycleReport> UninstallNodeHost(const NodeHostPaths& paths,
                                          std::chrono::milliseconds grace);

}  // namespace palyra::node_host
