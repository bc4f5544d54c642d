#pragma once
// SHA-256, HMAC-SHA256, HKDF-SHA256 and constant-time comparison.
//
// Hashing and HMAC cannot fail except through memory exhaustion, so they return values directly
// (and abort in that case) instead of a Result every caller would have to unwrap.

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "common/status.h"
#include "crypto/bytes.h"

struct evp_md_ctx_st;

namespace palyra::crypto {

inline constexpr size_t kSha256Bytes = 32;
using Sha256Digest = std::array<uint8_t, kSha256Bytes>;

Sha256Digest Sha256(std::span<const uint8_t> data);
// Lowercase hex of the digest: the format of every fingerprint in the spec.
std::string Sha256Hex(std::span<const uint8_t> data);

// Incremental SHA-256 for data that arrives in pieces (a transcript built field by field).
class Sha256Hasher {
 public:
  Sha256Hasher();
  ~Sha256Hasher();
  Sha256Hasher(Sha256Hasher&&) noexcept;
  Sha256Hasher& operator=(Sha256Hasher&&) noexcept;
  Sha256Hasher(const Sha256Hasher&) = delete;
  Sha256Hasher& operator=(const Sha256Hasher&) = delete;

  Sha256Hasher& Update(std::span<const uint8_t> data);
  Sha256Hasher& Update(std::string_view text) { return Update(AsBytes(text)); }
  // Returns the digest and resets the hasher, so it can be reused for a new message.
  Sha256Digest Finish();

 private:
  struct CtxDeleter {
    void operator()(evp_md_ctx_st* ctx) const;
  };
  std::unique_ptr<evp_md_ctx_st, CtxDeleter> ctx_;
};

Sha256Digest HmacSha256(std::span<const uint8_t> key, std::span<const uint8_t> data);

// RFC 5869 extract-and-expand. `length` must be 1..8160 (255 * 32), else INVALID_ARGUMENT.
// An empty salt means the RFC's default (32 zero bytes).
Result<SecretBytes> HkdfSha256(std::span<const uint8_t> salt, std::span<const uint8_t> ikm,
                               std::span<const uint8_t> info, size_t length);

// Compares in time that depends only on the lengths, never on the contents (CRYPTO_memcmp), so
// that comparing a guessed MAC or code leaks nothing about how many leading bytes were right.
// Different lengths compare unequal, after the same amount of work as an equal-length compare.
bool ConstantTimeEquals(std::span<const uint8_t> a, std::span<const uint8_t> b);
inline bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  return ConstantTimeEquals(AsBytes(a), AsBytes(b));
}

}  // namespace palyra::crypto
