#pragma once
// A gRPC listener with grpc.health.v1 and server reflection: the admin listener (GatewayService
// and the operator service; h2c on loopback, TLS when gateway.tls is enabled) and the node
// listener (NodeService over mTLS, with credentials from node_tls).

#include <memory>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "common/status.h"

namespace palyra::daemon {

struct ListenerTls {
  bool enabled = false;
  std::string cert_chain_pem;
  std::string private_key_pem;
  std::string client_ca_pem;  // non-empty: client certificates become mandatory
};

struct ListenerOptions {
  std::string bind_addr;  // an IP literal
  int port = 0;           // 0 picks an ephemeral port
  ListenerTls tls;
  // When set, used instead of `tls` (the node listener's renewable mTLS credentials).
  std::shared_ptr<grpc::ServerCredentials> credentials;
  // Upper bound of a message in either direction (upstream registers every service with 4 MiB).
  int max_message_bytes = 4 * 1024 * 1024;
  // TLS frame size (gRPC's TSI frame protector), 0 for gRPC's default of 16 KiB. The protector
  // keeps buffers of this size per connection, so a listener holding many idle connections
  // trades a little framing overhead for memory.
  int tls_max_frame_bytes = 0;
};

class GrpcListener {
 public:
  static Result<std::unique_ptr<GrpcListener>> Start(const ListenerOptions& options,
                                                    const std::vector<grpc::Service*>& services);
  ~GrpcListener();

  // "127.0.0.1:43121" or "[::1]:43121", with the port actually bound.
  const std::string& bound_address() const { return bound_address_; }
  void Shutdown();

 private:
  GrpcListener(std::unique_ptr<grpc::Server> server, std::string bound_address)
      : server_(std::move(server)), bound_address_(std::move(bound_address)) {}

  std::unique_ptr<grpc::Server> server_;
  std::string bound_address_;
};

}  // namespace palyra::daemon
