#pragma once
// Checks for names that arrive from the network (capability names, idempotency keys), shared by
// the node registry and the request queue.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "daemon/node_runtime/node_record.h"

namespace palyra::node_runtime {

// `text` in backquotes, for messages.
std::string Quoted(std::string_view text);
// A name from the network: trimmed, non-empty, bounded, no control characters. Long names are
// not echoed back.
Result<std::string> CleanName(std::string_view raw, std::string_view field, size_t max_bytes);
// Advertised capabilities: at most kMaxCapabilitiesPerNode, names cleaned, sorted by name, no
// name twice.
Result<std::vector<NodeCapability>> CleanCapabilities(const std::vector<NodeCapability>& in);

}  // namespace palyra::node_runtime
