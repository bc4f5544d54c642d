#include "daemon/listen_address.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace palyra::daemon {
namespace {

bool ParseV4(std::string_view address, in_addr* out) {
  std::string copy(address);
  return ::inet_pton(AF_INET, copy.c_str(), out) == 1;
}

bool ParseV6(std::string_view address, in6_addr* out) {
  std::string copy(address);
  return ::inet_pton(AF_INET6, copy.c_str(), out) == 1;
}

}  // namespace

Status ValidateIpLiteral(std::string_view key, std::string_view address) {
  in_addr v4{};
  in6_addr v6{};
  if (ParseV4(address, &v4) || ParseV6(address, &v6)) return Status::Ok();
  return InvalidArgument(std::string(key) + " must be an IPv4 or IPv6 address, got \"" +
                         std::string(address) + "\"");
}

bool IsLoopbackAddress(std::string_view address) {
  in_addr v4{};
  if (ParseV4(address, &v4)) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (ParseV6(address, &v6)) {
    if (IN6_IS_ADDR_LOOPBACK(&v6)) return true;
    // ::ffff:127.x.y.z is loopback too.
    return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
  }
  return false;
}

std::string FormatHostPort(std::string_view address, int port) {
  std::string host(address);
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return host + ":" + std::to_string(port);
}

Status CheckTcpPortAvailable(std::string_view address, int port) {
  if (port == 0) return Status::Ok();
  sockaddr_storage storage{};
  socklen_t length = 0;
  in_addr v4{};
  in6_addr v6{};
  if (ParseV4(address, &v4)) {
    auto* sin = reinterpret_cast<sockaddr_in*>(&storage);
    sin->sin_family = AF_INET;
    sin->sin_port = htons(static_cast<uint16_t>(port));
    sin->sin_addr = v4;
    length = sizeof(sockaddr_in);
  } else if (ParseV6(address, &v6)) {
    auto* sin6 = reinterpret_cast<sockaddr_in6*>(&storage);
    sin6->sin6_family = AF_INET6;
    sin6->sin6_port = htons(static_cast<uint16_t>(port));
    sin6->sin6_addr = v6;
    length = sizeof(sockaddr_in6);
  } else {
    return InvalidArgument("not an IP address: " + std::string(address));
  }
  int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return Internal(std::string("socket(): ") + std::strerror(errno));
  int one = 1;
  // Match the listener's own SO_REUSEADDR so that a socket in TIME_WAIT is not reported as busy.
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  int rc = ::bind(fd, reinterpret_cast<sockaddr*>(&storage), length);
  int bind_errno = errno;
  ::close(fd);
  if (rc == 0) return Status::Ok();
  std::string where = FormatHostPort(address, port);
  if (bind_errno == EADDRINUSE) {
    return Unavailable("cannot listen on " + where +
                       ": address already in use (is another palyrad running? pick another port)");
  }
  return Unavailable("cannot listen on " + where + ": " + std::strerror(bind_errno));
}

}  // namespace palyra::daemon
