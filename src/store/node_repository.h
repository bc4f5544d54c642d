#pragma once
// Where registered nodes and their capabilities are kept. The node runtime reads them all once
// at open and keeps them in memory; it writes through here after it checked a change.
//
// Each call is atomic on its own. Inside a unit of work that spans calls (a GroupCommit op, see
// store/group_commit.h), a failed call leaves that unit to be undone by its owner.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/node_record.h"

namespace palyra::store {

class NodeRepository {
 public:
  virtual ~NodeRepository() = default;

  // Every node with its capabilities (sorted by device_id, capabilities by name). Presence is
  // not stored; it is left at its default.
  virtual Result<std::vector<NodeRecord>> LoadAll() = 0;
  // Inserts or updates the node (registered_at is kept on update) and replaces its
  // capabilities wholesale.
  virtual Status Upsert(const NodeRecord& node, int64_t now_unix_ms) = 0;
  // Sets one capability's availability (adding the capability when missing) and records
  // `presence`, the event that says so.
  virtual Status SetCapability(std::string_view device_id, const NodeCapability& capability,
                               const NodePresenceRow& presence, int64_t now_unix_ms) = 0;
  // Writes the presence of every row's node.
  virtual Status UpdatePresence(std::span<const NodePresenceRow> rows, int64_t now_unix_ms) = 0;
  // True when the node existed; its capabilities go with it.
  virtual Result<bool> Delete(std::string_view device_id) = 0;
};

}  // namespace palyra::store
