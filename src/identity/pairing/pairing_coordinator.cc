#include "identity/pairing/pairing_coordinator.h"

#include <algorithm>

#include "common/files.h"
#include "common/strings.h"
#include "common/time.h"
#include "common/ulid.h"
#include "identity/pairing/csr_check.h"

namespace palyra::identity {
namespace {

constexpr size_t kMaxDeciderBytes = 256;
constexpr std::string_view kReasonRevokedBeforeFinalize =
    "device_revoked: the device was revoked before it collected its certificate";
constexpr std::string_view kReasonKeyAlreadyDelivered =
    "paired; the gateway-generated private key was delivered in an earlier response and is not "
    "kept";

Status ValidateDecider(std::string_view decided_by) {
  if (decided_by.empty()) return InvalidArgument("decided_by is required (who decided)");
  if (decided_by.size() > kMaxDeciderBytes) {
    return InvalidArgument("decided_by is too long (" + std::to_string(decided_by.size()) +
                           " bytes; at most " + std::to_string(kMaxDeciderBytes) + ")");
  }
  return Status::Ok();
}

Status ValidateReason(std::string_view reason) {
  if (reason.size() > kMaxPairingReasonBytes) {
    return InvalidArgument("reason is too long (" + std::to_string(reason.size()) +
                           " bytes; at most " + std::to_string(kMaxPairingReasonBytes) + ")");
  }
  return Status::Ok();
}

Status UnknownCodeError() {
  return FailedPrecondition(
      "pairing code is unknown, expired or already used; ask the operator for a new code");
}

Status SessionNotFoundError() {
  return NotFound(
      "pairing session not found: it is unknown, was already used, or expired; start a new "
      "pairing session");
}

Status RequestNotFoundError(std::string_view request_id) {
  return NotFound("pairing request " + std::string(request_id) + " not found");
}

Status IllegalTransitionError(std::string_view request_id, PairingRequestState from,
                              PairingRequestState to, std::string_view hint = {}) {
  std::string message = "pairing request " + std::string(request_id) + " cannot go from " +
                        std::string(PairingRequestStateName(from)) + " to " +
                        std::string(PairingRequestStateName(to));
  if (!hint.empty()) message += "; " + std::string(hint);
  return FailedPrecondition(std::move(message));
}

// Failures of the proof itself (the code, the signature or the MAC): the presenter is either a
// guesser or a broken device, and the code pays for it.
bool IsProofFailure(PairingError error) {
  return error == PairingError::kInvalidPairingProof ||
         error == PairingError::kSignatureVerificationFailed ||
         error == PairingError::kTranscriptVerificationFailed;
}

// What operators see for the method: never any part of the code. (Upstream shows a QR token's
// first characters.)
std::string MethodLabel(PairingMethod::Kind kind, std::string_view code) {
  if (kind == PairingMethod::Kind::kPin) return "pin:" + std::string(code.size(), '*');
  return "qr:(" + std::to_string(code.size()) + " bytes)";
}

PairingSessionManager::Options SessionOptions(const PairingCoordinatorOptions& options) {
  PairingSessionManager::Options out;
  out.limits = options.session_limits;
  out.clock = options.clock;
  return out;
}

}  // namespace

PairingCoordinator::PairingCoordinator(const PairingCoordinatorOptions& options,
                                       std::shared_ptr<store::PairingRepository> pairing,
                                       PairingCodeHasher hasher,
                                       std::shared_ptr<DeviceRegistry> registry)
    : options_(options),
      pairing_(std::move(pairing)),
      hasher_(std::move(hasher)),
      registry_(std::move(registry)),
      codes_(hasher_, options.codes),
      sessions_(SessionOptions(options)),
      failures_(options.global_failure_budget, options.peer_failure_budget) {
  // Verify() consults this outside the session manager's lock and outside ours; the registry
  // reads on a connection of its own.
  sessions_.SetRevocationCheck([this](std::string_view device_id) {
    Result<bool> revoked = registry_->IsDeviceRevoked(device_id);
    return !revoked.ok() || *revoked;  // fail closed
  });
}

PairingCoordinator::~PairingCoordinator() = default;

Result<std::unique_ptr<PairingCoordinator>> PairingCoordinator::Open(
    const PairingCoordinatorOptions& options, std::shared_ptr<DeviceRegistry> registry,
    std::shared_ptr<store::PairingRepository> pairing) {
  if (!registry) return InvalidArgument("pairing needs the device registry");
  if (!pairing) return InvalidArgument("pairing needs the pairing repository");
  if (options.code_key_path.empty()) return InvalidArgument("pairing needs a code_key_path");
  if (options.approval_timeout_ms < 1000) {
    return InvalidArgument("pairing approval_timeout_ms must be at least 1000");
  }
  PALYRA_ASSIGN_OR_RETURN(PairingCodeHasher hasher,
                          PairingCodeHasher::LoadOrCreate(options.code_key_path));
  return std::unique_ptr<PairingCoordinator>(new PairingCoordinator(
      options, std::move(pairing), std::move(hasher), std::move(registry)));
}

int64_t PairingCoordinator::Now() const { return options_.clock ? options_.clock() : NowUnixMs(); }

Status PairingCoordinator::Transact(const std::function<Status(store::PairingSteps&)>& fn) {
  return pairing_->RunAtomically(fn);
}

// ---- Operator ----

Result<MintedCode> PairingCoordinator::MintCode(const MintCodeRequest& request) {
  const int64_t now = Now();
  MintedCode out;
  PALYRA_RETURN_IF_ERROR(Transact([&](store::PairingSteps& steps) -> Status {
    PALYRA_ASSIGN_OR_RETURN(out, codes_.Mint(steps, request, now));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<PairingCodeRecord>> PairingCoordinator::ListCodes(bool include_finished) {
  const int64_t now = Now();
  std::vector<PairingCodeRecord> out;
  PALYRA_RETURN_IF_ERROR(Transact([&](store::PairingSteps& steps) -> Status {
    PALYRA_ASSIGN_OR_RETURN(out, steps.ListCodes(include_finished, now));
    return Status::Ok();
  }));
  return out;
}

Result<bool> PairingCoordinator::CancelCode(std::string_view code_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(code_id, "code_id"));
  const int64_t now = Now();
  bool cancelled = false;
  PALYRA_RETURN_IF_ERROR(Transact([&](store::PairingSteps& steps) -> Status {
    PALYRA_ASSIGN_OR_RETURN(cancelled, steps.CancelCode(code_id, now));
    return Status::Ok();
  }));
  return cancelled;
}

Result<PairingRequest> PairingCoordinator::LoadLiveRequest(store::PairingSteps& steps,
                                                           std::string_view request_id,
                                                           int64_t now, bool* expired_now) {
  if (expired_now != nullptr) *expired_now = false;
  PALYRA_ASSIGN_OR_RETURN(std::optional<PairingRequest> found, steps.GetRequest(request_id));
  if (!found) return RequestNotFoundError(request_id);
  PairingRequest& request = *found;
  const bool open = request.state == PairingRequestState::kPendingApproval ||
                    request.state == PairingRequestState::kApproved;
  if (open && request.expires_at_unix_ms <= now) {
    PairingDecision expire;
    expire.to = PairingRequestState::kExpired;
    expire.reason = std::string(request.state == PairingRequestState::kApproved
                                    ? kReasonCollectionTimedOut
                                    : kReasonApprovalTimedOut);
    PALYRA_RETURN_IF_ERROR(
        PairingRequestStore::Transition(steps, request_id, request.state, expire, now));
    request.state = PairingRequestState::kExpired;
    request.reason = expire.reason;
    request.updated_at_unix_ms = now;
    if (expired_now != nullptr) *expired_now = true;
  }
  return request;
}

Result<PairingRequest> PairingCoordinator::Approve(std::string_view request_id,
                                                   std::string_view decided_by,
                                                   std::string_view reason,
                                                   ApproveOptions options) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request_id, "request_id"));
  PALYRA_RETURN_IF_ERROR(ValidateDecider(decided_by));
  PALYRA_RETURN_IF_ERROR(ValidateReason(reason));
  const int64_t now = Now();
  PairingRequest out;
  // A refusal that must not roll back what the transaction did (expiring an overdue request).
  std::optional<Status> refusal;
  PALYRA_RETURN_IF_ERROR(Transact([&](store::PairingSteps& steps) -> Status {
    bool expired_now = false;
    PALYRA_ASSIGN_OR_RETURN(PairingRequest request,
                            LoadLiveRequest(steps, request_id, now, &expired_now));
    if (expired_now) {
      refusal = FailedPrecondition("pairing request " + std::string(request_id) +
                                   " cannot be approved: approval timed out at " +
                                   FormatRfc3339Ms(request.expires_at_unix_ms) +
                                   " and the request was denied; the device must pair again");
      return Status::Ok();
    }
    if (request.state != PairingRequestState::kPendingApproval) {
      return IllegalTransitionError(request_id, request.state, PairingRequestState::kApproved);
    }
    PALYRA_ASSIGN_OR_RETURN(std::optional<RevokedDevice> revoked,
                            steps.GetRevokedDevice(request.device_id));
    if (revoked) {
      return FailedPrecondition("device " + request.device_id +
                                " is revoked; clear its revocation before approving it");
    }
    PALYRA_ASSIGN_OR_RETURN(std::optional<PairedDevice> paired,
                            steps.GetPairedDevice(request.device_id));
    const bool identity_change =
        paired && paired->identity_fingerprint != request.identity_fingerprint;
    if (identity_change && !options.confirm_identity_change) {
      return FailedPrecondition("device " + request.device_id +
                                " is already paired under a different identity key (fingerprint " +
                                paired->identity_fingerprint +
                                "); approve with confirm_identity_change to replace it");
    }
    PairingDecision decision;
    decision.to = PairingRequestState::kApproved;
    decision.reason = reason.empty() ? std::string(kReasonApprovedByOperator) : std::string(reason);
    decision.decided_by = std::string(decided_by);
    decision.new_expires_at_unix_ms = now + options_.approval_timeout_ms;
    decision.identity_change_confirmed = identity_change && options.confirm_identity_change;
    PALYRA_RETURN_IF_ERROR(
        PairingRequestStore::Transition(steps, request_id, request.state, decision, now));
    PALYRA_ASSIGN_OR_RETURN(std::optional<PairingRequest> updated, steps.GetRequest(request_id));
    out = std::move(*updated);
    return Status::Ok();
  }));
  if (refusal) return *refusal;
  return out;
}

Result<PairingRequest> PairingCoordinator::Reject(std::string_view request_id,
                                                  std::string_view decided_by,
                                                  std::string_view reason) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request_id, "request_id"));
  PALYRA_RETURN_IF_ERROR(ValidateDecider(decided_by));
  PALYRA_RETURN_IF_ERROR(ValidateReason(reason));
  const int64_t now = Now();
  PairingRequest out;
  std::optional<Status> refusal;
  PALYRA_RETURN_IF_ERROR(Transact([&](store::PairingSteps& steps) -> Status {
    bool expired_now = false;
    PALYRA_ASSIGN_OR_RETURN(PairingRequest request,
                            LoadLiveRequest(steps, request_id, now, &expired_now));
    if (request.state != PairingRequestState::kPendingApproval) {
      const bool granted = request.state == PairingRequestState::kApproved ||
                           request.state == PairingRequestState::kCompleted;
      Status error = IllegalTransitionError(
          request_id, request.state, PairingRequestState::kRejected,
          granted ? "revoke the device to take back a granted pairing" : std::string_view{});
      // Keep the expiry this call committed; only the rejection is refused.
      if (expired_now) {
        refusal = std::move(error);
        return Status::Ok();
      }
      return error;
    }
    PairingDecision decision;
    decision.to = PairingRequestState::kRejected;
    decision.reason = reason.empty() ? std::string(kReasonRejectedByOperator) : std::string(reason);
    decision.decided_by = std::string(decided_by);
    PALYRA_RETURN_IF_ERROR(
        PairingRequestStore::Transition(steps, request_id, request.state, decision, now));
    PALYRA_ASSIGN_OR_RETURN(std::optional<PairingRequest> updated, steps.GetRequest(request_id));
    out = std::move(*updated);
    return Status::Ok();
  }));
  if (refusal) return *refusal;
  return out;
}

