#pragma once
// Channel credentials for talking to the node listener (node host, CLI, tests): trust only the
// gateway CA, expect the server name "palyrad-node-rpc" whatever address is dialled, and present
// the device's client certificate when it has one (unpaired devices present none and may only
// use the pairing RPCs).

#include <grpcpp/support/channel_arguments.h>

#include <memory>
#include <optional>
#include <string>

#include "common/status.h"
#include "crypto/bytes.h"
#include "node_protocol/server_name.h"

namespace grpc {
class Channel;
class ChannelCredentials;
}  // namespace grpc

namespace palyra::node_protocol {

struct NodeClientTlsOptions {
  std::string ca_certificate_pem;  // the gateway CA (e.g. the content of <state>/gateway-ca.pem)
  // Both or neither: the device's client certificate (PEM, leaf first) and PKCS#8 P-256 key.
  std::string client_certificate_pem;
  crypto::SecretString client_private_key_pem;
  std::string server_name = std::string(kNodeServerName);
};

struct NodeChannelCredentials {
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  grpc::ChannelArguments arguments;  // carries the target name override; add your own freely
};

// INVALID_ARGUMENT when the CA is not a single CA certificate, only one of certificate and key is
// given, either does not parse, or the key does not belong to the certificate.
Result<NodeChannelCredentials> MakeNodeChannelCredentials(const NodeClientTlsOptions& options);

// grpc::CreateCustomChannel with the above; `target` such as "127.0.0.1:7444".
std::shared_ptr<grpc::Channel> CreateNodeChannel(const std::string& target,
                                                 const NodeChannelCredentials& credentials);

}  // namespace palyra::node_protocol
