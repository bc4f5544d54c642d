#pragma once
// Lets the builder and chain verifier inside src/crypto reach the X509 behind a Certificate
// without exposing OpenSSL types publicly. Private to src/crypto.

#include <openssl/x509.h>

#include "crypto/certificate.h"

namespace palyra::crypto::internal {

// What CertificateBuilder knows about a certificate it has just encoded: the same facts
// Certificate::FromX509 would extract by parsing, taken from the builder's inputs instead.
struct BuiltCertificateFacts {
  Bytes der;
  Bytes subject_name_der;
  int64_t not_before_ms = 0;
  int64_t not_after_ms = 0;
  std::string subject_cn, subject_o, issuer_cn, serial_hex;
  std::vector<std::string> dns_names, ip_addresses, uris;
  bool has_eku = false, client_auth = false, server_auth = false;
  bool is_ca = false;
  std::optional<int> path_length;
  KeyUsage key_usage;
  Bytes subject_key_id, authority_key_id, spki_der;
};

struct CertificateAccess {
  // The OpenSSL object; for a certificate built in this process it is parsed from the DER on
  // first use (the issuance path never needs it).
  static X509* Get(const Certificate& cert);
  // The same certificate with its public key decoded, as X509_verify_cert needs for every
  // certificate in a chain.
  static X509* GetWithDecodedKey(const Certificate& cert);
  // DER of the subject Name, which a certificate issued by this one copies as its issuer.
  static const Bytes& SubjectNameDer(const Certificate& cert) {
    return cert.state_->subject_name_der;
  }
  // Wraps a certificate that this process just encoded, without parsing it back.
  static Certificate FromBuilt(BuiltCertificateFacts facts);
};

}  // namespace palyra::crypto::internal
