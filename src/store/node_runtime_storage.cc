#include "store/node_runtime_storage.h"

#include <utility>

#include "store/group_commit_checkpointer.h"
#include "store/sqlite_capability_request_repository.h"
#include "store/sqlite_node_repository.h"

namespace palyra::store {

Result<std::unique_ptr<NodeRuntimeStorage>> NodeRuntimeStorage::Open(
    const ConnectionFactory& connections, int64_t checkpoint_interval_ms) {
  std::unique_ptr<NodeRuntimeStorage> out(new NodeRuntimeStorage());
  PALYRA_ASSIGN_OR_RETURN(out->writer_, connections.Connect());
  Database& db = *out->writer_;
  // Savepoint journals stay in memory; a larger page cache keeps the indexes' hot pages.
  PALYRA_RETURN_IF_ERROR(db.Exec("PRAGMA temp_store=MEMORY"));
  PALYRA_RETURN_IF_ERROR(db.Exec("PRAGMA cache_size=-16384"));
  PALYRA_ASSIGN_OR_RETURN(out->transaction_, GroupCommitTransaction::Create(db));
  out->group_commit_ = std::make_unique<GroupCommit>(*out->transaction_, "node runtime");
  PALYRA_ASSIGN_OR_RETURN(out->nodes_, SqliteNodeRepository::Create(db));
  PALYRA_ASSIGN_OR_RETURN(out->requests_, SqliteCapabilityRequestRepository::Create(db));
  if (checkpoint_interval_ms > 0) {
    PALYRA_ASSIGN_OR_RETURN(
        out->checkpointer_,
        GroupCommitCheckpointer::Start(connections, db, checkpoint_interval_ms, "node runtime"));
  }
  return out;
}

NodeRuntimeStorage::~NodeRuntimeStorage() = default;

}  // namespace palyra::store
