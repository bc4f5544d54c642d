#include "store/sqlite_device_statements.h"

#include <algorithm>
#include <map>

#include "store/rows.h"
#include "store/sqlite_ca_repository.h"

namespace palyra::store::sqlite_devices {
namespace {

using identity::PairedDevice;
using identity::RevokedDevice;

struct HistoryRow {
  std::string fingerprint;
  int64_t expires_at_unix_ms = 0;
};

constexpr std::string_view kDeviceColumns =
    "device_id, client_kind, identity_fingerprint, signing_public_key_hex, certificate_pem, "
    "certificate_fingerprint, certificate_expires_at_unix_ms, paired_at_unix_ms, "
    "updated_at_unix_ms";

Result<PairedDevice> DeviceFromRow(const Statement& stmt) {
  PairedDevice d;
  d.device_id = stmt.ColumnText(0);
  PALYRA_ASSIGN_OR_RETURN(d.client_kind, identity::ParseClientKind(stmt.ColumnText(1)));
  d.identity_fingerprint = stmt.ColumnText(2);
  d.signing_public_key_hex = stmt.ColumnText(3);
  d.certificate_pem = stmt.ColumnText(4);
  d.certificate_fingerprint = stmt.ColumnText(5);
  d.certificate_expires_at_unix_ms = stmt.ColumnInt64(6);
  d.paired_at_unix_ms = stmt.ColumnInt64(7);
  d.updated_at_unix_ms = stmt.ColumnInt64(8);
  return d;
}

Result<HistoryRow> HistoryFromRow(const Statement& stmt) {
  return HistoryRow{stmt.ColumnText(0), stmt.ColumnInt64(1)};
}

Result<std::vector<HistoryRow>> LoadHistory(Database& db, std::string_view device_id) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT fingerprint, expires_at_unix_ms FROM device_certificates "
                 "WHERE device_id = ?1 ORDER BY ca_sequence, issued_at_unix_ms, fingerprint"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
  return CollectRows(stmt, HistoryFromRow);
}

Status CheckNotRevoked(Database& db, std::string_view device_id) {
  PALYRA_ASSIGN_OR_RETURN(std::optional<RevokedDevice> revoked, LoadRevokedDevice(db, device_id));
  if (revoked) return identity::DeviceRevokedError(device_id, revoked->reason);
  return Status::Ok();
}

// Revokes every certificate in the device's history that is not revoked yet (plus
// `extra_current`, defensively, should the current certificate be missing from the history).
// Already revoked fingerprints keep their original record. Appends the newly revoked ones to
// `newly_revoked`, oldest first.
Status RevokeDeviceFingerprints(Database& db, std::string_view device_id,
                                const std::optional<HistoryRow>& extra_current,
                                std::string_view reason, int64_t now_unix_ms,
                                std::vector<std::string>* newly_revoked) {
  std::vector<HistoryRow> pending;
  {
    PALYRA_ASSIGN_OR_RETURN(
        Statement stmt,
        db.Prepare("SELECT d.fingerprint, d.expires_at_unix_ms FROM device_certificates d "
                   "WHERE d.device_id = ?1 AND NOT EXISTS (SELECT 1 FROM revoked_certificates r "
                   "WHERE r.fingerprint = d.fingerprint) "
                   "ORDER BY d.ca_sequence, d.issued_at_unix_ms, d.fingerprint"));
    PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
    PALYRA_ASSIGN_OR_RETURN(pending, CollectRows(stmt, HistoryFromRow));
  }
  if (extra_current && std::none_of(pending.begin(), pending.end(), [&](const HistoryRow& h) {
        return h.fingerprint == extra_current->fingerprint;
      })) {
    pending.push_back(*extra_current);  // INSERT OR IGNORE below skips it if already revoked
  }
  PALYRA_ASSIGN_OR_RETURN(
      Statement insert,
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

Status RevokeCurrentPairing(Database& db, const PairedDevice& device, std::string_view reason,
                            int64_t now_unix_ms, std::vector<std::string>* newly_revoked) {
  return RevokeDeviceFingerprints(
      db, device.device_id,
      HistoryRow{device.certificate_fingerprint, device.certificate_expires_at_unix_ms}, reason,
      now_unix_ms, newly_revoked);
}

Status InsertHistory(Database& db, const CertificateRecord& cert, int64_t sequence,
                     std::string_view device_id) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement insert,
      db.Prepare("INSERT INTO device_certificates (fingerprint, device_id, ca_sequence, "
                 "issued_at_unix_ms, expires_at_unix_ms) VALUES (?1, ?2, ?3, ?4, ?5)"));
  PALYRA_RETURN_IF_ERROR(insert.BindText(1, cert.fingerprint));
  PALYRA_RETURN_IF_ERROR(insert.BindText(2, device_id));
  PALYRA_RETURN_IF_ERROR(insert.BindInt64(3, sequence));
  PALYRA_RETURN_IF_ERROR(insert.BindInt64(4, cert.issued_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(insert.BindInt64(5, cert.expires_at_unix_ms));
  return insert.Run();
}

Status InsertDevice(Database& db, const PairedDevice& d) {
  PALYRA_ASSIGN_OR_RETURN(Statement insert,
                          db.Prepare("INSERT INTO paired_devices (" + std::string(kDeviceColumns) +
                                     ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  PALYRA_RETURN_IF_ERROR(insert.BindText(1, d.device_id));
  PALYRA_RETURN_IF_ERROR(insert.BindText(2, identity::ClientKindName(d.client_kind)));
  PALYRA_RETURN_IF_ERROR(insert.BindText(3, d.identity_fingerprint));
  PALYRA_RETURN_IF_ERROR(insert.BindText(4, d.signing_public_key_hex));
  PALYRA_RETURN_IF_ERROR(insert.BindText(5, d.certificate_pem));
  PALYRA_RETURN_IF_ERROR(insert.BindText(6, d.certificate_fingerprint));
  PALYRA_RETURN_IF_ERROR(insert.BindInt64(7, d.certificate_expires_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(insert.BindInt64(8, d.paired_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(insert.BindInt64(9, d.updated_at_unix_ms));
  return insert.Run();
}

Status DeleteDevice(Database& db, std::string_view device_id) {
  // device_certificates rows go with it (ON DELETE CASCADE).
  PALYRA_ASSIGN_OR_RETURN(Statement del,
                          db.Prepare("DELETE FROM paired_devices WHERE device_id = ?1"));
  PALYRA_RETURN_IF_ERROR(del.BindText(1, device_id));
  return del.Run();
}

Status UpdateCurrentCertificate(Database& db, std::string_view device_id,
                                const CertificateRecord& cert, int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement update,
      db.Prepare("UPDATE paired_devices SET certificate_pem = ?2, certificate_fingerprint = ?3, "
                 "certificate_expires_at_unix_ms = ?4, updated_at_unix_ms = ?5 "
                 "WHERE device_id = ?1"));
  PALYRA_RETURN_IF_ERROR(update.BindText(1, device_id));
  PALYRA_RETURN_IF_ERROR(update.BindText(2, cert.certificate_pem));
  PALYRA_RETURN_IF_ERROR(update.BindText(3, cert.fingerprint));
  PALYRA_RETURN_IF_ERROR(update.BindInt64(4, cert.expires_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(update.BindInt64(5, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(update.Run());
  if (db.Changes() != 1) {
    return Internal("rotating device " + std::string(device_id) + ": row vanished");
  }
  return Status::Ok();
}

}  // namespace

Result<std::optional<PairedDevice>> LoadDevice(Database& db, std::string_view device_id) {
  PALYRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT " + std::string(kDeviceColumns) +
                                     " FROM paired_devices WHERE device_id = ?1"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
  PALYRA_ASSIGN_OR_RETURN(std::optional<PairedDevice> device, FirstRow(stmt, DeviceFromRow));
  if (!device) return device;
  PALYRA_ASSIGN_OR_RETURN(std::vector<HistoryRow> history, LoadHistory(db, device_id));
  for (HistoryRow& h : history)
    device->certificate_fingerprints.push_back(std::move(h.fingerprint));
  return device;
}

Result<std::optional<RevokedDevice>> LoadRevokedDevice(Database& db, std::string_view device_id) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT device_id, reason, revoked_at_unix_ms FROM revoked_devices "
                 "WHERE device_id = ?1"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
  return FirstRow(stmt, [](const Statement& row) -> Result<RevokedDevice> {
    return RevokedDevice{row.ColumnText(0), row.ColumnText(1), row.ColumnInt64(2)};
  });
}

Result<RecordedPairing> RecordPairingIn(Database& db, const NewPairing& pairing,
                                        int64_t now_unix_ms) {
  // Finalisation re-check (spec §11.13): a revoke that landed while the request was pending
  // wins over the approval.
  PALYRA_RETURN_IF_ERROR(CheckNotRevoked(db, pairing.device_id));
  PALYRA_ASSIGN_OR_RETURN(std::optional<PairedDevice> existing,
                          LoadDevice(db, pairing.device_id));
  std::vector<std::string> revoked;
  if (existing) {
    if (existing->identity_fingerprint != pairing.identity_fingerprint &&
        !pairing.allow_identity_change) {
      return identity::IdentityChangeNeedsConfirmationError(pairing.device_id);
    }
    PALYRA_RETURN_IF_ERROR(RevokeCurrentPairing(db, *existing, identity::kReasonSupersededByRepair,
                                                now_unix_ms, &revoked));
    PALYRA_RETURN_IF_ERROR(DeleteDevice(db, pairing.device_id));
  }
  PALYRA_ASSIGN_OR_RETURN(int64_t sequence, SqliteCaRepository::AdvanceSequenceInTransaction(
                                                db, pairing.ca_fingerprint, now_unix_ms));
  const CertificateRecord& cert = pairing.certificate;
  PairedDevice device{
      .device_id = pairing.device_id,
      .client_kind = pairing.client_kind,
      .identity_fingerprint = pairing.identity_fingerprint,
      .signing_public_key_hex = pairing.signing_public_key_hex,
      .certificate_pem = cert.certificate_pem,
      .certificate_fingerprint = cert.fingerprint,
      .certificate_expires_at_unix_ms = cert.expires_at_unix_ms,
      .paired_at_unix_ms = now_unix_ms,
      .updated_at_unix_ms = now_unix_ms,
      .certificate_fingerprints = {cert.fingerprint},
  };
  PALYRA_RETURN_IF_ERROR(InsertDevice(db, device));
  PALYRA_RETURN_IF_ERROR(InsertHistory(db, cert, sequence, pairing.device_id));
  return RecordedPairing{std::move(device), sequence, existing.has_value(), std::move(revoked)};
}

Result<RecordedRotation> RotateIn(Database& db, const RotationRequest& request,
                                  const SignDeviceCertificate& sign, int64_t now_unix_ms) {
  PALYRA_RETURN_IF_ERROR(CheckNotRevoked(db, request.device_id));
  PALYRA_ASSIGN_OR_RETURN(std::optional<PairedDevice> device, LoadDevice(db, request.device_id));
  if (!device) return identity::DeviceNotPairedError(request.device_id);
  if (request.due_at_or_before_unix_ms &&
      device->certificate_expires_at_unix_ms > *request.due_at_or_before_unix_ms) {
    return RecordedRotation{false, std::move(*device), 0, {}};
  }
  PALYRA_ASSIGN_OR_RETURN(CertificateRecord cert, sign(*device));
  std::vector<std::string> revoked;
  PALYRA_RETURN_IF_ERROR(RevokeCurrentPairing(db, *device, identity::kReasonSupersededByRotation,
                                              now_unix_ms, &revoked));
  PALYRA_ASSIGN_OR_RETURN(int64_t sequence, SqliteCaRepository::AdvanceSequenceInTransaction(
                                                db, request.ca_fingerprint, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(InsertHistory(db, cert, sequence, device->device_id));
  PALYRA_RETURN_IF_ERROR(UpdateCurrentCertificate(db, device->device_id, cert, now_unix_ms));

  device->certificate_pem = cert.certificate_pem;
  device->certificate_fingerprint = cert.fingerprint;
  device->certificate_expires_at_unix_ms = cert.expires_at_unix_ms;
  device->updated_at_unix_ms = now_unix_ms;
  device->certificate_fingerprints.push_back(cert.fingerprint);
  return RecordedRotation{true, std::move(*device), sequence, std::move(revoked)};
}

Result<identity::RevokeResult> RevokeIn(Database& db, std::string_view device_id,
                                        std::string_view reason, int64_t now_unix_ms) {
  identity::RevokeResult result;
  PALYRA_ASSIGN_OR_RETURN(std::optional<PairedDevice> device, LoadDevice(db, device_id));
  if (device) {
    result.was_paired = true;
    PALYRA_RETURN_IF_ERROR(
        RevokeCurrentPairing(db, *device, reason, now_unix_ms, &result.revoked_fingerprints));
    PALYRA_RETURN_IF_ERROR(DeleteDevice(db, device_id));
  }
  PALYRA_ASSIGN_OR_RETURN(
      Statement upsert,
      db.Prepare("INSERT INTO revoked_devices (device_id, reason, revoked_at_unix_ms) "
                 "VALUES (?1, ?2, ?3) ON CONFLICT (device_id) DO UPDATE SET "
                 "reason = excluded.reason, revoked_at_unix_ms = excluded.revoked_at_unix_ms"));
  PALYRA_RETURN_IF_ERROR(upsert.BindText(1, device_id));
  PALYRA_RETURN_IF_ERROR(upsert.BindText(2, reason));
  PALYRA_RETURN_IF_ERROR(upsert.BindInt64(3, now_unix_ms));
  PALYRA_RETURN_IF_ERROR(upsert.Run());
  return result;
}

Result<bool> RemoveIn(Database& db, std::string_view device_id, int64_t now_unix_ms) {
  PALYRA_ASSIGN_OR_RETURN(std::optional<PairedDevice> device, LoadDevice(db, device_id));
  if (!device) return false;
  PALYRA_RETURN_IF_ERROR(
      RevokeCurrentPairing(db, *device, identity::kReasonDeviceRemoved, now_unix_ms, nullptr));
  PALYRA_RETURN_IF_ERROR(DeleteDevice(db, device_id));
  return true;
}

Result<identity::PruneResult> PruneIn(Database& db, int64_t expired_by_unix_ms) {
  identity::PruneResult result;
  PALYRA_ASSIGN_OR_RETURN(
      Statement revoked,
      db.Prepare("DELETE FROM revoked_certificates WHERE expires_at_unix_ms <= ?1"));
  PALYRA_RETURN_IF_ERROR(revoked.BindInt64(1, expired_by_unix_ms));
  PALYRA_RETURN_IF_ERROR(revoked.Run());
  result.revoked_certificates_removed = db.Changes();
  PALYRA_ASSIGN_OR_RETURN(
      Statement history,
      db.Prepare("DELETE FROM device_certificates WHERE expires_at_unix_ms <= ?1 AND "
                 "fingerprint NOT IN (SELECT certificate_fingerprint FROM paired_devices)"));
  PALYRA_RETURN_IF_ERROR(history.BindInt64(1, expired_by_unix_ms));
  PALYRA_RETURN_IF_ERROR(history.Run());
  result.history_entries_removed = db.Changes();
  return result;
}

Result<std::vector<PairedDevice>> ListDevicesIn(Database& db) {
  std::vector<PairedDevice> devices;
  {
    PALYRA_ASSIGN_OR_RETURN(Statement stmt,
                            db.Prepare("SELECT " + std::string(kDeviceColumns) +
                                       " FROM paired_devices ORDER BY device_id"));
    PALYRA_ASSIGN_OR_RETURN(devices, CollectRows(stmt, DeviceFromRow));
  }
  std::map<std::string, std::vector<std::string>, std::less<>> history;
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT device_id, fingerprint FROM device_certificates "
                 "ORDER BY device_id, ca_sequence, issued_at_unix_ms, fingerprint"));
  while (true) {
    PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    history[stmt.ColumnText(0)].push_back(stmt.ColumnText(1));
  }
  for (PairedDevice& device : devices) {
    auto it = history.find(device.device_id);
    if (it != history.end()) device.certificate_fingerprints = std::move(it->second);
  }
  return devices;
}

}  // namespace palyra::store::sqlite_devices
