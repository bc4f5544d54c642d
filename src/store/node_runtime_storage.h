#pragma once
// Everything the node runtime persists through, on one writer connection from the connection
// factory: the node and capability request repositories and the group commit their writes
// share, plus the background WAL checkpointer. The runtime sees only the interfaces; SQLite
// stays behind this header.

#include <cstdint>
#include <memory>

#include "common/status.h"
#include "store/capability_request_repository.h"
#include "store/connection_factory.h"
#include "store/group_commit.h"
#include "store/group_commit_transaction.h"
#include "store/node_repository.h"

namespace palyra::store {

class GroupCommitCheckpointer;

class NodeRuntimeStorage {
 public:
  // Takes a connection from `connections` for the writer. With a positive
  // `checkpoint_interval_ms` the writer never checkpoints the log itself; a background thread
  // on a second connection does (GroupCommitCheckpointer). 0 leaves SQLite's automatic
  // checkpoints on.
  static Result<std::unique_ptr<NodeRuntimeStorage>> Open(const ConnectionFactory& connections,
                                                          int64_t checkpoint_interval_ms);
  ~NodeRuntimeStorage();
  NodeRuntimeStorage(const NodeRuntimeStorage&) = delete;
  NodeRuntimeStorage& operator=(const NodeRuntimeStorage&) = delete;

  GroupCommit& group_commit() { return *group_commit_; }
  // The batch underneath group_commit(), for tests of the savepoint logic.
  GroupCommitTransaction& transaction() { return *transaction_; }
  NodeRepository& nodes() { return *nodes_; }
  CapabilityRequestRepository& requests() { return *requests_; }

 private:
  NodeRuntimeStorage() = default;

  // Declared in the order they are built; destroyed in reverse, the connection last.
  std::unique_ptr<Database> writer_;
  std::unique_ptr<GroupCommitTransaction> transaction_;
  std::unique_ptr<GroupCommit> group_commit_;
  std::unique_ptr<NodeRepository> nodes_;
  std::unique_ptr<CapabilityRequestRepository> requests_;
  std::unique_ptr<GroupCommitCheckpointer> checkpointer_;
};

}  // namespace palyra::store
