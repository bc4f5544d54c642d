#include "store/sqlite_pairing_repository.h"

#include "store/sqlite_device_statements.h"
#include "store/transactions.h"

namespace palyra::store {

Status SqlitePairingRepository::RunAtomically(const std::function<Status(PairingSteps&)>& step) {
  std::lock_guard lock(mu_);
  SqlitePairingSteps steps(*db_);
  return db_->RunInTransaction([&] { return step(steps); });
}

Result<std::optional<identity::PairedDevice>> SqlitePairingSteps::GetPairedDevice(
    std::string_view device_id) {
  return sqlite_devices::LoadDevice(db_, device_id);
}

Result<std::optional<identity::RevokedDevice>> SqlitePairingSteps::GetRevokedDevice(
    std::string_view device_id) {
  return sqlite_devices::LoadRevokedDevice(db_, device_id);
}

Result<RecordedPairing> SqlitePairingSteps::RecordPairing(const NewPairing& pairing,
                                                          int64_t now_unix_ms) {
  // A savepoint inside the step, so a refusal (e.g. the device was revoked meanwhile) leaves the
  // step free to record the denial instead.
  std::optional<RecordedPairing> recorded;
  PALYRA_RETURN_IF_ERROR(store::RunAtomically(db_, [&]() -> Status {
    PALYRA_ASSIGN_OR_RETURN(recorded,
                            sqlite_devices::RecordPairingIn(db_, pairing, now_unix_ms));
    return Status::Ok();
  }));
  return std::move(*recorded);
}

}  // namespace palyra::store
