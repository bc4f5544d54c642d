#pragma once
// host:port endpoints as gRPC dials them, parsed from URLs ("https://host:port") or from
// "host:port" text (run files, pairing URIs). Hosts are DNS names, IPv4 literals or bracketed
// IPv6 literals; paths, queries and user info are refused.

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace palyra {

struct HostPortEndpoint {
  std::string target;     // host:port as gRPC wants it ("127.0.0.1:7443", "[::1]:7443")
  std::string host;       // without brackets
  int port = 0;
  bool tls = false;       // https://; otherwise h2c (cleartext HTTP/2)
  bool loopback = false;  // localhost, 127.0.0.0/8 or ::1
};

bool IsLoopbackHost(std::string_view host);

// "host:port" / "[v6]:port" / "host" (then `default_port`, or an error when it is nullopt).
// Errors are INVALID_ARGUMENT prefixed with `what` (the flag or field the text came from).
Result<HostPortEndpoint> ParseHostPort(std::string_view text, bool tls,
                                       std::optional<int> default_port, std::string_view what);

// "http://host:port" or "host:port" (h2c), "https://host[:port]" (TLS, port 443 by default).
Result<HostPortEndpoint> ParseEndpointUrl(std::string_view url, std::string_view what);

}  // namespace palyra
