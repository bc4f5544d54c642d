#include "daemon/run_file.h"

#include <signal.h>

#include <fstream>
#include <string>

#include "common/files.h"

namespace palyra::daemon {
namespace {

constexpr size_t kMaxRunFileBytes = 64 * 1024;

bool ProcessLooksLikePalyrad(long pid) {
  if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) != 0) return false;
  std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
  std::string name;
  std::getline(comm, name);
  return name.rfind("palyrad", 0) == 0;
}

}  // namespace

Status RunFile::CheckNoLiveDaemon() const {
  auto existing = ReadFileBounded(path_, kMaxRunFileBytes);
  if (!existing.ok()) return Status::Ok();  // absent or unreadable: nothing is running here
  auto parsed = nlohmann::json::parse(*existing, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object() || !parsed.contains("pid") || !parsed["pid"].is_number_integer()) {
    return Status::Ok();  // a stale, damaged file from a crash; it is overwritten below
  }
  long pid = parsed["pid"].get<long>();
  if (pid != static_cast<long>(::getpid()) && ProcessLooksLikePalyrad(pid)) {
    return FailedPrecondition("palyrad is already running on this state dir (pid " +
                              std::to_string(pid) + "); stop it first or use another --state-dir");
  }
  return Status::Ok();
}

Status RunFile::Write(const nlohmann::json& contents) const {
  PALYRA_RETURN_IF_ERROR(EnsurePrivateDirectory(path_.parent_path()));
  return WriteFileAtomic(path_, contents.dump(2) + "\n", 0600);
}

void RunFile::Remove() const {
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

}  // namespace palyra::daemon
