#pragma once
// Lets the builder and chain verifier inside src/crypto reach the X509 behind a Certificate
// without exposing OpenSSL types publicly. Private to src/crypto.

#include <openssl/x509.h>

#include "crypto/certificate.h"

namespace palyra::crypto::internal {

struct CertificateAccess {
  static X509* Get(const Certificate& cert) { return cert.state_->x509.get(); }
  // The same certificate with its public key decoded, as X509_verify_cert needs for every
  // certificate in a chain.
  static X509* GetWithDecodedKey(const Certificate& cert);
  // Wraps an X509 that this process just built and encoded as `der`, skipping the re-parse
  // (d2i_X509 decodes the public key through OpenSSL 3.0's slow decoder framework).
  static Result<Certificate> FromBuilt(std::shared_ptr<X509> x509, Bytes der) {
    return Certificate::FromX509(std::move(x509), std::move(der));
  }
};

}  // namespace palyra::crypto::internal
