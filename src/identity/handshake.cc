#include "identity/handshake.h"

#include <algorithm>
#include <ostream>
#include <utility>

#include "crypto/hash.h"

namespace palyra::identity {
namespace {

void AppendText(crypto::Bytes& out, std::string_view text) {
  out.insert(out.end(), text.begin(), text.end());
}

void AppendBytes(crypto::Bytes& out, std::span<const uint8_t> bytes) {
  out.insert(out.end(), bytes.begin(), bytes.end());
}

void AppendU32Le(crypto::Bytes& out, uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) {
    out.push_back(static_cast<uint8_t>((value >> shift) & 0xFF));
  }
}

template <size_t N>
Status CopyFixed(std::span<const uint8_t> from, std::array<uint8_t, N>& to,
                 std::string_view field) {
  if (from.size() != N) {
    return InvalidArgument(std::string(field) + " must be " + std::to_string(N) + " bytes (got " +
                           std::to_string(from.size()) + ")");
  }
  std::copy(from.begin(), from.end(), to.begin());
  return Status::Ok();
}

}  // namespace

Result<DeviceHello> DeviceHello::FromWire(std::string session_id, uint32_t protocol_version,
                                          std::string device_id, ClientKind client_kind,
                                          std::string proof,
                                          std::span<const uint8_t> device_signing_public,
                                          std::span<const uint8_t> device_x25519_public,
                                          std::span<const uint8_t> challenge_signature,
                                          std::span<const uint8_t> transcript_mac) {
  DeviceHello hello;
  PALYRA_RETURN_IF_ERROR(
      CopyFixed(device_signing_public, hello.device_signing_public, "device_signing_public"));
  PALYRA_RETURN_IF_ERROR(
      CopyFixed(device_x25519_public, hello.device_x25519_public, "device_x25519_public"));
  PALYRA_RETURN_IF_ERROR(
      CopyFixed(challenge_signature, hello.challenge_signature, "challenge_signature"));
  PALYRA_RETURN_IF_ERROR(CopyFixed(transcript_mac, hello.transcript_mac, "transcript_mac"));
  hello.session_id = std::move(session_id);
  hello.protocol_version = protocol_version;
  hello.device_id = std::move(device_id);
  hello.client_kind = client_kind;
  hello.proof = std::move(proof);
  return hello;
}

std::string PairingSession::DebugString() const {
  return "PairingSession{session_id=" + session_id +
         ", protocol_version=" + std::to_string(protocol_version) +
         ", client_kind=" + std::string(ClientKindName(client_kind)) +
         ", method=" + method.DebugString() +
         ", gateway_ephemeral_public_len=" + std::to_string(gateway_ephemeral_public.size()) +
         ", challenge_len=" + std::to_string(challenge.size()) +
         ", expires_at_unix_ms=" + std::to_string(expires_at_unix_ms) + "}";
}

std::string DeviceHello::DebugString() const {
  return "DeviceHello{session_id=" + session_id +
         ", protocol_version=" + std::to_string(protocol_version) + ", device_id=" + device_id +
         ", client_kind=" + std::string(ClientKindName(client_kind)) +
         ", proof_len=" + std::to_string(proof.size()) +
         ", device_signing_public_len=" + std::to_string(device_signing_public.size()) +
         ", device_x25519_public_len=" + std::to_string(device_x25519_public.size()) +
         ", challenge_signature=<redacted>, transcript_mac=<redacted>}";
}

std::ostream& operator<<(std::ostream& os, const PairingSession& session) {
  return os << session.DebugString();
}

std::ostream& operator<<(std::ostream& os, const DeviceHello& hello) {
  return os << hello.DebugString();
}

crypto::Bytes BuildSignedPayload(uint32_t protocol_version, std::string_view session_id,
                                 const PairingChallenge& challenge,
                                 const PairingKey& gateway_ephemeral_public,
                                 std::string_view device_id, ClientKind client_kind,
                                 std::string_view proof) {
  std::string_view kind = ClientKindName(client_kind);
  crypto::Bytes out;
  out.reserve(kPairingSignedPayloadPrefix.size() + 4 + session_id.size() + challenge.size() +
              gateway_ephemeral_public.size() + device_id.size() + kind.size() + proof.size());
  AppendText(out, kPairingSignedPayloadPrefix);
  AppendU32Le(out, protocol_version);
  AppendText(out, session_id);
  AppendBytes(out, challenge);
  AppendBytes(out, gateway_ephemeral_public);
  AppendText(out, device_id);
  AppendText(out, kind);
  AppendText(out, proof);
  return out;
}

