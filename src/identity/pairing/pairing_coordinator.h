#pragma once
// The gateway's pairing flow, end to end: operators mint codes, a device begins a session with a
// code, proves itself with a hello, waits for approval, and collects its certificate.
//
//   MintCode      operator  -> a PIN or QR code (shown once), optionally auto_approve
//   BeginPairing  device    -> reserves the code, starts a handshake session
//   CompletePairing device  -> verifies the hello against the session and the reserved code,
//                              consumes the code, records a pairing request (pending_approval,
//                              or approved at once for an auto_approve code)
//   Approve/Reject operator -> decides a pending request (approve only from pending_approval)
//   GetStatus     device    -> expires overdue requests; finalises an approved one (issues the
//                              certificate, records the paired device) and delivers the material
//
// Hardening over upstream (spec §11): failed attempts are budgeted globally and per peer, and a
// code is burned after 5 failed verifications; codes are stored hashed; the approval deadline is
// separate from the code TTL and a deadline denies; finalisation re-checks revocation; a
// gateway-generated private key is delivered in exactly one response and never stored; with a
// CSR (device-side key) the gateway never sees a key at all; re-pairing a device under a new
// identity key needs an operator's explicit confirmation; rejecting a completed request revokes
// the device.
//
// Durable state lives in the pairing repository, so codes and requests survive restarts and
// other processes (the CLI) can list them; handshake sessions and the failure budget are
// memory-only, in the daemon. Each operation is one atomic pairing step. Thread-safe; handshake
// crypto runs outside every step.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "crypto/bytes.h"
#include "identity/handshake.h"
#include "identity/pairing/failure_limiter.h"
#include "identity/pairing/pairing_code.h"
#include "identity/pairing/pairing_code_store.h"
#include "identity/pairing/pairing_request_store.h"
#include "identity/pairing/pairing_session_manager.h"
#include "identity/store/device_registry.h"
#include "store/pairing_repository.h"

namespace palyra::identity {

inline constexpr int64_t kDefaultPairingApprovalTimeoutMs = int64_t{10} * 60 * 1000;
inline constexpr size_t kDefaultPairingRequestListLimit = 100;
inline constexpr size_t kMaxPairingRequestListLimit = 1000;

struct PairingCoordinatorOptions {
  std::filesystem::path code_key_path;  // pairing code HMAC key (0600)
  PairingSessionLimits session_limits;
  PairingFailureBudget global_failure_budget = kDefaultGlobalPairingFailureBudget;
  PairingFailureBudget peer_failure_budget = kDefaultPeerPairingFailureBudget;
  PairingCodeStoreOptions codes;
  // How long a verified request waits for an operator before it is denied, and how long an
  // approved request then waits for the device to collect its certificate.
  int64_t approval_timeout_ms = kDefaultPairingApprovalTimeoutMs;
  int64_t certificate_validity_ms = kDefaultLeafValidityMs;
  std::function<int64_t()> clock;  // Unix ms; empty: the real clock
};

struct CompletedPairing {
  std::string request_id;  // = the session id
  PairingRequestState state = PairingRequestState::kPendingApproval;
  std::string reason;
  std::string identity_fingerprint;
  std::string transcript_hash;
  int64_t expires_at_unix_ms = 0;  // the approval (or, when auto-approved, collection) deadline
};

// What the device sees when it polls (GetPairingRequestStatus).
struct PairingStatus {
  PairingRequestState state = PairingRequestState::kPendingApproval;
  std::string reason;
  bool paired = false;  // state == completed
  std::string identity_fingerprint;
  std::string transcript_hash;
  // Set when completed.
  std::string certificate_pem;
  std::string ca_certificate_pem;
  int64_t cert_expires_at_unix_ms = 0;
  // A gateway-generated key, only in the one response that finalised the request.
  std::optional<crypto::SecretString> private_key_pem;
  // The gateway generated the key and an earlier response delivered it.
  bool private_key_already_delivered = false;
};

struct PairingRequestFilter {
  std::optional<PairingRequestState> state;
  std::optional<std::string> device_id;
  size_t limit = kDefaultPairingRequestListLimit;  // clamped to [1, 1000]
};

struct ApproveOptions {
  // Needed when the device is already paired under a different identity key (spec §11.6).
  bool confirm_identity_change = false;
};

class PairingCoordinator {
 public:
  // `registry` is the daemon's one device registry (and with it the one gateway CA); `pairing`
  // stores codes and requests, and finalises a pairing's device record in the same step.
  static Result<std::unique_ptr<PairingCoordinator>> Open(
      const PairingCoordinatorOptions& options, std::shared_ptr<DeviceRegistry> registry,
      std::shared_ptr<store::PairingRepository> pairing);
  ~PairingCoordinator();
  PairingCoordinator(const PairingCoordinator&) = delete;
  PairingCoordinator& operator=(const PairingCoordinator&) = delete;

  // ---- Operator ----
  Result<MintedCode> MintCode(const MintCodeRequest& request);
  Result<std::vector<PairingCodeRecord>> ListCodes(bool include_finished = false);
  // True when cancelled; false when the code is unknown or already finished.
  Result<bool> CancelCode(std::string_view code_id);

