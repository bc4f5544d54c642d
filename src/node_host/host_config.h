#pragma once
// The node host's local state: where it lives (<state>/node-host/) and node-host.json.
//
// node-host.json carries upstream's fields (schema_version 1, grpc_url, device_id,
// poll_interval_ms, identity_store_dir, installed_at_unix_ms, paired_at_unix_ms) plus ours:
//   "mediation"                 the local mediation policy (see mediation_policy.h)
//   "max_concurrent_dispatches" how many dispatches run at once (1..kMaxConcurrentDispatches)
// Unknown keys are refused, so that a typo in the policy cannot silently fall back to a default.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "common/status.h"
#include "node_host/mediation/mediation_policy.h"

namespace palyra::node_host {

inline constexpr int64_t kDefaultPollIntervalMs = 1000;
inline constexpr int64_t kMinPollIntervalMs = 100;
inline constexpr int64_t kMaxPollIntervalMs = 60'000;
inline constexpr int kDefaultMaxConcurrentDispatches = 4;
inline constexpr int kMaxConcurrentDispatches = 32;
inline constexpr size_t kMaxNodeHostConfigBytes = 256 * 1024;
// Upstream's fallback when nothing names the gateway.
inline constexpr std::string_view kDefaultGrpcUrl = "https://127.0.0.1:7444";

struct NodeHostPaths {
  std::filesystem::path dir;  // <state>/node-host (0700)
  std::filesystem::path config() const { return dir / "node-host.json"; }
  std::filesystem::path process() const { return dir / "node-host-process.json"; }
  std::filesystem::path stdout_log() const { return dir / "node-host.stdout.log"; }
  std::filesystem::path stderr_log() const { return dir / "node-host.stderr.log"; }
  std::filesystem::path default_identity_dir() const { return dir / "identity"; }
  // The last QUIC event sequence handled (node.stream_events resumes after it).
  std::filesystem::path quic_resume_point() const { return dir / "quic-event-resume"; }
};

NodeHostPaths NodeHostPathsFor(const std::filesystem::path& state_dir);

struct NodeHostConfig {
  std::string grpc_url;  // always https://host:port
  std::string device_id;
  int64_t poll_interval_ms = kDefaultPollIntervalMs;
  std::filesystem::path identity_store_dir;
  int64_t installed_at_unix_ms = 0;
  std::optional<int64_t> paired_at_unix_ms;
  MediationPolicy mediation;
  int max_concurrent_dispatches = kDefaultMaxConcurrentDispatches;
};

// NOT_FOUND when the file does not exist; INVALID_ARGUMENT naming the file and the field for
// anything else that is wrong with it.
Result<NodeHostConfig> ReadNodeHostConfig(const std::filesystem::path& path);
// Atomic replace, 0600, creating the 0700 directory if needed.
Status WriteNodeHostConfig(const std::filesystem::path& path, const NodeHostConfig& config);

// Normalises a --grpc-url: http:// becomes https:// (the node listener is TLS only), a port is
// required unless https's 443 is meant, no path/query/user. Returns "https://host:port".
Result<std::string> NormalizeGrpcUrl(std::string_view url);
// "host:port" for gRPC from a normalised URL.
Result<std::string> GrpcTargetOf(std::string_view grpc_url);

}  // namespace palyra::node_host
