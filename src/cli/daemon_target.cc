#include "cli/daemon_target.h"

#include <nlohmann/json.hpp>

#include "common/files.h"

namespace palyra::cli {

Result<DaemonEndpoint> ParseDaemonUrl(std::string_view url) {
  return ParseEndpointUrl(url, "--daemon");
}

Result<DaemonEndpoint> EndpointFromHostPort(std::string_view host_port, bool tls) {
  return ParseHostPort(host_port, tls, std::nullopt, "admin_grpc_addr");
}

Result<RunFileInfo> ParseRunFile(std::string_view text, const std::filesystem::path& where) {
  auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  const std::string name = where.string();
  if (!json.is_object()) return InvalidArgument(name + " is not a JSON object");
  RunFileInfo info;
  auto string_field = [&](const char* key, std::string& out, bool required) -> Status {
    auto it = json.find(key);
    if (it == json.end() || it->is_null()) {
      if (required) return InvalidArgument(name + " has no \"" + key + "\"");
      return Status::Ok();
    }
    if (!it->is_string()) return InvalidArgument(name + ": \"" + key + "\" is not a string");
    out = it->get<std::string>();
    if (required && out.empty()) return InvalidArgument(name + ": \"" + key + "\" is empty");
    return Status::Ok();
  };
  PALYRA_RETURN_IF_ERROR(string_field("admin_grpc_addr", info.admin_grpc_addr, true));
  PALYRA_RETURN_IF_ERROR(string_field("node_rpc_addr", info.node_rpc_addr, false));
  PALYRA_RETURN_IF_ERROR(string_field("gateway_ca_path", info.gateway_ca_path, false));
  PALYRA_RETURN_IF_ERROR(string_field("quic_addr", info.quic_addr, false));
  PALYRA_RETURN_IF_ERROR(
      string_field("gateway_ca_fingerprint", info.gateway_ca_fingerprint, false));
  if (auto it = json.find("admin_token_path"); it != json.end() && !it->is_null()) {
    if (!it->is_string()) return InvalidArgument(name + ": \"admin_token_path\" is not a string");
    info.admin_token_path = it->get<std::string>();
  }
  if (auto it = json.find("admin_grpc_tls"); it != json.end() && !it->is_null()) {
    if (!it->is_boolean()) return InvalidArgument(name + ": \"admin_grpc_tls\" is not a boolean");
    info.admin_grpc_tls = it->get<bool>();
  }
  if (auto it = json.find("pid"); it != json.end() && it->is_number_integer()) {
    info.pid = it->get<long>();
  }
  return info;
}

Result<RunFileInfo> ReadRunFile(const std::filesystem::path& path) {
  PALYRA_ASSIGN_OR_RETURN(std::string text, ReadFileBounded(path, kMaxRunFileBytes));
  return ParseRunFile(text, path);
}

}  // namespace palyra::cli
