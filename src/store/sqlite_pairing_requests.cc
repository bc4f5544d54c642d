// The pairing request half of SqlitePairingSteps (table pairing_requests).

#include "store/rows.h"
#include "store/sqlite_pairing_repository.h"

namespace palyra::store {
namespace {

using identity::PairingRequest;

constexpr std::string_view kColumns =
    "request_id, device_id, client_kind, method_label, code_id, identity_fingerprint, "
    "signing_public_key_hex, transcript_hash, csr_pem, state, reason, created_at_unix_ms, "
    "updated_at_unix_ms, expires_at_unix_ms, identity_change_confirmed, decided_by, "
    "decided_at_unix_ms, certificate_pem, certificate_fingerprint, "
    "certificate_expires_at_unix_ms, key_source, key_delivered_at_unix_ms, completed_at_unix_ms";

Result<PairingRequest> RequestFromRow(const Statement& stmt) {
  PairingRequest r;
  r.request_id = stmt.ColumnText(0);
  r.device_id = stmt.ColumnText(1);
  PALYRA_ASSIGN_OR_RETURN(r.client_kind, identity::ParseClientKind(stmt.ColumnText(2)));
  r.method_label = stmt.ColumnText(3);
  r.code_id = stmt.ColumnText(4);
  r.identity_fingerprint = stmt.ColumnText(5);
  r.signing_public_key_hex = stmt.ColumnText(6);
  r.transcript_hash = stmt.ColumnText(7);
  r.csr_pem = stmt.ColumnOptionalText(8);
  PALYRA_ASSIGN_OR_RETURN(r.state, identity::ParsePairingRequestState(stmt.ColumnText(9)));
  r.reason = stmt.ColumnText(10);
  r.created_at_unix_ms = stmt.ColumnInt64(11);
  r.updated_at_unix_ms = stmt.ColumnInt64(12);
  r.expires_at_unix_ms = stmt.ColumnInt64(13);
  r.identity_change_confirmed = stmt.ColumnBool(14);
  r.decided_by = stmt.ColumnOptionalText(15);
  r.decided_at_unix_ms = stmt.ColumnOptionalInt64(16);
  r.certificate_pem = stmt.ColumnOptionalText(17);
  r.certificate_fingerprint = stmt.ColumnOptionalText(18);
  r.certificate_expires_at_unix_ms = stmt.ColumnOptionalInt64(19);
  if (std::optional<std::string> source = stmt.ColumnOptionalText(20)) {
    PALYRA_ASSIGN_OR_RETURN(identity::PairingKeySource parsed,
                            identity::ParsePairingKeySource(*source));
    r.key_source = parsed;
  }
  r.key_delivered_at_unix_ms = stmt.ColumnOptionalInt64(21);
  r.completed_at_unix_ms = stmt.ColumnOptionalInt64(22);
  return r;
}

}  // namespace

Status SqlitePairingSteps::InsertRequest(const PairingRequest& r) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("INSERT INTO pairing_requests (request_id, device_id, client_kind, method_label, "
                  "code_id, identity_fingerprint, signing_public_key_hex, transcript_hash, "
                  "csr_pem, state, reason, created_at_unix_ms, updated_at_unix_ms, "
                  "expires_at_unix_ms, identity_change_confirmed, decided_by, "
                  "decided_at_unix_ms) VALUES "
                  "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, r.request_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(2, r.device_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(3, identity::ClientKindName(r.client_kind)));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(4, r.method_label));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(5, r.code_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(6, r.identity_fingerprint));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(7, r.signing_public_key_hex));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(8, r.transcript_hash));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(9, r.csr_pem));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(10, identity::PairingRequestStateName(r.state)));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(11, r.reason));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(12, r.created_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(13, r.updated_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(14, r.expires_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindBool(15, r.identity_change_confirmed));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(16, r.decided_by));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalInt64(17, r.decided_at_unix_ms));
  return stmt.Run();
}

Result<std::optional<PairingRequest>> SqlitePairingSteps::GetRequest(std::string_view request_id) {
  PALYRA_ASSIGN_OR_RETURN(Statement stmt,
                          db_.Prepare("SELECT " + std::string(kColumns) +
                                      " FROM pairing_requests WHERE request_id = ?1"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, request_id));
  return FirstRow(stmt, RequestFromRow);
}

Result<std::vector<PairingRequest>> SqlitePairingSteps::ListRequests(
    std::optional<identity::PairingRequestState> state, std::optional<std::string_view> device_id,
    size_t limit) {
  // Unset filters bind NULL and match everything.
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT " + std::string(kColumns) +
                  " FROM pairing_requests WHERE (?2 IS NULL OR state = ?2) AND "
                  "(?3 IS NULL OR device_id = ?3) "
                  "ORDER BY created_at_unix_ms DESC, request_id DESC LIMIT ?1"));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(1, static_cast<int64_t>(limit)));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(
      2, state ? std::optional<std::string>(identity::PairingRequestStateName(*state))
               : std::nullopt));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(
      3, device_id ? std::optional<std::string>(*device_id) : std::nullopt));
  return CollectRows(stmt, RequestFromRow);
}

