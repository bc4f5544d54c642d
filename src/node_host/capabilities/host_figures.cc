#include "node_host/capabilities/host_figures.h"

#include <stdlib.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <charconv>
#include <limits>
#include <string>

#include "common/files.h"
#include "common/strings.h"

namespace palyra::node_host {
namespace {

// /proc/meminfo is about 1.5 KiB, the others a line; anything far larger is not what we expect.
constexpr size_t kMaxProcFileBytes = 64 * 1024;

std::optional<std::string> ReadProcFile(const char* path) {
  Result<std::string> text = ReadFileBounded(path, kMaxProcFileBytes);
  if (!text.ok()) return std::nullopt;
  return std::move(text).value();
}

// A decimal unsigned number filling all of `text`.
std::optional<uint64_t> ParseUnsigned(std::string_view text) {
  uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

bool IsAllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<uint64_t> CheckedMultiply(uint64_t a, uint64_t b) {
  uint64_t product = 0;
  if (__builtin_mul_overflow(a, b, &product)) return std::nullopt;
  return product;
}

// One meminfo value: "      16318216 kB" -> bytes.
std::optional<uint64_t> ParseMeminfoValue(std::string_view text) {
  text = TrimAsciiWhitespace(text);
  uint64_t multiplier = 1;
  if (text.size() > 3 && text.substr(text.size() - 3) == " kB") {
    multiplier = 1024;
    text.remove_suffix(3);
    text = TrimAsciiWhitespace(text);
  }
  const std::optional<uint64_t> value = ParseUnsigned(text);
  if (!value) return std::nullopt;
  return CheckedMultiply(*value, multiplier);
}

}  // namespace

std::optional<std::array<double, 3>> ReadLoadAverage() {
  std::array<double, 3> loads{};
  if (::getloadavg(loads.data(), 3) != 3) return std::nullopt;
  return loads;
}

std::optional<MemoryFigures> ParseMeminfo(std::string_view text) {
  MemoryFigures figures;
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = line.substr(0, colon);
    if (key == "MemTotal") figures.total_bytes = ParseMeminfoValue(line.substr(colon + 1));
    if (key == "MemAvailable") figures.available_bytes = ParseMeminfoValue(line.substr(colon + 1));
  }
  if (!figures.total_bytes && !figures.available_bytes) return std::nullopt;
  return figures;
}

std::optional<MemoryFigures> ReadMemory() {
  const std::optional<std::string> text = ReadProcFile("/proc/meminfo");
  if (!text) return std::nullopt;
  return ParseMeminfo(*text);
}

std::optional<DiskFigures> ReadDisk(const std::filesystem::path& path) {
  struct statvfs st {};
  if (path.empty() || ::statvfs(path.c_str(), &st) != 0) return std::nullopt;
  const uint64_t unit = st.f_frsize != 0 ? st.f_frsize : st.f_bsize;
  const std::optional<uint64_t> total = CheckedMultiply(st.f_blocks, unit);
  const std::optional<uint64_t> available = CheckedMultiply(st.f_bavail, unit);
  const std::optional<uint64_t> free = CheckedMultiply(st.f_bfree, unit);
  if (!total || !available || !free || *free > *total) return std::nullopt;
  return DiskFigures{*total, *available, *total - *free};
}

std::optional<int64_t> ParseUptimeMs(std::string_view text) {
  text = TrimAsciiWhitespace(text);
  const std::string_view first = text.substr(0, text.find(' '));
  const size_t dot = first.find('.');
  const std::optional<uint64_t> seconds = ParseUnsigned(first.substr(0, dot));
  if (!seconds) return std::nullopt;
  // Milliseconds from at most three fraction digits ("12.3" is 12300 ms, "12.34567" 12345 ms).
  uint64_t millis = 0;
  if (dot != std::string_view::npos) {
    const std::string_view fraction = first.substr(dot + 1);
    if (!IsAllDigits(fraction)) return std::nullopt;
    uint64_t scale = 100;
    for (size_t i = 0; i < fraction.size() && i < 3; ++i, scale /= 10) {
      millis += static_cast<uint64_t>(fraction[i] - '0') * scale;
    }
  }
  const std::optional<uint64_t> total = CheckedMultiply(*seconds, 1000);
  if (!total || *total > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) - millis) {
    return std::nullopt;
  }
  return static_cast<int64_t>(*total + millis);
}

std::optional<int64_t> ReadUptimeMs() {
  const std::optional<std::string> text = ReadProcFile("/proc/uptime");
  if (!text) return std::nullopt;
  return ParseUptimeMs(*text);
}

std::optional<uint64_t> ParseStatmRssBytes(std::string_view text, uint64_t page_size) {
  text = TrimAsciiWhitespace(text);
  const size_t first_space = text.find(' ');
  if (first_space == std::string_view::npos) return std::nullopt;
  std::string_view rest = text.substr(first_space + 1);
  const std::optional<uint64_t> pages = ParseUnsigned(rest.substr(0, rest.find(' ')));
  if (!pages || page_size == 0) return std::nullopt;
  return CheckedMultiply(*pages, page_size);
}

std::optional<uint64_t> ReadProcessRssBytes() {
  const long page_size = ::sysconf(_SC_PAGESIZE);
  if (page_size <= 0) return std::nullopt;
  const std::optional<std::string> text = ReadProcFile("/proc/self/statm");
  if (!text) return std::nullopt;
  return ParseStatmRssBytes(*text, static_cast<uint64_t>(page_size));
}

}  // namespace palyra::node_host