  // pending_approval -> approved; the collection deadline starts. NOT_FOUND for an unknown
  // request; FAILED_PRECONDITION from any other state ("cannot go from <s> to approved", or
  // "approval timed out" when the deadline passed), for a revoked device, and for a device
  // paired under a different identity key without options.confirm_identity_change.
  Result<PairingRequest> Approve(std::string_view request_id, std::string_view decided_by,
                                 std::string_view reason = {}, ApproveOptions options = {});
  // pending_approval -> rejected (empty reason: "rejected_by_operator"). FAILED_PRECONDITION
  // from any other state: an approved or completed pairing is taken back by revoking the device.
  Result<PairingRequest> Reject(std::string_view request_id, std::string_view decided_by,
                                std::string_view reason = {});
  // NOT_FOUND for an unknown request. Expires it first when overdue.
  Result<PairingRequest> GetRequest(std::string_view request_id);
  // Newest first, after expiring overdue requests.
  Result<std::vector<PairingRequest>> ListRequests(const PairingRequestFilter& filter = {});

  // ---- Device (the NodeService pairing RPCs) ----
  // `peer` identifies the caller for the failure budget (e.g. "ipv4:10.0.0.5"); may be empty.
  // The code is trimmed of surrounding whitespace. Errors: INVALID_ARGUMENT for a malformed
  // code (not counted); RESOURCE_EXHAUSTED while a failure budget or a session limit is spent;
  // FAILED_PRECONDITION "pairing code is unknown, expired or already used" for a code that
  // matches nothing available (counted as a failure).
  Result<PairingSession> BeginPairing(ClientKind client_kind, const PairingMethod& method,
                                      std::string_view peer = {});
  // Verifies `hello` against its session with the code the session reserved (an empty proof
  // means that code, as upstream ignores the field); `csr_pem` asks for device-side key
  // generation. Errors: INVALID_ARGUMENT for a malformed id or CSR (a bad CSR counts against
  // the code and ends the session); NOT_FOUND for an unknown or used session;
  // FAILED_PRECONDITION for an expired session (the code is released, uncounted) or a code
  // cancelled meanwhile; UNAUTHENTICATED "pairing verification failed: ..." for a wrong proof,
  // signature or MAC (counted; the code burns at the limit); PERMISSION_DENIED for a revoked
  // device (the code is released, uncounted).
  Result<CompletedPairing> CompletePairing(const DeviceHello& hello,
                                           const std::optional<std::string>& csr_pem = {},
                                           std::string_view peer = {});
  // NOT_FOUND for an unknown request, PERMISSION_DENIED when `device_id` is not the request's.
  // Finalises an approved request: issues the certificate and records the paired device.
  Result<PairingStatus> GetStatus(std::string_view request_id, std::string_view device_id);

  // ---- Maintenance ----
  // Expires overdue requests and prunes old codes and requests (the daemon calls it
  // periodically; every operation also expires what it touches).
  Status Prune();
  // Failures inside the global budget's window now.
  size_t RecentGlobalFailures();
  // Sessions bound to a reserved code, held in memory.
  size_t BoundSessionCount();

  const GatewayCa& ca() const { return registry_->ca(); }

 private:
  PairingCoordinator(const PairingCoordinatorOptions& options,
                     std::shared_ptr<store::PairingRepository> pairing, PairingCodeHasher hasher,
                     std::shared_ptr<DeviceRegistry> registry);

  int64_t Now() const;
  // Runs `fn` as one atomic pairing step.
  Status Transact(const std::function<Status(store::PairingSteps&)>& fn);
  struct Binding {
    std::string code_id;
    crypto::SecretString code;
    int64_t expires_at_unix_ms = 0;
  };
  // Loads a request and expires it when overdue (inside the caller's step). `*expired_now` tells
  // whether this call expired it.
  Result<PairingRequest> LoadLiveRequest(store::PairingSteps& steps, std::string_view request_id,
                                         int64_t now, bool* expired_now = nullptr);
  Result<PairingStatus> Finalize(store::PairingSteps& steps, const PairingRequest& request,
                                 int64_t now);
  std::optional<Binding> TakeBinding(std::string_view session_id);
  // The live binding of `session_id`; a dead one is dropped and not returned.
  std::optional<Binding> PeekBinding(std::string_view session_id, int64_t now);
  static bool BindingIsDead(const Binding& binding, int64_t now);
  // Drops every dead binding. Caller holds bindings_mu_.
  void SweepBindingsLocked(int64_t now);
  // Ends a session whose code failed verification: counts the failure against the code.
  Status FailCode(const Binding& binding, std::string_view peer, bool count_globally,
                  int64_t now, Status cause);

  const PairingCoordinatorOptions options_;
  std::shared_ptr<store::PairingRepository> pairing_;
  PairingCodeHasher hasher_;
  std::shared_ptr<DeviceRegistry> registry_;
  PairingCodeStore codes_;
  PairingSessionManager sessions_;
  PairingFailureLimiter failures_;
  std::mutex bindings_mu_;
  std::map<std::string, Binding, std::less<>> bindings_;  // session id -> reserved code
  static constexpr int64_t kBindingSweepIntervalMs = 1000;
  int64_t next_binding_sweep_unix_ms_ = 0;  // guarded by bindings_mu_
};

}  // namespace palyra::identity
