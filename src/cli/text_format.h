#pragma once
// Plain-text output helpers for people: timestamps, tables, and making strings that came from the
// network safe to show on one terminal line.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace palyra::cli {

// "2024-05-06T07:08:09.123Z (in 9m59s)" / "(3m ago)"; "-" for 0 (never / not set).
std::string FormatTimestamp(int64_t unix_ms, int64_t now_unix_ms);

// Replaces control characters (including newlines and ESC) with '?' and cuts after `max_bytes`
// (adding "..."), so that text from the daemon cannot break lines or drive the terminal.
std::string SanitizeForTerminal(std::string_view text, size_t max_bytes = 4096);

// Left-aligned columns separated by two spaces, a header row first; cells are sanitized.
std::string FormatTable(const std::vector<std::string>& headers,
                        const std::vector<std::vector<std::string>>& rows);

// One JSON document as text. Invalid UTF-8 in strings is replaced rather than thrown on.
// pretty: two-space indentation; otherwise one line (NDJSON).
std::string DumpJson(const nlohmann::json& value, bool pretty);

}  // namespace palyra::cli