crypto::Bytes BuildTranscriptContext(std::string_view session_id, uint32_t protocol_version,
                                     std::string_view device_id, ClientKind client_kind) {
  std::string_view kind = ClientKindName(client_kind);
  crypto::Bytes out;
  out.reserve(kPairingTranscriptContextPrefix.size() + session_id.size() + 4 + device_id.size() +
              kind.size());
  AppendText(out, kPairingTranscriptContextPrefix);
  AppendText(out, session_id);
  AppendU32Le(out, protocol_version);
  AppendText(out, device_id);
  AppendText(out, kind);
  return out;
}

Result<PairingMac> ComputeTranscriptMac(const crypto::X25519PrivateKey& own_secret,
                                        std::span<const uint8_t> peer_public,
                                        std::span<const uint8_t> challenge,
                                        std::span<const uint8_t> context) {
  if (peer_public.size() != kPairingKeyBytes) {
    return InvalidArgument("transcript peer X25519 public key must be 32 bytes (got " +
                           std::to_string(peer_public.size()) + ")");
  }
  if (challenge.size() != kPairingChallengeBytes) {
    return InvalidArgument("pairing challenge must be 32 bytes (got " +
                           std::to_string(challenge.size()) + ")");
  }
  PALYRA_ASSIGN_OR_RETURN(crypto::SecretBytes shared, own_secret.Ecdh(peer_public));
  PALYRA_ASSIGN_OR_RETURN(crypto::SecretBytes okm,
                          crypto::HkdfSha256(challenge, shared, context, kPairingMacBytes));
  PairingMac mac{};
  std::copy(okm.begin(), okm.end(), mac.begin());
  return mac;
}

std::string TranscriptHashHex(std::span<const uint8_t> transcript_mac) {
  return crypto::Sha256Hex(transcript_mac);
}

std::string IdentityFingerprintHex(std::span<const uint8_t> ed25519_public_key) {
  return crypto::Sha256Hex(ed25519_public_key);
}

Result<DeviceHello> BuildDeviceHello(const DeviceIdentity& identity, const PairingSession& session,
                                     std::string_view proof) {
  if (session.protocol_version != kPairingProtocolVersion) {
    return FailedPrecondition(
        "pairing session uses protocol version " + std::to_string(session.protocol_version) +
        ", but this client speaks only version " + std::to_string(kPairingProtocolVersion));
  }
  if (session.session_id.empty()) return InvalidArgument("pairing session_id is required");
  if (proof.empty()) return InvalidArgument("pairing proof (PIN or QR token) is required");

  DeviceHello hello;
  hello.session_id = session.session_id;
  hello.protocol_version = session.protocol_version;
  hello.device_id = identity.device_id();
  hello.client_kind = session.client_kind;
  hello.proof = std::string(proof);
  hello.device_signing_public = identity.signing_public_key().bytes();
  hello.device_x25519_public = identity.x25519_public_key();

  crypto::Bytes payload = BuildSignedPayload(hello.protocol_version, hello.session_id,
                                             session.challenge, session.gateway_ephemeral_public,
                                             hello.device_id, hello.client_kind, hello.proof);
  auto signature = identity.signing_key().Sign(payload);
  crypto::SecureZero(payload.data(), payload.size());  // it contains the proof
  if (!signature.ok()) return signature.status().WithContext("signing the pairing challenge");
  PALYRA_RETURN_IF_ERROR(
      CopyFixed(*signature, hello.challenge_signature, "ed25519 challenge signature"));

  crypto::Bytes context = BuildTranscriptContext(hello.session_id, hello.protocol_version,
                                                 hello.device_id, hello.client_kind);
  auto mac = ComputeTranscriptMac(identity.x25519_key(), session.gateway_ephemeral_public,
                                  session.challenge, context);
  if (!mac.ok()) return mac.status().WithContext("computing the pairing transcript MAC");
  hello.transcript_mac = *mac;
  return hello;
}

}  // namespace palyra::identity
