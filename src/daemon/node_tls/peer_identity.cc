#include "daemon/node_tls/peer_identity.h"

#include <grpc/grpc_security_constants.h>
#include <grpcpp/security/auth_context.h>
#include <grpcpp/server_context.h>

#include <string_view>
#include <vector>

namespace palyra::daemon::node_tls {
namespace {

std::string_view View(const grpc::string_ref& ref) { return {ref.data(), ref.size()}; }

}  // namespace

Result<PeerIdentity> PeerIdentityFromAuthContext(const grpc::AuthContext* auth_context) {
  PeerIdentity peer;
  if (auth_context == nullptr) return peer;

  const std::vector<grpc::string_ref> types =
      auth_context->FindPropertyValues(GRPC_TRANSPORT_SECURITY_TYPE_PROPERTY_NAME);
  for (const grpc::string_ref& type : types) {
    const std::string_view value = View(type);
    if (value == GRPC_SSL_TRANSPORT_SECURITY_TYPE || value == GRPC_TLS_TRANSPORT_SECURITY_TYPE) {
      peer.transport_is_tls = true;
    }
  }
  if (!peer.transport_is_tls) return peer;

  const std::vector<grpc::string_ref> pems =
      auth_context->FindPropertyValues(GRPC_X509_PEM_CERT_PROPERTY_NAME);
  if (pems.empty() || pems.front().empty()) return peer;
  if (pems.size() != 1) {
    return Unauthenticated("the TLS peer reported " + std::to_string(pems.size()) +
                           " leaf certificates; expected exactly one");
  }
  Result<crypto::Certificate> leaf = crypto::Certificate::FromPem(View(pems.front()));
  if (!leaf.ok()) {
    return Unauthenticated("the TLS peer's certificate cannot be parsed: " +
                           leaf.status().message());
  }
  peer.certificate_fingerprint = leaf->FingerprintSha256Hex();
  peer.certificate = std::move(*leaf);
  return peer;
}

Result<PeerIdentity> PeerIdentityFromServerContext(const grpc::ServerContextBase& context) {
  const std::shared_ptr<const grpc::AuthContext> auth_context = context.auth_context();
  return PeerIdentityFromAuthContext(auth_context.get());
}

}  // namespace palyra::daemon::node_tls
