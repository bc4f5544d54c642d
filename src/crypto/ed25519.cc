#include "crypto/ed25519.h"

#include <openssl/evp.h>

#include "crypto/curve25519_checks.h"
#include "crypto/hash.h"
#include "crypto/openssl_util.h"
#include "crypto/random.h"

namespace palyra::crypto {

using internal::ClearErrorsAnd;
using internal::OpenSslError;

namespace {

// The group order L = 2^252 + 27742317777372353535851937790883648493, little-endian.
constexpr std::array<uint8_t, 32> kGroupOrder = {
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};

// S < L, comparing little-endian integers from the most significant byte down. Signatures are
// public, so an early exit leaks nothing.
bool IsReducedScalar(std::span<const uint8_t, 32> s) {
  for (size_t i = 32; i-- > 0;) {
    if (s[i] < kGroupOrder[i]) return true;
    if (s[i] > kGroupOrder[i]) return false;
  }
  return false;  // S == L
}

}  // namespace

Result<Ed25519PublicKey> Ed25519PublicKey::FromBytes(std::span<const uint8_t> bytes) {
  if (bytes.size() != kEd25519PublicKeyBytes) {
    return InvalidArgument("ed25519 public key must be 32 bytes");
  }
  std::span<const uint8_t, 32> fixed(bytes.data(), 32);
  if (!internal::IsCanonicalEd25519Point(fixed)) {
    return InvalidArgument("ed25519 public key is not canonically encoded");
  }
  if (internal::IsSmallOrderEd25519Point(fixed)) {
    return InvalidArgument("ed25519 public key has small order");
  }
  std::array<uint8_t, kEd25519PublicKeyBytes> copy{};
  std::copy(bytes.begin(), bytes.end(), copy.begin());
  return Ed25519PublicKey(copy);
}

std::string Ed25519PublicKey::FingerprintHex() const { return Sha256Hex(bytes_); }

Status Ed25519PublicKey::Verify(std::span<const uint8_t> message,
                                std::span<const uint8_t> signature) const {
  if (signature.size() != kEd25519SignatureBytes) {
    return InvalidArgument("ed25519 signature must be 64 bytes");
  }
  std::span<const uint8_t, 32> r(signature.data(), 32);
  std::span<const uint8_t, 32> s(signature.data() + 32, 32);
  if (!internal::IsCanonicalEd25519Point(r)) {
    return InvalidArgument("ed25519 signature R is not canonically encoded");
  }
  if (internal::IsSmallOrderEd25519Point(r)) {
    return InvalidArgument("ed25519 signature R has small order");
  }
  if (!IsReducedScalar(s)) return InvalidArgument("ed25519 signature S is not reduced (S >= L)");

  internal::UniqueEvpPkey pkey(
      EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes_.data(), bytes_.size()));
  if (!pkey) return ClearErrorsAnd(InvalidArgument("ed25519 public key is not a valid point"));
  internal::UniqueEvpMdCtx ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1) {
    return OpenSslError("ed25519 verify init");
  }
  if (EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), message.data(),
                       message.size()) != 1) {
    return ClearErrorsAnd(InvalidArgument("ed25519 signature does not verify"));
  }
  return Status::Ok();
}

Status Ed25519Verify(std::span<const uint8_t> public_key, std::span<const uint8_t> message,
                     std::span<const uint8_t> signature) {
  PALYRA_ASSIGN_OR_RETURN(Ed25519PublicKey key, Ed25519PublicKey::FromBytes(public_key));
  return key.Verify(message, signature);
}

Result<Ed25519PrivateKey> Ed25519PrivateKey::Generate() {
  SecretBytes seed = RandomSecretBytes(kEd25519SeedBytes);
  return FromSeed(seed);
}

Result<Ed25519PrivateKey> Ed25519PrivateKey::FromSeed(std::span<const uint8_t> seed) {
  if (seed.size() != kEd25519SeedBytes) return InvalidArgument("ed25519 seed must be 32 bytes");
  std::shared_ptr<EVP_PKEY> pkey(
      EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()),
      EVP_PKEY_free);
  if (!pkey) return OpenSslError("loading ed25519 seed");
  std::array<uint8_t, kEd25519PublicKeyBytes> pub{};
  size_t len = pub.size();
  if (EVP_PKEY_get_raw_public_key(pkey.get(), pub.data(), &len) != 1 || len != pub.size()) {
    return OpenSslError("deriving ed25519 public key");
  }
  return Ed25519PrivateKey(std::move(pkey), Ed25519PublicKey(pub));
}

SecretBytes Ed25519PrivateKey::ExportSeed() const {
  SecretBytes seed(kEd25519SeedBytes);
  size_t len = seed.size();
  if (EVP_PKEY_get_raw_private_key(pkey_.get(), seed.data(), &len) != 1 || len != seed.size()) {
    // The key was created from a raw seed, so reading it back cannot fail short of memory
    // corruption.
    internal::FatalOpenSslError("EVP_PKEY_get_raw_private_key(ed25519)");
  }
  return seed;
}

Result<Bytes> Ed25519PrivateKey::Sign(std::span<const uint8_t> message) const {
  internal::UniqueEvpMdCtx ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, pkey_.get()) != 1) {
    return OpenSslError("ed25519 sign init");
  }
  Bytes signature(kEd25519SignatureBytes);
  size_t len = signature.size();
  if (EVP_DigestSign(ctx.get(), signature.data(), &len, message.data(), message.size()) != 1 ||
      len != signature.size()) {
    return OpenSslError("ed25519 sign");
  }
  return signature;
}

}  // namespace palyra::crypto
