#pragma once
// What the node listener knows about the peer of a call: whether the transport is TLS at all,
// and the fingerprint of the client certificate it presented, if any (node-runtime.md §1).
//
// gRPC exposes the verified leaf as PEM in the auth context property "x509_pem_cert"; the spec's
// fingerprint is over the DER, so the PEM is parsed and re-encoded before hashing.

#include <optional>
#include <string>

#include "common/status.h"
#include "crypto/certificate.h"

namespace grpc {
class AuthContext;
class ServerContextBase;
}  // namespace grpc

namespace palyra::daemon::node_tls {

struct PeerIdentity {
  // The call arrived over TLS ("ssl" or "tls" transport security type). False for plaintext
  // (h2c) transports and for calls without an auth context.
  bool transport_is_tls = false;
  // Lowercase hex SHA-256 of the leaf certificate's DER; nullopt when no certificate was
  // presented (always nullopt when transport_is_tls is false).
  std::optional<std::string> certificate_fingerprint;
  // The parsed leaf, when one was presented.
  std::optional<crypto::Certificate> certificate;

  bool has_certificate() const { return certificate_fingerprint.has_value(); }
};

// Reads the transport type and the peer's leaf certificate from `auth_context` (nullptr is
// treated as "no TLS"). UNAUTHENTICATED when a certificate property is present but is not a
// single well-formed certificate (gRPC never produces that after a successful handshake).
Result<PeerIdentity> PeerIdentityFromAuthContext(const grpc::AuthContext* auth_context);
// Same, for the server side of a call (sync or callback API).
Result<PeerIdentity> PeerIdentityFromServerContext(const grpc::ServerContextBase& context);

}  // namespace palyra::daemon::node_tls
