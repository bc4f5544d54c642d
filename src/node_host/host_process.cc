#include "node_host/host_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <string_view>
#include <thread>
#include <unordered_set>

#include "common/files.h"
#include "common/time.h"

extern char** environ;

namespace palyra::node_host {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kSchemaVersion = 1;
constexpr size_t kMaxProcStatBytes = 4096;
constexpr std::chrono::milliseconds kStopPollInterval{20};
constexpr std::chrono::milliseconds kKillWait{2000};

class FdCloser {
 public:
  explicit FdCloser(int fd = -1) : fd_(fd) {}
  ~FdCloser() { reset(); }
  FdCloser(const FdCloser&) = delete;
  FdCloser& operator=(const FdCloser&) = delete;
  int get() const { return fd_; }
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_;
};

// ---- Metadata ------------------------------------------------------------------------------

Status FieldError(std::string_view field, std::string_view requirement) {
  return InvalidArgument("field \"" + std::string(field) + "\" " + std::string(requirement));
}

const json* FindField(const json& doc, std::string_view field) {
  auto it = doc.find(field);
  return it == doc.end() ? nullptr : &*it;
}

// nlohmann/json stores non-negative integers as unsigned and negative ones as signed; floats
// (even 1.0) are neither, so they are rejected as integers.
Result<uint64_t> UnsignedField(const json& doc, std::string_view field, uint64_t min, uint64_t max,
                               std::string_view requirement) {
  const json* value = FindField(doc, field);
  if (value == nullptr || !value->is_number_unsigned()) return FieldError(field, requirement);
  const uint64_t n = value->get<uint64_t>();
  if (n < min || n > max) return FieldError(field, requirement);
  return n;
}

Result<int64_t> SignedField(const json& doc, std::string_view field) {
  constexpr std::string_view kRequirement = "must be an integer (Unix milliseconds)";
  const json* value = FindField(doc, field);
  if (value == nullptr || !value->is_number_integer()) return FieldError(field, kRequirement);
  if (value->is_number_unsigned() &&
      value->get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return FieldError(field, kRequirement);
  }
  return value->get<int64_t>();
}

Result<fs::path> PathField(const json& doc, std::string_view field) {
  const json* value = FindField(doc, field);
  if (value == nullptr || !value->is_string() || value->get_ref<const std::string&>().empty()) {
    return FieldError(field, "must be a non-empty string");
  }
  return fs::path(value->get<std::string>());
}

Result<ProcessMetadata> ParseMetadata(std::string_view text) {
  const json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return InvalidArgument("not valid JSON");
  if (!doc.is_object()) return InvalidArgument("must be a JSON object");

  PALYRA_ASSIGN_OR_RETURN(uint64_t version, UnsignedField(doc, "schema_version", kSchemaVersion,
                                                          kSchemaVersion, "must be 1"));
  (void)version;
  ProcessMetadata metadata;
  PALYRA_ASSIGN_OR_RETURN(uint64_t pid,
                          UnsignedField(doc, "pid", 1, std::numeric_limits<pid_t>::max(),
                                        "must be a positive integer process id"));
  metadata.pid = static_cast<pid_t>(pid);
  PALYRA_ASSIGN_OR_RETURN(
      metadata.process_start_ticks,
      UnsignedField(doc, "process_start_ticks", 0, std::numeric_limits<uint64_t>::max(),
                    "must be a non-negative integer (clock ticks since boot)"));
  PALYRA_ASSIGN_OR_RETURN(metadata.stdout_log_path, PathField(doc, "stdout_log_path"));
  PALYRA_ASSIGN_OR_RETURN(metadata.stderr_log_path, PathField(doc, "stderr_log_path"));
  PALYRA_ASSIGN_OR_RETURN(metadata.started_at_unix_ms, SignedField(doc, "started_at_unix_ms"));
  return metadata;
}

// ---- /proc ---------------------------------------------------------------------------------

// /proc/<pid>/stat is "pid (comm) state ppid ...". comm is whatever the process named itself
// and may hold spaces and ')', so the fields are counted from the LAST ')'. Field 3 is the
// state and field 22 the start time.
std::optional<uint64_t> ParseStartTicks(std::string_view stat) {
  const size_t close = stat.rfind(')');
  if (close == std::string_view::npos) return std::nullopt;
  std::string_view rest = stat.substr(close + 1);
  int field = 2;  // comm
  while (true) {
    const size_t begin = rest.find_first_not_of(" \n");
    if (begin == std::string_view::npos) return std::nullopt;
    rest.remove_prefix(begin);
    const size_t end = std::min(rest.find_first_of(" \n"), rest.size());
    const std::string_view token = rest.substr(0, end);
    rest.remove_prefix(end);
    ++field;
    if (field == 3) {
      // A zombie (or a task being torn down) has exited; only its pid is still held.
      if (token == "Z" || token == "X" || token == "x") return std::nullopt;
    } else if (field == 22) {
      uint64_t ticks = 0;
      const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), ticks);
      if (ec != std::errc() || ptr != token.data() + token.size()) return std::nullopt;
      return ticks;
    }
  }
}

