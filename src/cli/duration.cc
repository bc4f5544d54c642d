#include "cli/duration.h"

#include <limits>

namespace palyra::cli {
namespace {

constexpr std::string_view kForms = "use e.g. 500ms, 90s, 10m, 1h, or a whole number of seconds";

}  // namespace

Result<int64_t> ParseDurationMs(std::string_view text, std::string_view what) {
  auto bad = [&] {
    return InvalidArgument(std::string(what) + ": '" + std::string(text.substr(0, 32)) +
                           "' is not a duration; " + std::string(kForms));
  };
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0) return bad();
  std::string_view unit = text.substr(digits);
  int64_t scale = 0;
  if (unit.empty() || unit == "s") {
    scale = 1000;
  } else if (unit == "ms") {
    scale = 1;
  } else if (unit == "m") {
    scale = 60 * 1000;
  } else if (unit == "h") {
    scale = 60 * 60 * 1000;
  } else {
    return bad();
  }
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  int64_t value = 0;
  for (size_t i = 0; i < digits; ++i) {
    int digit = text[i] - '0';
    if (value > (kMax - digit) / 10) return InvalidArgument(std::string(what) + ": too large");
    value = value * 10 + digit;
  }
  if (value > kMax / scale) return InvalidArgument(std::string(what) + ": too large");
  return value * scale;
}

Result<int64_t> ParseDurationInRangeMs(std::string_view text, std::string_view what, int64_t min_ms,
                                       int64_t max_ms) {
  PALYRA_ASSIGN_OR_RETURN(int64_t ms, ParseDurationMs(text, what));
  if (ms < min_ms || ms > max_ms) {
    return InvalidArgument(std::string(what) + ": " + FormatDurationMs(ms) +
                           " is out of range; it must be between " + FormatDurationMs(min_ms) +
                           " and " + FormatDurationMs(max_ms));
  }
  return ms;
}

std::string FormatDurationMs(int64_t ms) {
  if (ms < 0) {
    // The magnitude of INT64_MIN does not fit; one millisecond less is close enough for people.
    return "-" + FormatDurationMs(ms == std::numeric_limits<int64_t>::min() ? -(ms + 1) : -ms);
  }
  if (ms < 1000) return std::to_string(ms) + "ms";
  int64_t s = ms / 1000;
  if (s < 60) return std::to_string(s) + "s";
  auto two = [](int64_t big, const char* big_unit, int64_t small, const char* small_unit) {
    std::string out = std::to_string(big) + big_unit;
    if (small != 0) out += std::to_string(small) + small_unit;
    return out;
  };
  if (s < 3600) return two(s / 60, "m", s % 60, "s");
  if (s < 2 * 86400) return two(s / 3600, "h", (s % 3600) / 60, "m");
  return two(s / 86400, "d", (s % 86400) / 3600, "h");
}

}  // namespace palyra::cli
