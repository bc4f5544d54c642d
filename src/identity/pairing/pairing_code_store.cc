#include "identity/pairing/pairing_code_store.h"

#include <algorithm>

#include "common/strings.h"
#include "common/ulid.h"

namespace palyra::identity {
namespace {

constexpr int kMintAttempts = 16;

PairingCodeStoreOptions Clamped(PairingCodeStoreOptions options) {
  options.max_failed_attempts = std::max(options.max_failed_attempts, 1);
  options.max_live_codes = std::max<int64_t>(options.max_live_codes, 1);
  return options;
}

}  // namespace

PairingCodeStore::PairingCodeStore(const PairingCodeHasher& hasher,
                                   PairingCodeStoreOptions options)
    : hasher_(hasher), options_(Clamped(options)) {}

Result<MintedCode> PairingCodeStore::Mint(store::PairingSteps& steps,
                                          const MintCodeRequest& request,
                                          int64_t now_unix_ms) const {
  const std::string_view issued_by = request.issued_by;
  if (issued_by.empty()) return InvalidArgument("issued_by is required (who minted the code)");
  if (issued_by.size() > kMaxPairingIssuerBytes) {
    return InvalidArgument("issued_by must be at most " + std::to_string(kMaxPairingIssuerBytes) +
                           " bytes");
  }
  std::optional<std::string> chosen;
  if (request.qr_token) {
    if (request.method != PairingMethod::Kind::kQr) {
      return InvalidArgument("qr_token can only be given for the qr method");
    }
    chosen = std::string(TrimAsciiWhitespace(*request.qr_token));
    PALYRA_RETURN_IF_ERROR(PairingMethod::Qr(*chosen).Validate());
  }
  PALYRA_ASSIGN_OR_RETURN(int64_t live, steps.CountLiveCodes(now_unix_ms));
  if (live >= options_.max_live_codes) {
    return ResourceExhausted(std::to_string(live) +
                             " pairing codes are live, the most allowed; cancel unused codes or "
                             "wait for them to expire");
  }
  MintedCode minted;
  PairingCodeRecord& r = minted.info;
  r.method = request.method;
  r.state = PairingCodeState::kActive;
  r.auto_approve = request.auto_approve;
  r.issued_by = std::string(issued_by);
  r.created_at_unix_ms = now_unix_ms;
  r.expires_at_unix_ms = now_unix_ms + ClampPairingCodeTtlMs(request.ttl_ms.value_or(0));
  r.updated_at_unix_ms = now_unix_ms;

  std::optional<crypto::SecretString> chosen_retry;  // a drawn code whose hash was just freed
  for (int attempt = 0; attempt < kMintAttempts; ++attempt) {
    crypto::SecretString code = chosen         ? crypto::SecretString(*chosen)
                                : chosen_retry ? std::move(*chosen_retry)
                                               : GeneratePairingCode(request.method);
    chosen_retry.reset();
    const PairingCodeHash hash = hasher_.Hash(request.method, code.view());
    r.code_id = NewUlid();
    Status inserted = steps.InsertCode(r, hash);
    if (inserted.ok()) {
      minted.code = std::string(code.view());
      return minted;
    }
    if (inserted.code() != StatusCode::kAlreadyExists) return inserted;
    // Uniqueness covers unfinished codes, expired ones included (pruning them on every mint
    // would scan the table); an expired holder of this hash is deleted and the same code tried
    // again. Otherwise the code equals a live one.
    PALYRA_ASSIGN_OR_RETURN(bool freed, steps.DeleteExpiredCodeWithHash(hash, now_unix_ms));
    if (freed) {
      --attempt;  // the same code again; bounded, since each round deletes a row
      if (!chosen) chosen_retry = std::move(code);
      continue;
    }
    // The operator's token equals a live code: drawing again would not help.
    if (chosen) return AlreadyExists("that QR token is already a live pairing code");
    // A drawn code equals a live one: draw again.
  }
  return Internal("could not draw a pairing code that differs from every live code");
}

Result<std::optional<PairingCodeRecord>> PairingCodeStore::Reserve(
    store::PairingSteps& steps, PairingMethod::Kind method, std::string_view code,
    std::string_view reservation_id, int64_t reserved_until_unix_ms, int64_t now_unix_ms) const {
  const PairingCodeHash hash = hasher_.Hash(method, code);
  PALYRA_ASSIGN_OR_RETURN(std::optional<PairingCodeRecord> found, steps.FindUnfinishedCode(hash));
  if (!found || found->method != method || !found->IsAvailable(now_unix_ms)) {
    return std::optional<PairingCodeRecord>();
  }
  PALYRA_RETURN_IF_ERROR(
      steps.ReserveCode(found->code_id, reservation_id, reserved_until_unix_ms, now_unix_ms));
  found->state = PairingCodeState::kReserved;
  found->reservation_id = std::string(reservation_id);
  found->reserved_until_unix_ms = reserved_until_unix_ms;
  found->updated_at_unix_ms = now_unix_ms;
  return found;
}

Result<CodeFailureOutcome> PairingCodeStore::RecordFailure(store::PairingSteps& steps,
                                                           std::string_view code_id,
                                                           int64_t now_unix_ms) const {
  PALYRA_ASSIGN_OR_RETURN(
      std::optional<CodeFailureOutcome> outcome,
      steps.RecordCodeFailure(code_id, options_.max_failed_attempts, now_unix_ms));
  if (!outcome) return NotFound("pairing code " + std::string(code_id) + " is not live");
  return *outcome;
}

Status PairingCodeStore::Consume(store::PairingSteps& steps, std::string_view code_id,
                                 std::string_view request_id, int64_t now_unix_ms) const {
  PALYRA_ASSIGN_OR_RETURN(bool consumed, steps.ConsumeCode(code_id, request_id, now_unix_ms));
  if (!consumed) {
    return FailedPrecondition("pairing code " + std::string(code_id) + " is no longer reserved");
  }
  return Status::Ok();
}

}  // namespace palyra::identity
