#pragma once
// Authenticated encryption with associated data: AES-256-GCM and ChaCha20-Poly1305, 32-byte keys,
// 12-byte nonces, 16-byte tags. The secret store uses ChaCha20-Poly1305 ("IDS1" || nonce ||
// ciphertext || tag, spec §9).
//
// Seal draws a fresh random nonce per message and prepends it: with 96-bit random nonces a key is
// safe for about 2^32 messages, far beyond any Palyra key's use. Open is all-or-nothing: any
// change to nonce, ciphertext, tag or AAD gives INVALID_ARGUMENT and no plaintext at all.

#include <cstdint>
#include <span>

#include "common/status.h"
#include "crypto/bytes.h"

namespace palyra::crypto {

enum class AeadAlgorithm { kAes256Gcm, kChaCha20Poly1305 };

inline constexpr size_t kAeadKeyBytes = 32;
inline constexpr size_t kAeadNonceBytes = 12;
inline constexpr size_t kAeadTagBytes = 16;

// nonce || ciphertext || tag. INVALID_ARGUMENT for a key that is not 32 bytes.
Result<Bytes> AeadSeal(AeadAlgorithm algorithm, std::span<const uint8_t> key,
                       std::span<const uint8_t> plaintext, std::span<const uint8_t> aad);
// Inverse of AeadSeal. INVALID_ARGUMENT "AEAD authentication failed" on any tampering, or when
// the input is shorter than nonce + tag.
Result<SecretBytes> AeadOpen(AeadAlgorithm algorithm, std::span<const uint8_t> key,
                             std::span<const uint8_t> sealed, std::span<const uint8_t> aad);

// Explicit-nonce forms (ciphertext || tag, no nonce prefix), for known-answer tests and for
// protocols that derive nonces. Never reuse a nonce with the same key: that breaks both
// confidentiality and authenticity.
Result<Bytes> AeadSealWithNonce(AeadAlgorithm algorithm, std::span<const uint8_t> key,
                                std::span<const uint8_t> nonce, std::span<const uint8_t> plaintext,
                                std::span<const uint8_t> aad);
Result<SecretBytes> AeadOpenWithNonce(AeadAlgorithm algorithm, std::span<const uint8_t> key,
                                      std::span<const uint8_t> nonce,
                                      std::span<const uint8_t> ciphertext_and_tag,
                                      std::span<const uint8_t> aad);

}  // namespace palyra::crypto
