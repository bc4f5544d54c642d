#pragma once
// The operating-system figures system.health reports. Each reader returns nullopt when its figure
// cannot be had (not Linux, /proc not mounted, a format we do not understand), so one missing
// figure becomes a JSON null instead of failing the whole capability. The parsers are separate
// so their handling of odd /proc text can be tested directly.

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

namespace palyra::node_host {

// getloadavg(): 1, 5 and 15 minute averages.
std::optional<std::array<double, 3>> ReadLoadAverage();

struct MemoryFigures {
  std::optional<uint64_t> total_bytes;      // MemTotal
  std::optional<uint64_t> available_bytes;  // MemAvailable (absent before Linux 3.14)
};
// /proc/meminfo text; nullopt when neither figure is present.
std::optional<MemoryFigures> ParseMeminfo(std::string_view text);
std::optional<MemoryFigures> ReadMemory();

struct DiskFigures {
  uint64_t total_bytes = 0;
  uint64_t available_bytes = 0;  // to unprivileged users (f_bavail)
  uint64_t used_bytes = 0;       // total minus free (f_bfree)
};
// statvfs() of the file system holding `path`.
std::optional<DiskFigures> ReadDisk(const std::filesystem::path& path);

// /proc/uptime text ("12345.67 2345.89"): the first number, in milliseconds.
std::optional<int64_t> ParseUptimeMs(std::string_view text);
std::optional<int64_t> ReadUptimeMs();

// /proc/self/statm text: the second field (resident pages) times `page_size`.
std::optional<uint64_t> ParseStatmRssBytes(std::string_view text, uint64_t page_size);
std::optional<uint64_t> ReadProcessRssBytes();

}  // namespace palyra::node_host
