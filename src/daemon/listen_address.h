#pragma once
// Helpers for listener addresses: validation of IP literals, loopback detection, host:port
// formatting, and a bind pre-flight that turns "address in use" into a clear one-line error
// instead of gRPC's internal log noise.

#include <string>
#include <string_view>

#include "common/status.h"

namespace palyra::daemon {

// OK for IPv4 / IPv6 literals; names are refused so that the loopback guard cannot be fooled
// by DNS.
Status ValidateIpLiteral(std::string_view key, std::string_view address);
bool IsLoopbackAddress(std::string_view address);
std::string FormatHostPort(std::string_view address, int port);

// Tries to bind a TCP socket on address:port and releases it at once. Port 0 always succeeds.
Status CheckTcpPortAvailable(std::string_view address, int port);

}  // namespace palyra::daemon
