#include "daemon/node_runtime/input_validation.h"

#include <algorithm>

#include "common/strings.h"
#include "daemon/node_runtime/capability_request.h"

namespace palyra::node_runtime {

std::string Quoted(std::string_view text) { return "`" + std::string(text) + "`"; }

// A name from the network: trimmed, non-empty, bounded. Long names are not echoed back.
Result<std::string> CleanName(std::string_view raw, std::string_view field, size_t max_bytes) {
  const std::string_view name = TrimAsciiWhitespace(raw);
  if (name.empty()) return InvalidArgument(std::string(field) + " must not be empty");
  if (name.size() > max_bytes) {
    return InvalidArgument(std::string(field) + " must be at most " + std::to_string(max_bytes) +
                           " bytes (got " + std::to_string(name.size()) + ")");
  }
  for (char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return InvalidArgument(std::string(field) + " must not contain control characters");
    }
  }
  return std::string(name);
}

Result<std::vector<NodeCapability>> CleanCapabilities(const std::vector<NodeCapability>& in) {
  if (in.size() > kMaxCapabilitiesPerNode) {
    return InvalidArgument("a node may register at most " +
                           std::to_string(kMaxCapabilitiesPerNode) + " capabilities (got " +
                           std::to_string(in.size()) + ")");
  }
  std::vector<NodeCapability> out;
  out.reserve(in.size());
  for (const NodeCapability& capability : in) {
    PALYRA_ASSIGN_OR_RETURN(std::string name,
                            CleanName(capability.name, "capability name", kMaxCapabilityNameBytes));
    out.push_back({std::move(name), capability.available});
  }
  std::sort(out.begin(), out.end(),
            [](const NodeCapability& a, const NodeCapability& b) { return a.name < b.name; });
  for (size_t i = 1; i < out.size(); ++i) {
    if (out[i].name == out[i - 1].name) {
      return InvalidArgument("capability " + Quoted(out[i].name) + " is listed more than once");
    }
  }
  return out;
}

}  // namespace palyra::node_runtime
