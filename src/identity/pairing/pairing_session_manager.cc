#include "identity/pairing/pairing_session_manager.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "common/time.h"
#include "common/ulid.h"
#include "crypto/ed25519.h"
#include "crypto/hash.h"
#include "crypto/random.h"
#include "crypto/x25519.h"

namespace palyra::identity {
namespace {

PairingSessionLimits Normalize(PairingSessionLimits limits) {
  limits.max_starts_per_window = std::max<size_t>(limits.max_starts_per_window, 1);
  limits.start_window_ms = std::max<int64_t>(limits.start_window_ms, 1);
  limits.max_active_sessions = std::max<size_t>(limits.max_active_sessions, 1);
  limits.session_ttl_ms = std::max<int64_t>(limits.session_ttl_ms, 1);
  return limits;
}

int64_t SaturatingAdd(int64_t a, int64_t b) {
  int64_t out = 0;
  if (__builtin_add_overflow(a, b, &out))
    return b > 0 ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min();
  return out;
}

PairingFailure Fail(PairingError error, Status status) {
  PairingFailure failure;
  failure.kind = error;
  failure.status = std::move(status);
  return failure;
}

PairingFailure SessionNotFound() {
  return Fail(PairingError::kSessionNotFound,
              NotFound("pairing session not found: it is unknown, was already used, or expired; "
                       "start a new pairing session"));
}

// Both comparisons always run (no short-circuit), each in time independent of the contents.
bool ProofMatches(std::string_view presented, std::string_view expected,
                  std::string_view session_code) {
  bool matches_expected = crypto::ConstantTimeEquals(presented, expected);
  bool matches_session = crypto::ConstantTimeEquals(presented, session_code);
  return matches_expected & matches_session;
}

}  // namespace

struct PairingSessionManager::FixedMaterial {
  std::string session_id;
  std::span<const uint8_t> gateway_ephemeral_secret;
  PairingChallenge challenge;
};

PairingSessionManager::PairingSessionManager() : PairingSessionManager(Options{}) {}

PairingSessionManager::PairingSessionManager(Options options)
    : clock_(options.clock ? std::move(options.clock) : Clock(&NowUnixMs)),
      limits_(Normalize(options.limits)),
      is_device_revoked_(std::move(options.is_device_revoked)) {}

void PairingSessionManager::EraseLocked(SessionMap::iterator it) {
  expiries_.erase(it->second.expiry);
  sessions_.erase(it);
}

void PairingSessionManager::PruneExpiredLocked(int64_t now, std::string_view keep_session_id) {
  auto it = expiries_.begin();
  while (it != expiries_.end() && it->first <= now) {
    if (it->second == keep_session_id) {
      ++it;
      continue;
    }
    auto next = std::next(it);
    sessions_.erase(it->second);
    expiries_.erase(it);
    it = next;
  }
}

Result<PairingSession, PairingFailure> PairingSessionManager::Start(ClientKind client_kind,
                                                           PairingMethod method) {
  return StartImpl(client_kind, std::move(method), nullptr);
}

Result<PairingSession, PairingFailure> PairingSessionManager::StartWithKeyMaterialForTesting(
    ClientKind client_kind, PairingMethod method, std::string session_id,
    std::span<const uint8_t> gateway_ephemeral_secret, const PairingChallenge& challenge) {
  FixedMaterial fixed{std::move(session_id), gateway_ephemeral_secret, challenge};
  return StartImpl(client_kind, std::move(method), &fixed);
}

Result<PairingSession, PairingFailure> PairingSessionManager::StartImpl(ClientKind client_kind,
                                                               PairingMethod method,
                                                               const FixedMaterial* fixed) {
  const int64_t now = clock_();
  std::lock_guard<std::mutex> lock(mu_);

  // 1-2. Forget expired sessions and starts that left the window.
  PruneExpiredLocked(now, {});
  const int64_t window = limits_.start_window_ms;
  std::erase_if(start_history_, [&](int64_t ts) { return now - ts >= window; });

  // 3. Rate limit.
  if (start_history_.size() >= limits_.max_starts_per_window) {
    PairingFailure failure =
        Fail(PairingError::kSessionRateLimited,
             ResourceExhausted("too many pairing sessions started: at most " +
                               std::to_string(limits_.max_starts_per_window) + " per " +
                               std::to_string(window) + " ms; retry later"));
    failure.limit = limits_.max_starts_per_window;
    failure.window_ms = window;
    return failure;
  }
  // 4. Capacity.
  if (sessions_.size() >= limits_.max_active_sessions) {
    PairingFailure failure =
        Fail(PairingError::kSessionCapacityExceeded,
             ResourceExhausted("too many active pairing sessions (limit " +
                               std::to_string(limits_.max_active_sessions) +
                               "); retry once some have completed or expired"));
    failure.limit = limits_.max_active_sessions;
    return failure;
  }
  // 5. Method.
  if (Status valid = method.Validate(); !valid.ok()) {
    return Fail(PairingError::kInvalidPairingProof, std::move(valid));
  }

  // 6. Create.
  StoredSession stored;
  PairingSession& session = stored.session;
  crypto::SecretBytes secret;
  if (fixed != nullptr) {
    if (fixed->session_id.empty() || sessions_.count(fixed->session_id) != 0) {
      return Fail(PairingError::kInvalidArgument,
                  InvalidArgument("test session id is empty or already in use"));
    }
    if (fixed->gateway_ephemeral_secret.size() != crypto::kX25519KeyBytes) {
      return Fail(PairingError::kInvalidArgument,
                  InvalidArgument("gateway ephemeral X25519 secret must be 32 bytes"));
    }
    session.session_id = fixed->session_id;
    secret = crypto::SecretBytes(fixed->gateway_ephemeral_secret);
    session.challenge = fixed->challenge;
  } else {
    session.session_id = NewUlid();
    if (sessions_.count(session.session_id) != 0) {
      // NewUlid is strictly increasing within the process; this cannot happen.
      return Fail(PairingError::kInternal, Internal("pairing session id collision"));
    }
    secret = crypto::RandomSecretBytes(crypto::kX25519KeyBytes);
    crypto::RandomFill(session.challenge);
  }
  auto key = crypto::X25519PrivateKey::FromBytes(secret);
  if (!key.ok()) {
    return Fail(PairingError::kInternal,
                key.status().WithContext("creating the gateway's ephemeral pairing key"));
  }
  session.protocol_version = kPairingProtocolVersion;
  session.client_kind = client_kind;
  session.method = std::move(method);
  session.gateway_ephemeral_public = key->PublicKey();
  session.expires_at_unix_ms = SaturatingAdd(now, limits_.session_ttl_ms);
  stored.gateway_ephemeral_key = std::move(*key);

  PairingSession result = session;
  std::string id = session.session_id;
  stored.expiry = expiries_.emplace(session.expires_at_unix_ms, id);
  sessions_.emplace(std::move(id), std::move(stored));
  start_history_.push_back(now);
  return result;
}

Result<VerifiedPairing, PairingFailure> PairingSessionManager::Verify(const DeviceHello& hello,
                                                             std::string_view expected_proof) {
  return Verify(hello, expected_proof, clock_());
}

Result<VerifiedPairing, PairingFailure> PairingSessionManager::Verify(const DeviceHello& hello,
                                                             std::string_view expected_proof,
                                                             int64_t now) {
  // 2. Device id.
  if (Status id = ValidateCanonicalUlid(hello.device_id, "device_id"); !id.ok()) {
    return Fail(PairingError::kInvalidCanonicalDeviceId, std::move(id));
  }
  // 3. Revocation.
  RevocationCheck is_revoked;
  {
    std::lock_guard<std::mutex> lock(mu_);
    is_revoked = is_device_revoked_;
  }
  if (is_revoked && is_revoked(hello.device_id)) {
    return Fail(PairingError::kDeviceRevoked,
                PermissionDenied("device " + hello.device_id +
                                 " is revoked and cannot pair; an operator must clear the "
                                 "revocation first"));
  }

  StoredSession taken;
  {
    std::lock_guard<std::mutex> lock(mu_);
    // 1. Other expired sessions.
    PruneExpiredLocked(now, hello.session_id);
    // 4. Lookup.
    auto it = sessions_.find(hello.session_id);
    if (it == sessions_.end()) return SessionNotFound();
    const PairingSession& session = it->second.session;
    // 5. Expiry (inclusive).
    if (now >= session.expires_at_unix_ms) {
      int64_t expired_at = session.expires_at_unix_ms;
      EraseLocked(it);
      return Fail(PairingError::kSessionExpired,
                  FailedPrecondition("pairing session expired at " + FormatRfc3339Ms(expired_at) +
                                     "; start a new pairing session"));
    }
    // A pairing session is single use: every hello that reaches it spends it, whatever the
    // outcome, so a wrong guess of version or kind cannot be followed by a corrected one. The
    // crypto below then runs without the lock, and no concurrent Verify can use the session.
    taken = std::move(it->second);
    EraseLocked(it);
  }
  const PairingSession& session = taken.session;

  // 6. Exact version.
  if (hello.protocol_version != session.protocol_version) {
    PairingFailure failure =
        Fail(PairingError::kVersionMismatch,
             InvalidArgument("pairing protocol version mismatch: expected " +
                             std::to_string(session.protocol_version) + ", got " +
                             std::to_string(hello.protocol_version)));
    failure.expected_version = session.protocol_version;
    failure.got_version = hello.protocol_version;
    return failure;
  }
  // 7. Client kind.
  if (hello.client_kind != session.client_kind) {
    return Fail(PairingError::kClientKindMismatch,
                InvalidArgument("pairing client kind mismatch: the session was started for " +
                                std::string(ClientKindName(session.client_kind)) +
                                ", the hello says " + std::string(ClientKindName(hello.client_kind))));
  }

  // 8. Proof.
  if (!ProofMatches(hello.proof, expected_proof, session.method.secret())) {
    return Fail(PairingError::kInvalidPairingProof,
                Unauthenticated("invalid pairing proof: the code does not match this pairing "
                                "session; the session is closed, start a new one"));
  }

  // 9. Signature over the payload rebuilt from the session's own challenge and key.
  auto signing_key = crypto::Ed25519PublicKey::FromBytes(hello.device_signing_public);
  if (!signing_key.ok()) {
    return Fail(PairingError::kSignatureVerificationFailed,
                Unauthenticated("device signing public key is not acceptable: " +
                                signing_key.status().message()));
  }
  crypto::Bytes payload = BuildSignedPayload(session.protocol_version, session.session_id,
                                             session.challenge, session.gateway_ephemeral_public,
                                             hello.device_id, session.client_kind, hello.proof);
  Status signature = signing_key->Verify(payload, hello.challenge_signature);
  crypto::SecureZero(payload.data(), payload.size());  // it contains the proof
  if (!signature.ok()) {
    return Fail(PairingError::kSignatureVerificationFailed,
                Unauthenticated("device signature over the pairing challenge does not verify: " +
                                signature.message()));
  }

  // 10. Transcript MAC.
  const crypto::X25519PrivateKey& gateway_key = *taken.gateway_ephemeral_key;
  crypto::Bytes context = BuildTranscriptContext(session.session_id, session.protocol_version,
                                                 hello.device_id, session.client_kind);
  auto mac =
      ComputeTranscriptMac(gateway_key, hello.device_x25519_public, session.challenge, context);
  if (!mac.ok()) {
    return Fail(
        PairingError::kTranscriptVerificationFailed,
        Unauthenticated("pairing transcript cannot be verified: " + mac.status().message()));
  }
  if (!crypto::ConstantTimeEquals(*mac, hello.transcript_mac)) {
    return Fail(PairingError::kTranscriptVerificationFailed,
                Unauthenticated("pairing transcript MAC does not match: the device and gateway "
                                "did not derive the same key"));
  }

  // 11. Success.
  VerifiedPairing verified;
  verified.device_id = hello.device_id;
  verified.client_kind = session.client_kind;
  verified.identity_fingerprint = signing_key->FingerprintHex();
  verified.signing_public_key_hex = signing_key->Hex();
  verified.transcript_hash_hex = TranscriptHashHex(hello.transcript_mac);
  return verified;
}

bool PairingSessionManager::Cancel(std::string_view session_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(session_id);
  if (it == sessions_.end()) return false;
  EraseLocked(it);
  return true;
}

void PairingSessionManager::SetRateLimit(size_t max_starts_per_window, int64_t start_window_ms) {
  std::lock_guard<std::mutex> lock(mu_);
  PairingSessionLimits limits = limits_;
  limits.max_starts_per_window = max_starts_per_window;
  limits.start_window_ms = start_window_ms;
  limits_ = Normalize(limits);
}

void PairingSessionManager::SetRevocationCheck(RevocationCheck is_device_revoked) {
  std::lock_guard<std::mutex> lock(mu_);
  is_device_revoked_ = std::move(is_device_revoked);
}

PairingSessionLimits PairingSessionManager::limits() const {
  std::lock_guard<std::mutex> lock(mu_);
  return limits_;
}

size_t PairingSessionManager::ActiveSessionCount() const {
  std::lock_guard<std::mutex> lock(mu_);
  return sessions_.size();
}

size_t PairingSessionManager::RecentStartCount() const {
  std::lock_guard<std::mutex> lock(mu_);
  return start_history_.size();
}

}  // namespace palyra::identity
