#pragma once
// A parsed, immutable X.509 certificate with the facts the identity layer and TLS verifiers need
// extracted once at parse time: structural problems surface as one parse error instead of
// surprising empty fields later.

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "crypto/bytes.h"
#include "crypto/p256.h"

struct x509_st;

namespace palyra::crypto {

namespace internal {
struct CertificateAccess;
}

inline constexpr size_t kMaxCertificatePemBytes = 64 * 1024;
inline constexpr size_t kMaxCertificateDerBytes = 32 * 1024;
inline constexpr size_t kMaxCertificateBundleBytes = 256 * 1024;
inline constexpr size_t kMaxBundleCertificates = 16;

// The extensions whose presence and criticality callers (and tests) care about.
enum class CertificateExtension {
  kBasicConstraints,
  kKeyUsage,
  kExtendedKeyUsage,
  kSubjectAltName,
  kSubjectKeyIdentifier,
  kAuthorityKeyIdentifier,
};

// RFC 5280 KeyUsage bits that matter for ECDSA certificates.
struct KeyUsage {
  bool digital_signature = false;
  bool key_agreement = false;
  bool key_cert_sign = false;
  bool crl_sign = false;
  friend bool operator==(const KeyUsage&, const KeyUsage&) = default;
};

class Certificate {
 public:
  // Exactly one "CERTIFICATE" PEM block, at most kMaxCertificatePemBytes. INVALID_ARGUMENT
  // "certificate PEM is malformed: ..." otherwise.
  static Result<Certificate> FromPem(std::string_view pem);
  // INVALID_ARGUMENT "certificate DER is malformed" for bad or trailing bytes; "certificate has
  // invalid or duplicate extensions" when OpenSSL's extension checks fail.
  static Result<Certificate> FromDer(std::span<const uint8_t> der);

  const Bytes& Der() const { return state_->der; }
  std::string ToPem() const;
  // Lowercase hex SHA-256 of the DER: the spec's certificate fingerprint.
  const std::string& FingerprintSha256Hex() const { return state_->fingerprint; }

  // Validity window in unix milliseconds (X.509 has second precision, so these are whole seconds).
  int64_t NotBeforeUnixMs() const { return state_->not_before_ms; }
  int64_t NotAfterUnixMs() const { return state_->not_after_ms; }

  // First CN / O of the subject or issuer, UTF-8; empty when absent.
  const std::string& SubjectCommonName() const { return state_->subject_cn; }
  const std::string& SubjectOrganization() const { return state_->subject_o; }
  const std::string& IssuerCommonName() const { return state_->issuer_cn; }
  // Lowercase hex of the serial's big-endian magnitude ("-" prefixed if negative).
  const std::string& SerialHex() const { return state_->serial_hex; }

  // Subject alternative names in certificate order. IPs as text ("192.0.2.1", "2001:db8::1").
  const std::vector<std::string>& DnsNames() const { return state_->dns_names; }
  const std::vector<std::string>& IpAddresses() const { return state_->ip_addresses; }
  const std::vector<std::string>& Uris() const { return state_->uris; }

  // Extended key usage. Without the extension all three are false: we never treat a missing EKU
  // as "any purpose" (OpenSSL's default) when deciding what a certificate is for.
  bool HasExtendedKeyUsage() const { return state_->has_eku; }
  bool HasClientAuth() const { return state_->client_auth; }
  bool HasServerAuth() const { return state_->server_auth; }

  // BasicConstraints. PathLength is set only for a CA certificate that states one.
  bool IsCa() const { return state_->is_ca; }
  std::optional<int> PathLength() const { return state_->path_length; }

  // nullopt when the certificate has no KeyUsage extension.
  std::optional<KeyUsage> GetKeyUsage() const { return state_->key_usage; }

  // Key identifiers; empty when the extension (or AKI's keyIdentifier field) is absent.
  const Bytes& SubjectKeyId() const { return state_->subject_key_id; }
  const Bytes& AuthorityKeyId() const { return state_->authority_key_id; }

  // nullopt when the extension is absent, else whether it is marked critical.
  std::optional<bool> IsExtensionCritical(CertificateExtension extension) const;

  // DER SubjectPublicKeyInfo, whatever the algorithm.
  const Bytes& PublicKeySpkiDer() const { return state_->spki_der; }
  // INVALID_ARGUMENT "certificate public key is not ECDSA P-256" for other key types.
  Result<P256PublicKey> PublicKey() const;

  // OK when this certificate names `issuer`'s subject as its issuer and its signature verifies
  // with `issuer`'s public key. Only those two facts: validity, usage and CA flags are the
  // business of VerifyCertificateChain.
  Status VerifySignedBy(const Certificate& issuer) const;

  // Same DER, same certificate.
  friend bool operator==(const Certificate& a, const Certificate& b) { return a.Der() == b.Der(); }

 private:
  friend struct internal::CertificateAccess;
  struct State {
    // Null for a certificate built in this process until CertificateAccess::Get parses it.
    std::shared_ptr<x509_st> x509;
    Bytes der;
    Bytes subject_name_der;
    std::string fingerprint;
    int64_t not_before_ms = 0;
    int64_t not_after_ms = 0;
    std::string subject_cn, subject_o, issuer_cn, serial_hex;
    std::vector<std::string> dns_names, ip_addresses, uris;
    bool has_eku = false, client_auth = false, server_auth = false;
    bool is_ca = false;
    std::optional<int> path_length;
    std::optional<KeyUsage> key_usage;
    Bytes subject_key_id, authority_key_id, spki_der;
    // A lazily parsed copy with the public key decoded: for certificates built in this process
    // (no X509 at all) and for the verification paths that need the decoded key (chain building).
    mutable std::once_flag reparse_once;
    mutable std::shared_ptr<x509_st> reparsed;
  };
  explicit Certificate(std::shared_ptr<const State> state) : state_(std::move(state)) {}
  // Extracts the facts from a parsed (or freshly built) X509 whose encoding is `der`.
  static Result<Certificate> FromX509(std::shared_ptr<x509_st> x509, Bytes der);
  std::shared_ptr<const State> state_;
};

// Parses a PEM bundle of one or more "CERTIFICATE" blocks (a chain, leaf first by convention),
// refusing more than `max_certificates` blocks or more than kMaxCertificateBundleBytes of text,
// and any non-certificate block. Errors name the input as "certificate bundle PEM".
Result<std::vector<Certificate>> ParseCertificateBundlePem(
    std::string_view pem, size_t max_certificates = kMaxBundleCertificates);

// Concatenated PEM of `certificates`, in order.
std::string ToPemBundle(std::span<const Certificate> certificates);

}  // namespace palyra::crypto
