#pragma once
// palyrad's configuration: its key table (names and env variables as upstream spells them), and
// the typed DaemonConfig built from it, including the remote-bind guard.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/config.h"
#include "common/status.h"
#include "daemon/grpc_listener.h"

namespace palyra::daemon {

struct DaemonFlags {
  std::optional<std::string> config_path;
  std::optional<std::string> state_dir;
  std::vector<ConfigOverride> overrides;
};

struct DaemonConfig {
  std::filesystem::path state_dir;
  std::optional<std::filesystem::path> config_file;  // the file actually read, if any
  std::string log_level;

  ListenerOptions admin_listener;

  // The node listener (TLS always) binds the admin listener's address.
  int node_rpc_port = 0;
  std::vector<std::string> node_rpc_extra_dns_names;
  std::vector<std::string> node_rpc_extra_ip_addresses;

  bool quic_enabled = true;
  std::string quic_bind_addr;
  int quic_port = 0;
  size_t quic_max_connections = 256;
  int64_t quic_heartbeat_interval_ms = 10'000;
  // Bounds of the per-device event logs node.stream_events resumes from.
  int64_t event_retention_ms = int64_t{24} * 60 * 60 * 1000;
  size_t max_events_per_device = 10'000;

  bool admin_require_auth = true;
  bool admin_token_configured = false;
  std::string admin_token;  // secret: never logged

  bool allow_insecure_node_rpc_without_mtls = false;
  int64_t pairing_approval_timeout_ms = 600'000;
  int64_t certificate_validity_ms = 24 * 60 * 60 * 1000;
  // Bounds of the finished capability-request history.
  int64_t history_retention_ms = int64_t{7} * 24 * 60 * 60 * 1000;
  size_t max_history_per_device = 1000;
};

const ConfigSchema& DaemonConfigSchema();

// Resolves the state dir and config file, loads every layer and validates the result.
Result<DaemonConfig> LoadDaemonConfig(const DaemonFlags& flags, const Environment& env);

}  // namespace palyra::daemon
