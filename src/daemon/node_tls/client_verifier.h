#pragma once
// Handshake-time verification of client certificates on the node listener (identity spec §8).
//
// Client certificates are requested but optional at the TLS layer, because the pairing RPCs must
// work for devices that have none yet; RPCs that need one enforce it per call (CertificateBinding).
// A certificate that IS presented must pass, inside the handshake:
//   - a path straight to the gateway CA (the CA has pathLen 0, so there are no intermediates),
//     signature and validity at "now" (rejected at now >= notAfter, spec §11.16),
//   - the clientAuth extended key usage, stated explicitly, on a non-CA leaf,
//   - not revoked, according to the RevocationIndex (which answers "revoked" while it is failing
//     closed).
// gRPC's TLS stack (OpenSSL) also checks chain, validity and purpose against the CA file the
// certificate provider serves; this verifier repeats those checks against the in-memory CA so
// that the decision does not rest on a file, and adds revocation, which OpenSSL cannot know.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "common/status.h"
#include "crypto/certificate.h"
#include "identity/store/revocation_index.h"

namespace grpc::experimental {
class CertificateVerifier;
}

namespace palyra::daemon::node_tls {

using UnixMsClock = std::function<int64_t()>;

// Counters, for tests and metrics.
struct ClientVerifierStats {
  std::atomic<uint64_t> without_certificate{0};
  std::atomic<uint64_t> accepted{0};
  std::atomic<uint64_t> rejected{0};
};

// Aggregate; build it with designated initialisers (a Certificate has no empty state).
struct ClientVerifierConfig {
  crypto::Certificate ca_certificate;
  std::shared_ptr<const identity::RevocationIndex> revocations;  // required
  UnixMsClock clock = {};                                        // empty: NowUnixMs
  std::shared_ptr<ClientVerifierStats> stats = {};               // optional
};

// The checks above for a parsed leaf. OK, or UNAUTHENTICATED with the chain verifier's message,
// or PERMISSION_DENIED "client certificate <fingerprint> is revoked".
Status VerifyClientCertificate(const crypto::Certificate& leaf,
                               const crypto::Certificate& ca_certificate,
                               const identity::RevocationIndex& revocations, int64_t now_unix_ms);
// Same for the PEM gRPC hands the verifier; UNAUTHENTICATED when it does not parse.
Status VerifyClientCertificatePem(std::string_view leaf_pem,
                                  const crypto::Certificate& ca_certificate,
                                  const identity::RevocationIndex& revocations,
                                  int64_t now_unix_ms);

// A gRPC ExternalCertificateVerifier running the checks synchronously in the handshake. A
// handshake without a client certificate passes (counted in stats->without_certificate).
// INVALID_ARGUMENT when `config.revocations` is null.
Result<std::shared_ptr<grpc::experimental::CertificateVerifier>> MakeClientCertificateVerifier(
    ClientVerifierConfig config);

}  // namespace palyra::daemon::node_tls
