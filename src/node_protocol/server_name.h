#pragma once
// The name the node listener's certificate carries and every node checks, whatever address it
// dials (an IP, a NAT'd address, a name): both ends of the node contract take it from here.

#include <string_view>

namespace palyra::node_protocol {

inline constexpr std::string_view kNodeServerName = "palyrad-node-rpc";

}  // namespace palyra::node_protocol
