#pragma once
// Certificate path validation for the mTLS verifiers: one trust anchor (the gateway CA), a
// caller-supplied clock, and an explicit purpose.

#include <cstdint>
#include <span>

#include "common/status.h"
#include "crypto/certificate.h"

namespace palyra::crypto {

enum class CertificatePurpose { kClientAuth, kServerAuth };

// Builds and checks the path leaf -> intermediates... -> trust_anchor with OpenSSL's verifier
// (signatures, validity at `at_unix_ms`, BasicConstraints and pathLen, KeyUsage of issuers, EKU
// for `purpose`), then adds two checks OpenSSL leaves out: the leaf must explicitly carry the
// purpose's EKU (a missing EKU is not "any purpose") and must not itself be a CA.
//
// The trust anchor is trusted as given, self-signed or not. Returns OK or UNAUTHENTICATED with a
// specific message: "certificate has expired", "certificate is not yet valid", "certificate is
// not valid for client authentication (extended key usage)", "certificate is not issued by a
// trusted CA", "certificate signature does not verify", "issuer certificate is not a CA",
// "certificate chain exceeds an issuer's path length constraint", ... each followed by the subject
// CN and chain depth concerned. INVALID_ARGUMENT when more than kMaxBundleCertificates
// intermediates are passed.
Status VerifyCertificateChain(const Certificate& leaf, std::span<const Certificate> intermediates,
                              const Certificate& trust_anchor, CertificatePurpose purpose,
                              int64_t at_unix_ms);

}  // namespace palyra::crypto
