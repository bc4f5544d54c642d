#pragma once
// Lets the X.509 code inside src/crypto reach the EVP_PKEY behind the P-256 key classes without
// exposing OpenSSL types in their public interface. Private to src/crypto.

#include <openssl/evp.h>

#include "crypto/p256.h"

namespace palyra::crypto::internal {

struct P256Access {
  static EVP_PKEY* Pkey(const P256PublicKey& key) { return key.pkey_.get(); }
  static EVP_PKEY* Pkey(const P256PrivateKey& key) { return key.pkey_.get(); }
  // Wraps a public (or private) EVP_PKEY as a P256PublicKey, checking the curve. `what` names the
  // key's origin in errors, e.g. "certificate public key".
  static Result<P256PublicKey> PublicFromPkey(EVP_PKEY* pkey, std::string_view what);
};

// INVALID_ARGUMENT "<what> is not ECDSA P-256" unless `pkey` is an EC key on prime256v1.
Status CheckP256(EVP_PKEY* pkey, std::string_view what);

}  // namespace palyra::crypto::internal
