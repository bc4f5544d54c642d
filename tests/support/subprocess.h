#pragma once
// Test support: run a real program as a child process, with its stdout and stderr captured to
// files, and stop it with a signal. Integration tests use this to drive palyrad and palyra.

#include <sys/types.h>

#include <chrono>
#include <filesystem>

#include "support/temp_dir.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace palyra::testing {

struct SpawnOptions {
  std::vector<std::string> argv;                // argv[0] is the program path
  std::map<std::string, std::string> env_set;   // added to (or replacing in) the parent's env
  std::vector<std::string> env_unset;           // removed from the parent's env
  std::filesystem::path output_dir;             // stdout.log / stderr.log land here
  std::string name = "child";                   // file name prefix: <name>.stdout.log
  bool new_session = false;  // setsid: no controlling terminal (nothing can prompt the user)
};

struct ExitInfo {
  bool exited = false;  // false: killed by a signal
  int code = -1;        // exit status, or the signal number
};

class Subprocess {
 public:
  static Subprocess Spawn(const SpawnOptions& options);
  Subprocess(Subprocess&& other) noexcept;
  Subprocess& operator=(Subprocess&&) = delete;
  ~Subprocess();  // SIGKILLs a child that is still running

  pid_t pid() const { return pid_; }
  bool running();
  void Signal(int signo);
  // Waits up to `timeout`; nullopt when the child is still running.
  std::optional<ExitInfo> Wait(std::chrono::milliseconds timeout);
  std::string Stdout() const;
  std::string Stderr() const;

 private:
  Subprocess(pid_t pid, std::filesystem::path stdout_path, std::filesystem::path stderr_path)
      : pid_(pid), stdout_path_(std::move(stdout_path)), stderr_path_(std::move(stderr_path)) {}

  pid_t pid_ = -1;
  std::optional<ExitInfo> exit_;
  std::filesystem::path stdout_path_;
  std::filesystem::path stderr_path_;
};

// Runs a program to completion (bounded by `timeout`, then SIGKILL) and returns its exit.
ExitInfo RunToCompletion(const SpawnOptions& options, std::chrono::milliseconds timeout,
                         std::string* stdout_text = nullptr, std::string* stderr_text = nullptr);

// A fresh directory under the system temp dir, removed with its contents on destruction.

std::string ReadWholeFile(const std::filesystem::path& path);

}  // namespace palyra::testing
