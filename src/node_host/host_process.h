#pragma once
// The background node host process: its metadata file, liveness that survives PID reuse, and
// starting / stopping it.
//
// node-host-process.json (atomic, 0600):
//   {"schema_version": 1, "pid": 1234, "process_start_ticks": 987654,
//    "stdout_log_path": "...", "stderr_log_path": "...", "started_at_unix_ms": ...}
// process_start_ticks is field 22 of /proc/<pid>/stat (start time in clock ticks since boot). A
// pid is "ours" only while a process with that pid exists AND has the same start time, so a
// recycled pid is never mistaken for the host (upstream checks `kill -0` only).

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"

namespace palyra::node_host {

inline constexpr size_t kMaxProcessMetadataBytes = 16 * 1024;

struct ProcessMetadata {
  pid_t pid = 0;
  uint64_t process_start_ticks = 0;
  std::filesystem::path stdout_log_path;
  std::filesystem::path stderr_log_path;
  int64_t started_at_unix_ms = 0;
};

// NOT_FOUND when absent; INVALID_ARGUMENT (naming the file) when it is not valid metadata.
Result<ProcessMetadata> ReadProcessMetadata(const std::filesystem::path& path);
Status WriteProcessMetadata(const std::filesystem::path& path, const ProcessMetadata& metadata);

// Start time of `pid` from /proc/<pid>/stat; nullopt when no such process (or a zombie).
std::optional<uint64_t> ProcessStartTicks(pid_t pid);
// True while the process described by `metadata` still runs (same pid and same start time).
bool IsSameProcessAlive(const ProcessMetadata& metadata);

struct SpawnSpec {
  std::vector<std::string> argv;              // argv[0] is the executable path
  std::vector<std::string> extra_environment;  // "KEY=value", added to (overriding) ours
  std::filesystem::path stdout_log_path;       // truncated, 0600
  std::filesystem::path stderr_log_path;       // truncated, 0600
};

// Starts `spec` detached: its own session (setsid, so no controlling terminal), stdin from
// /dev/null, stdout/stderr to the logs, no inherited descriptors beyond 0-2. The child is
// double-forked so that it is reparented and never left a zombie of the caller. Returns its
// metadata (pid and start ticks of the final process), not yet written anywhere.
Result<ProcessMetadata> SpawnDetached(const SpawnSpec& spec);

// Sends SIGTERM to the process if it is still the same one, then waits up to `grace` for it to
// exit, then SIGKILL (and waits briefly). Returns true when it was running and was stopped,
// false when it was not running. Never signals a recycled pid.
Result<bool> StopProcess(const ProcessMetadata& metadata, std::chrono::milliseconds grace);

}  // namespace palyra::node_host
