#include "node_protocol/channel_credentials.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include "crypto/certificate.h"
#include "crypto/p256.h"

namespace palyra::node_protocol {

Result<NodeChannelCredentials> MakeNodeChannelCredentials(const NodeClientTlsOptions& options) {
  Result<crypto::Certificate> ca = crypto::Certificate::FromPem(options.ca_certificate_pem);
  if (!ca.ok()) return ca.status().WithContext("node TLS client: gateway CA");
  if (!ca->IsCa()) return InvalidArgument("node TLS client: the gateway CA PEM is not a CA");
  if (options.server_name.empty()) return InvalidArgument("node TLS client: empty server name");

  const bool has_cert = !options.client_certificate_pem.empty();
  const bool has_key = !options.client_private_key_pem.empty();
  if (has_cert != has_key) {
    return InvalidArgument(
        "node TLS client: give both the client certificate and its private key, or neither");
  }
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = ca->ToPem();  // only this CA is trusted
  if (has_cert) {
    PALYRA_ASSIGN_OR_RETURN(std::vector<crypto::Certificate> chain,
                            crypto::ParseCertificateBundlePem(options.client_certificate_pem));
    Result<crypto::P256PrivateKey> key =
        crypto::P256PrivateKey::FromPkcs8Pem(options.client_private_key_pem.view());
    if (!key.ok()) return key.status().WithContext("node TLS client: private key");
    if (chain.front().PublicKeySpkiDer() != key->PublicKey().SpkiDer()) {
      return InvalidArgument(
          "node TLS client: the private key does not belong to the client certificate");
    }
    ssl.pem_cert_chain = options.client_certificate_pem;
    ssl.pem_private_key = std::string(options.client_private_key_pem.view());
  }
  NodeChannelCredentials out;
  out.credentials = grpc::SslCredentials(ssl);
  // gRPC keeps its own copy; do not leave ours lying around in freed memory.
  crypto::SecureZero(ssl.pem_private_key.data(), ssl.pem_private_key.size());
  if (!out.credentials) return Internal("gRPC refused the node TLS channel credentials");
  out.arguments.SetSslTargetNameOverride(options.server_name);
  return out;
}

std::shared_ptr<grpc::Channel> CreateNodeChannel(const std::string& target,
                                                 const NodeChannelCredentials& credentials) {
  return grpc::CreateCustomChannel(target, credentials.credentials, credentials.arguments);
}

}  // namespace palyra::node_protocol
