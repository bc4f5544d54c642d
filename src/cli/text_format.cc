#include "cli/text_format.h"

#include <algorithm>

#include "cli/duration.h"
#include "common/time.h"

namespace palyra::cli {

std::string FormatTimestamp(int64_t unix_ms, int64_t now_unix_ms) {
  if (unix_ms == 0) return "-";
  std::string out = FormatRfc3339Ms(unix_ms);
  int64_t delta = unix_ms - now_unix_ms;
  if (delta >= 0) {
    out += " (in " + FormatDurationMs(delta) + ")";
  } else {
    out += " (" + FormatDurationMs(delta).substr(1) + " ago)";
  }
  return out;
}

std::string SanitizeForTerminal(std::string_view text, size_t max_bytes) {
  std::string out;
  bool cut = text.size() > max_bytes;
  if (cut) text = text.substr(0, max_bytes);
  out.reserve(text.size() + 3);
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    out += (u < 0x20 || u == 0x7f) ? '?' : c;
  }
  if (cut) out += "...";
  return out;
}

namespace {

// Terminal cells taken by UTF-8 text, counting each code point as one cell (continuation bytes
// are not counted). Good enough for ids, names and the block characters we print.
size_t DisplayWidth(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

std::string FormatTable(const std::vector<std::string>& headers,
                        const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::vector<std::string>> all;
  all.push_back(headers);
  for (const auto& row : rows) {
    std::vector<std::string> clean;
    for (const auto& cell : row) clean.push_back(SanitizeForTerminal(cell, 512));
    all.push_back(std::move(clean));
  }
  std::vector<size_t> widths(headers.size(), 0);
  for (const auto& row : all) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  std::string out;
  for (const auto& row : all) {
    std::string line;
    for (size_t i = 0; i < widths.size(); ++i) {
      const std::string cell = i < row.size() ? row[i] : "";
      line += cell;
      if (i + 1 < widths.size()) line += std::string(widths[i] - DisplayWidth(cell) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string DumpJson(const nlohmann::json& value, bool pretty) {
  return value.dump(pretty ? 2 : -1, ' ', /*ensure_ascii=*/false,
                    nlohmann::json::error_handler_t::replace);
}

}  // namespace palyra::cli
