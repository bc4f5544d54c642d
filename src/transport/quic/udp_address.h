#pragma once
// Conversions between Asio UDP endpoints and the socket addresses QuicConnection's datagram
// paths carry.

#include <asio.hpp>

#include <cstring>

#include "transport/quic/quic_connection.h"

namespace palyra::transport::quic {

inline void CopyEndpoint(const asio::ip::udp::endpoint& endpoint, sockaddr_storage* out,
                         socklen_t* len) {
  std::memset(out, 0, sizeof(*out));
  std::memcpy(out, endpoint.data(), endpoint.size());
  *len = static_cast<socklen_t>(endpoint.size());
}

inline asio::ip::udp::endpoint ToEndpoint(const sockaddr_storage& addr, socklen_t len) {
  asio::ip::udp::endpoint endpoint;
  std::memcpy(endpoint.data(), &addr, len);
  endpoint.resize(len);
  return endpoint;
}

inline DatagramPath PathOf(const asio::ip::udp::endpoint& local,
                           const asio::ip::udp::endpoint& remote) {
  DatagramPath path;
  CopyEndpoint(local, &path.local, &path.local_len);
  CopyEndpoint(remote, &path.remote, &path.remote_len);
  return path;
}

}  // namespace palyra::transport::quic