bool WaitUntilGone(const ProcessMetadata& metadata, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (IsSameProcessAlive(metadata)) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(kStopPollInterval);
  }
  return true;
}

// A pidfd pins one process: a signal sent through it can never reach a later process that
// reuses the pid. -1 when the kernel (or a seccomp filter) refuses pidfds.
int OpenPidFd(pid_t pid) {
#ifdef SYS_pidfd_open
  return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
#else
  (void)pid;
  return -1;
#endif
}

// Sends `sig` only to the process described by `metadata`. false when it is already gone.
Result<bool> SignalSameProcess(const ProcessMetadata& metadata, int pidfd, int sig) {
  int rc = -1;
#ifdef SYS_pidfd_send_signal
  if (pidfd >= 0) rc = static_cast<int>(::syscall(SYS_pidfd_send_signal, pidfd, sig, nullptr, 0));
#endif
  if (pidfd < 0) {
    // Without a pidfd the window between this check and kill() is as small as we can make it.
    if (!IsSameProcessAlive(metadata)) return false;
    rc = ::kill(metadata.pid, sig);
  }
  if (rc == 0) return true;
  if (errno == ESRCH) return false;
  return ErrnoStatus(errno, "pid " + std::to_string(metadata.pid),
                     sig == SIGKILL ? "sending SIGKILL failed" : "sending SIGTERM failed");
}

// ---- Spawning ------------------------------------------------------------------------------

// What the children report over the socket when a step before exec fails.
enum class SpawnStage : int32_t {
  kFork = 1,
  kSetsid,
  kOpenStdin,
  kOpenStdout,
  kOpenStderr,
  kRedirect,
  kExec,
};

struct SpawnFailure {
  int32_t stage;
  int32_t err;
};

// Everything the children need, built before fork(): after fork only async-signal-safe calls
// are allowed (the caller may have other threads holding the malloc lock), so no allocation.
struct PreparedSpawn {
  std::vector<std::string> argv_storage;
  std::vector<std::string> env_storage;
  std::vector<char*> argv;  // into argv_storage, set by PointIntoStorage() once it stops moving
  std::vector<char*> envp;
  std::string stdout_path;
  std::string stderr_path;
  bool same_log = false;
  long max_fd = 0;

  void PointIntoStorage() {
    argv.clear();
    for (std::string& arg : argv_storage) argv.push_back(arg.data());
    argv.push_back(nullptr);
    envp.clear();
    for (std::string& entry : env_storage) envp.push_back(entry.data());
    envp.push_back(nullptr);
  }
};

bool HasNul(std::string_view s) { return s.find('\0') != std::string_view::npos; }

Result<PreparedSpawn> Prepare(const SpawnSpec& spec) {
  if (spec.argv.empty() || spec.argv[0].empty()) {
    return InvalidArgument("spawn: argv[0] must name the executable");
  }
  for (const std::string& arg : spec.argv) {
    if (HasNul(arg)) return InvalidArgument("spawn: an argument contains a NUL byte");
  }
  if (spec.stdout_log_path.empty() || spec.stderr_log_path.empty()) {
    return InvalidArgument("spawn: stdout and stderr log paths are required");
  }
  PreparedSpawn prepared;
  prepared.argv_storage = spec.argv;
  prepared.stdout_path = spec.stdout_log_path.string();
  prepared.stderr_path = spec.stderr_log_path.string();
  // Two opens with O_TRUNC would give two file offsets that overwrite each other.
  prepared.same_log =
      spec.stdout_log_path.lexically_normal() == spec.stderr_log_path.lexically_normal();
  if (HasNul(prepared.stdout_path) || HasNul(prepared.stderr_path)) {
    return InvalidArgument("spawn: a log path contains a NUL byte");
  }

  std::unordered_set<std::string_view> overridden;
  for (const std::string& entry : spec.extra_environment) {
    const size_t eq = entry.find('=');
    if (eq == std::string::npos || eq == 0 || HasNul(entry)) {
      return InvalidArgument("spawn: environment entry \"" + entry.substr(0, eq) +
                             "\" must have the form KEY=value");
    }
    overridden.insert(std::string_view(entry).substr(0, eq));
  }
  for (char** env = environ; env != nullptr && *env != nullptr; ++env) {
    const std::string_view entry(*env);
    if (!overridden.contains(entry.substr(0, entry.find('='))))
      prepared.env_storage.emplace_back(entry);
  }
  prepared.env_storage.insert(prepared.env_storage.end(), spec.extra_environment.begin(),
                              spec.extra_environment.end());

  // Only for the close loop on kernels without close_range; bounded so that a huge
  // RLIMIT_NOFILE cannot make the child spin for seconds.
  const long open_max = ::sysconf(_SC_OPEN_MAX);
  prepared.max_fd = (open_max <= 0 || open_max > (1L << 20)) ? (1L << 20) : open_max;
  return prepared;
}

