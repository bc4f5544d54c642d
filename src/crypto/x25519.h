#pragma once
// X25519 key agreement (device static keys, the gateway's ephemeral pairing key).

#include <array>
#include <cstdint>
#include <memory>
#include <span>

#include "common/status.h"
#include "crypto/bytes.h"

struct evp_pkey_st;

namespace palyra::crypto {

inline constexpr size_t kX25519KeyBytes = 32;
using X25519PublicKey = std::array<uint8_t, kX25519KeyBytes>;

// Immutable after construction; copies share the underlying key.
class X25519PrivateKey {
 public:
  static Result<X25519PrivateKey> Generate();
  // RFC 7748 scalar as 32 raw bytes (clamped by X25519 itself, so any 32 bytes are valid).
  static Result<X25519PrivateKey> FromBytes(std::span<const uint8_t> secret);

  // The raw 32 bytes, for persistence.
  SecretBytes Export() const;
  const X25519PublicKey& PublicKey() const { return public_key_; }

  // The 32-byte shared secret with `peer_public`. INVALID_ARGUMENT when the peer key is not 32
  // bytes or is a low-order point, i.e. when the result would be all zeros and so carry no
  // contribution from our key (RFC 7748 §6.1's check, plus an explicit blocklist).
  Result<SecretBytes> Ecdh(std::span<const uint8_t> peer_public) const;

 private:
  X25519PrivateKey(std::shared_ptr<evp_pkey_st> pkey, const X25519PublicKey& public_key)
      : pkey_(std::move(pkey)), public_key_(public_key) {}
  std::shared_ptr<evp_pkey_st> pkey_;
  X25519PublicKey public_key_;
};

}  // namespace palyra::crypto
