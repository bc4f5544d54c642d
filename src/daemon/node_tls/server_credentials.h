#pragma once
// ServerCredentials for the node listener: TLS always, the gateway-CA server certificate from
// the renewing file-watcher provider, client certificates requested (never required) and, when
// presented, verified in the handshake by OpenSSL against the CA and then by our
// ExternalCertificateVerifier (chain, validity, clientAuth, revocation).

#include <memory>

#include "common/status.h"
#include "daemon/node_tls/client_verifier.h"
#include "daemon/node_tls/server_certificates.h"

namespace grpc {
class ServerCredentials;
}

namespace palyra::daemon::node_tls {

struct NodeServerCredentialsOptions {
  std::shared_ptr<const identity::RevocationIndex> revocations;  // required
  UnixMsClock clock;                                             // empty: NowUnixMs
  std::shared_ptr<ClientVerifierStats> verifier_stats;           // optional
};

// `certificates` supplies the provider (shared with the returned credentials, so the server keeps
// serving renewals for as long as it holds them) and the CA. INVALID_ARGUMENT without an index.
Result<std::shared_ptr<grpc::ServerCredentials>> MakeNodeServerCredentials(
    const ServerCertificateManager& certificates, const NodeServerCredentialsOptions& options);

}  // namespace palyra::daemon::node_tls
