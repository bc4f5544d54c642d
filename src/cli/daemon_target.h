#pragma once
// Where the daemon's admin listener is: parsed from `--daemon URL` or from the run file palyrad
// writes into its state dir (<state>/run/palyrad.json).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "common/endpoint_url.h"
#include "common/status.h"

namespace palyra::cli {

using DaemonEndpoint = HostPortEndpoint;

// "http://host:port" or "host:port" (h2c), "https://host[:port]" (TLS, port 443 by default).
// Hosts are DNS names, IPv4 literals or bracketed IPv6 literals; no path, user or query.
Result<DaemonEndpoint> ParseDaemonUrl(std::string_view url);

// "host:port" / "[v6]:port" as written in the run file, with the given transport.
Result<DaemonEndpoint> EndpointFromHostPort(std::string_view host_port, bool tls);

using palyra::IsLoopbackHost;

// What the CLI uses from the run file. Keys it does not know are ignored, so that newer daemons
// stay readable.
struct RunFileInfo {
  long pid = 0;
  std::string admin_grpc_addr;
  bool admin_grpc_tls = false;
  // Absent key: the token is at <state>/admin.token. Present but empty: the daemon was given a
  // token by its configuration, so no file holds it.
  std::optional<std::string> admin_token_path;
  std::string node_rpc_addr;
  std::string quic_addr;  // empty when the daemon runs without QUIC
  std::string gateway_ca_path;
  std::string gateway_ca_fingerprint;
};

inline constexpr size_t kMaxRunFileBytes = 64 * 1024;

// INVALID_ARGUMENT (naming `where`) for anything that is not a run file.
Result<RunFileInfo> ParseRunFile(std::string_view text, const std::filesystem::path& where);
// NOT_FOUND when the file does not exist; other read errors keep ReadFileBounded's codes.
Result<RunFileInfo> ReadRunFile(const std::filesystem::path& path);

}  // namespace palyra::cli