// --- Child side: async-signal-safe only. ---

bool WriteAllRaw(int fd, const void* data, size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::send(fd, p, size, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

[[noreturn]] void ReportAndExit(int fd, SpawnStage stage, int err) {
  const SpawnFailure failure{static_cast<int32_t>(stage), err};
  WriteAllRaw(fd, &failure, sizeof(failure));
  ::_exit(127);
}

// Returns a CLOEXEC copy of `fd` numbered 3 or above, so that the dup2() calls onto 0-2 can
// neither clobber it nor be no-ops that leave FD_CLOEXEC set (when the caller ran with 0-2
// closed, open() may hand those numbers out). A negative fd (a failed open) is passed through
// untouched so that errno still says why.
int MoveAboveStdio(int fd) { return fd < 0 || fd >= 3 ? fd : ::fcntl(fd, F_DUPFD_CLOEXEC, 3); }

int OpenLog(const char* path) {
  const int fd = ::open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0600);
  // The mode passed to open() applies only to a new file, and then minus the umask.
  if (fd >= 0 && ::fchmod(fd, 0600) != 0) {
    const int saved = errno;
    ::close(fd);
    errno = saved;
    return -1;
  }
  return fd;
}

void CloseFdsFrom(int first, long max_fd) {
#ifdef SYS_close_range
  if (::syscall(SYS_close_range, first, ~0U, 0) == 0) return;
#endif
  for (long fd = first; fd < max_fd; ++fd) ::close(static_cast<int>(fd));
}

[[noreturn]] void RunGrandchild(int sock, const PreparedSpawn& p) {
  // Wait until the caller has read our start time, so that it is known even when the program
  // exits at once. Anything but the go byte (EOF: the caller gave up) means do not start.
  char go = 0;
  ssize_t n;
  do {
    n = ::read(sock, &go, 1);
  } while (n < 0 && errno == EINTR);
  if (n != 1 || go != 'g') ::_exit(126);

  // Handlers are reset by exec, but ignored signals and the blocked mask would be inherited
  // from whatever thread called us; the host must start with default signal handling.
  sigset_t none;
  ::sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; ++sig) ::sigaction(sig, &dfl, nullptr);  // EINVAL for some: fine

  // A new session and process group: no controlling terminal, and no signals aimed at the
  // caller's terminal or process group.
  if (::setsid() < 0) ReportAndExit(sock, SpawnStage::kSetsid, errno);

  sock = MoveAboveStdio(sock);
  if (sock < 0) ::_exit(127);
  const int in = MoveAboveStdio(::open("/dev/null", O_RDONLY | O_CLOEXEC | O_NOCTTY));
  if (in < 0) ReportAndExit(sock, SpawnStage::kOpenStdin, errno);
  const int out = MoveAboveStdio(OpenLog(p.stdout_path.c_str()));
  if (out < 0) ReportAndExit(sock, SpawnStage::kOpenStdout, errno);
  const int err = p.same_log ? out : MoveAboveStdio(OpenLog(p.stderr_path.c_str()));
  if (err < 0) ReportAndExit(sock, SpawnStage::kOpenStderr, errno);
  if (::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0) {
    ReportAndExit(sock, SpawnStage::kRedirect, errno);
  }
  // Keep only 0-2 and the report socket (moved to 3; it closes itself on a successful exec).
  if (sock != 3) {
    if (::dup3(sock, 3, O_CLOEXEC) < 0) ReportAndExit(sock, SpawnStage::kRedirect, errno);
    sock = 3;
  }
  CloseFdsFrom(4, p.max_fd);

  ::execve(p.argv[0], p.argv.data(), p.envp.data());
  ReportAndExit(sock, SpawnStage::kExec, errno);
}

