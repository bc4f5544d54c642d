#pragma once
// A device's long-lived identity: its canonical device id, an Ed25519 signing key (signs the
// pairing challenge) and a static X25519 key (binds the pairing transcript).
//
// On disk it is JSON {"device_id", "signing_key_b64", "x25519_secret_b64"}: the 32-byte Ed25519
// seed and the 32-byte X25519 secret in standard base64 without padding, written 0600 by atomic
// replace into a 0700 directory. The id and public keys may be logged; the secrets never are
// (DebugString() and operator<< show the id and fingerprint only).

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/status.h"
#include "crypto/bytes.h"
#include "crypto/ed25519.h"
#include "crypto/x25519.h"

namespace palyra::identity {

// identity.json is ~170 bytes; anything far larger is not one.
inline constexpr size_t kMaxDeviceIdentityFileBytes = 4096;

class DeviceIdentity {
 public:
  // Fresh random keys for `device_id`, which must be a canonical ULID (INVALID_ARGUMENT
  // "device_id must be a canonical ULID" otherwise).
  static Result<DeviceIdentity> Generate(std::string device_id);
  // Fixed key material (loading, tests, test vectors): a 32-byte Ed25519 seed and a 32-byte
  // X25519 secret. INVALID_ARGUMENT for a non-canonical id or a wrong length.
  static Result<DeviceIdentity> FromKeyMaterial(std::string device_id,
                                                std::span<const uint8_t> signing_seed,
                                                std::span<const uint8_t> x25519_secret);

  // Reads and validates an identity file written by Save(). Every problem is a specific error:
  //   NOT_FOUND / PERMISSION_DENIED   the file cannot be opened
  //   INVALID_ARGUMENT                larger than kMaxDeviceIdentityFileBytes, not JSON, not an
  //                                   object, a missing or non-string field, a non-canonical
  //                                   device_id, bad base64, or a key that is not 32 bytes
  //   FAILED_PRECONDITION             `expected_device_id` given and the file holds another id
  static Result<DeviceIdentity> Load(const std::filesystem::path& path,
                                     std::optional<std::string_view> expected_device_id = {});
  // Creates the parent directory 0700 if needed (tightening an existing one) and atomically
  // writes the file with mode 0600.
  Status Save(const std::filesystem::path& path) const;

  const std::string& device_id() const { return device_id_; }
  const crypto::Ed25519PrivateKey& signing_key() const { return signing_key_; }
  const crypto::X25519PrivateKey& x25519_key() const { return x25519_key_; }
  const crypto::Ed25519PublicKey& signing_public_key() const { return signing_key_.PublicKey(); }
  const crypto::X25519PublicKey& x25519_public_key() const { return x25519_key_.PublicKey(); }
  // Lowercase hex SHA-256 of the Ed25519 public key (the spec's identity fingerprint).
  std::string FingerprintHex() const { return signing_public_key().FingerprintHex(); }

  // "DeviceIdentity{device_id=..., fingerprint=...}". No key material.
  std::string DebugString() const;

 private:
  DeviceIdentity(std::string device_id, crypto::Ed25519PrivateKey signing_key,
                 crypto::X25519PrivateKey x25519_key)
      : device_id_(std::move(device_id)),
        signing_key_(std::move(signing_key)),
        x25519_key_(std::move(x25519_key)) {}

  std::string device_id_;
  crypto::Ed25519PrivateKey signing_key_;
  crypto::X25519PrivateKey x25519_key_;
};

std::ostream& operator<<(std::ostream& os, const DeviceIdentity& identity);

}  // namespace palyra::identity
