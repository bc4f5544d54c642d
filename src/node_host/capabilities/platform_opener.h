#pragma once
// Hands a URL or a path to the desktop's default application: `xdg-open <target>` on Linux and
// other Unixes, `open <target>` on macOS. The program is found on PATH and started directly (no
// shell, the target is one argv element), with stdin/stdout/stderr on /dev/null and no other
// inherited descriptors, in its own process group. We wait for it to exit, because its exit
// status is how we learn that nothing could open the target; a hung opener is killed after the
// timeout.

#include <chrono>
#include <string>

#include "common/status.h"

namespace palyra::node_host {

inline constexpr std::chrono::milliseconds kOpenerTimeout{30'000};

// "xdg-open", or "open" on macOS.
const char* PlatformOpenerProgram();

// Runs `program target` as described above. Errors: "<program> not found on PATH",
// "<program> exited with status N", "<program> was killed by signal N",
// "<program> did not exit within N ms", and refusals of a target that is empty, holds a NUL byte
// or starts with '-' (it would be read as an option).
Status RunOpener(const std::string& program, const std::string& target,
                 std::chrono::milliseconds timeout);

// RunOpener(PlatformOpenerProgram(), target, kOpenerTimeout).
Status OpenWithPlatformOpener(const std::string& target);

}  // namespace palyra::node_host
