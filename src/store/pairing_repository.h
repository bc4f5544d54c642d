#pragma once
// The pairing aggregate: pairing codes (stored by their keyed hash) and pairing requests.
//
// Atomicity: a pairing step reads and changes codes, requests and (when it finalises a pairing)
// the device together, e.g. "consume the code and record the request", "expire the request or
// approve it", "record the paired device and complete the request". So the repository hands out
// one unit of work per step: RunAtomically(step) runs everything `step` does through its
// PairingSteps as one transaction, and undoes all of it when `step` fails. The PairingSteps
// object is only valid inside that call.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "identity/device_records.h"
#include "identity/pairing_records.h"
#include "store/device_repository.h"

namespace palyra::store {

// What one atomic pairing step may read and write.
class PairingSteps {
 public:
  virtual ~PairingSteps() = default;

  // ---- Codes ----
  // Live = active or reserved, and not expired at `now`.
  virtual Result<int64_t> CountLiveCodes(int64_t now_unix_ms) = 0;
  // Stores a new active code. ALREADY_EXISTS when an unfinished code has the same hash.
  virtual Status InsertCode(const identity::PairingCodeRecord& code,
                            const identity::PairingCodeHash& hash) = 0;
  // Deletes an expired, unfinished code holding `hash` (it still blocks the hash); whether one was.
  virtual Result<bool> DeleteExpiredCodeWithHash(const identity::PairingCodeHash& hash,
                                                 int64_t now_unix_ms) = 0;
  // The unfinished (active or reserved) code with this hash, expired or not.
  virtual Result<std::optional<identity::PairingCodeRecord>> FindUnfinishedCode(
      const identity::PairingCodeHash& hash) = 0;
  virtual Status ReserveCode(std::string_view code_id, std::string_view reservation_id,
                             int64_t reserved_until_unix_ms, int64_t now_unix_ms) = 0;
  // The code reserved (and still held) by `reservation_id`.
  virtual Result<std::optional<identity::PairingCodeRecord>> FindReservation(
      std::string_view reservation_id, int64_t now_unix_ms) = 0;
  // reserved -> active.
  virtual Status ReleaseCode(std::string_view code_id, int64_t now_unix_ms) = 0;
  // Counts a failed verification of a live code and ends its reservation: burned at
  // `max_failed_attempts`, otherwise active again. nullopt when the code is not live.
  virtual Result<std::optional<identity::CodeFailureOutcome>> RecordCodeFailure(
      std::string_view code_id, int max_failed_attempts, int64_t now_unix_ms) = 0;
  // reserved -> consumed by `request_id`; false when the code is no longer reserved.
  virtual Result<bool> ConsumeCode(std::string_view code_id, std::string_view request_id,
                                   int64_t now_unix_ms) = 0;
  // active|reserved -> cancelled; false when unknown or already finished.
  virtual Result<bool> CancelCode(std::string_view code_id, int64_t now_unix_ms) = 0;
  virtual Result<std::optional<identity::PairingCodeRecord>> GetCode(std::string_view code_id) = 0;
  // Newest first; live codes only unless `include_finished`.
  virtual Result<std::vector<identity::PairingCodeRecord>> ListCodes(bool include_finished,
                                                                     int64_t now_unix_ms) = 0;
  // Deletes expired live codes and finished codes past the audit retention; how many.
  virtual Result<int64_t> PruneCodes(int64_t now_unix_ms) = 0;

  // ---- Requests ----
  // ALREADY_EXISTS when the request id is taken.
  virtual Status InsertRequest(const identity::PairingRequest& request) = 0;
  virtual Result<std::optional<identity::PairingRequest>> GetRequest(
      std::string_view request_id) = 0;
  // Newest first, optionally one state and/or one device; at most `limit`.
  virtual Result<std::vector<identity::PairingRequest>> ListRequests(
      std::optional<identity::PairingRequestState> state,
      std::optional<std::string_view> device_id, size_t limit) = 0;
  // Applies `decision` when the stored state is still `from`; false otherwise.
  virtual Result<bool> TransitionRequest(std::string_view request_id,
                                         identity::PairingRequestState from,
                                         const identity::PairingDecision& decision,
                                         int64_t now_unix_ms) = 0;
  // approved -> completed with the issued material; false when no longer approved.
  virtual Result<bool> CompleteRequest(std::string_view request_id,
                                       const identity::PairingCompletion& completion,
                                       int64_t now_unix_ms) = 0;
  // Every pending or approved request at or past its deadline becomes expired, with the reason
  // for its state. How many.
  virtual Result<int64_t> ExpireDueRequests(int64_t now_unix_ms) = 0;
  // Deletes finished requests past the retention; how many.
  virtual Result<int64_t> PruneRequests(int64_t now_unix_ms) = 0;

  // ---- The device a step finalises ----
  virtual Result<std::optional<identity::PairedDevice>> GetPairedDevice(
      std::string_view device_id) = 0;
  virtual Result<std::optional<identity::RevokedDevice>> GetRevokedDevice(
      std::string_view device_id) = 0;
  // As DeviceRepository::RecordPairing, inside this step; when it fails, only its own writes
  // are undone and the step may go on (e.g. to deny the request).
  virtual Result<RecordedPairing> RecordPairing(const NewPairing& pairing,
                                                int64_t now_unix_ms) = 0;
};

class PairingRepository {
 public:
  virtual ~PairingRepository() = default;
  // Runs `step` as one atomic unit of work: committed when it returns OK, undone otherwise.
  virtual Status RunAtomically(const std::function<Status(PairingSteps&)>& step) = 0;
};

}  // namespace palyra::store