Result<PairingRequest> PairingCoordinator::GetRequest(std::string_view request_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request_id, "request_id"));
  const int64_t now = Now();
  PairingRequest out;
  PALYRA_RETURN_IF_ERROR(Transact([&](store::PairingSteps& steps) -> Status {
    PALYRA_ASSIGN_OR_RETURN(out, LoadLiveRequest(steps, request_id, now));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<PairingRequest>> PairingCoordinator::ListRequests(
    const PairingRequestFilter& filter) {
  if (filter.device_id) {
    PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(*filter.device_id, "device_id"));
  }
  const size_t limit = std::clamp<size_t>(filter.limit, 1, kMaxPairingRequestListLimit);
  const int64_t now = Now();
  std::vector<PairingRequest> out;
  PALYRA_RETURN_IF_ERROR(Transact([&](store::PairingSteps& steps) -> Status {
    PALYRA_RETURN_IF_ERROR(steps.ExpireDueRequests(now).status());
    std::optional<std::string_view> device;
    if (filter.device_id) device = *filter.device_id;
    PALYRA_ASSIGN_OR_RETURN(out, steps.ListRequests(filter.state, device, limit));
    return Status::Ok();
  }));
  return out;
}

// ---- Device ----

// A binding outlives its session by the reservation slack; after that the database's
// reservation has lapsed too and the code is available again, so the binding is dead weight.
bool PairingCoordinator::BindingIsDead(const Binding& binding, int64_t now) {
  return binding.expires_at_unix_ms + kReservationSlackMs <= now;
}

void PairingCoordinator::SweepBindingsLocked(int64_t now) {
  std::erase_if(bindings_, [&](const auto& entry) { return BindingIsDead(entry.second, now); });
  next_binding_sweep_unix_ms_ = now + kBindingSweepIntervalMs;
}

std::optional<PairingCoordinator::Binding> PairingCoordinator::PeekBinding(
    std::string_view session_id, int64_t now) {
  std::lock_guard lock(bindings_mu_);
  auto it = bindings_.find(session_id);
  if (it == bindings_.end()) return std::nullopt;
  if (BindingIsDead(it->second, now)) {
    bindings_.erase(it);
    return std::nullopt;
  }
  return it->second;
}

std::optional<PairingCoordinator::Binding> PairingCoordinator::TakeBinding(
    std::string_view session_id) {
  std::lock_guard lock(bindings_mu_);
  auto it = bindings_.find(session_id);
  if (it == bindings_.end()) return std::nullopt;
  Binding binding = std::move(it->second);
  bindings_.erase(it);
  return binding;
}

Result<PairingSession> PairingCoordinator::BeginPairing(ClientKind client_kind,
                                                        const PairingMethod& method,
                                                        std::string_view peer) {
  const int64_t now = Now();
  // A peer (or everyone) that failed too often is turned away before any lookup.
  PALYRA_RETURN_IF_ERROR(failures_.Check(peer, now));
  const PairingMethod trimmed =
      method.kind() == PairingMethod::Kind::kPin
          ? PairingMethod::Pin(std::string(TrimAsciiWhitespace(method.secret())))
          : PairingMethod::Qr(std::string(TrimAsciiWhitespace(method.secret())));
  // Malformed codes cannot match anything and are not counted as guesses.
  PALYRA_RETURN_IF_ERROR(trimmed.Validate());
  Result<PairingSession, PairingFailure> started = sessions_.Start(client_kind, trimmed);
  if (!started.ok()) return started.status();
  PairingSession session = std::move(started).value();

  std::optional<PairingCodeRecord> code;
  Status reserved = Transact([&](store::PairingSteps& steps) -> Status {
    PALYRA_ASSIGN_OR_RETURN(
        code, codes_.Reserve(steps, trimmed.kind(), trimmed.secret(), session.session_id,
                             session.expires_at_unix_ms + kReservationSlackMs, now));
    return Status::Ok();
  });
  if (!reserved.ok() || !code) {
    sessions_.Cancel(session.session_id);
    if (!reserved.ok()) return reserved;
    failures_.RecordFailure(peer, now);
    return UnknownCodeError();
  }
  {
    std::lock_guard lock(bindings_mu_);
    // Abandoned sessions leave their bindings behind; dropping them here, at most once per
    // interval, keeps the map bounded without a scan per call.
    if (now >= next_binding_sweep_unix_ms_) SweepBindingsLocked(now);
    bindings_[session.session_id] =
        Binding{code->code_id, crypto::SecretString(trimmed.secret()), session.expires_at_unix_ms};
  }
  return session;
}

Status PairingCoordinator::FailCode(const Binding& binding, std::string_view peer,
                                    bool count_globally, int64_t now, Status cause) {
  if (count_globally) failures_.RecordFailure(peer, now);
  std::optional<CodeFailureOutcome> outcome;
  PALYRA_RETURN_IF_ERROR(Transact([&](store::PairingSteps& steps) -> Status {
    Result<CodeFailureOutcome> recorded = codes_.RecordFailure(steps, binding.code_id, now);
    if (recorded.ok()) {
      outcome = *recorded;
      return Status::Ok();
    }
    // Cancelled or expired meanwhile: nothing left to count against.
    return recorded.status().code() == StatusCode::kNotFound ? Status::Ok() : recorded.status();
  }));
  std::string message = cause.message();
  if (outcome && outcome->state == PairingCodeState::kBurned) {
    message += "; the pairing code failed " + std::to_string(outcome->failed_attempts) +
               " times and can no longer be used: ask the operator for a new code";
  } else if (outcome) {
    message += "; try again with a new pairing session (" +
               std::to_string(outcome->failed_attempts) + " of " +
               std::to_string(outcome->max_failed_attempts) + " failed attempts used)";
  }
  return {cause.code(), std::move(message)};
}

Result<CompletedPairing> PairingCoordinator::CompletePairing(
    const DeviceHello& hello, const std::optional<std::string>& csr_pem, std::string_view peer) {
  if (hello.session_id.empty()) return InvalidArgument("session_id is required");
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(hello.session_id, "session_id"));
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(hello.device_id, "device_id"));
  const int64_t now = Now();
  std::optional<Binding> binding = PeekBinding(hello.session_id, now);
  if (!binding) return SessionNotFoundError();

  // Ends the session and its binding, returning `status` after the code was released (the
  // failure was not the code's fault) or charged.
  auto end_session = [&](Status status, bool charge_code, bool count_globally) -> Status {
    sessions_.Cancel(hello.session_id);
    std::optional<Binding> taken = TakeBinding(hello.session_id);
    if (!taken) return status;
    if (charge_code) return FailCode(*taken, peer, count_globally, now, std::move(status));
    PALYRA_RETURN_IF_ERROR(Transact(
        [&](store::PairingSteps& steps) { return steps.ReleaseCode(taken->code_id, now); }));
    return status;
  };

  if (csr_pem) {
    Result<crypto::CertificateSigningRequest> csr = ValidateDeviceCsr(*csr_pem, hello.device_id);
    // A broken CSR is not a guess, but it did spend one use of the code's attempts.
    if (!csr.ok()) return end_session(csr.status(), /*charge_code=*/true, /*count_globally=*/false);
  }

  // Upstream ignores the hello's proof field; an empty one stands for the reserved code, which
  // the device signed. The crypto runs outside every lock.
  DeviceHello checked = hello;
  if (checked.proof.empty()) checked.proof = std::string(binding->code.view());
  Result<VerifiedPairing, PairingFailure> verified = sessions_.Verify(checked, binding->code.view(), now);
  if (!verified.ok()) {
    const PairingError error = verified.error().kind;
    if (IsProofFailure(error)) {
      return end_session(Status(verified.status().code(),
                                "pairing verification failed: " + verified.status().message()),
                         /*charge_code=*/true, /*count_globally=*/true);
    }
    // A wrong version or kind, expired, gone or revoked: not the code's fault, but the session
    // is single use and spent all the same.
    return end_session(error == PairingError::kSessionNotFound ? SessionNotFoundError()
                                                               : verified.status(),
                       /*charge_code=*/false, false);
  }
  TakeBinding(hello.session_id);

  CompletedPairing out;
  out.request_id = hello.session_id;
  out.identity_fingerprint = verified->identity_fingerprint;
  out.transcript_hash = verified->transcript_hash_hex;
  PALYRA_RETURN_IF_ERROR(Transact([&](store::PairingSteps& steps) -> Status {
    PALYRA_ASSIGN_OR_RETURN(std::optional<PairingCodeRecord> code, steps.GetCode(binding->code_id));
    if (!code || code->state != PairingCodeState::kReserved ||
        code->reservation_id != hello.session_id) {
      return FailedPrecondition(
          "the pairing code is no longer reserved for this session (it was cancelled or its "
          "reservation lapsed); ask the operator for a new code");
    }
    PALYRA_ASSIGN_OR_RETURN(std::optional<PairedDevice> paired,
                            steps.GetPairedDevice(verified->device_id));
    const bool identity_change =
        paired && paired->identity_fingerprint != verified->identity_fingerprint;
    PALYRA_RETURN_IF_ERROR(codes_.Consume(steps, code->code_id, out.request_id, now));

    PairingRequest request;
    request.request_id = out.request_id;
    request.device_id = verified->device_id;
    request.client_kind = verified->client_kind;
    request.method_label = MethodLabel(code->method, binding->code.view());
    request.code_id = code->code_id;
    request.identity_fingerprint = verified->identity_fingerprint;
    request.signing_public_key_hex = verified->signing_public_key_hex;
    request.transcript_hash = verified->transcript_hash_hex;
    request.csr_pem = csr_pem;
    request.created_at_unix_ms = now;
    request.updated_at_unix_ms = now;
    request.expires_at_unix_ms = now + options_.approval_timeout_ms;
    // A pre-authorised code approves a device it has not seen under another key; a changed
    // identity key always waits for an operator's explicit confirmation.
    if (code->auto_approve && !identity_change) {
      request.state = PairingRequestState::kApproved;
      request.reason = std::string(kReasonAutoApproved);
      request.decided_by = code->issued_by;
      request.decided_at_unix_ms = now;
    } else {
      request.state = PairingRequestState::kPendingApproval;
      request.reason =
          std::string(identity_change ? kReasonIdentityChange : kReasonPendingApproval);
    }
    PALYRA_RETURN_IF_ERROR(PairingRequestStore::Insert(steps, request));
    out.state = request.state;
    out.reason = request.reason;
    out.expires_at_unix_ms = request.expires_at_unix_ms;
    return Status::Ok();
  }));
  return out;
}

