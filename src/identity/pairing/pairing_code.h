#pragma once
// Pairing codes as values: how they are drawn, how long they live, and the keyed hash under which
// they are stored (the code itself never is).
//
// A PIN is 6 digits drawn uniformly from the CSPRNG (rejection sampling, no modulo bias). A QR
// token is a ULID whose 80 random bits are all fresh (never the monotonic "+1" of an id minted in
// the same millisecond, which would make a second token guessable from the first).
//
// Stored codes are HMAC-SHA256(code key, "palyra-pairing-code-v1" || 0x00 || method || 0x00 || code), with the 32-byte code key in its
// own 0600 file. A copy of the database alone therefore does not allow an offline search of the
// small PIN space.

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "common/status.h"
#include "crypto/bytes.h"
#include "identity/pairing_method.h"
#include "identity/pairing_records.h"  // PairingCodeHash

namespace palyra::identity {

inline constexpr int64_t kDefaultPairingCodeTtlMs = int64_t{10} * 60 * 1000;      // 10 min
inline constexpr int64_t kMinPairingCodeTtlMs = int64_t{30} * 1000;               // 30 s
inline constexpr int64_t kMaxPairingCodeTtlMs = int64_t{24} * 60 * 60 * 1000;     // 24 h
inline constexpr size_t kPairingCodeKeyBytes = 32;
inline constexpr std::string_view kPairingCodeHashDomain = "palyra-pairing-code-v1";

// 0 or negative: the default; otherwise clamped to [30 s, 24 h].
int64_t ClampPairingCodeTtlMs(int64_t requested_ms);

// A fresh code of the given kind: 6 CSPRNG digits, or a fresh-random ULID.
crypto::SecretString GeneratePairingCode(PairingMethod::Kind kind);

class PairingCodeHasher {
 public:
  // Reads the key at `key_path`, or creates it (32 CSPRNG bytes, 0600, in a 0700 directory) when
  // absent; when two processes create it at once, both end up with the first one's key.
  // FAILED_PRECONDITION when the file is not exactly 32 bytes or is readable by group/other.
  static Result<PairingCodeHasher> LoadOrCreate(const std::filesystem::path& key_path);
  // For tests and tools: a hasher with the given 32-byte key.
  static Result<PairingCodeHasher> FromKey(std::span<const uint8_t> key);

  PairingCodeHash Hash(PairingMethod::Kind kind, std::string_view code) const;

 private:
  explicit PairingCodeHasher(crypto::SecretBytes key) : key_(std::move(key)) {}
  crypto::SecretBytes key_;
};

}  // namespace palyra::identity
