#include "node_host/host_config.h"

#include <nlohmann/json.hpp>

#include "common/endpoint_url.h"
#include "common/files.h"
#include "common/ulid.h"

namespace palyra::node_host {
namespace {

constexpr int kSchemaVersion = 1;
constexpr const char* kKnownKeys[] = {
    "schema_version",      "grpc_url",        "device_id",
    "poll_interval_ms",    "identity_store_dir", "installed_at_unix_ms",
    "paired_at_unix_ms",   "mediation",       "max_concurrent_dispatches",
};

Status Bad(const std::filesystem::path& path, const std::string& what) {
  return InvalidArgument(path.string() + ": " + what);
}

Result<int64_t> IntegerField(const nlohmann::json& json, const std::filesystem::path& path,
                             const char* key, int64_t min, int64_t max) {
  auto it = json.find(key);
  if (it == json.end() || !it->is_number_integer()) {
    return Bad(path, std::string("\"") + key + "\" must be an integer");
  }
  int64_t value = it->get<int64_t>();
  if (value < min || value > max) {
    return Bad(path, std::string("\"") + key + "\" must be within " + std::to_string(min) + ".." +
                         std::to_string(max));
  }
  return value;
}

Result<std::string> StringField(const nlohmann::json& json, const std::filesystem::path& path,
                                const char* key) {
  auto it = json.find(key);
  if (it == json.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
    return Bad(path, std::string("\"") + key + "\" must be a non-empty string");
  }
  return it->get<std::string>();
}

}  // namespace

NodeHostPaths NodeHostPathsFor(const std::filesystem::path& state_dir) {
  return NodeHostPaths{state_dir / "node-host"};
}

Result<std::string> NormalizeGrpcUrl(std::string_view url) {
  std::string owned(url);
  if (owned.starts_with("http://")) owned = "https://" + owned.substr(7);
  if (!owned.starts_with("https://")) {
    return InvalidArgument("--grpc-url: expected https://host:port (the node listener), got '" +
                           owned.substr(0, 64) + "'");
  }
  PALYRA_ASSIGN_OR_RETURN(HostPortEndpoint endpoint, ParseEndpointUrl(owned, "--grpc-url"));
  return "https://" + endpoint.target;
}

Result<std::string> GrpcTargetOf(std::string_view grpc_url) {
  PALYRA_ASSIGN_OR_RETURN(HostPortEndpoint endpoint, ParseEndpointUrl(grpc_url, "grpc_url"));
  return endpoint.target;
}

Result<NodeHostConfig> ReadNodeHostConfig(const std::filesystem::path& path) {
  PALYRA_ASSIGN_OR_RETURN(std::string text, ReadFileBounded(path, kMaxNodeHostConfigBytes));
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return Bad(path, "not a JSON object");
  for (const auto& [key, value] : json.items()) {
    bool known = false;
    for (const char* k : kKnownKeys) known = known || key == k;
    if (!known) return Bad(path, "unknown key \"" + key.substr(0, 64) + "\"");
  }
  PALYRA_ASSIGN_OR_RETURN(int64_t schema, IntegerField(json, path, "schema_version", 0, 1 << 20));
  if (schema != kSchemaVersion) {
    return Bad(path, "schema_version " + std::to_string(schema) + " is not supported (expected " +
                         std::to_string(kSchemaVersion) + ")");
  }
  NodeHostConfig config;
  PALYRA_ASSIGN_OR_RETURN(std::string url, StringField(json, path, "grpc_url"));
  auto normalized = NormalizeGrpcUrl(url);
  if (!normalized.ok()) return Bad(path, std::string(normalized.status().message()));
  config.grpc_url = *normalized;
  PALYRA_ASSIGN_OR_RETURN(config.device_id, StringField(json, path, "device_id"));
  if (!IsCanonicalUlid(config.device_id)) {
    return Bad(path, "\"device_id\" must be a canonical ULID");
  }
  PALYRA_ASSIGN_OR_RETURN(config.poll_interval_ms,
                          IntegerField(json, path, "poll_interval_ms", kMinPollIntervalMs,
                                       kMaxPollIntervalMs));
  PALYRA_ASSIGN_OR_RETURN(std::string identity_dir,
                          StringField(json, path, "identity_store_dir"));
  config.identity_store_dir = identity_dir;
  if (!config.identity_store_dir.is_absolute()) {
    return Bad(path, "\"identity_store_dir\" must be an absolute path");
  }
  PALYRA_ASSIGN_OR_RETURN(config.installed_at_unix_ms,
                          IntegerField(json, path, "installed_at_unix_ms", 0, INT64_MAX));
  if (auto it = json.find("paired_at_unix_ms"); it != json.end() && !it->is_null()) {
    PALYRA_ASSIGN_OR_RETURN(int64_t paired,
                            IntegerField(json, path, "paired_at_unix_ms", 0, INT64_MAX));
    config.paired_at_unix_ms = paired;
  }
  if (auto it = json.find("mediation"); it != json.end()) {
    auto policy = ParseMediationPolicy(*it);
    if (!policy.ok()) return Bad(path, std::string(policy.status().message()));
    config.mediation = std::move(*policy);
  }
  if (json.contains("max_concurrent_dispatches")) {
    PALYRA_ASSIGN_OR_RETURN(int64_t limit, IntegerField(json, path, "max_concurrent_dispatches",
                                                        1, kMaxConcurrentDispatches));
    config.max_concurrent_dispatches = static_cast<int>(limit);
  }
  return config;
}

Status WriteNodeHostConfig(const std::filesystem::path& path, const NodeHostConfig& config) {
  nlohmann::ordered_json json;
  json["schema_version"] = kSchemaVersion;
  json["grpc_url"] = config.grpc_url;
  json["device_id"] = config.device_id;
  json["poll_interval_ms"] = config.poll_interval_ms;
  json["identity_store_dir"] = config.identity_store_dir.string();
  json["installed_at_unix_ms"] = config.installed_at_unix_ms;
  json["paired_at_unix_ms"] = config.paired_at_unix_ms ? nlohmann::ordered_json(*config.paired_at_unix_ms)
                                                       : nlohmann::ordered_json(nullptr);
  json["mediation"] = MediationPolicyToJson(config.mediation);
  json["max_concurrent_dispatches"] = config.max_concurrent_dispatches;
  PALYRA_RETURN_IF_ERROR(EnsurePrivateDirectory(path.parent_path()));
  return WriteFileAtomic(path, json.dump(2) + "\n", kPrivateFileMode);
}

}  // namespace palyra::node_host