Result<PairingStatus> PairingCoordinator::Finalize(store::PairingSteps& steps,
                                                   const PairingRequest& request, int64_t now) {
  PairDeviceRequest pair;
  pair.device_id = request.device_id;
  pair.client_kind = request.client_kind;
  pair.signing_public_key_hex = request.signing_public_key_hex;
  pair.identity_fingerprint = request.identity_fingerprint;
  pair.key_source = request.csr_pem ? LeafKeySource::FromCsrPem(*request.csr_pem)
                                    : LeafKeySource::GatewayGenerated();
  pair.validity_ms = options_.certificate_validity_ms;
  pair.allow_identity_change = request.identity_change_confirmed;
  // Re-checks revocation and the identity key inside this transaction.
  PALYRA_ASSIGN_OR_RETURN(PreparedPairing prepared, registry_->PreparePairing(pair, now));
  PALYRA_ASSIGN_OR_RETURN(store::RecordedPairing recorded,
                          steps.RecordPairing(prepared.record, now));
  PairDeviceResult paired =
      DeviceRegistry::PairingResult(std::move(prepared), std::move(recorded), now);

  PairingCompletion completion;
  completion.certificate_pem = paired.certificate.certificate_pem;
  completion.certificate_fingerprint = paired.certificate.fingerprint;
  completion.certificate_expires_at_unix_ms = paired.certificate.expires_at_unix_ms;
  completion.key_source = request.csr_pem ? PairingKeySource::kCsr : PairingKeySource::kGateway;
  completion.key_delivered = paired.certificate.private_key_pem.has_value();
  PALYRA_RETURN_IF_ERROR(PairingRequestStore::Complete(steps, request.request_id, completion, now));

  PairingStatus status;
  status.state = PairingRequestState::kCompleted;
  status.reason = std::string(kReasonPaired);
  status.paired = true;
  status.identity_fingerprint = request.identity_fingerprint;
  status.transcript_hash = request.transcript_hash;
  status.certificate_pem = completion.certificate_pem;
  status.ca_certificate_pem = registry_->ca().CertificatePem();
  status.cert_expires_at_unix_ms = completion.certificate_expires_at_unix_ms;
  // Delivered in this response only; it is stored nowhere.
  status.private_key_pem = std::move(paired.certificate.private_key_pem);
  return status;
}

