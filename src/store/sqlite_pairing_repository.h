#pragma once
// PairingRepository on SQLite (tables pairing_codes and pairing_requests, migration 3; and the
// device tables for the step that finalises a pairing). Each step is one BEGIN IMMEDIATE
// transaction on the repository's own connection, so concurrent steps from other processes
// queue on SQLite's busy timeout.

#include <memory>
#include <mutex>

#include "store/database.h"
#include "store/pairing_repository.h"

namespace palyra::store {

class SqlitePairingRepository final : public PairingRepository {
 public:
  explicit SqlitePairingRepository(std::unique_ptr<Database> connection)
      : db_(std::move(connection)) {}

  Status RunAtomically(const std::function<Status(PairingSteps&)>& step) override;

 private:
  std::unique_ptr<Database> db_;
  std::mutex mu_;  // one step at a time on the connection
};

// The steps, on a connection that is inside the step's transaction. Internal to src/store.
class SqlitePairingSteps final : public PairingSteps {
 public:
  explicit SqlitePairingSteps(Database& db) : db_(db) {}

  // Codes (sqlite_pairing_codes.cc).
  Result<int64_t> CountLiveCodes(int64_t now_unix_ms) override;
  Status InsertCode(const identity::PairingCodeRecord& code,
                    const identity::PairingCodeHash& hash) override;
  Result<bool> DeleteExpiredCodeWithHash(const identity::PairingCodeHash& hash,
                                         int64_t now_unix_ms) override;
  Result<std::optional<identity::PairingCodeRecord>> FindUnfinishedCode(
      const identity::PairingCodeHash& hash) override;
  Status ReserveCode(std::string_view code_id, std::string_view reservation_id,
                     int64_t reserved_until_unix_ms, int64_t now_unix_ms) override;
  Result<std::optional<identity::PairingCodeRecord>> FindReservation(
      std::string_view reservation_id, int64_t now_unix_ms) override;
  Status ReleaseCode(std::string_view code_id, int64_t now_unix_ms) override;
  Result<std::optional<identity::CodeFailureOutcome>> RecordCodeFailure(
      std::string_view code_id, int max_failed_attempts, int64_t now_unix_ms) override;
  Result<bool> ConsumeCode(std::string_view code_id, std::string_view request_id,
                           int64_t now_unix_ms) override;
  Result<bool> CancelCode(std::string_view code_id, int64_t now_unix_ms) override;
  Result<std::optional<identity::PairingCodeRecord>> GetCode(std::string_view code_id) override;
  Result<std::vector<identity::PairingCodeRecord>> ListCodes(bool include_finished,
                                                             int64_t now_unix_ms) override;
  Result<int64_t> PruneCodes(int64_t now_unix_ms) override;

  // Requests (sqlite_pairing_requests.cc).
  Status InsertRequest(const identity::PairingRequest& request) override;
  Result<std::optional<identity::PairingRequest>> GetRequest(std::string_view request_id) override;
  Result<std::vector<identity::PairingRequest>> ListRequests(
      std::optional<identity::PairingRequestState> state,
      std::optional<std::string_view> device_id, size_t limit) override;
  Result<bool> TransitionRequest(std::string_view request_id, identity::PairingRequestState from,
                                 const identity::PairingDecision& decision,
                                 int64_t now_unix_ms) override;
  Result<bool> CompleteRequest(std::string_view request_id,
                               const identity::PairingCompletion& completion,
                               int64_t now_unix_ms) override;
  Result<int64_t> ExpireDueRequests(int64_t now_unix_ms) override;
  Result<int64_t> PruneRequests(int64_t now_unix_ms) override;

  // Devices (sqlite_pairing_repository.cc).
  Result<std::optional<identity::PairedDevice>> GetPairedDevice(
      std::string_view device_id) override;
  Result<std::optional<identity::RevokedDevice>> GetRevokedDevice(
      std::string_view device_id) override;
  Result<RecordedPairing> RecordPairing(const NewPairing& pairing, int64_t now_unix_ms) override;

 private:
  Database& db_;
};

}  // namespace palyra::store
