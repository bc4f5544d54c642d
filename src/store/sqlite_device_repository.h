#pragma once
// DeviceRepository on SQLite (tables paired_devices, device_certificates, revoked_devices,
// revoked_certificates, identity_generation; migration 2).
//
// Each step is one BEGIN IMMEDIATE transaction that re-reads the state it depends on, so several
// processes can mutate identity state at once without lock files. Called while the connection
// is already in a transaction (a test, or a caller that shares the connection on purpose), a
// step runs in a SAVEPOINT inside it instead: its own failure undoes only its own writes, and
// the caller's COMMIT or ROLLBACK decides the rest.
//
// Threading: the repository serialises its own calls; give it a connection of its own.

#include <memory>
#include <mutex>

#include "store/database.h"
#include "store/device_repository.h"

namespace palyra::store {

class SqliteDeviceRepository final : public DeviceRepository {
 public:
  explicit SqliteDeviceRepository(std::unique_ptr<Database> connection);
  // On a connection the caller owns (and must keep alive), e.g. to wrap steps in its own
  // transaction.
  explicit SqliteDeviceRepository(Database& connection);

  Result<RecordedPairing> RecordPairing(const NewPairing& pairing, int64_t now_unix_ms) override;
  Result<RecordedRotation> Rotate(const RotationRequest& request,
                                  const SignDeviceCertificate& sign,
                                  int64_t now_unix_ms) override;
  Result<identity::RevokeResult> Revoke(std::string_view device_id, std::string_view reason,
                                        int64_t now_unix_ms) override;
  Result<bool> Remove(std::string_view device_id, int64_t now_unix_ms) override;
  Result<bool> ClearRevokedDevice(std::string_view device_id) override;
  Result<int64_t> ClearRevokedDevices() override;
  Result<identity::PruneResult> PruneExpiredRevocations(int64_t expired_by_unix_ms) override;

  Result<std::optional<identity::PairedDevice>> GetPairedDevice(
      std::string_view device_id) override;
  Result<std::vector<identity::PairedDevice>> ListPairedDevices() override;
  Result<std::optional<std::string>> DeviceForFingerprint(std::string_view fingerprint) override;
  Result<std::optional<identity::RevokedDevice>> GetRevokedDevice(
      std::string_view device_id) override;
  Result<std::vector<identity::RevokedDevice>> ListRevokedDevices() override;
  Result<bool> IsFingerprintRevoked(std::string_view fingerprint) override;
  Result<std::vector<identity::RevokedCertificate>> ListRevokedCertificates() override;
  Result<int64_t> RevocationGeneration() override;

  Database& database() { return db_; }

 private:
  std::unique_ptr<Database> owned_;
  Database& db_;
  std::mutex mu_;
};

}  // namespace palyra::store
