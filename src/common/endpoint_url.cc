#include "common/endpoint_url.h"

#include <arpa/inet.h>

#include <cctype>
#include <string>

namespace palyra {
namespace {

bool IsDnsName(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  for (char c : host) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-')) return false;
  }
  return host.front() != '-' && host.front() != '.';
}

bool IsIpv6Literal(std::string_view host) {
  in6_addr addr{};
  std::string owned(host);
  return inet_pton(AF_INET6, owned.c_str(), &addr) == 1;
}

Result<int> ParsePort(std::string_view text, std::string_view what) {
  if (text.empty() || text.size() > 5) return InvalidArgument(std::string(what) + ": bad port");
  int port = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return InvalidArgument(std::string(what) + ": bad port");
    port = port * 10 + (c - '0');
  }
  if (port < 1 || port > 65535) {
    return InvalidArgument(std::string(what) + ": port must be 1-65535");
  }
  return port;
}

}  // namespace

bool IsLoopbackHost(std::string_view host) {
  if (host == "localhost") return true;
  std::string owned(host);
  in_addr v4{};
  if (inet_pton(AF_INET, owned.c_str(), &v4) == 1) {
    return (ntohl(v4.s_addr) >> 24) == 127;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, owned.c_str(), &v6) == 1) {
    return IN6_IS_ADDR_LOOPBACK(&v6);
  }
  return false;
}


Result<HostPortEndpoint> ParseHostPort(std::string_view text, bool tls,
                                       std::optional<int> default_port, std::string_view what) {
  std::string host;
  std::string_view port_text;
  bool bracketed = false;
  if (!text.empty() && text.front() == '[') {
    auto close = text.find(']');
    if (close == std::string_view::npos) {
      return InvalidArgument(std::string(what) + ": unclosed '[' in the address");
    }
    host = std::string(text.substr(1, close - 1));
    std::string_view rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return InvalidArgument(std::string(what) + ": bad address");
      port_text = rest.substr(1);
      if (port_text.empty()) return InvalidArgument(std::string(what) + ": bad port");
    }
    bracketed = true;
    if (!IsIpv6Literal(host)) {
      return InvalidArgument(std::string(what) + ": '" + host + "' is not an IPv6 address");
    }
  } else {
    auto colon = text.rfind(':');
    if (colon != std::string_view::npos) {
      if (text.find(':') != colon) {
        return InvalidArgument(std::string(what) +
                               ": write IPv6 addresses in brackets, like [::1]:7443");
      }
      host = std::string(text.substr(0, colon));
      port_text = text.substr(colon + 1);
      if (port_text.empty()) return InvalidArgument(std::string(what) + ": bad port");
    } else {
      host = std::string(text);
    }
    if (!IsDnsName(host)) {
      return InvalidArgument(std::string(what) + ": '" + host.substr(0, 64) +
                             "' is not a host name or address");
    }
  }
  int port = 0;
  if (port_text.empty()) {
    if (!default_port) {
      return InvalidArgument(std::string(what) + ": a port is required (host:port)");
    }
    port = *default_port;
  } else {
    PALYRA_ASSIGN_OR_RETURN(port, ParsePort(port_text, what));
  }
  HostPortEndpoint endpoint;
  endpoint.host = host;
  endpoint.port = port;
  endpoint.target = (bracketed ? "[" + host + "]" : host) + ":" + std::to_string(port);
  endpoint.tls = tls;
  endpoint.loopback = IsLoopbackHost(host);
  return endpoint;
}

Result<HostPortEndpoint> ParseEndpointUrl(std::string_view url, std::string_view what) {
  std::string_view rest = url;
  bool tls = false;
  std::optional<int> default_port;
  if (rest.starts_with("https://")) {
    tls = true;
    default_port = 443;
    rest.remove_prefix(8);
  } else if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  } else if (rest.find("://") != std::string_view::npos) {
    return InvalidArgument(std::string(what) + ": only http:// (h2c) and https:// are supported");
  }
  if (rest.ends_with("/")) rest.remove_suffix(1);
  if (rest.empty()) return InvalidArgument(std::string(what) + ": the URL has no host");
  if (rest.find_first_of("/?#@") != std::string_view::npos) {
    return InvalidArgument(std::string(what) +
                           ": give only scheme, host and port (no path, query or user)");
  }
  return ParseHostPort(rest, tls, default_port, what);
}

}  // namespace palyra
