#include "store/sqlite_node_repository.h"

#include <utility>

#include "store/node_runtime_sql.h"
#include "store/transactions.h"

namespace palyra::store {

struct SqliteNodeRepository::Statements {
  Statement upsert_node;
  Statement delete_capabilities;
  Statement insert_capability;
  Statement upsert_capability;
  Statement update_presence;
  Statement delete_node;
};

Result<std::unique_ptr<SqliteNodeRepository>> SqliteNodeRepository::Create(Database& db) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement upsert_node,
      db.Prepare(
          "INSERT INTO nodes (device_id, platform, registered_at_unix_ms, "
          "last_seen_at_unix_ms, last_event_name, last_event_at_unix_ms, "
          "updated_at_unix_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
          "ON CONFLICT (device_id) DO UPDATE SET "
          "platform = excluded.platform, last_seen_at_unix_ms = excluded.last_seen_at_unix_ms, "
          "last_event_name = excluded.last_event_name, "
          "last_event_at_unix_ms = excluded.last_event_at_unix_ms, "
          "updated_at_unix_ms = excluded.updated_at_unix_ms"));
  PALYRA_ASSIGN_OR_RETURN(Statement delete_capabilities,
                          db.Prepare("DELETE FROM node_capabilities WHERE device_id = ?1"));
  PALYRA_ASSIGN_OR_RETURN(
      Statement insert_capability,
      db.Prepare("INSERT INTO node_capabilities (device_id, name, available) VALUES (?1, ?2, ?3)"));
  PALYRA_ASSIGN_OR_RETURN(
      Statement upsert_capability,
      db.Prepare("INSERT INTO node_capabilities (device_id, name, available) VALUES (?1, ?2, ?3) "
                 "ON CONFLICT (device_id, name) DO UPDATE SET available = excluded.available"));
  PALYRA_ASSIGN_OR_RETURN(
      Statement update_presence,
      db.Prepare("UPDATE nodes SET last_seen_at_unix_ms = ?2, last_event_name = ?3, "
                 "last_event_at_unix_ms = ?4, updated_at_unix_ms = ?5 WHERE device_id = ?1"));
  PALYRA_ASSIGN_OR_RETURN(Statement delete_node,
                          db.Prepare("DELETE FROM nodes WHERE device_id = ?1"));
  auto stmts = std::unique_ptr<Statements>(new Statements{
      std::move(upsert_node), std::move(delete_capabilities), std::move(insert_capability),
      std::move(upsert_capability), std::move(update_presence), std::move(delete_node)});
  return std::unique_ptr<SqliteNodeRepository>(new SqliteNodeRepository(db, std::move(stmts)));
}

SqliteNodeRepository::SqliteNodeRepository(Database& db, std::unique_ptr<Statements> stmts)
    : db_(db), stmts_(std::move(stmts)) {}

SqliteNodeRepository::~SqliteNodeRepository() = default;

Result<std::vector<NodeRecord>> SqliteNodeRepository::LoadAll() {
  std::vector<NodeRecord> nodes;
  {
    PALYRA_ASSIGN_OR_RETURN(
        Statement stmt,
        db_.Prepare("SELECT device_id, platform, registered_at_unix_ms, last_seen_at_unix_ms, "
                    "last_event_name, last_event_at_unix_ms FROM nodes ORDER BY device_id"));
    while (true) {
      PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      NodeRecord node;
      node.device_id = stmt.ColumnText(0);
      node.platform = stmt.ColumnText(1);
      node.registered_at_unix_ms = stmt.ColumnInt64(2);
      node.last_seen_at_unix_ms = stmt.ColumnInt64(3);
      node.last_event_name = stmt.ColumnOptionalText(4);
      node.last_event_at_unix_ms = stmt.ColumnOptionalInt64(5);
      nodes.push_back(std::move(node));
    }
  }
  PALYRA_ASSIGN_OR_RETURN(Statement caps,
                          db_.Prepare("SELECT device_id, name, available FROM node_capabilities "
                                      "ORDER BY device_id, name"));
  size_t at = 0;
  while (true) {
    PALYRA_ASSIGN_OR_RETURN(bool row, caps.Step());
    if (!row) break;
    const std::string device_id = caps.ColumnText(0);
    while (at < nodes.size() && nodes[at].device_id < device_id) ++at;
    if (at == nodes.size() || nodes[at].device_id != device_id) continue;  // cannot happen (FK)
    nodes[at].capabilities.push_back({caps.ColumnText(1), caps.ColumnBool(2)});
  }
  return nodes;
}

