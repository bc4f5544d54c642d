#pragma once
// Wall-clock time as signed milliseconds since the Unix epoch (UTC), the unit used on the wire
// and in the database (`*_unix_ms` columns), plus conversions and RFC 3339 text for logs.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace palyra {

using SystemTimePoint = std::chrono::system_clock::time_point;

// Current wall-clock time in Unix milliseconds.
int64_t NowUnixMs();

// Conversions between Unix milliseconds and std::chrono::system_clock. ToUnixMs truncates toward
// negative infinity, so sub-millisecond precision is dropped consistently for pre-1970 times too.
SystemTimePoint FromUnixMs(int64_t unix_ms);
int64_t ToUnixMs(SystemTimePoint time);

// "2024-05-06T07:08:09.123Z" (UTC, always three fractional digits). Years outside 0000-9999 are
// clamped to that range so the output is always valid RFC 3339.
std::string FormatRfc3339Ms(int64_t unix_ms);

// Parses RFC 3339 date-times such as "2024-05-06T07:08:09Z", "2024-05-06t07:08:09.5+02:00" or
// "2024-05-06 07:08:09.123456-05:30". Fractions beyond milliseconds are truncated. Errors are
// INVALID_ARGUMENT naming `field`.
Result<int64_t> ParseRfc3339Ms(std::string_view text, std::string_view field = "timestamp");

}  // namespace palyra
