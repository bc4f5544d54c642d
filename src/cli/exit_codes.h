#pragma once
// The palyra CLI's exit codes, and the one place where a status becomes one.
//
//   0  ok
//   1  the operation failed (the daemon's reason is printed on stderr)
//   2  usage: a bad command line, flag or value
//   3  the daemon is unreachable (nothing listens, no connection in time, no run file)
//   4  authentication refused (UNAUTHENTICATED / PERMISSION_DENIED), or no admin token found
//   5  `palyra node run`: the gateway refuses this device's certificate (revoked); do not retry

#include "common/status.h"

namespace palyra::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitUnreachable = 3;
inline constexpr int kExitAuth = 4;
inline constexpr int kExitRevoked = 5;

// Where a status came from. A status the daemon itself answered with is the operation's outcome;
// the same code from the client library before any connection existed means the daemon was not
// reached, and a local INVALID_ARGUMENT is a usage error.
enum class StatusOrigin {
  kLocal,         // produced by the CLI itself (flag checks, files, discovery)
  kNotConnected,  // an RPC that failed while the channel had no connection to the daemon
  kDaemon,        // an RPC answered over an established connection
};

// palyra::StatusCode mirrors gRPC's numbering, so gRPC statuses come here via a static_cast.
int ExitCodeForStatus(StatusCode code, StatusOrigin origin);

}  // namespace palyra::cli
