#pragma once
// CapabilityRequestRepository on SQLite (table capability_requests, migration 4), on a
// connection the caller owns and shares with its other repositories, so that their writes can
// join one transaction. The statements of the request path are prepared once. Not for use from
// two threads at once (the node runtime serialises its calls).

#include <memory>

#include "store/capability_request_repository.h"
#include "store/database.h"

namespace palyra::store {

class SqliteCapabilityRequestRepository final : public CapabilityRequestRepository {
 public:
  // `db` must outlive the repository.
  static Result<std::unique_ptr<SqliteCapabilityRequestRepository>> Create(Database& db);
  ~SqliteCapabilityRequestRepository() override;
  SqliteCapabilityRequestRepository(const SqliteCapabilityRequestRepository&) = delete;
  SqliteCapabilityRequestRepository& operator=(const SqliteCapabilityRequestRepository&) = delete;

  Status Insert(const CapabilityRequestRecord& record) override;
  Result<std::optional<CapabilityRequestRecord>> Get(std::string_view request_id) override;
  Result<std::optional<CapabilityRequestRecord>> FindByIdempotencyKey(
      std::string_view device_id, std::string_view key) override;
  Result<std::vector<CapabilityRequestRecord>> ListByDevice(std::string_view device_id,
                                                            size_t limit) override;
  Status MarkDispatched(std::string_view request_id, std::string_view device_id,
                        int64_t now_unix_ms) override;
  Status MarkAwaitingMediation(std::string_view request_id, int64_t now_unix_ms) override;
  Status Finish(std::string_view request_id, CapabilityRequestState from, CapabilityRequestState to,
                std::string_view output_json, const std::optional<std::string>& output_summary,
                const std::optional<std::string>& error, int64_t now_unix_ms) override;
  Result<int64_t> FailAllLive(std::string_view error, int64_t now_unix_ms) override;
  Result<CapabilityRequestStateCounts> CountByState() override;
  Result<CapabilityRequestStateCounts> PruneHistory(int64_t completed_before_unix_ms,
                                                    size_t keep_per_device, size_t limit) override;

 private:
  struct Statements;
  SqliteCapabilityRequestRepository(Database& db, std::unique_ptr<Statements> stmts);
  Result<std::optional<CapabilityRequestRecord>> SelectOne(Statement& stmt);
  // PruneHistory's second pass: `device_id`'s oldest finished requests beyond the newest
  // `keep_per_device`, at most `budget` of them.
  Status PruneDevice(const std::string& device_id, size_t keep_per_device, size_t& budget,
                     CapabilityRequestStateCounts& deleted);

  Database& db_;
  std::unique_ptr<Statements> stmts_;
};

}  // namespace palyra::store
