#pragma once
// Crash-safe file helpers. Secrets are written 0600 into 0700 directories by atomic replace
// (temp file in the same directory + fsync + rename + fsync of the directory), so a reader sees
// either the old or the new content, never a torn file, even after a power cut.

#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "common/status.h"

namespace palyra {

inline constexpr mode_t kPrivateFileMode = 0600;
inline constexpr mode_t kPrivateDirectoryMode = 0700;

// Atomically replaces `path` with `bytes`. The file ends up with exactly `mode` (the umask does
// not apply). The parent directory must exist. On failure the previous content, if any, is
// untouched and no temp file is left behind. A symlink at `path` is replaced, not followed.
Status WriteFileAtomic(const std::filesystem::path& path, std::string_view bytes,
                       mode_t mode = kPrivateFileMode);

// Creates `path` with `bytes` (exact `mode`, fsynced, atomically visible) only when nothing is
// there yet: true when this call created it, false when the path already existed (its content is
// left alone). When several processes race, exactly one wins. The parent directory must exist.
Result<bool> WriteFileIfAbsent(const std::filesystem::path& path, std::string_view bytes,
                               mode_t mode = kPrivateFileMode);

// Creates `path` and any missing parents with mode 0700 (exactly; the umask does not apply).
// If the final directory already exists with group/other permission bits set, they are removed.
// Existing parents are left as they are. Fails if `path` exists and is not a directory.
Status EnsurePrivateDirectory(const std::filesystem::path& path);

// Reads a whole file, refusing (INVALID_ARGUMENT) files larger than `max_bytes`. NOT_FOUND when
// it does not exist, PERMISSION_DENIED when it cannot be opened for lack of rights.
Result<std::string> ReadFileBounded(const std::filesystem::path& path, size_t max_bytes);

// Status for a failed system call: "<path>: <what>: <strerror(err)>", with a code chosen from
// errno (ENOENT -> NOT_FOUND, EACCES/EPERM -> PERMISSION_DENIED, ENOSPC -> RESOURCE_EXHAUSTED,
// otherwise INTERNAL).
Status ErrnoStatus(int err, const std::filesystem::path& path, std::string_view what);

}  // namespace palyra