Status SqliteNodeRepository::Upsert(const NodeRecord& node, int64_t now_unix_ms) {
  return RunAtomically(db_, [&] { return WriteNode(node, now_unix_ms); });
}

Status SqliteNodeRepository::WriteNode(const NodeRecord& node, int64_t now_unix_ms) {
  {
    Statement& stmt = stmts_->upsert_node;
    ResetOnExit reset(stmt);
    PALYRA_RETURN_IF_ERROR(stmt.BindText(1, node.device_id));
    PALYRA_RETURN_IF_ERROR(stmt.BindText(2, node.platform));
    PALYRA_RETURN_IF_ERROR(stmt.BindInt64(3, node.registered_at_unix_ms));
    PALYRA_RETURN_IF_ERROR(stmt.BindInt64(4, node.last_seen_at_unix_ms));
    PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(5, node.last_event_name));
    PALYRA_RETURN_IF_ERROR(stmt.BindOptionalInt64(6, node.last_event_at_unix_ms));
    PALYRA_RETURN_IF_ERROR(stmt.BindInt64(7, now_unix_ms));
    PALYRA_RETURN_IF_ERROR(stmt.Run());
  }
  {
    Statement& stmt = stmts_->delete_capabilities;
    ResetOnExit reset(stmt);
    PALYRA_RETURN_IF_ERROR(stmt.BindText(1, node.device_id));
    PALYRA_RETURN_IF_ERROR(stmt.Run());
  }
  Statement& stmt = stmts_->insert_capability;
  for (const NodeCapability& capability : node.capabilities) {
    ResetOnExit reset(stmt);
    PALYRA_RETURN_IF_ERROR(stmt.BindText(1, node.device_id));
    PALYRA_RETURN_IF_ERROR(stmt.BindText(2, capability.name));
    PALYRA_RETURN_IF_ERROR(stmt.BindBool(3, capability.available));
    PALYRA_RETURN_IF_ERROR(stmt.Run());
  }
  return Status::Ok();
}

Status SqliteNodeRepository::SetCapability(std::string_view device_id,
                                           const NodeCapability& capability,
                                           const NodePresenceRow& presence, int64_t now_unix_ms) {
  return RunAtomically(db_, [&]() -> Status {
    Statement& stmt = stmts_->upsert_capability;
    {
      ResetOnExit reset(stmt);
      PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
      PALYRA_RETURN_IF_ERROR(stmt.BindText(2, capability.name));
      PALYRA_RETURN_IF_ERROR(stmt.BindBool(3, capability.available));
      PALYRA_RETURN_IF_ERROR(stmt.Run());
    }
    return WritePresence(presence, now_unix_ms);
  });
}

Status SqliteNodeRepository::UpdatePresence(std::span<const NodePresenceRow> rows,
                                            int64_t now_unix_ms) {
  return RunAtomically(db_, [&]() -> Status {
    for (const NodePresenceRow& row : rows) PALYRA_RETURN_IF_ERROR(WritePresence(row, now_unix_ms));
    return Status::Ok();
  });
}

Status SqliteNodeRepository::WritePresence(const NodePresenceRow& row, int64_t now_unix_ms) {
  Statement& stmt = stmts_->update_presence;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, row.device_id));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(2, row.last_seen_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalText(3, row.last_event_name));
  PALYRA_RETURN_IF_ERROR(stmt.BindOptionalInt64(4, row.last_event_at_unix_ms));
  PALYRA_RETURN_IF_ERROR(stmt.BindInt64(5, now_unix_ms));
  return stmt.Run();
}

Result<bool> SqliteNodeRepository::Delete(std::string_view device_id) {
  Statement& stmt = stmts_->delete_node;
  ResetOnExit reset(stmt);
  PALYRA_RETURN_IF_ERROR(stmt.BindText(1, device_id));
  PALYRA_RETURN_IF_ERROR(stmt.Run());
  return db_.Changes() == 1;
}

}  // namespace palyra::store
