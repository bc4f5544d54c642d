// TerminalPrompt(): prompt-mode mediation on the controlling terminal.

#include <fcntl.h>
#include <unistd.h>

#include <memory>
#include <mutex>

#include "node_host/mediation/fd_prompt.h"
#include "node_host/mediation/mediation_policy.h"

namespace palyra::node_host {
namespace {

// The open /dev/tty, shared by every copy of the returned function and closed with the last.
class Tty {
 public:
  explicit Tty(int fd) : fd_(fd) {}
  ~Tty() { ::close(fd_); }
  Tty(const Tty&) = delete;
  Tty& operator=(const Tty&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

// There is one terminal: two questions at once would interleave and share one answer. Waiting
// for the terminal counts against the timeout, so a caller is never held longer than it asked.
std::timed_mutex& TerminalMutex() {
  static std::timed_mutex mutex;
  return mutex;
}

}  // namespace

PromptFunction TerminalPrompt() {
  // /dev/tty rather than stdin/stdout: those are log files when the host runs in the background,
  // and opening /dev/tty fails exactly when there is no controlling terminal. O_NOCTTY so that
  // opening it can never make it our controlling terminal.
  const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return {};
  auto tty = std::make_shared<Tty>(fd);
  return [tty](const std::string& question, std::chrono::milliseconds timeout) {
    const auto start = std::chrono::steady_clock::now();
    std::unique_lock<std::timed_mutex> lock(TerminalMutex(), timeout);
    if (!lock.owns_lock()) return false;
    const auto left = timeout - std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::steady_clock::now() - start);
    if (left.count() <= 0) return false;
    return PromptOnFds(tty->fd(), tty->fd(), question, left) == PromptReply::kYes;
  };
}

}  // namespace palyra::node_host
