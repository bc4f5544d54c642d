#pragma once
// Ed25519 signing keys (device identity, pairing challenge signatures).
//
// Verification is strict, beyond what RFC 8032 requires and what OpenSSL checks on its own:
// non-canonical encodings, small-order public keys and R values, and unreduced S are rejected
// explicitly. This closes the malleability and "signature valid for every message" tricks that
// small-order keys allow, independently of the OpenSSL version underneath.

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "common/status.h"
#include "crypto/bytes.h"

struct evp_pkey_st;

namespace palyra::crypto {

inline constexpr size_t kEd25519SeedBytes = 32;
inline constexpr size_t kEd25519PublicKeyBytes = 32;
inline constexpr size_t kEd25519SignatureBytes = 64;

class Ed25519PublicKey {
 public:
  // INVALID_ARGUMENT unless `bytes` is 32 bytes, canonically encoded (y < p) and not one of the
  // small-order points (in any encoding).
  static Result<Ed25519PublicKey> FromBytes(std::span<const uint8_t> bytes);

  const std::array<uint8_t, kEd25519PublicKeyBytes>& bytes() const { return bytes_; }
  std::string Hex() const { return HexEncode(bytes_); }
  // Lowercase hex SHA-256 of the 32 key bytes: the spec's "identity fingerprint".
  std::string FingerprintHex() const;

  // OK, or INVALID_ARGUMENT naming the reason: wrong signature length, non-canonical or
  // small-order R, S >= L, or "ed25519 signature does not verify".
  Status Verify(std::span<const uint8_t> message, std::span<const uint8_t> signature) const;

  friend bool operator==(const Ed25519PublicKey&, const Ed25519PublicKey&) = default;

 private:
  friend class Ed25519PrivateKey;
  explicit Ed25519PublicKey(const std::array<uint8_t, kEd25519PublicKeyBytes>& bytes)
      : bytes_(bytes) {}
  std::array<uint8_t, kEd25519PublicKeyBytes> bytes_;
};

// Convenience: FromBytes(public_key) then Verify.
Status Ed25519Verify(std::span<const uint8_t> public_key, std::span<const uint8_t> message,
                     std::span<const uint8_t> signature);

// Immutable after construction; copies share the underlying key.
class Ed25519PrivateKey {
 public:
  static Result<Ed25519PrivateKey> Generate();
  // RFC 8032 private key = 32-byte seed. INVALID_ARGUMENT for any other length.
  static Result<Ed25519PrivateKey> FromSeed(std::span<const uint8_t> seed);

  // The seed, for persistence (identity.json stores it base64 without padding).
  SecretBytes ExportSeed() const;
  const Ed25519PublicKey& PublicKey() const { return public_key_; }
  // 64-byte RFC 8032 signature.
  Result<Bytes> Sign(std::span<const uint8_t> message) const;

 private:
  Ed25519PrivateKey(std::shared_ptr<evp_pkey_st> pkey, Ed25519PublicKey public_key)
      : pkey_(std::move(pkey)), public_key_(public_key) {}
  std::shared_ptr<evp_pkey_st> pkey_;
  Ed25519PublicKey public_key_;
};

}  // namespace palyra::crypto
