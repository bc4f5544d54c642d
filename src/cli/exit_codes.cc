#include "cli/exit_codes.h"

namespace palyra::cli {

int ExitCodeForStatus(StatusCode code, StatusOrigin origin) {
  switch (code) {
    case StatusCode::kOk:
      return kExitOk;
    case StatusCode::kUnauthenticated:
    case StatusCode::kPermissionDenied:
      return kExitAuth;
    case StatusCode::kUnavailable:
    case StatusCode::kDeadlineExceeded:
      // An answer over a live connection (a call that outran its deadline, a node that is not
      // available) is the operation failing, not the daemon being away.
      return origin == StatusOrigin::kDaemon ? kExitFailed : kExitUnreachable;
    case StatusCode::kInvalidArgument:
      return origin == StatusOrigin::kLocal ? kExitUsage : kExitFailed;
    default:
      return kExitFailed;
  }
}

}  // namespace palyra::cli