// The intermediate child exists only so that the final process is not our child: it forks,
// reports the grandchild's pid and exits, and the grandchild is reparented to init (or a
// subreaper), which reaps it.
[[noreturn]] void RunIntermediate(int sock, const PreparedSpawn& p) {
  const pid_t pid = ::fork();
  if (pid == 0) RunGrandchild(sock, p);
  const pid_t reported = pid > 0 ? pid : -1;
  const int fork_errno = errno;
  if (!WriteAllRaw(sock, &reported, sizeof(reported))) ::_exit(1);
  if (pid < 0) ReportAndExit(sock, SpawnStage::kFork, fork_errno);
  ::_exit(0);
}

// --- Caller side. ---

// Reads exactly `size` bytes; 0 on EOF before any byte, -1 on error or a short message.
int ReadExact(int fd, void* data, size_t size) {
  char* p = static_cast<char*>(data);
  size_t got = 0;
  while (got < size) {
    const ssize_t n = ::read(fd, p + got, size - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (n == 0) return got == 0 ? 0 : -1;
    got += static_cast<size_t>(n);
  }
  return 1;
}

void ReapChild(pid_t pid) {
  // ECHILD (the caller set SIGCHLD to SIG_IGN, so the kernel reaped it) is fine too.
  while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
  }
}

Status FailureStatus(const SpawnFailure& failure, const SpawnSpec& spec) {
  const std::string what = "spawning " + spec.argv[0];
  const int err = failure.err;
  switch (static_cast<SpawnStage>(failure.stage)) {
    case SpawnStage::kFork:
      return ErrnoStatus(err, spec.argv[0], "fork failed").WithContext(what);
    case SpawnStage::kSetsid:
      return ErrnoStatus(err, spec.argv[0], "setsid failed").WithContext(what);
    case SpawnStage::kOpenStdin:
      return ErrnoStatus(err, "/dev/null", "open for stdin failed").WithContext(what);
    case SpawnStage::kOpenStdout:
      return ErrnoStatus(err, spec.stdout_log_path, "opening stdout log failed").WithContext(what);
    case SpawnStage::kOpenStderr:
      return ErrnoStatus(err, spec.stderr_log_path, "opening stderr log failed").WithContext(what);
    case SpawnStage::kRedirect:
      return ErrnoStatus(err, spec.argv[0], "redirecting stdio failed").WithContext(what);
    case SpawnStage::kExec:
      return ErrnoStatus(err, spec.argv[0], "cannot execute");
  }
  return Internal(what + ": the child reported an unknown failure");
}

}  // namespace

Result<ProcessMetadata> ReadProcessMetadata(const fs::path& path) {
  const std::string context = "reading process metadata " + path.string();
  auto text = ReadFileBounded(path, kMaxProcessMetadataBytes);
  if (!text.ok()) return text.status().WithContext(context);
  auto metadata = ParseMetadata(*text);
  if (!metadata.ok()) return metadata.status().WithContext(context);
  return metadata;
}

Status WriteProcessMetadata(const fs::path& path, const ProcessMetadata& metadata) {
  const std::string context = "writing process metadata " + path.string();
  if (metadata.pid <= 0) return InvalidArgument(context + ": pid must be positive");
  if (metadata.stdout_log_path.empty() || metadata.stderr_log_path.empty()) {
    return InvalidArgument(context + ": log paths must not be empty");
  }
  const json doc = {
      {"schema_version", kSchemaVersion},
      {"pid", metadata.pid},
      {"process_start_ticks", metadata.process_start_ticks},
      {"stdout_log_path", metadata.stdout_log_path.string()},
      {"stderr_log_path", metadata.stderr_log_path.string()},
      {"started_at_unix_ms", metadata.started_at_unix_ms},
  };
  // Replace invalid UTF-8 in paths rather than throwing from dump().
  const std::string text = doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  Status status = WriteFileAtomic(path, text, kPrivateFileMode);
  if (!status.ok()) return status.WithContext(context);
  return Status::Ok();
}

