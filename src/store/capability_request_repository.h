#pragma once
// Where capability requests are kept, live ones and their history. The node runtime mirrors the
// live ones in memory and reads back only what it does not hold (finished requests, listings).
//
// State-changing calls are guarded by the state the caller expects the row to be in, so a row
// can only move along the edges the runtime checked; a guard that matches no row is reported as
// FAILED_PRECONDITION and changes nothing.
//
// Each call is atomic on its own. Inside a unit of work that spans calls (a GroupCommit op, see
// store/group_commit.h), a failed call leaves that unit to be undone by its owner.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/capability_request_record.h"

namespace palyra::store {

class CapabilityRequestRepository {
 public:
  virtual ~CapabilityRequestRepository() = default;

  // ALREADY_EXISTS for a request_id (or device and idempotency key) already stored.
  virtual Status Insert(const CapabilityRequestRecord& record) = 0;
  virtual Result<std::optional<CapabilityRequestRecord>> Get(std::string_view request_id) = 0;
  virtual Result<std::optional<CapabilityRequestRecord>> FindByIdempotencyKey(
      std::string_view device_id, std::string_view key) = 0;
  // The device's requests, newest first (created_at, then request_id), at most `limit`.
  virtual Result<std::vector<CapabilityRequestRecord>> ListByDevice(std::string_view device_id,
                                                                    size_t limit) = 0;

  // queued -> dispatched (to `device_id`).
  virtual Status MarkDispatched(std::string_view request_id, std::string_view device_id,
                                int64_t now_unix_ms) = 0;
  // dispatched -> awaiting_local_mediation.
  virtual Status MarkAwaitingMediation(std::string_view request_id, int64_t now_unix_ms) = 0;
  // `from` -> `to` (terminal): input_json is cleared, completed_at stamped.
  virtual Status Finish(std::string_view request_id, CapabilityRequestState from,
                        CapabilityRequestState to, std::string_view output_json,
                        const std::optional<std::string>& output_summary,
                        const std::optional<std::string>& error, int64_t now_unix_ms) = 0;
  // Every live request ends failed with `error`. Returns how many.
  virtual Result<int64_t> FailAllLive(std::string_view error, int64_t now_unix_ms) = 0;

  // Stored requests per state, history included.
  virtual Result<CapabilityRequestStateCounts> CountByState() = 0;
  // Deletes up to `limit` finished requests: those completed before `completed_before_unix_ms`,
  // then, for each device with more than `keep_per_device` requests, its oldest finished ones
  // beyond that many. Live requests are never touched. Returns the deleted rows per state.
  virtual Result<CapabilityRequestStateCounts> PruneHistory(int64_t completed_before_unix_ms,
                                                            size_t keep_per_device,
                                                            size_t limit) = 0;
};

}  // namespace palyra::store
