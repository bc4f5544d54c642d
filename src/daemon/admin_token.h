#pragma once
// The admin bearer token. Created once, 0600, at <state>/admin.token, unless the operator
// configured one (admin.auth_token / PALYRA_ADMIN_TOKEN). The value never reaches a log.

#include <filesystem>
#include <string>

#include "common/status.h"

namespace palyra::daemon {

// Returns the token stored at `path`, creating it with fresh CSPRNG bytes the first time.
// A token file that others can read is refused rather than silently trusted.
Result<std::string> LoadOrCreateAdminToken(const std::filesystem::path& path);

}  // namespace palyra::daemon