std::optional<uint64_t> ProcessStartTicks(pid_t pid) {
  if (pid <= 0) return std::nullopt;
  auto stat = ReadFileBounded("/proc/" + std::to_string(pid) + "/stat", kMaxProcStatBytes);
  if (!stat.ok()) return std::nullopt;
  return ParseStartTicks(*stat);
}

bool IsSameProcessAlive(const ProcessMetadata& metadata) {
  const std::optional<uint64_t> ticks = ProcessStartTicks(metadata.pid);
  return ticks.has_value() && *ticks == metadata.process_start_ticks;
}

Result<ProcessMetadata> SpawnDetached(const SpawnSpec& spec) {
  PALYRA_ASSIGN_OR_RETURN(PreparedSpawn prepared, Prepare(spec));
  prepared.PointIntoStorage();
  const std::string what = "spawning " + spec.argv[0];

  // One socket pair carries the pid up, the go byte down and a failure report up. Our end and
  // theirs are CLOEXEC, so EOF after the go byte means exec succeeded. A socket rather than a
  // pipe so that send(MSG_NOSIGNAL) cannot raise SIGPIPE in the caller.
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
    return ErrnoStatus(errno, spec.argv[0], "socketpair failed").WithContext(what);
  }
  FdCloser ours(fds[0]);
  FdCloser theirs(fds[1]);

  const pid_t intermediate = ::fork();
  if (intermediate < 0) return ErrnoStatus(errno, spec.argv[0], "fork failed").WithContext(what);
  if (intermediate == 0) {
    ::close(fds[0]);
    RunIntermediate(fds[1], prepared);
  }
  theirs.reset();

  pid_t pid = -1;
  const int got_pid = ReadExact(ours.get(), &pid, sizeof(pid));
  ReapChild(intermediate);
  if (got_pid != 1) return Internal(what + ": the intermediate child exited without reporting");
  if (pid <= 0) {
    SpawnFailure failure{};
    if (ReadExact(ours.get(), &failure, sizeof(failure)) != 1) {
      return Internal(what + ": the intermediate child failed without saying why");
    }
    return FailureStatus(failure, spec);
  }

  // The grandchild is blocked on the go byte, so its start time is there to read. If we return
  // early from here on, closing our end makes it exit without starting the program.
  const std::optional<uint64_t> ticks = ProcessStartTicks(pid);
  if (!ticks.has_value()) return Internal(what + ": the child vanished before starting");
  const int64_t started_at = NowUnixMs();
  const char go = 'g';
  if (!WriteAllRaw(ours.get(), &go, 1)) {
    return ErrnoStatus(errno, spec.argv[0], "releasing the child failed").WithContext(what);
  }

  SpawnFailure failure{};
  switch (ReadExact(ours.get(), &failure, sizeof(failure))) {
    case 0:
      break;  // EOF: the socket was closed by a successful exec
    case 1:
      return FailureStatus(failure, spec);
    default:
      return Internal(what + ": the child's report was cut short");
  }

  ProcessMetadata metadata;
  metadata.pid = pid;
  metadata.process_start_ticks = *ticks;  // exec keeps the start time (it is set at fork)
  metadata.stdout_log_path = spec.stdout_log_path;
  metadata.stderr_log_path = spec.stderr_log_path;
  metadata.started_at_unix_ms = started_at;
  return metadata;
}

Result<bool> StopProcess(const ProcessMetadata& metadata, std::chrono::milliseconds grace) {
  // A spawned host is never init; refuse rather than signal it because of a corrupt file.
  if (metadata.pid == 1) return FailedPrecondition("refusing to stop pid 1 (init)");
  if (!IsSameProcessAlive(metadata)) return false;
  // Checking the start time again after opening the pidfd proves that the pidfd holds our
  // process: a process that took over the pid later would have a later start time.
  FdCloser pidfd(OpenPidFd(metadata.pid));
  if (!IsSameProcessAlive(metadata)) return false;

  PALYRA_ASSIGN_OR_RETURN(bool signalled, SignalSameProcess(metadata, pidfd.get(), SIGTERM));
  if (!signalled || WaitUntilGone(metadata, std::max(grace, std::chrono::milliseconds(0)))) {
    return true;
  }
  PALYRA_ASSIGN_OR_RETURN(signalled, SignalSameProcess(metadata, pidfd.get(), SIGKILL));
  if (!signalled || WaitUntilGone(metadata, kKillWait)) return true;
  return DeadlineExceeded("pid " + std::to_string(metadata.pid) +
                          " is still running after SIGKILL");
}

}  // namespace palyra::node_host
