#include "daemon/daemon_config.h"

#include <cstdlib>

#include "common/files.h"
#include "common/state_paths.h"
#include "daemon/listen_address.h"

namespace palyra::daemon {
namespace {

constexpr size_t kMaxPemBytes = 256 * 1024;

Status ValidateIp(const ConfigValue& value) {
  const auto& text = std::get<std::string>(value);
  if (!ValidateIpLiteral("", text).ok()) return InvalidArgument("must be an IPv4 or IPv6 address");
  return Status::Ok();
}

Status ValidateLogLevel(const ConfigValue& value) {
  const auto& text = std::get<std::string>(value);
  for (const char* level : {"trace", "debug", "info", "warn", "error", "critical", "off"}) {
    if (text == level) return Status::Ok();
  }
  return InvalidArgument("must be one of trace, debug, info, warn, error, critical, off");
}

Status ValidateBindProfile(const ConfigValue& value) {
  const auto& text = std::get<std::string>(value);
  if (text == "loopback_only" || text == "public_tls") return Status::Ok();
  return InvalidArgument("must be loopback_only or public_tls");
}

constexpr int kMaxTcpPort = 65535;

ConfigSchema BuildSchema() {
  constexpr int64_t kMaxPort = 65535;
  std::vector<ConfigKey> keys = {
      ConfigKey::String("daemon.log_level", "info", "PALYRA_LOG_LEVEL")
          .Validate(ValidateLogLevel)
          .Describe("log verbosity"),
      ConfigKey::String("gateway.grpc_bind_addr", "127.0.0.1", "PALYRA_GATEWAY_GRPC_BIND_ADDR")
          .Validate(ValidateIp)
          .Describe("admin gRPC bind address"),
      ConfigKey::Int("gateway.grpc_port", 7443, 0, kMaxPort, "PALYRA_GATEWAY_GRPC_PORT")
          .Describe("admin gRPC port; 0 picks a free one"),
      ConfigKey::Int("gateway.node_rpc_port", -1, -1, kMaxPort, "PALYRA_GATEWAY_NODE_RPC_PORT")
          .Describe("node gRPC (TLS) port; -1: gateway.grpc_port + 1 (0 when that is 0)"),
      ConfigKey::StringList("gateway.node_rpc_tls_dns_names", {},
                            "PALYRA_GATEWAY_NODE_RPC_TLS_DNS_NAMES")
          .Describe("extra DNS names in the node listener's certificate"),
      ConfigKey::StringList("gateway.node_rpc_tls_ip_addresses", {},
                            "PALYRA_GATEWAY_NODE_RPC_TLS_IP_ADDRESSES")
          .Describe("extra IP addresses in the node listener's certificate"),
      ConfigKey::Bool("gateway.quic_enabled", true, "PALYRA_GATEWAY_QUIC_ENABLED"),
      ConfigKey::String("gateway.quic_bind_addr", "127.0.0.1", "PALYRA_GATEWAY_QUIC_BIND_ADDR")
          .Validate(ValidateIp),
      ConfigKey::Int("gateway.quic_port", 7444, 0, kMaxPort, "PALYRA_GATEWAY_QUIC_PORT"),
      ConfigKey::Int("gateway.quic_max_connections", 256, 1, 65'536,
                     "PALYRA_GATEWAY_QUIC_MAX_CONNECTIONS")
          .Describe("QUIC connections at once; beyond them a handshake is refused"),
      ConfigKey::Int("gateway.quic_heartbeat_interval_ms", 10'000, 100, 300'000,
                     "PALYRA_GATEWAY_QUIC_HEARTBEAT_INTERVAL_MS")
          .Describe("idle time after which an event stream gets a heartbeat frame"),
      ConfigKey::String("gateway.bind_profile", "loopback_only", "PALYRA_GATEWAY_BIND_PROFILE")
          .Validate(ValidateBindProfile),
      ConfigKey::Bool("gateway.allow_insecure_remote", false,
                      "PALYRA_GATEWAY_ALLOW_INSECURE_REMOTE"),
      ConfigKey::Bool("gateway.tls.enabled", false, "PALYRA_GATEWAY_TLS_ENABLED"),
      ConfigKey::String("gateway.tls.cert_path", "", "PALYRA_GATEWAY_TLS_CERT_PATH"),
      ConfigKey::String("gateway.tls.key_path", "", "PALYRA_GATEWAY_TLS_KEY_PATH"),
      ConfigKey::String("gateway.tls.client_ca_path", "", "PALYRA_GATEWAY_TLS_CLIENT_CA_PATH"),
      ConfigKey::Bool("admin.require_auth", true, "PALYRA_ADMIN_REQUIRE_AUTH"),
      ConfigKey::String("admin.auth_token", "", "PALYRA_ADMIN_TOKEN").Secret(),
      ConfigKey::Bool("identity.allow_insecure_node_rpc_without_mtls", false,
                      "PALYRA_ALLOW_INSECURE_NODE_RPC_WITHOUT_MTLS"),
      ConfigKey::Int("identity.pairing_approval_timeout_ms", 600'000, 1'000,
                     int64_t{24} * 60 * 60 * 1000, "PALYRA_PAIRING_APPROVAL_TIMEOUT_MS")
          .Describe("how long a verified pairing waits for an operator before it is denied"),
      ConfigKey::Int("identity.certificate_validity_ms", 24 * 60 * 60 * 1000, 60'000,
                     int64_t{30} * 24 * 60 * 60 * 1000, "PALYRA_CERTIFICATE_VALIDITY_MS")
          .Describe("lifetime of issued device and server certificates"),
      ConfigKey::Int("node_runtime.history_retention_ms", int64_t{7} * 24 * 60 * 60 * 1000,
                     60'000, int64_t{365} * 24 * 60 * 60 * 1000,
                     "PALYRA_NODE_HISTORY_RETENTION_MS")
          .Describe("how long finished capability requests (with their output) are kept"),
      ConfigKey::Int("node_runtime.max_history_per_device", 1000, 1, 1'000'000,
                     "PALYRA_NODE_MAX_HISTORY_PER_DEVICE")
          .Describe("finished capability requests kept per device, newest first"),
      ConfigKey::Int("node_runtime.event_retention_ms", int64_t{24} * 60 * 60 * 1000, 60'000,
                     int64_t{365} * 24 * 60 * 60 * 1000, "PALYRA_NODE_EVENT_RETENTION_MS")
          .Describe("how long a device's event log keeps events for resuming"),
      ConfigKey::Int("node_runtime.max_events_per_device", 10'000, 1, 10'000'000,
                     "PALYRA_NODE_MAX_EVENTS_PER_DEVICE")
          .Describe("events a device's log keeps, newest first"),
      // Only the config half of the dual acknowledgement; the env half is read separately so
      // that neither source alone can open a remote bind.
      ConfigKey::Bool("deployment.dangerous_remote_bind_ack", false),
  };
  auto schema = ConfigSchema::Create(std::move(keys));
  if (!schema.ok()) {
    std::fprintf(stderr, "palyrad: internal error in the config table: %s\n",
                 schema.status().message().c_str());
    std::abort();
  }
  return std::move(schema).value();
}

Result<std::optional<std::filesystem::path>> ChooseConfigFile(const DaemonFlags& flags,
                                                              const Environment& env,
                                                              const StatePaths& paths) {
  if (flags.config_path) return std::optional<std::filesystem::path>(*flags.config_path);
  if (auto it = env.find("PALYRA_CONFIG"); it != env.end() && !it->second.empty()) {
    return std::optional<std::filesystem::path>(it->second);
  }
  std::error_code ec;
  if (std::filesystem::exists(paths.config_file(), ec)) {
    return std::optional<std::filesystem::path>(paths.config_file());
  }
  return std::optional<std::filesystem::path>();
}

Result<std::string> ReadPem(const Config& config, const std::string& key) {
  const std::string& path = config.GetString(key);
  if (path.empty()) return InvalidArgument(key + " is required when gateway.tls.enabled is true");
  auto pem = ReadFileBounded(path, kMaxPemBytes);
  if (!pem.ok()) return pem.status().WithContext(key);
  return pem;
}

Result<ListenerTls> LoadAdminTls(const Config& config) {
  ListenerTls tls;
  tls.enabled = config.GetBool("gateway.tls.enabled");
  if (!tls.enabled) return tls;
  PALYRA_ASSIGN_OR_RETURN(tls.cert_chain_pem, ReadPem(config, "gateway.tls.cert_path"));
  PALYRA_ASSIGN_OR_RETURN(tls.private_key_pem, ReadPem(config, "gateway.tls.key_path"));
  if (!config.GetString("gateway.tls.client_ca_path").empty()) {
    PALYRA_ASSIGN_OR_RETURN(tls.client_ca_pem, ReadPem(config, "gateway.tls.client_ca_path"));
  }
  return tls;
}

bool EnvFlagTrue(const Environment& env, const char* name) {
  auto it = env.find(name);
  return it != env.end() && (it->second == "true" || it->second == "1");
}

// Upstream's remote-bind guard: a listener off loopback needs every protection on, and a
// deliberate acknowledgement in both the config and the environment.
Status CheckRemoteBindGuard(const Config& config, const DaemonConfig& daemon,
                            const Environment& env) {
  std::vector<std::string> remote;
  if (!IsLoopbackAddress(daemon.admin_listener.bind_addr)) remote.push_back("gateway.grpc_bind_addr");
  if (daemon.quic_enabled && !IsLoopbackAddress(daemon.quic_bind_addr)) {
    remote.push_back("gateway.quic_bind_addr");
  }
  if (remote.empty()) return Status::Ok();

  std::vector<std::string> missing;
  if (config.GetString("gateway.bind_profile") != "public_tls" &&
      !config.GetBool("gateway.allow_insecure_remote")) {
    missing.push_back("gateway.bind_profile = \"public_tls\"");
  }
  if (!daemon.admin_listener.tls.enabled) missing.push_back("gateway.tls.enabled = true");
  if (!daemon.admin_require_auth) missing.push_back("admin.require_auth = true");
  if (daemon.allow_insecure_node_rpc_without_mtls) {
    missing.push_back("identity.allow_insecure_node_rpc_without_mtls = false");
  }
  if (!config.GetBool("deployment.dangerous_remote_bind_ack")) {
    missing.push_back("deployment.dangerous_remote_bind_ack = true");
  }
  if (!EnvFlagTrue(env, "PALYRA_GATEWAY_DANGEROUS_REMOTE_BIND_ACK")) {
    missing.push_back("env PALYRA_GATEWAY_DANGEROUS_REMOTE_BIND_ACK=true");
  }
  if (missing.empty()) return Status::Ok();
  std::string message = "refusing a non-loopback bind (" + remote.front() + ") without: ";
  for (size_t i = 0; i < missing.size(); ++i) message += (i ? ", " : "") + missing[i];
  return InvalidArgument(message);
}

}  // namespace

const ConfigSchema& DaemonConfigSchema() {
  static const ConfigSchema schema = BuildSchema();
  return schema;
}

Result<DaemonConfig> LoadDaemonConfig(const DaemonFlags& flags, const Environment& env) {
  DaemonConfig daemon;
  PALYRA_ASSIGN_OR_RETURN(daemon.state_dir, ResolveStateDir(flags.state_dir, env));
  StatePaths paths{daemon.state_dir};

  ConfigLoadOptions options;
  PALYRA_ASSIGN_OR_RETURN(options.file, ChooseConfigFile(flags, env, paths));
  options.env = env;
  options.overrides = flags.overrides;
  PALYRA_ASSIGN_OR_RETURN(Config config, Config::Load(DaemonConfigSchema(), options));
  daemon.config_file = options.file;

  daemon.log_level = config.GetString("daemon.log_level");
  daemon.admin_listener.bind_addr = config.GetString("gateway.grpc_bind_addr");
  daemon.admin_listener.port = static_cast<int>(config.GetInt("gateway.grpc_port"));
  PALYRA_ASSIGN_OR_RETURN(daemon.admin_listener.tls, LoadAdminTls(config));
  const int64_t node_port = config.GetInt("gateway.node_rpc_port");
  if (node_port >= 0) {
    daemon.node_rpc_port = static_cast<int>(node_port);
  } else {
    daemon.node_rpc_port = daemon.admin_listener.port == 0 ? 0 : daemon.admin_listener.port + 1;
    if (daemon.node_rpc_port > kMaxTcpPort) {
      return InvalidArgument("gateway.node_rpc_port: gateway.grpc_port + 1 is not a valid port; "
                             "set gateway.node_rpc_port explicitly");
    }
  }
  daemon.node_rpc_extra_dns_names = config.GetStringList("gateway.node_rpc_tls_dns_names");
  daemon.node_rpc_extra_ip_addresses = config.GetStringList("gateway.node_rpc_tls_ip_addresses");
  daemon.quic_enabled = config.GetBool("gateway.quic_enabled");
  daemon.quic_bind_addr = config.GetString("gateway.quic_bind_addr");
  daemon.quic_port = static_cast<int>(config.GetInt("gateway.quic_port"));
  daemon.quic_max_connections = static_cast<size_t>(config.GetInt("gateway.quic_max_connections"));
  daemon.quic_heartbeat_interval_ms = config.GetInt("gateway.quic_heartbeat_interval_ms");
  daemon.event_retention_ms = config.GetInt("node_runtime.event_retention_ms");
  daemon.max_events_per_device =
      static_cast<size_t>(config.GetInt("node_runtime.max_events_per_device"));
  daemon.admin_require_auth = config.GetBool("admin.require_auth");
  daemon.admin_token = config.GetString("admin.auth_token");
  daemon.admin_token_configured = !daemon.admin_token.empty();
  daemon.allow_insecure_node_rpc_without_mtls =
      config.GetBool("identity.allow_insecure_node_rpc_without_mtls");
  daemon.pairing_approval_timeout_ms = config.GetInt("identity.pairing_approval_timeout_ms");
  daemon.certificate_validity_ms = config.GetInt("identity.certificate_validity_ms");
  daemon.history_retention_ms = config.GetInt("node_runtime.history_retention_ms");
  daemon.max_history_per_device =
      static_cast<size_t>(config.GetInt("node_runtime.max_history_per_device"));

  PALYRA_RETURN_IF_ERROR(CheckRemoteBindGuard(config, daemon, env));
  return daemon;
}

}  // namespace palyra::daemon
