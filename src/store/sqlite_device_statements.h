#pragma once
// The device aggregate's SQL, as steps that run inside a transaction the caller holds on `db`.
// SqliteDeviceRepository wraps each in its own transaction; the SQLite pairing repository runs
// RecordPairingIn inside the transaction that also completes the pairing request. Internal to
// src/store.

#include <optional>
#include <string_view>

#include "common/status.h"
#include "store/database.h"
#include "store/device_repository.h"

namespace palyra::store::sqlite_devices {

Result<std::optional<identity::PairedDevice>> LoadDevice(Database& db,
                                                         std::string_view device_id);
Result<std::optional<identity::RevokedDevice>> LoadRevokedDevice(Database& db,
                                                                 std::string_view device_id);

Result<RecordedPairing> RecordPairingIn(Database& db, const NewPairing& pairing,
                                        int64_t now_unix_ms);
Result<RecordedRotation> RotateIn(Database& db, const RotationRequest& request,
                                  const SignDeviceCertificate& sign, int64_t now_unix_ms);
Result<identity::RevokeResult> RevokeIn(Database& db, std::string_view device_id,
                                        std::string_view reason, int64_t now_unix_ms);
Result<bool> RemoveIn(Database& db, std::string_view device_id, int64_t now_unix_ms);
Result<identity::PruneResult> PruneIn(Database& db, int64_t expired_by_unix_ms);
Result<std::vector<identity::PairedDevice>> ListDevicesIn(Database& db);

}  // namespace palyra::store::sqlite_devices
