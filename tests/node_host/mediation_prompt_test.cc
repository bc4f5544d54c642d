// The y/N prompt over pipes, text sanitising, and TerminalPrompt() on a real pseudo-terminal.

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "node_host/mediation/fd_prompt.h"
#include "node_host/mediation/mediation_policy.h"

namespace palyra::node_host {
namespace {

using std::chrono::milliseconds;
using ::testing::EndsWith;
using ::testing::HasSubstr;

class Pipe {
 public:
  Pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) ADD_FAILURE() << "pipe2 failed";
    read_fd_ = fds[0];
    write_fd_ = fds[1];
  }
  ~Pipe() {
    CloseRead();
    CloseWrite();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;

  int read_fd() const { return read_fd_; }
  int write_fd() const { return write_fd_; }
  void Write(const std::string& text) const {
    ASSERT_EQ(::write(write_fd_, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  }
  void CloseWrite() {
    if (write_fd_ >= 0) ::close(write_fd_);
    write_fd_ = -1;
  }
  void CloseRead() {
    if (read_fd_ >= 0) ::close(read_fd_);
    read_fd_ = -1;
  }
  // Everything written so far (closes the write end).
  std::string Drain() {
    CloseWrite();
    std::string out;
    char buffer[4096];
    ssize_t n;
    while ((n = ::read(read_fd_, buffer, sizeof(buffer))) > 0) out.append(buffer, n);
    return out;
  }

 private:
  int read_fd_ = -1;
  int write_fd_ = -1;
};

PromptReply Answer(const std::string& typed, milliseconds timeout = milliseconds(5000)) {
  Pipe in;
  Pipe out;
  in.Write(typed);
  in.CloseWrite();
  return PromptOnFds(in.read_fd(), out.write_fd(), "Allow?", timeout);
}

TEST(FdPromptTest, OnlyYOrYesMeanYes) {
  for (const char* yes : {"y\n", "Y\n", "yes\n", "YES\n", "yEs\n", "  yes \r\n", "y"}) {
    EXPECT_EQ(Answer(yes), PromptReply::kYes) << yes;
  }
  for (const char* no :
       {"n\n", "no\n", "\n", "yess\n", "y es\n", "ye\n", "1\n", "ok\n", "sure\n", "no\nyes\n"}) {
    EXPECT_EQ(Answer(no), PromptReply::kNo) << no;
  }
}

TEST(FdPromptTest, EndOfInputWithoutAnAnswerIsNoAnswer) {
  EXPECT_EQ(Answer(""), PromptReply::kNoAnswer);
}

TEST(FdPromptTest, WritesTheQuestionWithTheChoices) {
  Pipe in;
  Pipe out;
  in.Write("n\n");
  EXPECT_EQ(PromptOnFds(in.read_fd(), out.write_fd(), "Allow desktop.open_url to open x?",
                        milliseconds(5000)),
            PromptReply::kNo);
  EXPECT_EQ(out.Drain(), "Allow desktop.open_url to open x? [y/N] ");
}

TEST(FdPromptTest, TimesOutWhenNobodyAnswers) {
  Pipe in;  // the write end stays open: input may come, but does not
  Pipe out;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(PromptOnFds(in.read_fd(), out.write_fd(), "Allow?", milliseconds(150)),
            PromptReply::kTimedOut);
  EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(150));
  EXPECT_THAT(out.Drain(), EndsWith("no answer within 150 ms; denied\n"));
}

TEST(FdPromptTest, WaitsForAnAnswerTypedLater) {
  Pipe in;
  Pipe out;
  std::thread typist([&] {
    std::this_thread::sleep_for(milliseconds(100));
    in.Write("ye");
    std::this_thread::sleep_for(milliseconds(50));
    in.Write("s\n");
  });
  const PromptReply reply = PromptOnFds(in.read_fd(), out.write_fd(), "Allow?", milliseconds(5000));
  typist.join();
  EXPECT_EQ(reply, PromptReply::kYes);
}

TEST(FdPromptTest, AnOverlongAnswerIsNo) {
  Pipe in;
  Pipe out;
  in.Write(std::string(kMaxPromptAnswerBytes + 10, 'y'));  // no newline, write end open
  EXPECT_EQ(PromptOnFds(in.read_fd(), out.write_fd(), "Allow?", milliseconds(5000)),
            PromptReply::kNo);
}

TEST(FdPromptTest, AnUnwritableOutputIsNoAnswer) {
  Pipe in;
  in.Write("y\n");
  const int read_only = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  ASSERT_GE(read_only, 0);
  EXPECT_EQ(PromptOnFds(in.read_fd(), read_only, "Allow?", milliseconds(5000)),
            PromptReply::kNoAnswer);
  ::close(read_only);
}

TEST(FdPromptTest, QuestionsAreMadeSafeForTheTerminal) {
  Pipe in;
  Pipe out;
  in.Write("n\n");
  PromptOnFds(in.read_fd(), out.write_fd(), "open /tmp/\x1b[2Jx\ny?", milliseconds(5000));
  EXPECT_EQ(out.Drain(), "open /tmp/\\x1b[2Jx\\x0ay? [y/N] ");
}

TEST(SafeForTerminalTest, EscapesControlAndDirectionCharacters) {
  EXPECT_EQ(SafeForTerminal("plain /home/me/a b.txt"), "plain /home/me/a b.txt");
  EXPECT_EQ(SafeForTerminal("a\tb\rc\x7f"
                            "d"),
            "a\\x09b\\x0dc\\x7fd");
  EXPECT_EQ(SafeForTerminal("back\\slash"), "back\\\\slash");
  EXPECT_EQ(SafeForTerminal("x\xe2\x80\xaegnp.exe"), "x\\u202egnp.exe");  // RLO
  EXPECT_EQ(SafeForTerminal("x\xe2\x81\xa6y"), "x\\u2066y");              // LRI
  EXPECT_EQ(SafeForTerminal("x\xe2\x80\x8fy"), "x\\u200fy");              // RLM
  EXPECT_EQ(SafeForTerminal("x\xc2\x9b"
                            "31m"),
            "x\\u009b31m");                                            // C1 CSI
  EXPECT_EQ(SafeForTerminal("caf\xc3\xa9 \xe2\x80\x94 \xe6\x97\xa5"),  // kept as is
            "caf\xc3\xa9 \xe2\x80\x94 \xe6\x97\xa5");
  EXPECT_EQ(SafeForTerminal(std::string("a\0b", 3)), "a\\x00b");
}

TEST(SafeForTerminalTest, CutsVeryLongText) {
  const std::string safe = SafeForTerminal(std::string(kMaxPromptQuestionBytes + 100, 'a'));
  EXPECT_EQ(safe, std::string(kMaxPromptQuestionBytes, 'a') + "...");
}

// In a child process with no controlling terminal (a new session), there is nobody to ask.
TEST(TerminalPromptTest, IsEmptyWithoutAControllingTerminal) {
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::setsid();
    _exit(TerminalPrompt() ? 1 : 0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

// Reads the pseudo-terminal master until `needle` shows up or `timeout` passes.
std::string ReadUntil(int fd, const std::string& needle, milliseconds timeout) {
  std::string seen;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (seen.find(needle) == std::string::npos) {
    const auto left =
        std::chrono::duration_cast<milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd waiting{fd, POLLIN, 0};
    if (::poll(&waiting, 1, static_cast<int>(left.count())) <= 0) break;
    char buffer[256];
    const ssize_t n = ::read(fd, buffer, sizeof(buffer));
    if (n <= 0) break;
    seen.append(buffer, n);
  }
  return seen;
}

// A child whose controlling terminal is a pseudo-terminal we drive: the question appears on it,
// and the answer typed into it decides. Exit status 0 = yes, 1 = no, 2 = no terminal.
void ExpectTerminalAnswer(const std::string& typed, bool expected_yes) {
  const int master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master < 0) GTEST_SKIP() << "no pseudo-terminals here (posix_openpt failed)";
  ASSERT_EQ(::grantpt(master), 0);
  ASSERT_EQ(::unlockpt(master), 0);
  const std::string slave_name = ::ptsname(master);

  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::setsid();
    const int slave = ::open(slave_name.c_str(), O_RDWR);  // becomes the controlling terminal
    if (slave < 0) _exit(3);
    PromptFunction prompt = TerminalPrompt();
    if (!prompt) _exit(2);
    _exit(prompt("Allow desktop.open_url to open https://x.test/?", milliseconds(10'000)) ? 0 : 1);
  }
  const std::string seen = ReadUntil(master, "[y/N] ", milliseconds(10'000));
  EXPECT_THAT(seen, HasSubstr("Allow desktop.open_url to open https://x.test/? [y/N] "));
  ASSERT_EQ(::write(master, typed.data(), typed.size()), static_cast<ssize_t>(typed.size()));
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ::close(master);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), expected_yes ? 0 : 1) << "typed " << typed;
}

TEST(TerminalPromptTest, AsksOnTheControllingTerminal) {
  for (const auto& [typed, yes] : std::vector<std::pair<std::string, bool>>{
           {"yes\n", true}, {"Y\n", true}, {"nope\n", false}, {"\n", false}}) {
    ExpectTerminalAnswer(typed, yes);
    if (::testing::Test::IsSkipped() || ::testing::Test::HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace palyra::node_host
