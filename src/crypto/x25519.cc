#include "crypto/x25519.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "crypto/curve25519_checks.h"
#include "crypto/openssl_util.h"
#include "crypto/random.h"

namespace palyra::crypto {

using internal::ClearErrorsAnd;
using internal::OpenSslError;

Result<X25519PrivateKey> X25519PrivateKey::Generate() {
  return FromBytes(RandomSecretBytes(kX25519KeyBytes));
}

Result<X25519PrivateKey> X25519PrivateKey::FromBytes(std::span<const uint8_t> secret) {
  if (secret.size() != kX25519KeyBytes) {
    return InvalidArgument("x25519 private key must be 32 bytes");
  }
  std::shared_ptr<EVP_PKEY> pkey(
      EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, secret.data(), secret.size()),
      EVP_PKEY_free);
  if (!pkey) return OpenSslError("loading x25519 private key");
  X25519PublicKey pub{};
  size_t len = pub.size();
  if (EVP_PKEY_get_raw_public_key(pkey.get(), pub.data(), &len) != 1 || len != pub.size()) {
    return OpenSslError("deriving x25519 public key");
  }
  return X25519PrivateKey(std::move(pkey), pub);
}

SecretBytes X25519PrivateKey::Export() const {
  SecretBytes out(kX25519KeyBytes);
  size_t len = out.size();
  if (EVP_PKEY_get_raw_private_key(pkey_.get(), out.data(), &len) != 1 || len != out.size()) {
    internal::FatalOpenSslError("EVP_PKEY_get_raw_private_key(x25519)");
  }
  return out;
}

Result<SecretBytes> X25519PrivateKey::Ecdh(std::span<const uint8_t> peer_public) const {
  if (peer_public.size() != kX25519KeyBytes) {
    return InvalidArgument("x25519 public key must be 32 bytes");
  }
  // Checked up front so that a hostile peer gets a clear INVALID_ARGUMENT rather than an
  // OpenSSL derive failure that would look like an internal error.
  if (internal::IsSmallOrderX25519Point(std::span<const uint8_t, 32>(peer_public.data(), 32))) {
    return InvalidArgument("x25519 public key has small order (shared secret would be all zero)");
  }
  internal::UniqueEvpPkey peer(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr,
                                                           peer_public.data(), peer_public.size()));
  if (!peer) return ClearErrorsAnd(InvalidArgument("x25519 public key is malformed"));
  internal::UniqueEvpPkeyCtx ctx(EVP_PKEY_CTX_new(pkey_.get(), nullptr));
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
      EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1) {
    return OpenSslError("x25519 derive setup");
  }
  SecretBytes shared(kX25519KeyBytes);
  size_t len = shared.size();
  if (EVP_PKEY_derive(ctx.get(), shared.data(), &len) != 1 || len != shared.size()) {
    return OpenSslError("x25519 derive");
  }
  // Belt and braces: OpenSSL also refuses an all-zero result, but that is its choice, not API.
  static const uint8_t kZeros[kX25519KeyBytes] = {};
  if (CRYPTO_memcmp(shared.data(), kZeros, kX25519KeyBytes) == 0) {
    return InvalidArgument("x25519 shared secret is all zero (low-order peer public key)");
  }
  return shared;
}

}  // namespace palyra::crypto
