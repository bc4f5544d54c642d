#pragma once
// Lets the builder and chain verifier inside src/crypto reach the X509 behind a Certificate
// without exposing OpenSSL types publicly. Private to src/crypto.

#include <openssl/x509.h>

#include "crypto/certificate.h"

namespace palyra::crypto::internal {

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
  // For CertificateBuilder: a state to fill with the facts of a certificate it has just encoded
  // (what a parse would extract, taken from its inputs instead), and the certificate wrapping it
  // without parsing it back (the fingerprint is computed from `der` here).
  static std::shared_ptr<Certificate::State> NewState() {
    return std::make_shared<Certificate::State>();
  }
  static Certificate FromBuilt(std::shared_ptr<Certificate::State> state);
};

}  // namespace palyra::crypto::internal
