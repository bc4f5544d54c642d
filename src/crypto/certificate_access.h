#pragma once
// Lets the builder and chain verifier inside src/crypto reach the X509 behind a Certificate
// without exposing OpenSSL types publicly. Private to src/crypto.

#include <openssl/x509.h>

#include "crypto/certificate.h"

namespace palyra::crypto::internal {

struct CertificateAccess {
  static X509* Get(const Certificate& cert) { return cert.state_->x509.get(); }
};

}  // namespace palyra::crypto::internal
