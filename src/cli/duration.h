#pragma once
// Durations on the command line: "500ms", "90s", "10m", "1h", or a plain integer meaning seconds.
// Exactly one number and one unit; no signs, fractions, spaces or combinations ("1h30m").

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace palyra::cli {

// Milliseconds, or INVALID_ARGUMENT naming `what` (e.g. "--ttl") and the accepted forms.
Result<int64_t> ParseDurationMs(std::string_view text, std::string_view what);

// Like ParseDurationMs, and also checks min_ms <= value <= max_ms.
Result<int64_t> ParseDurationInRangeMs(std::string_view text, std::string_view what, int64_t min_ms,
                                       int64_t max_ms);

// Compact human text for a non-negative span: "500ms", "45s", "9m59s", "2h5m", "3d4h".
// Negative values are printed as their magnitude with a leading '-'.
std::string FormatDurationMs(int64_t ms);

}  // namespace palyra::cli