Result<bool> SqlitePairingSteps::TransitionRequest(std::string_view request_id,
                                                   identity::PairingRequestState from,
                                                   const identity::PairingDecision& decision,
                                                   int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("UPDATE pairing_requests SET state = ?3, reason = ?4, updated_at_unix_ms = ?5, "
                  "decided_by = coalesce(?6, decided_by), "
                  "decided_at_unix_ms = CASE WHEN ?6 IS NULL THEN decided_at_unix_ms ELSE ?5 END, "
                  "expires_at_unix_ms = coalesce(?7, expires_at_unix_ms), "
                  "identity_change_confirmed = max(identity_change_confirmed, ?8) "
                  "WHERE request_id = ?1 AND state = ?2"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, request_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(2, identity::PairingRequestStateName(from)));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(3, identity::PairingRequestStateName(decision.to)));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(4, decision.reason));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(5, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(6, decision.decided_by));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalInt64(7, decision.new_expires_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindBool(8, decision.identity_change_confirmed));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  return db_.Changes() == 1;
}

Result<bool> SqlitePairingSteps::CompleteRequest(std::string_view request_id,
                                                 const identity::PairingCompletion& completion,
                                                 int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("UPDATE pairing_requests SET state = 'completed', reason = ?2, "
                  "certificate_pem = ?3, certificate_fingerprint = ?4, "
                  "certificate_expires_at_unix_ms = ?5, key_source = ?6, "
                  "key_delivered_at_unix_ms = ?7, completed_at_unix_ms = ?8, "
                  "updated_at_unix_ms = ?8 WHERE request_id = ?1 AND state = 'approved'"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, request_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(2, identity::kReasonPaired));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(3, completion.certificate_pem));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(4, completion.certificate_fingerprint));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(5, completion.certificate_expires_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(6, identity::PairingKeySourceName(completion.key_source)));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalInt64(
      7, completion.key_delivered ? std::optional<int64_t>(now_unix_ms) : std::nullopt));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(8, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  return db_.Changes() == 1;
}

Result<int64_t> SqlitePairingSteps::ExpireDueRequests(int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("UPDATE pairing_requests SET reason = CASE state WHEN 'approved' THEN ?3 "
                  "ELSE ?2 END, state = 'expired', updated_at_unix_ms = ?1 "
                  "WHERE state IN ('pending_approval', 'approved') AND expires_at_unix_ms <= ?1"));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(1, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(2, identity::kReasonApprovalTimedOut));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(3, identity::kReasonCollectionTimedOut));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  return db_.Changes();
}

Result<int64_t> SqlitePairingSteps::PruneRequests(int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("DELETE FROM pairing_requests WHERE state IN ('rejected', 'completed', "
                  "'expired') AND updated_at_unix_ms + ?2 <= ?1"));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(1, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, identity::kPairingRequestRetentionMs));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  return db_.Changes();
}

}  // namespace palyra::store
