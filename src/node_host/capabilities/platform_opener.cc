#include "node_host/capabilities/platform_opener.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <thread>
#include <vector>

extern char** environ;

namespace palyra::node_host {
namespace {

// How often we look whether the opener has exited. Openers normally finish within a second
// (xdg-open hands off to a browser that keeps running on its own), so a short poll is cheap.
constexpr std::chrono::milliseconds kWaitPollInterval{10};

std::string ErrnoText(int err) { return std::error_code(err, std::generic_category()).message(); }

// posix_spawn's C structures, destroyed on every path out.
class SpawnSetup {
 public:
  SpawnSetup() {
    ok_ = ::posix_spawn_file_actions_init(&actions_) == 0;
    if (ok_ && ::posix_spawnattr_init(&attr_) != 0) {
      ::posix_spawn_file_actions_destroy(&actions_);
      ok_ = false;
    }
  }
  ~SpawnSetup() {
    if (!ok_) return;
    ::posix_spawnattr_destroy(&attr_);
    ::posix_spawn_file_actions_destroy(&actions_);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;

  // stdio on /dev/null: the opener must not write into our output or read our terminal. Other
  // descriptors (the gateway connection, the identity store) are closed in the child too.
  // Signals the host ignores (SIGPIPE) or blocks go back to their defaults, and the child gets
  // its own process group so a timeout kill reaches whatever it started.
  int Configure() {
    if (!ok_) return ENOMEM;
    for (int fd = 0; fd <= 2; ++fd) {
      const int flags = fd == 0 ? O_RDONLY : O_WRONLY;
      if (int rc = ::posix_spawn_file_actions_addopen(&actions_, fd, "/dev/null", flags, 0)) {
        return rc;
      }
    }
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    if (int rc = ::posix_spawn_file_actions_addclosefrom_np(&actions_, 3)) return rc;
#endif
    sigset_t empty;
    sigemptyset(&empty);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (int signo : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD}) {
      sigaddset(&defaults, signo);
    }
    if (int rc = ::posix_spawnattr_setsigmask(&attr_, &empty)) return rc;
    if (int rc = ::posix_spawnattr_setsigdefault(&attr_, &defaults)) return rc;
    if (int rc = ::posix_spawnattr_setpgroup(&attr_, 0)) return rc;
    return ::posix_spawnattr_setflags(
        &attr_, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
  }

  const posix_spawn_file_actions_t* actions() const { return &actions_; }
  const posix_spawnattr_t* attr() const { return &attr_; }

 private:
  bool ok_ = false;
  posix_spawn_file_actions_t actions_{};
  posix_spawnattr_t attr_{};
};

Status DescribeExit(const std::string& program, int wait_status) {
  if (WIFEXITED(wait_status)) {
    const int code = WEXITSTATUS(wait_status);
    if (code == 0) return Status::Ok();
    return Unavailable(program + " exited with status " + std::to_string(code));
  }
  if (WIFSIGNALED(wait_status)) {
    return Unavailable(program + " was killed by signal " + std::to_string(WTERMSIG(wait_status)));
  }
  return Internal(program + " stopped in an unexpected way (wait status " +
                  std::to_string(wait_status) + ")");
}

// Waits for `pid` until `timeout`, then kills its process group and reaps it.
Status WaitForOpener(const std::string& program, pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    int wait_status = 0;
    const pid_t done = ::waitpid(pid, &wait_status, WNOHANG);
    if (done == pid) return DescribeExit(program, wait_status);
    if (done < 0 && errno != EINTR) {
      return Internal("waiting for " + program + " failed: " + ErrnoText(errno));
    }
    if (std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(kWaitPollInterval);
  }
  // The whole group: a hung xdg-open is usually a shell script waiting on a helper it started.
  if (::kill(-pid, SIGKILL) != 0) ::kill(pid, SIGKILL);
  int wait_status = 0;
  while (::waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {
  }
  return DeadlineExceeded(program + " did not exit within " + std::to_string(timeout.count()) +
                          " ms; killed it");
}

}  // namespace

const char* PlatformOpenerProgram() {
#if defined(__APPLE__)
  return "open";
#else
  return "xdg-open";
#endif
}

Status RunOpener(const std::string& program, const std::string& target,
                 std::chrono::milliseconds timeout) {
  if (target.empty()) return InvalidArgument("nothing to open: the target is empty");
  if (target.find('\0') != std::string::npos) {
    return InvalidArgument("refusing to open a target that contains a NUL byte");
  }
  if (target.front() == '-') {
    return InvalidArgument("refusing to pass \"" + target + "\" to " + program +
                           ": it would be read as an option");
  }
  SpawnSetup setup;
  if (int rc = setup.Configure()) {
    return Internal("could not prepare to start " + program + ": " + ErrnoText(rc));
  }
  std::vector<char> program_arg(program.begin(), program.end());
  program_arg.push_back('\0');
  std::vector<char> target_arg(target.begin(), target.end());
  target_arg.push_back('\0');
  char* argv[] = {program_arg.data(), target_arg.data(), nullptr};

  pid_t pid = -1;
  const int rc =
      ::posix_spawnp(&pid, program.c_str(), setup.actions(), setup.attr(), argv, environ);
  if (rc == ENOENT) return Unavailable(program + " not found on PATH");
  if (rc != 0) return Unavailable("could not start " + program + ": " + ErrnoText(rc));
  return WaitForOpener(program, pid, timeout);
}

Status OpenWithPlatformOpener(const std::string& target) {
  return RunOpener(PlatformOpenerProgram(), target, kOpenerTimeout);
}

}  // namespace palyra::node_host