Result<PairingStatus> PairingCoordinator::GetStatus(std::string_view request_id,
                                                    std::string_view device_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request_id, "session_id"));
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  const int64_t now = Now();
  PairingStatus out;
  PALYRA_RETURN_IF_ERROR(Transact([&](store::PairingSteps& steps) -> Status {
    PALYRA_ASSIGN_OR_RETURN(PairingRequest request, LoadLiveRequest(steps, request_id, now));
    if (request.device_id != device_id) {
      return PermissionDenied("pairing request " + std::string(request_id) +
                              " belongs to another device");
    }
    if (request.state == PairingRequestState::kApproved) {
      // Paired under another identity key while the request waited, without the operator
      // having confirmed that change: deny rather than replace the device.
      PALYRA_ASSIGN_OR_RETURN(std::optional<PairedDevice> paired,
                              steps.GetPairedDevice(request.device_id));
      std::optional<std::string> denial;
      if (paired && paired->identity_fingerprint != request.identity_fingerprint &&
          !request.identity_change_confirmed) {
        denial = std::string(kReasonIdentityChange);
      } else {
        Result<PairingStatus> finalized = Finalize(steps, request, now);
        if (finalized.ok()) {
          out = std::move(*finalized);
          return Status::Ok();
        }
        if (!IsDeviceRevokedError(finalized.status())) return finalized.status();
        denial = std::string(kReasonRevokedBeforeFinalize);
      }
      PairingDecision deny;
      deny.to = PairingRequestState::kRejected;
      deny.reason = *denial;
      PALYRA_RETURN_IF_ERROR(
          PairingRequestStore::Transition(steps, request_id, request.state, deny, now));
      request.state = PairingRequestState::kRejected;
      request.reason = deny.reason;
    }
    out.state = request.state;
    out.reason = request.reason;
    out.identity_fingerprint = request.identity_fingerprint;
    out.transcript_hash = request.transcript_hash;
    if (request.state == PairingRequestState::kCompleted) {
      out.paired = true;
      out.certificate_pem = request.certificate_pem.value_or("");
      out.cert_expires_at_unix_ms = request.certificate_expires_at_unix_ms.value_or(0);
      out.ca_certificate_pem = registry_->ca().CertificatePem();
      out.private_key_already_delivered = request.key_source == PairingKeySource::kGateway &&
                                          request.key_delivered_at_unix_ms.has_value();
      if (out.private_key_already_delivered) out.reason = std::string(kReasonKeyAlreadyDelivered);
    }
    return Status::Ok();
  }));
  return out;
}

// ---- Maintenance ----

Status PairingCoordinator::Prune() {
  const int64_t now = Now();
  {
    std::lock_guard lock(bindings_mu_);
    SweepBindingsLocked(now);
  }
  return Transact([&](store::PairingSteps& steps) -> Status {
    PALYRA_RETURN_IF_ERROR(steps.ExpireDueRequests(now).status());
    PALYRA_RETURN_IF_ERROR(steps.PruneRequests(now).status());
    return steps.PruneCodes(now).status();
  });
}

size_t PairingCoordinator::RecentGlobalFailures() { return failures_.GlobalFailures(Now()); }

size_t PairingCoordinator::BoundSessionCount() {
  std::lock_guard lock(bindings_mu_);
  return bindings_.size();
}

}  // namespace palyra::identity
