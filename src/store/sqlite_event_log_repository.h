#pragma once
// EventLogRepository on SQLite (tables node_event_heads and node_events).

#include <memory>

#include "store/database.h"
#include "store/event_log_repository.h"

namespace palyra::store {

// Not synchronised: NodeEventLog serialises its calls. Give it a connection of its own.
class SqliteEventLogRepository final : public EventLogRepository {
 public:
  explicit SqliteEventLogRepository(std::unique_ptr<Database> connection)
      : db_(std::move(connection)) {}

  Result<uint64_t> LastSeq(std::string_view device_id) override;
  Result<uint64_t> Append(std::string_view device_id, std::string_view kind,
                          std::string_view payload_json, int64_t created_at_unix_ms) override;
  Result<uint64_t> PrunedThrough(std::string_view device_id) override;
  Result<std::vector<NodeEvent>> ReadAfter(std::string_view device_id, uint64_t after_seq,
                                           size_t limit) override;
  Result<uint64_t> Prune(int64_t created_before_unix_ms, size_t keep_per_device) override;
  Status Forget(std::string_view device_id) override;

 private:
  std::unique_ptr<Database> db_;
};

}  // namespace palyra::store
