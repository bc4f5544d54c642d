#pragma once
// Issues X.509 v3 certificates signed with ECDSA P-256 / SHA-256: the gateway CA (self-signed),
// device client certificates and the node-RPC server certificate.
//
// Every certificate gets: a random positive 128-bit serial (unpredictable serials defeat
// chosen-prefix collision tricks and nothing may depend on them); BasicConstraints, critical
// (cA=TRUE with an optional pathLen for a CA, cA=FALSE otherwise, so a leaf can never act as an
// issuer); KeyUsage, critical; SKI = first 20 bytes of SHA-256(SPKI DER) as the spec says; and,
// when the issuer has an SKI, AKI = the issuer's SKI, so chains build unambiguously even when two
// gateways share a CA name. EKU and SAN are non-critical.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "crypto/certificate.h"
#include "crypto/p256.h"

namespace palyra::crypto {

enum class ExtendedKeyUsage { kClientAuth, kServerAuth };

// Values are checked when signing; the setters only record them.
class CertificateBuilder {
 public:
  // Required; 1..64 bytes of UTF-8 without control characters.
  CertificateBuilder& SetSubjectCommonName(std::string common_name);
  // Optional; same rules.
  CertificateBuilder& SetSubjectOrganization(std::string organization);
  // Required; not_before < not_after. X.509 keeps whole seconds, so milliseconds are dropped
  // (rounded down).
  CertificateBuilder& SetValidity(int64_t not_before_unix_ms, int64_t not_after_unix_ms);
  // Makes this a CA certificate. `path_length` = how many intermediate CAs may follow (0: it may
  // only issue leaves); nullopt = unconstrained.
  CertificateBuilder& SetCa(std::optional<int> path_length);
  // Defaults: digitalSignature + keyCertSign + cRLSign for a CA, digitalSignature for a leaf.
  CertificateBuilder& SetKeyUsage(KeyUsage usage);
  CertificateBuilder& AddExtendedKeyUsage(ExtendedKeyUsage usage);
  // SAN entries. Duplicates are dropped (DNS names case-insensitively; IPs by address), the first
  // spelling wins. DNS names: letters, digits, '-', '.', '_' and a leading "*." wildcard, at most
  // 253 characters. IPs: IPv4 dotted quad or IPv6 text. URIs: "scheme:..." printable ASCII.
  CertificateBuilder& AddDnsName(std::string dns_name);
  CertificateBuilder& AddIpAddress(std::string ip_address);
  CertificateBuilder& AddUri(std::string uri);
  // The key the certificate certifies. Required for Sign; for SelfSign it defaults to (and must
  // match) the signing key.
  CertificateBuilder& SetSubjectPublicKey(P256PublicKey key);

  // Issuer = subject. INVALID_ARGUMENT for missing/invalid fields.
  Result<Certificate> SelfSign(const P256PrivateKey& key) const;
  // Issued by `issuer`, whose key `issuer_key` must be. The issuer's CA status is not checked
  // here (that is chain verification's job), so tests can build deliberately bad chains.
  Result<Certificate> Sign(const Certificate& issuer, const P256PrivateKey& issuer_key) const;

 private:
  Result<Certificate> Build(const Certificate* issuer, const P256PrivateKey& signing_key) const;

  std::string common_name_;
  std::string organization_;
  std::optional<int64_t> not_before_ms_, not_after_ms_;
  bool is_ca_ = false;
  std::optional<int> path_length_;
  std::optional<KeyUsage> key_usage_;
  std::vector<ExtendedKeyUsage> extended_key_usages_;
  std::vector<std::string> dns_names_, ip_addresses_, uris_;
  std::optional<P256PublicKey> subject_public_key_;
};

}  // namespace palyra::crypto
