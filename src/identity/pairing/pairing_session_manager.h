#pragma once
// The gateway side of the pairing handshake: short-lived, in-memory, single-use sessions.
//
// Start() opens a session for a client kind and a pairing method (PIN or QR token): a fresh ULID
// session id, an ephemeral X25519 key and a 32-byte random challenge, valid for the session TTL.
// Verify() checks a DeviceHello against its session and, on success, consumes the session and
// returns the device's verified identity.
//
// Differences from upstream (spec §11.15, §11.16): the hello must carry exactly protocol version
// 1 (0 is a mismatch, never upgraded), and a session is dead from the millisecond it expires
// (now >= expires_at) for pruning and verification alike. Proofs and MACs are compared in
// constant time. Thread-safe; the crypto of Verify runs outside the lock.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "crypto/bytes.h"
#include "crypto/x25519.h"
#include "identity/handshake.h"
#include "identity/pairing_method.h"
#include "identity/pairing/pairing_session_error.h"

namespace palyra::identity {

inline constexpr size_t kDefaultMaxPairingStartsPerWindow = 1024;
inline constexpr int64_t kDefaultPairingStartWindowMs = 60'000;
inline constexpr size_t kDefaultMaxActivePairingSessions = 10'000;
inline constexpr int64_t kDefaultPairingSessionTtlMs = 5 * 60'000;

struct PairingSessionLimits {
  // Sliding-window limit on successful starts. Clamped: max >= 1, window >= 1 ms.
  size_t max_starts_per_window = kDefaultMaxPairingStartsPerWindow;
  int64_t start_window_ms = kDefaultPairingStartWindowMs;
  // Clamped to >= 1.
  size_t max_active_sessions = kDefaultMaxActivePairingSessions;
  // Clamped to >= 1 ms.
  int64_t session_ttl_ms = kDefaultPairingSessionTtlMs;
};

class PairingSessionManager {
 public:
  using Clock = std::function<int64_t()>;  // Unix milliseconds
  // True when the device may no longer pair. Called outside the manager's lock.
  using RevocationCheck = std::function<bool(std::string_view device_id)>;

  struct Options {
    PairingSessionLimits limits;
    Clock clock;                        // empty: the real clock (NowUnixMs)
    RevocationCheck is_device_revoked;  // empty: no device is revoked
  };

  PairingSessionManager();
  explicit PairingSessionManager(Options options);
  PairingSessionManager(const PairingSessionManager&) = delete;
  PairingSessionManager& operator=(const PairingSessionManager&) = delete;

  // In order: drop expired sessions; drop start history older than the window; too many starts
  // in the window -> kSessionRateLimited (RESOURCE_EXHAUSTED, naming max and window); too many
  // active sessions -> kSessionCapacityExceeded (RESOURCE_EXHAUSTED, naming the limit); invalid
  // method -> kInvalidPairingProof (INVALID_ARGUMENT); then create the session and record the
  // start. Returns the public session (hand it to the device; it includes `method`).
  Result<PairingSession, PairingFailure> Start(ClientKind client_kind, PairingMethod method);

  // Verifies `hello` at the clock's current time. `expected_proof` is the code the gateway holds
  // for this session (the reserved pairing code); the hello's proof must equal both it and the
  // code the session was started with. In order:
  //   1. drop other expired sessions
  //   2. non-canonical device_id             -> kInvalidCanonicalDeviceId
  //   3. revoked device                      -> kDeviceRevoked
  //   4. no such session                     -> kSessionNotFound
  //   5. now >= expires_at                   -> kSessionExpired        (session deleted)
  //   6. protocol version != 1               -> kVersionMismatch{1, v} (session kept)
  //   7. client kind differs                 -> kClientKindMismatch    (session kept)
  //   8. proof differs                       -> kInvalidPairingProof   (session deleted)
  //   9. bad Ed25519 key or signature over the payload rebuilt from the session's challenge and
  //      gateway key                         -> kSignatureVerificationFailed (session deleted)
  //  10. ECDH fails or the MAC differs       -> kTranscriptVerificationFailed (session deleted)
  //  11. success: the session is deleted (single use).
  // Steps 2-3 do not depend on session state; they run before the lock is taken (so a slow
  // revocation lookup never stalls other pairings) and step 1 runs with step 4.
  Result<VerifiedPairing, PairingFailure> Verify(const DeviceHello& hello, std::string_view expected_proof);
  Result<VerifiedPairing, PairingFailure> Verify(const DeviceHello& hello, std::string_view expected_proof,
                                        int64_t now_unix_ms);

  // Removes a session (e.g. when the gateway could not bind it to a code). True if it existed.
  bool Cancel(std::string_view session_id);

  // Replaces the sliding-window limit (clamped as in PairingSessionLimits).
  void SetRateLimit(size_t max_starts_per_window, int64_t start_window_ms);
  void SetRevocationCheck(RevocationCheck is_device_revoked);
  PairingSessionLimits limits() const;

  // Sessions currently held (expired ones included until the next prune).
  size_t ActiveSessionCount() const;
  // Start timestamps currently in the rate-limit history (as of the last prune).
  size_t RecentStartCount() const;

  // Tests only: Start() with a given session id, ephemeral X25519 secret and challenge (the
  // spec's test vector). Same checks as Start(); kInvalidArgument for a wrong-length secret or a
  // session id already in use.
  Result<PairingSession, PairingFailure> StartWithKeyMaterialForTesting(
      ClientKind client_kind, PairingMethod method, std::string session_id,
      std::span<const uint8_t> gateway_ephemeral_secret, const PairingChallenge& challenge);

 private:
  struct FixedMaterial;
  struct StoredSession {
    PairingSession session;
    // Kept as a key object: rebuilding it from raw bytes at Verify costs OpenSSL 3 a provider
    // lookup, as much as the ECDH itself.
    std::optional<crypto::X25519PrivateKey> gateway_ephemeral_key;
    std::multimap<int64_t, std::string>::iterator expiry;
  };
  using SessionMap = std::map<std::string, StoredSession, std::less<>>;

  Result<PairingSession, PairingFailure> StartImpl(ClientKind client_kind, PairingMethod method,
                                          const FixedMaterial* fixed);
  // Both require mu_.
  void PruneExpiredLocked(int64_t now, std::string_view keep_session_id);
  void EraseLocked(SessionMap::iterator it);

  const Clock clock_;
  mutable std::mutex mu_;
  PairingSessionLimits limits_;
  RevocationCheck is_device_revoked_;
  SessionMap sessions_;
  std::multimap<int64_t, std::string> expiries_;  // expires_at -> session id
  std::deque<int64_t> start_history_;
};

}  // namespace palyra::identity
