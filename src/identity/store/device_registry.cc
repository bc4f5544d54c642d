#include "identity/store/device_registry.h"

#include <algorithm>
#include <map>

#include "common/ulid.h"
#include "crypto/bytes.h"
#include "crypto/ed25519.h"
#include "identity/store/store_util.h"
#include "store/migrations.h"

namespace palyra::identity {
namespace {

using internal::ValidateFingerprintHex;

struct HistoryRow {
  std::string fingerprint;
  int64_t expires_at_unix_ms = 0;
};

constexpr std::string_view kDeviceColumns =
    "device_id, client_kind, identity_fingerprint, signing_public_key_hex, certificate_pem, "
    "certificate_fingerprint, certificate_expires_at_unix_ms, paired_at_unix_ms, "
    "updated_at_unix_ms";

Result<PairedDevice> DeviceFromRow(const store::Statement& stmt) {
  PairedDevice d;
  d.device_id = stmt.ColumnText(0);
  PALYRA_ASSIGN_OR_RETURN(d.client_kind, ParseClientKind(stmt.ColumnText(1)));
  d.identity_fingerprint = stmt.ColumnText(2);
  d.signing_public_key_hex = stmt.ColumnText(3);
  d.certificate_pem = stmt.ColumnText(4);
  d.certificate_fingerprint = stmt.ColumnText(5);
  d.certificate_expires_at_unix_ms = stmt.ColumnInt64(6);
  d.paired_at_unix_ms = stmt.ColumnInt64(7);
  d.updated_at_unix_ms = stmt.ColumnInt64(8);
  return d;
}

Result<std::vector<HistoryRow>> LoadHistory(store::Database& db, std::string_view device_id) {
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db.Prepare("SELECT fingerprint, expires_at_unix_ms FROM device_certificates "
                 "WHERE device_id = ?1 ORDER BY ca_sequence, issued_at_unix_ms, fingerprint"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
  std::vector<HistoryRow> rows;
  while (true) {
    PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    rows.push_back({stmt.ColumnText(0), stmt.ColumnInt64(1)});
  }
  return rows;
}

Result<std::optional<PairedDevice>> LoadDevice(store::Database& db, std::string_view device_id) {
  PALYRA_ASSIGN_OR_RETURN(store::Statement stmt,
                          db.Prepare("SELECT " + std::string(kDeviceColumns) +
                                     " FROM paired_devices WHERE device_id = ?1"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<PairedDevice>();
  PALYRA_ASSIGN_OR_RETURN(PairedDevice device, DeviceFromRow(stmt));
  PALYRA_ASSIGN_OR_RETURN(std::vector<HistoryRow> history, LoadHistory(db, device_id));
  for (HistoryRow& h : history) device.certificate_fingerprints.push_back(std::move(h.fingerprint));
  return std::optional<PairedDevice>(std::move(device));
}

Result<std::optional<RevokedDevice>> LoadRevokedDevice(store::Database& db,
                                                       std::string_view device_id) {
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db.Prepare("SELECT device_id, reason, revoked_at_unix_ms FROM revoked_devices "
                 "WHERE device_id = ?1"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<RevokedDevice>();
  return std::optional<RevokedDevice>(
      RevokedDevice{stmt.ColumnText(0), stmt.ColumnText(1), stmt.ColumnInt64(2)});
}

Status CheckNotRevoked(store::Database& db, std::string_view device_id) {
  PALYRA_ASSIGN_OR_RETURN(std::optional<RevokedDevice> revoked, LoadRevokedDevice(db, device_id));
  if (revoked) return DeviceRevokedError(device_id, revoked->reason);
  return Status::Ok();
}

// Revokes every certificate in the device's history that is not revoked yet (plus
// `extra_current`, defensively, should the current certificate be missing from the history).
// Already revoked fingerprints keep their original record. Appends the newly revoked ones to
// `newly_revoked`, oldest first.
Status RevokeDeviceFingerprints(store::Database& db, std::string_view device_id,
                                const std::optional<HistoryRow>& extra_current,
                                std::string_view reason, int64_t now_unix_ms,
                                std::vector<std::string>* newly_revoked) {
  std::vector<HistoryRow> pending;
  {
    PALYRA_ASSIGN_OR_RETURN(
        store::Statement stmt,
        db.Prepare("SELECT d.fingerprint, d.expires_at_unix_ms FROM device_certificates d "
                   "WHERE d.device_id = ?1 AND NOT EXISTS (SELECT 1 FROM revoked_certificates r "
                   "WHERE r.fingerprint = d.fingerprint) "
                   "ORDER BY d.ca_sequence, d.issued_at_unix_ms, d.fingerprint"));
    PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
    while (true) {
      PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      pending.push_back({stmt.ColumnText(0), stmt.ColumnInt64(1)});
    }
  }
  if (extra_current && std::none_of(pending.begin(), pending.end(), [&](const HistoryRow& h) {
        return h.fingerprint == extra_current->fingerprint;
      })) {
    pending.push_back(*extra_current);  // INSERT OR IGNORE below skips it if already revoked
  }
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement insert,
      db.Prepare("INSERT OR IGNORE INTO revoked_certificates (fingerprint, device_id, "
                 "expires_at_unix_ms, revoked_at_unix_ms, reason) VALUES (?1, ?2, ?3, ?4, ?5)"));
  for (const HistoryRow& h : pending) {
    PALYRA_RETURN_IF_ERROR(insert.Reset());
    PALYRA_RETURN_IF_ERROR(insert.BindText(1, h.fingerprint));
    PALYRA_RETURN_IF_ERROR(insert.BindText(2, device_id));
    PALYRA_RETURN_IF_ERROR(insert.BindInt64(3, h.expires_at_unix_ms));
    PALYRA_RETURN_IF_ERROR(insert.BindInt64(4, now_unix_ms));
    PALYRA_RETURN_IF_ERROR(insert.BindText(5, reason));
    PALYRA_RETURN_IF_ERROR(insert.Run());
    if (db.Changes() == 1 && newly_revoked != nullptr) newly_revoked->push_back(h.fingerprint);
  }
  return Status::Ok();
}

Status InsertHistory(store::Database& db, const IssuedCertificate& cert,
                     std::string_view device_id) {
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement insert,
      db.Prepare("INSERT INTO device_certificates (fingerprint, device_id, ca_sequence, "
                 "issued_at_unix_ms, expires_at_unix_ms) VALUES (?1, ?2, ?3, ?4, ?5)"));
  PALYRA_RETURN_IF_ERROR(insert.BindText(1, cert.fingerprint));
  PALYRA_RETURN_IF_ERROR(insert.BindText(2, device_id));
  PALYRA_RETURN_IF_ERROR(insert.BindInt64(3, cert.sequence));
  PALYRA_RETURN_IF_ERROR(insert.BindInt64(4, cert.issued_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(insert.BindInt64(5, cert.expires_at_unix_ms));
  return insert.Run();
}

Status InsertDevice(store::Database& db, const PairedDevice& d) {
  PALYRA_ASSIGN_OR_RETURN(store::Statement insert,
                          db.Prepare("INSERT INTO paired_devices (" + std::string(kDeviceColumns) +
                                     ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  PALYRA_RETURN_IF_ERROR(insert.BindText(1, d.device_id));
  PALYRA_RETURN_IF_ERROR(insert.BindText(2, ClientKindName(d.client_kind)));
  PALYRA_RETURN_IF_ERROR(insert.BindText(3, d.identity_fingerprint));
  PALYRA_RETURN_IF_ERROR(insert.BindText(4, d.signing_public_key_hex));
  PALYRA_RETURN_IF_ERROR(insert.BindText(5, d.certificate_pem));
  PALYRA_RETURN_IF_ERROR(insert.BindText(6, d.certificate_fingerprint));
  PALYRA_RETURN_IF_ERROR(insert.BindInt64(7, d.certificate_expires_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(insert.BindInt64(8, d.paired_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(insert.BindInt64(9, d.updated_at_unix_ms));
  return insert.Run();
}

Status DeleteDevice(store::Database& db, std::string_view device_id) {
  // device_certificates rows go with it (ON DELETE CASCADE).
  PALYRA_ASSIGN_OR_RETURN(store::Statement del,
                          db.Prepare("DELETE FROM paired_devices WHERE device_id = ?1"));
  PALYRA_RETURN_IF_ERROR(del.BindText(1, device_id));
  return del.Run();
}

Status ValidateReason(std::string_view reason) {
  if (reason.size() > kMaxRevocationReasonBytes) {
    return InvalidArgument("revocation reason must be at most " +
                           std::to_string(kMaxRevocationReasonBytes) + " bytes");
  }
  for (unsigned char c : reason) {
    if (c < 0x20 || c == 0x7f) {
      return InvalidArgument("revocation reason must not contain control characters");
    }
  }
  return Status::Ok();
}

// Lowercase hex of a validated Ed25519 public key, and its fingerprint.
struct IdentityKey {
  std::string public_key_hex;
  std::string fingerprint;
};

Result<IdentityKey> ValidateIdentityKey(std::string_view public_key_hex,
                                        std::string_view expected_fingerprint) {
  if (public_key_hex.size() != 2 * crypto::kEd25519PublicKeyBytes) {
    return InvalidArgument("signing_public_key_hex must be 64 hex characters (an Ed25519 key)");
  }
  Result<crypto::Bytes> bytes = crypto::HexDecode(public_key_hex);
  if (!bytes.ok()) {
    return InvalidArgument("signing_public_key_hex must be 64 hex characters (an Ed25519 key)");
  }
  Result<crypto::Ed25519PublicKey> key = crypto::Ed25519PublicKey::FromBytes(*bytes);
  if (!key.ok()) return key.status().WithContext("signing_public_key_hex");
  IdentityKey out{key->Hex(), key->FingerprintHex()};
  if (!expected_fingerprint.empty() && expected_fingerprint != out.fingerprint) {
    return InvalidArgument(
        "identity_fingerprint does not match SHA-256 of the device's signing public key");
  }
  return out;
}

}  // namespace

// ---- Free functions ----

Status DeviceRevokedError(std::string_view device_id, std::string_view reason) {
  return PermissionDenied("device " + std::string(device_id) + " is revoked (" +
                          std::string(reason) +
                          "); an operator must clear the revocation before it can pair again");
}

bool IsDeviceRevokedError(const Status& status) {
  return status.code() == StatusCode::kPermissionDenied &&
         status.message().starts_with("device ") &&
         status.message().find(" is revoked (") != std::string::npos;
}

Status DeviceNotPairedError(std::string_view device_id) {
  return NotFound("device " + std::string(device_id) + " is not paired");
}

// ---- DeviceRegistry ----

DeviceRegistry::DeviceRegistry(store::Database& db, std::shared_ptr<const GatewayCa> ca)
    : db_(&db), ca_(std::move(ca)) {}

DeviceRegistry::DeviceRegistry(std::unique_ptr<store::Database> owned,
                               std::shared_ptr<const GatewayCa> ca)
    : owned_db_(std::move(owned)), db_(owned_db_.get()), ca_(std::move(ca)) {}

Result<std::unique_ptr<DeviceRegistry>> DeviceRegistry::Open(
    const std::filesystem::path& db_path, const std::filesystem::path& ca_key_path,
    int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db, store::OpenPalyraDatabase(db_path));
  PALYRA_ASSIGN_OR_RETURN(std::shared_ptr<const GatewayCa> ca,
                          GatewayCa::LoadOrCreate(*db, ca_key_path, now_unix_ms));
  return std::unique_ptr<DeviceRegistry>(new DeviceRegistry(std::move(db), std::move(ca)));
}

Result<PairDeviceResult> DeviceRegistry::RecordPairedDevice(const PairDeviceRequest& request,
                                                            int64_t now_unix_ms) {
  // Validate every input before taking the write lock.
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request.device_id, "device_id"));
  if (!request.identity_fingerprint.empty()) {
    PALYRA_RETURN_IF_ERROR(
        ValidateFingerprintHex(request.identity_fingerprint, "identity_fingerprint"));
  }
  PALYRA_ASSIGN_OR_RETURN(IdentityKey identity, ValidateIdentityKey(request.signing_public_key_hex,
                                                                    request.identity_fingerprint));
  PALYRA_ASSIGN_OR_RETURN(ResolvedLeafKey leaf_key, ResolveLeafKey(request.key_source));
  std::optional<crypto::SecretString> key_pem;
  if (leaf_key.generated_private_key) {
    PALYRA_ASSIGN_OR_RETURN(crypto::SecretString pem, leaf_key.generated_private_key->ToPkcs8Pem());
    key_pem = std::move(pem);
  }
  PALYRA_ASSIGN_OR_RETURN(crypto::Certificate cert,
                          ca_->SignDeviceCertificate(request.device_id, leaf_key.public_key,
                                                     now_unix_ms, request.validity_ms));

  std::lock_guard lock(mu_);
  std::optional<PairDeviceResult> result;
  const Status txn_status = internal::RunAtomically(*db_, [&]() -> Status {
    // Finalisation re-check (spec §11.13): a revoke that landed while the request was pending
    // wins over the approval.
    PALYRA_RETURN_IF_ERROR(CheckNotRevoked(*db_, request.device_id));
    PALYRA_ASSIGN_OR_RETURN(std::optional<PairedDevice> existing,
                            LoadDevice(*db_, request.device_id));
    std::vector<std::string> revoked;
    if (existing) {
      if (existing->identity_fingerprint != identity.fingerprint &&
          !request.allow_identity_change) {
        return FailedPrecondition(
            "device " + request.device_id +
            " is already paired with a different identity key; re-pairing it with a new key "
            "needs explicit confirmation (or remove the device first)");
      }
      PALYRA_RETURN_IF_ERROR(RevokeDeviceFingerprints(
          *db_, request.device_id,
          HistoryRow{existing->certificate_fingerprint, existing->certificate_expires_at_unix_ms},
          kReasonSupersededByRepair, now_unix_ms, &revoked));
      PALYRA_RETURN_IF_ERROR(DeleteDevice(*db_, request.device_id));
    }
    PALYRA_ASSIGN_OR_RETURN(int64_t sequence, ca_->AdvanceSequenceInTransaction(*db_, now_unix_ms));
    IssuedCertificate issued = GatewayCa::MakeRecord(cert, DeviceSubjectLabel(request.device_id),
                                                     sequence, now_unix_ms, key_pem);
    PairedDevice device{
        .device_id = request.device_id,
        .client_kind = request.client_kind,
        .identity_fingerprint = identity.fingerprint,
        .signing_public_key_hex = identity.public_key_hex,
        .certificate_pem = issued.certificate_pem,
        .certificate_fingerprint = issued.fingerprint,
        .certificate_expires_at_unix_ms = issued.expires_at_unix_ms,
        .paired_at_unix_ms = now_unix_ms,
        .updated_at_unix_ms = now_unix_ms,
        .certificate_fingerprints = {issued.fingerprint},
    };
    PALYRA_RETURN_IF_ERROR(InsertDevice(*db_, device));
    PALYRA_RETURN_IF_ERROR(InsertHistory(*db_, issued, request.device_id));
    result.emplace(PairDeviceResult{std::move(device), std::move(issued), existing.has_value(),
                                    std::move(revoked)});
    return Status::Ok();
  });
  PALYRA_RETURN_IF_ERROR(txn_status);
  return std::move(*result);
}

Result<RotationResult> DeviceRegistry::RotateLocked(const PairedDevice& device,
                                                    const LeafKeySource& key_source,
                                                    int64_t now_unix_ms, int64_t validity_ms) {
  PALYRA_ASSIGN_OR_RETURN(ResolvedLeafKey leaf_key, ResolveLeafKey(key_source));
  std::optional<crypto::SecretString> key_pem;
  if (leaf_key.generated_private_key) {
    PALYRA_ASSIGN_OR_RETURN(crypto::SecretString pem, leaf_key.generated_private_key->ToPkcs8Pem());
    key_pem = std::move(pem);
  }
  PALYRA_ASSIGN_OR_RETURN(
      crypto::Certificate cert,
      ca_->SignDeviceCertificate(device.device_id, leaf_key.public_key, now_unix_ms, validity_ms));
  std::vector<std::string> revoked;
  PALYRA_RETURN_IF_ERROR(RevokeDeviceFingerprints(
      *db_, device.device_id,
      HistoryRow{device.certificate_fingerprint, device.certificate_expires_at_unix_ms},
      kReasonSupersededByRotation, now_unix_ms, &revoked));
  PALYRA_ASSIGN_OR_RETURN(int64_t sequence, ca_->AdvanceSequenceInTransaction(*db_, now_unix_ms));
  IssuedCertificate issued = GatewayCa::MakeRecord(cert, DeviceSubjectLabel(device.device_id),
                                                   sequence, now_unix_ms, std::move(key_pem));
  PALYRA_RETURN_IF_ERROR(InsertHistory(*db_, issued, device.device_id));
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement update,
      db_->Prepare("UPDATE paired_devices SET certificate_pem = ?2, certificate_fingerprint = ?3, "
                   "certificate_expires_at_unix_ms = ?4, updated_at_unix_ms = ?5 "
                   "WHERE device_id = ?1"));
  PALYRA_RETURN_IF_ERROR(update.BindText(1, device.device_id));
  PALYRA_RETURN_IF_ERROR(update.BindText(2, issued.certificate_pem));
  PALYRA_RETURN_IF_ERROR(update.BindText(3, issued.fingerprint));
  PALYRA_RETURN_IF_ERROR(update.BindInt64(4, issued.expires_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(update.BindInt64(5, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(update.Run());
  if (db_->Changes() != 1)
    return Internal("rotating device " + device.device_id + ": row vanished");

  PairedDevice updated = device;
  updated.certificate_pem = issued.certificate_pem;
  updated.certificate_fingerprint = issued.fingerprint;
  updated.certificate_expires_at_unix_ms = issued.expires_at_unix_ms;
  updated.updated_at_unix_ms = now_unix_ms;
  updated.certificate_fingerprints.push_back(issued.fingerprint);
  return RotationResult{std::move(updated), std::move(issued), std::move(revoked)};
}

Result<RotationResult> DeviceRegistry::ForceRotate(std::string_view device_id,
                                                   const LeafKeySource& key_source,
                                                   int64_t now_unix_ms, int64_t validity_ms) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  std::lock_guard lock(mu_);
  std::optional<RotationResult> result;
  const Status txn_status = internal::RunAtomically(*db_, [&]() -> Status {
    PALYRA_RETURN_IF_ERROR(CheckNotRevoked(*db_, device_id));
    PALYRA_ASSIGN_OR_RETURN(std::optional<PairedDevice> device, LoadDevice(*db_, device_id));
    if (!device) return DeviceNotPairedError(device_id);
    PALYRA_ASSIGN_OR_RETURN(RotationResult rotated,
                            RotateLocked(*device, key_source, now_unix_ms, validity_ms));
    result.emplace(std::move(rotated));
    return Status::Ok();
  });
  PALYRA_RETURN_IF_ERROR(txn_status);
  return std::move(*result);
}

Result<RotateIfDueResult> DeviceRegistry::RotateIfDue(std::string_view device_id,
                                                      const LeafKeySource& key_source,
                                                      int64_t now_unix_ms, int64_t threshold_ms,
                                                      int64_t validity_ms) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  if (threshold_ms < 0) return InvalidArgument("rotation threshold must not be negative");
  std::lock_guard lock(mu_);
  std::optional<RotateIfDueResult> result;
  const Status txn_status = internal::RunAtomically(*db_, [&]() -> Status {
    PALYRA_RETURN_IF_ERROR(CheckNotRevoked(*db_, device_id));
    PALYRA_ASSIGN_OR_RETURN(std::optional<PairedDevice> device, LoadDevice(*db_, device_id));
    if (!device) return DeviceNotPairedError(device_id);
    const bool due = device->certificate_expires_at_unix_ms <= now_unix_ms + threshold_ms;
    if (!due) {
      result.emplace(RotateIfDueResult{false, std::move(*device), std::nullopt, {}});
      return Status::Ok();
    }
    PALYRA_ASSIGN_OR_RETURN(RotationResult rotated,
                            RotateLocked(*device, key_source, now_unix_ms, validity_ms));
    result.emplace(RotateIfDueResult{true, std::move(rotated.device),
                                     std::move(rotated.certificate),
                                     std::move(rotated.revoked_fingerprints)});
    return Status::Ok();
  });
  PALYRA_RETURN_IF_ERROR(txn_status);
  return std::move(*result);
}

Result<RevokeResult> DeviceRegistry::Revoke(std::string_view device_id, std::string_view reason,
                                            int64_t now_unix_ms) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  PALYRA_RETURN_IF_ERROR(ValidateReason(reason));
  const std::string effective_reason(reason.empty() ? kDefaultRevokeReason : reason);
  std::lock_guard lock(mu_);
  RevokeResult result;
  const Status txn_status = internal::RunAtomically(*db_, [&]() -> Status {
    result = RevokeResult{};
    PALYRA_ASSIGN_OR_RETURN(std::optional<PairedDevice> device, LoadDevice(*db_, device_id));
    if (device) {
      result.was_paired = true;
      PALYRA_RETURN_IF_ERROR(RevokeDeviceFingerprints(
          *db_, device_id,
          HistoryRow{device->certificate_fingerprint, device->certificate_expires_at_unix_ms},
          effective_reason, now_unix_ms, &result.revoked_fingerprints));
      PALYRA_RETURN_IF_ERROR(DeleteDevice(*db_, device_id));
    }
    PALYRA_ASSIGN_OR_RETURN(
        store::Statement upsert,
        db_->Prepare("INSERT INTO revoked_devices (device_id, reason, revoked_at_unix_ms) "
                     "VALUES (?1, ?2, ?3) ON CONFLICT (device_id) DO UPDATE SET "
                     "reason = excluded.reason, revoked_at_unix_ms = excluded.revoked_at_unix_ms"));
    PALYRA_RETURN_IF_ERROR(upsert.BindText(1, device_id));
    PALYRA_RETURN_IF_ERROR(upsert.BindText(2, effective_reason));
    PALYRA_RETURN_IF_ERROR(upsert.BindInt64(3, now_unix_ms));
    return upsert.Run();
  });
  PALYRA_RETURN_IF_ERROR(txn_status);
  return result;
}

Result<bool> DeviceRegistry::RemovePairedDevice(std::string_view device_id, int64_t now_unix_ms) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  std::lock_guard lock(mu_);
  bool existed = false;
  const Status txn_status = internal::RunAtomically(*db_, [&]() -> Status {
    PALYRA_ASSIGN_OR_RETURN(std::optional<PairedDevice> device, LoadDevice(*db_, device_id));
    existed = device.has_value();
    if (!device) return Status::Ok();
    PALYRA_RETURN_IF_ERROR(RevokeDeviceFingerprints(
        *db_, device_id,
        HistoryRow{device->certificate_fingerprint, device->certificate_expires_at_unix_ms},
        kReasonDeviceRemoved, now_unix_ms, nullptr));
    return DeleteDevice(*db_, device_id);
  });
  PALYRA_RETURN_IF_ERROR(txn_status);
  return existed;
}

Result<bool> DeviceRegistry::ClearRevokedDevice(std::string_view device_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  std::lock_guard lock(mu_);
  bool existed = false;
  const Status txn_status = internal::RunAtomically(*db_, [&]() -> Status {
    PALYRA_ASSIGN_OR_RETURN(store::Statement del,
                            db_->Prepare("DELETE FROM revoked_devices WHERE device_id = ?1"));
    PALYRA_RETURN_IF_ERROR(del.BindText(1, device_id));
    PALYRA_RETURN_IF_ERROR(del.Run());
    existed = db_->Changes() > 0;
    return Status::Ok();
  });
  PALYRA_RETURN_IF_ERROR(txn_status);
  return existed;
}

Result<int64_t> DeviceRegistry::ClearRevokedDevices() {
  std::lock_guard lock(mu_);
  int64_t count = 0;
  const Status txn_status = internal::RunAtomically(*db_, [&]() -> Status {
    PALYRA_RETURN_IF_ERROR(db_->Exec("DELETE FROM revoked_devices"));
    count = db_->Changes();
    return Status::Ok();
  });
  PALYRA_RETURN_IF_ERROR(txn_status);
  return count;
}

Result<PruneResult> DeviceRegistry::PruneExpiredRevocations(int64_t now_unix_ms) {
  const int64_t cutoff = now_unix_ms - kRevocationPruneMarginMs;
  std::lock_guard lock(mu_);
  PruneResult result;
  const Status txn_status = internal::RunAtomically(*db_, [&]() -> Status {
    PALYRA_ASSIGN_OR_RETURN(
        store::Statement revoked,
        db_->Prepare("DELETE FROM revoked_certificates WHERE expires_at_unix_ms <= ?1"));
    PALYRA_RETURN_IF_ERROR(revoked.BindInt64(1, cutoff));
    PALYRA_RETURN_IF_ERROR(revoked.Run());
    result.revoked_certificates_removed = db_->Changes();
    PALYRA_ASSIGN_OR_RETURN(
        store::Statement history,
        db_->Prepare("DELETE FROM device_certificates WHERE expires_at_unix_ms <= ?1 AND "
                     "fingerprint NOT IN (SELECT certificate_fingerprint FROM paired_devices)"));
    PALYRA_RETURN_IF_ERROR(history.BindInt64(1, cutoff));
    PALYRA_RETURN_IF_ERROR(history.Run());
    result.history_entries_removed = db_->Changes();
    return Status::Ok();
  });
  PALYRA_RETURN_IF_ERROR(txn_status);
  return result;
}

// ---- Queries ----

Result<std::optional<PairedDevice>> DeviceRegistry::GetPairedDevice(std::string_view device_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  std::lock_guard lock(mu_);
  // One read snapshot, so the device row and its history agree.
  std::optional<PairedDevice> device;
  const Status read_status = internal::RunReadSnapshot(*db_, [&]() -> Status {
    PALYRA_ASSIGN_OR_RETURN(device, LoadDevice(*db_, device_id));
    return Status::Ok();
  });
  PALYRA_RETURN_IF_ERROR(read_status);
  return device;
}

Result<std::vector<PairedDevice>> DeviceRegistry::ListPairedDevices() {
  std::lock_guard lock(mu_);
  std::vector<PairedDevice> devices;
  std::map<std::string, std::vector<std::string>, std::less<>> history;
  const Status read_status = internal::RunReadSnapshot(*db_, [&]() -> Status {
    devices.clear();
    history.clear();
    {
      PALYRA_ASSIGN_OR_RETURN(store::Statement stmt,
                              db_->Prepare("SELECT " + std::string(kDeviceColumns) +
                                           " FROM paired_devices ORDER BY device_id"));
      while (true) {
        PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
        if (!row) break;
        PALYRA_ASSIGN_OR_RETURN(PairedDevice device, DeviceFromRow(stmt));
        devices.push_back(std::move(device));
      }
    }
    PALYRA_ASSIGN_OR_RETURN(
        store::Statement stmt,
        db_->Prepare("SELECT device_id, fingerprint FROM device_certificates "
                     "ORDER BY device_id, ca_sequence, issued_at_unix_ms, fingerprint"));
    while (true) {
      PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      history[stmt.ColumnText(0)].push_back(stmt.ColumnText(1));
    }
    return Status::Ok();
  });
  PALYRA_RETURN_IF_ERROR(read_status);
  for (PairedDevice& device : devices) {
    auto it = history.find(device.device_id);
    if (it != history.end()) device.certificate_fingerprints = std::move(it->second);
  }
  return devices;
}

Result<std::optional<std::string>> DeviceRegistry::DeviceForFingerprint(
    std::string_view fingerprint) {
  PALYRA_RETURN_IF_ERROR(ValidateFingerprintHex(fingerprint, "certificate fingerprint"));
  std::lock_guard lock(mu_);
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db_->Prepare("SELECT device_id FROM paired_devices WHERE certificate_fingerprint = ?1 "
                   "UNION SELECT device_id FROM device_certificates WHERE fingerprint = ?1 "
                   "LIMIT 1"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, fingerprint));
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(stmt.ColumnText(0));
}

Result<bool> DeviceRegistry::IsDeviceRevoked(std::string_view device_id) {
  PALYRA_ASSIGN_OR_RETURN(std::optional<RevokedDevice> revoked, GetRevokedDevice(device_id));
  return revoked.has_value();
}

Result<std::optional<RevokedDevice>> DeviceRegistry::GetRevokedDevice(std::string_view device_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  std::lock_guard lock(mu_);
  return LoadRevokedDevice(*db_, device_id);
}

Result<std::vector<RevokedDevice>> DeviceRegistry::ListRevokedDevices() {
  std::lock_guard lock(mu_);
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db_->Prepare("SELECT device_id, reason, revoked_at_unix_ms FROM revoked_devices "
                   "ORDER BY device_id"));
  std::vector<RevokedDevice> out;
  while (true) {
    PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back({stmt.ColumnText(0), stmt.ColumnText(1), stmt.ColumnInt64(2)});
  }
  return out;
}

Result<bool> DeviceRegistry::IsFingerprintRevoked(std::string_view fingerprint) {
  PALYRA_RETURN_IF_ERROR(ValidateFingerprintHex(fingerprint, "certificate fingerprint"));
  std::lock_guard lock(mu_);
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db_->Prepare("SELECT 1 FROM revoked_certificates WHERE fingerprint = ?1"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, fingerprint));
  return stmt.Step();
}

Result<std::vector<RevokedCertificate>> DeviceRegistry::ListRevokedCertificates() {
  std::lock_guard lock(mu_);
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db_->Prepare("SELECT fingerprint, device_id, expires_at_unix_ms, revoked_at_unix_ms, reason "
                   "FROM revoked_certificates ORDER BY revoked_at_unix_ms, fingerprint"));
  std::vector<RevokedCertificate> out;
  while (true) {
    PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back({stmt.ColumnText(0), stmt.ColumnText(1), stmt.ColumnInt64(2), stmt.ColumnInt64(3),
                   stmt.ColumnText(4)});
  }
  return out;
}

Result<int64_t> DeviceRegistry::RevocationGeneration() {
  std::lock_guard lock(mu_);
  PALYRA_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db_->Prepare("SELECT revocation_generation FROM identity_generation WHERE id = 1"));
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return DataLoss(db_->label() + ": identity_generation row is missing");
  return stmt.ColumnInt64(0);
}

Result<int64_t> DeviceRegistry::CaSequence() {
  std::lock_guard lock(mu_);
  return ca_->Sequence(*db_);
}

}  // namespace palyra::identity
