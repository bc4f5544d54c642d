#pragma once
// Pairing handshake v1: the byte-exact messages a device and the gateway exchange to prove the
// device holds its keys and knows the pairing code (spec "Pairing handshake (library)").
//
// The gateway starts a session with an ephemeral X25519 key and a random challenge. The device
// answers with a DeviceHello:
//   signed payload = "palyra-pairing-v1" || u32le(version) || session_id || challenge
//                    || gateway_ephemeral_public || device_id || client_kind || proof
//   challenge_signature = Ed25519(device signing key, signed payload)
//   context        = "palyra-mtls-transcript-v1" || session_id || u32le(version) || device_id
//                    || client_kind
//   transcript_mac = HKDF-SHA256(salt = challenge,
//                                IKM = X25519(device static secret, gateway ephemeral public),
//                                info = context, L = 32)
// Strings are concatenated as UTF-8 with no separators or length prefixes, exactly as upstream
// does, so that its clients interoperate. The gateway side lives in identity/pairing/pairing_session_manager.h.

#include <array>
#include <cstdint>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>

#include "common/status.h"
#include "crypto/bytes.h"
#include "crypto/x25519.h"
#include "identity/device_identity.h"
#include "identity/pairing_method.h"

namespace palyra::identity {

inline constexpr uint32_t kPairingProtocolVersion = 1;
inline constexpr std::string_view kPairingSignedPayloadPrefix = "palyra-pairing-v1";
inline constexpr std::string_view kPairingTranscriptContextPrefix = "palyra-mtls-transcript-v1";

inline constexpr size_t kPairingKeyBytes = 32;
inline constexpr size_t kPairingChallengeBytes = 32;
inline constexpr size_t kPairingSignatureBytes = 64;
inline constexpr size_t kPairingMacBytes = 32;

using PairingKey = std::array<uint8_t, kPairingKeyBytes>;
using PairingChallenge = std::array<uint8_t, kPairingChallengeBytes>;
using PairingSignature = std::array<uint8_t, kPairingSignatureBytes>;
using PairingMac = std::array<uint8_t, kPairingMacBytes>;

// The public part of a gateway pairing session: what the gateway hands the device. `method`
// holds the pairing code the session was started with (a secret; DebugString() redacts it).
struct PairingSession {
  std::string session_id;
  uint32_t protocol_version = kPairingProtocolVersion;
  ClientKind client_kind = ClientKind::kNode;
  PairingMethod method = PairingMethod::Pin("");
  PairingKey gateway_ephemeral_public{};
  PairingChallenge challenge{};
  int64_t expires_at_unix_ms = 0;

  // Lengths and public metadata only, e.g. "PairingSession{session_id=..., protocol_version=1,
  // client_kind=node, method=PairingMethod::Pin{code_len=6}, gateway_ephemeral_public_len=32,
  // challenge_len=32, expires_at_unix_ms=...}".
  std::string DebugString() const;
};

// The device's answer.
struct DeviceHello {
  std::string session_id;
  uint32_t protocol_version = kPairingProtocolVersion;
  std::string device_id;
  ClientKind client_kind = ClientKind::kNode;
  std::string proof;  // the PIN or QR token; secret
  PairingKey device_signing_public{};
  PairingKey device_x25519_public{};
  PairingSignature challenge_signature{};
  PairingMac transcript_mac{};

  // Builds a hello from wire fields (proto bytes), checking the fixed lengths 32/32/64/32;
  // INVALID_ARGUMENT naming the field otherwise. No other validation: that is Verify's job.
  static Result<DeviceHello> FromWire(std::string session_id, uint32_t protocol_version,
                                      std::string device_id, ClientKind client_kind,
                                      std::string proof,
                                      std::span<const uint8_t> device_signing_public,
                                      std::span<const uint8_t> device_x25519_public,
                                      std::span<const uint8_t> challenge_signature,
                                      std::span<const uint8_t> transcript_mac);

  // Ids, version, kind and lengths only: "proof_len=6", "challenge_signature=<redacted>",
  // "transcript_mac=<redacted>".
  std::string DebugString() const;
};

// What a successful verification establishes.
struct VerifiedPairing {
  std::string device_id;
  ClientKind client_kind = ClientKind::kNode;
  std::string identity_fingerprint;    // hex SHA-256 of the Ed25519 public key
  std::string signing_public_key_hex;  // hex of the Ed25519 public key
  std::string transcript_hash_hex;     // hex SHA-256 of the transcript MAC
};

std::ostream& operator<<(std::ostream& os, const PairingSession& session);
std::ostream& operator<<(std::ostream& os, const DeviceHello& hello);

// "palyra-pairing-v1" || u32le(version) || session_id || challenge || gateway_ephemeral_public
// || device_id || client_kind || proof.
crypto::Bytes BuildSignedPayload(uint32_t protocol_version, std::string_view session_id,
                                 const PairingChallenge& challenge,
                                 const PairingKey& gateway_ephemeral_public,
                                 std::string_view device_id, ClientKind client_kind,
                                 std::string_view proof);

// "palyra-mtls-transcript-v1" || session_id || u32le(version) || device_id || client_kind.
crypto::Bytes BuildTranscriptContext(std::string_view session_id, uint32_t protocol_version,
                                     std::string_view device_id, ClientKind client_kind);

// HKDF-SHA256(salt = challenge, IKM = X25519(own_secret, peer_public), info = context, L = 32).
// Symmetric: the device passes its static key and the gateway's ephemeral public key, the
// gateway its ephemeral key and the device's static public key. INVALID_ARGUMENT when
// `peer_public` or `challenge` is not 32 bytes, or `peer_public` is a low-order point.
Result<PairingMac> ComputeTranscriptMac(const crypto::X25519PrivateKey& own_secret,
                                        std::span<const uint8_t> peer_public,
                                        std::span<const uint8_t> challenge,
                                        std::span<const uint8_t> context);

// Lowercase hex SHA-256 of the transcript MAC.
std::string TranscriptHashHex(std::span<const uint8_t> transcript_mac);
// Lowercase hex SHA-256 of an Ed25519 public key (any bytes; no point validation).
std::string IdentityFingerprintHex(std::span<const uint8_t> ed25519_public_key);

// The device side: signs the payload and computes the MAC for `session` with `proof` (the PIN
// or token the user entered). FAILED_PRECONDITION when the session speaks a protocol version
// other than kPairingProtocolVersion (this code only knows v1); INVALID_ARGUMENT for an empty
// session id or proof, or a low-order gateway key.
Result<DeviceHello> BuildDeviceHello(const DeviceIdentity& identity, const PairingSession& session,
                                     std::string_view proof);

}  // namespace palyra::identity
