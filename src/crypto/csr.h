#pragma once
// PKCS#10 certificate signing requests, for device-side key generation: the node host keeps its
// private key and sends only a CSR, so the gateway never sees (or has to deliver) the key.
//
// Only the subject CN and the public key are read. Requested extensions are ignored on purpose:
// the gateway decides every extension of what it issues.

#include <span>
#include <string>
#include <string_view>

#include "common/status.h"
#include "crypto/bytes.h"
#include "crypto/p256.h"

namespace palyra::crypto {

inline constexpr size_t kMaxCsrPemBytes = 16 * 1024;
inline constexpr size_t kMaxCsrDerBytes = 8 * 1024;

class CertificateSigningRequest {
 public:
  // One "CERTIFICATE REQUEST" PEM block (at most kMaxCsrPemBytes). Parsing also checks the
  // self-signature (proof that the requester holds the private key) and that the key is P-256,
  // so a CSR object is always usable. INVALID_ARGUMENT: "CSR PEM is malformed: ...",
  // "CSR DER is malformed", "CSR public key is not ECDSA P-256", "CSR signature does not verify".
  static Result<CertificateSigningRequest> FromPem(std::string_view pem);
  static Result<CertificateSigningRequest> FromDer(std::span<const uint8_t> der);

  const Bytes& Der() const { return der_; }
  std::string ToPem() const;
  // First CN of the subject, UTF-8; empty when absent.
  const std::string& SubjectCommonName() const { return subject_cn_; }
  const P256PublicKey& PublicKey() const { return public_key_; }

  // Re-checks the self-signature (already checked by parsing; kept for explicit call sites).
  Status VerifySignature() const;

 private:
  CertificateSigningRequest(Bytes der, std::string subject_cn, P256PublicKey public_key)
      : der_(std::move(der)),
        subject_cn_(std::move(subject_cn)),
        public_key_(std::move(public_key)) {}
  Bytes der_;
  std::string subject_cn_;
  P256PublicKey public_key_;
};

// Builds a CSR on the device: subject CN=<common_name>, signed with `key` (ECDSA-SHA256).
class CsrBuilder {
 public:
  CsrBuilder& SetSubjectCommonName(std::string common_name);
  Result<CertificateSigningRequest> Sign(const P256PrivateKey& key) const;

 private:
  std::string common_name_;
};

}  // namespace palyra::crypto
