#pragma once
// JSON that comes from the command line, stdin or the wire: parsed with a bound on size and
// nesting depth, so that hostile input cannot exhaust memory or the stack.

#include <cstddef>
#include <istream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace palyra::cli {

inline constexpr size_t kMaxJsonDepth = 128;
// What `nodes invoke --input-stdin` reads at most.
inline constexpr size_t kMaxStdinInputBytes = 1024 * 1024;

// True when arrays/objects nest deeper than `max_depth` (brackets inside strings do not count).
bool JsonNestsDeeperThan(std::string_view text, size_t max_depth);

// INVALID_ARGUMENT naming `what` when `text` is not one JSON value or nests too deep.
Result<nlohmann::json> ParseJsonText(std::string_view text, std::string_view what);

// Reads all of `in`, refusing more than `max_bytes` (INVALID_ARGUMENT).
Result<std::string> ReadStreamBounded(std::istream& in, size_t max_bytes, std::string_view what);

// The input of `nodes invoke`: --input-json wins; else stdin when asked for (blank means null);
// else null. The two flags are mutually exclusive at parse time.
Result<nlohmann::json> ResolveInvokeInput(const std::optional<std::string>& input_json,
                                          bool input_stdin, std::istream& in);

}  // namespace palyra::cli
