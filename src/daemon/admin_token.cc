#include "daemon/admin_token.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "common/files.h"
#include "common/random.h"

namespace palyra::daemon {
namespace {

constexpr size_t kTokenRandomBytes = 32;
constexpr size_t kMaxTokenFileBytes = 4096;

std::string Trim(std::string s) {
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

}  // namespace

Result<std::string> LoadOrCreateAdminToken(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) {
    if ((info.st_mode & 077) != 0) {
      return FailedPrecondition(path.string() + fmt::format(" is accessible by group or others (mode {:03o}); run 'chmod 600' on it "
                                            "and start again",
                                            info.st_mode & 0777));
    }
    PALYRA_ASSIGN_OR_RETURN(std::string stored, ReadFileBounded(path, kMaxTokenFileBytes));
    std::string token = Trim(std::move(stored));
    if (token.size() < 32) {
      return FailedPrecondition(path.string() +
                                " holds no usable token (under 32 characters); delete it to make "
                                "a new one");
    }
    return token;
  }
  if (errno != ENOENT) {
    return Internal("cannot stat " + path.string() + ": " + std::strerror(errno));
  }
  std::string token = RandomHex(kTokenRandomBytes);
  PALYRA_RETURN_IF_ERROR(WriteFileAtomic(path, token + "\n", 0600));
  return token;
}

}  // namespace palyra::daemon
