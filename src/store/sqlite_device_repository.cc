#include "store/sqlite_device_repository.h"

#include "store/rows.h"
#include "store/sqlite_device_statements.h"
#include "store/transactions.h"

namespace palyra::store {
namespace {

// Runs `step` in one atomic unit and hands back what it produced.
template <typename T, typename Step>
Result<T> Atomically(Database& db, const Step& step) {
  std::optional<T> result;
  PALYRA_RETURN_IF_ERROR(RunAtomically(db, [&]() -> Status {
    PALYRA_ASSIGN_OR_RETURN(T value, step());
    result.emplace(std::move(value));
    return Status::Ok();
  }));
  return std::move(*result);
}

}  // namespace

SqliteDeviceRepository::SqliteDeviceRepository(std::unique_ptr<Database> connection)
    : owned_(std::move(connection)), db_(*owned_) {}

SqliteDeviceRepository::SqliteDeviceRepository(Database& connection) : db_(connection) {}

Result<RecordedPairing> SqliteDeviceRepository::RecordPairing(const NewPairing& pairing,
                                                              int64_t now_unix_ms) {
  std::lock_guard lock(mu_);
  return Atomically<RecordedPairing>(
      db_, [&] { return sqlite_devices::RecordPairingIn(db_, pairing, now_unix_ms); });
}

Result<RecordedRotation> SqliteDeviceRepository::Rotate(const RotationRequest& request,
                                                        const SignDeviceCertificate& sign,
                                                        int64_t now_unix_ms) {
  std::lock_guard lock(mu_);
  return Atomically<RecordedRotation>(
      db_, [&] { return sqlite_devices::RotateIn(db_, request, sign, now_unix_ms); });
}

Result<identity::RevokeResult> SqliteDeviceRepository::Revoke(std::string_view device_id,
                                                              std::string_view reason,
                                                              int64_t now_unix_ms) {
  std::lock_guard lock(mu_);
  return Atomically<identity::RevokeResult>(
      db_, [&] { return sqlite_devices::RevokeIn(db_, device_id, reason, now_unix_ms); });
}

Result<bool> SqliteDeviceRepository::Remove(std::string_view device_id, int64_t now_unix_ms) {
  std::lock_guard lock(mu_);
  return Atomically<bool>(db_,
                          [&] { return sqlite_devices::RemoveIn(db_, device_id, now_unix_ms); });
}

Result<bool> SqliteDeviceRepository::ClearRevokedDevice(std::string_view device_id) {
  std::lock_guard lock(mu_);
  return Atomically<bool>(db_, [&]() -> Result<bool> {
    PALYRA_ASSIGN_OR_RETURN(Statement del,
                            db_.Prepare("DELETE FROM revoked_devices WHERE device_id = ?1"));
    PALYRA_RETURN_IF_ERROR(del.BindText(1, device_id));
    PALYRA_RETURN_IF_ERROR(del.Run());
    return db_.Changes() > 0;
  });
}

Result<int64_t> SqliteDeviceRepository::ClearRevokedDevices() {
  std::lock_guard lock(mu_);
  return Atomically<int64_t>(db_, [&]() -> Result<int64_t> {
    PALYRA_RETURN_IF_ERROR(db_.Exec("DELETE FROM revoked_devices"));
    return db_.Changes();
  });
}

Result<identity::PruneResult> SqliteDeviceRepository::PruneExpiredRevocations(
    int64_t expired_by_unix_ms) {
  std::lock_guard lock(mu_);
  return Atomically<identity::PruneResult>(
      db_, [&] { return sqlite_devices::PruneIn(db_, expired_by_unix_ms); });
}

// ---- Queries ----

Result<std::optional<identity::PairedDevice>> SqliteDeviceRepository::GetPairedDevice(
    std::string_view device_id) {
  std::lock_guard lock(mu_);
  // One read snapshot, so the device row and its history agree.
  std::optional<identity::PairedDevice> device;
  PALYRA_RETURN_IF_ERROR(RunReadSnapshot(db_, [&]() -> Status {
    PALYRA_ASSIGN_OR_RETURN(device, sqlite_devices::LoadDevice(db_, device_id));
    return Status::Ok();
  }));
  return device;
}

Result<std::vector<identity::PairedDevice>> SqliteDeviceRepository::ListPairedDevices() {
  std::lock_guard lock(mu_);
  std::vector<identity::PairedDevice> devices;
  PALYRA_RETURN_IF_ERROR(RunReadSnapshot(db_, [&]() -> Status {
    PALYRA_ASSIGN_OR_RETURN(devices, sqlite_devices::ListDevicesIn(db_));
    return Status::Ok();
  }));
  return devices;
}

Result<std::optional<std::string>> SqliteDeviceRepository::DeviceForFingerprint(
    std::string_view fingerprint) {
  std::lock_guard lock(mu_);
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT device_id FROM paired_devices WHERE certificate_fingerprint = ?1 "
                  "UNION SELECT device_id FROM device_certificates WHERE fingerprint = ?1 "
                  "LIMIT 1"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, fingerprint));
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(stmt.ColumnText(0));
}

Result<std::optional<identity::RevokedDevice>> SqliteDeviceRepository::GetRevokedDevice(
    std::string_view device_id) {
  std::lock_guard lock(mu_);
  return sqlite_devices::LoadRevokedDevice(db_, device_id);
}

Result<std::vector<identity::RevokedDevice>> SqliteDeviceRepository::ListRevokedDevices() {
  std::lock_guard lock(mu_);
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT device_id, reason, revoked_at_unix_ms FROM revoked_devices "
                  "ORDER BY device_id"));
  return CollectRows(stmt, [](const Statement& row) -> Result<identity::RevokedDevice> {
    return identity::RevokedDevice{row.ColumnText(0), row.ColumnText(1), row.ColumnInt64(2)};
  });
}

Result<bool> SqliteDeviceRepository::IsFingerprintRevoked(std::string_view fingerprint) {
  std::lock_guard lock(mu_);
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt, db_.Prepare("SELECT 1 FROM revoked_certificates WHERE fingerprint = ?1"));
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, fingerprint));
  return stmt.Step();
}

Result<std::vector<identity::RevokedCertificate>>
SqliteDeviceRepository::ListRevokedCertificates() {
  std::lock_guard lock(mu_);
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT fingerprint, device_id, expires_at_unix_ms, revoked_at_unix_ms, reason "
                  "FROM revoked_certificates ORDER BY revoked_at_unix_ms, fingerprint"));
  return CollectRows(stmt, [](const Statement& row) -> Result<identity::RevokedCertificate> {
    return identity::RevokedCertificate{row.ColumnText(0), row.ColumnText(1), row.ColumnInt64(2),
                                        row.ColumnInt64(3), row.ColumnText(4)};
  });
}

Result<int64_t> SqliteDeviceRepository::RevocationGeneration() {
  std::lock_guard lock(mu_);
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.Prepare("SELECT revocation_generation FROM identity_generation WHERE id = 1"));
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return DataLoss(db_.label() + ": identity_generation row is missing");
  return stmt.ColumnInt64(0);
}

}  // namespace palyra::store
