#include "daemon/node_tls/server_credentials.h"

#include <grpc/grpc_security_constants.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/security/tls_credentials_options.h>

namespace palyra::daemon::node_tls {

Result<std::shared_ptr<grpc::ServerCredentials>> MakeNodeServerCredentials(
    const ServerCertificateManager& certificates, const NodeServerCredentialsOptions& options) {
  ClientVerifierConfig verifier_config{
      .ca_certificate = certificates.ca().certificate(),
      .revocations = options.revocations,
      .clock = options.clock,
      .stats = options.verifier_stats,
  };
  PALYRA_ASSIGN_OR_RETURN(std::shared_ptr<grpc::experimental::CertificateVerifier> verifier,
                          MakeClientCertificateVerifier(std::move(verifier_config)));

  grpc::experimental::TlsServerCredentialsOptions tls(certificates.certificate_provider());
  tls.watch_identity_key_cert_pairs();
  tls.watch_root_certs();  // the CA client certificates must chain to
  // REQUEST (not REQUIRE): pairing RPCs come without a certificate. A presented one must chain
  // to the root above, or the handshake fails before our verifier even runs.
  tls.set_cert_request_type(GRPC_SSL_REQUEST_CLIENT_CERTIFICATE_AND_VERIFY);
  tls.set_certificate_verifier(std::move(verifier));
  std::shared_ptr<grpc::ServerCredentials> credentials =
      grpc::experimental::TlsServerCredentials(tls);
  if (!credentials) return Internal("gRPC refused the node TLS server credentials");
  return credentials;
}

}  // namespace palyra::daemon::node_tls
