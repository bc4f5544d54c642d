#pragma once
// NodeRepository on SQLite (tables nodes and node_capabilities, migration 4), on a connection
// the caller owns and shares with its other repositories, so that their writes can join one
// transaction. Statements used per call are prepared once. Not for use from two threads at
// once (the node runtime serialises its calls).

#include <memory>

#include "store/database.h"
#include "store/node_repository.h"

namespace palyra::store {

class SqliteNodeRepository final : public NodeRepository {
 public:
  // `db` must outlive the repository.
  static Result<std::unique_ptr<SqliteNodeRepository>> Create(Database& db);
  ~SqliteNodeRepository() override;
  SqliteNodeRepository(const SqliteNodeRepository&) = delete;
  SqliteNodeRepository& operator=(const SqliteNodeRepository&) = delete;

  Result<std::vector<NodeRecord>> LoadAll() override;
  Status Upsert(const NodeRecord& node, int64_t now_unix_ms) override;
  Status SetCapability(std::string_view device_id, const NodeCapability& capability,
                       const NodePresenceRow& presence, int64_t now_unix_ms) override;
  Status UpdatePresence(std::span<const NodePresenceRow> rows, int64_t now_unix_ms) override;
  Result<bool> Delete(std::string_view device_id) override;

 private:
  struct Statements;
  SqliteNodeRepository(Database& db, std::unique_ptr<Statements> stmts);
  Status WriteNode(const NodeRecord& node, int64_t now_unix_ms);
  Status WritePresence(const NodePresenceRow& row, int64_t now_unix_ms);

  Database& db_;
  std::unique_ptr<Statements> stmts_;
};

}  // namespace palyra::store
