#pragma once
// Reading one named string out of a capability's input JSON without ever throwing: nlohmann's
// accessors throw on a type mismatch, and a malformed dispatch must become an error, not a crash.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/status.h"

namespace palyra::node_host {

// `input` must be an object holding `field` as a non-blank string; returns it unchanged.
// INVALID_ARGUMENT naming `capability` and `field` otherwise.
Result<std::string> RequireStringField(const nlohmann::json& input, std::string_view capability,
                                       std::string_view field);

}  // namespace palyra::node_host
