// Prompt mediation, driven through a real pseudo-terminal: `palyra node run --mediation prompt`
// runs with the pty as its controlling terminal, asks on it, and the test answers.

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gmock/gmock.h>

#include <future>
#include <thread>

#include "capability_fake_opener.h"
#include "node_host_fixture.h"

namespace palyra::testing {
namespace {

using ::testing::HasSubstr;

// A child process on a fresh pty; everything it writes is collected from the master side.
class PtyProcess {
 public:
  explicit PtyProcess(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_ = ::forkpty(&master_, nullptr, nullptr, nullptr);
    if (pid_ == 0) {
      ::unsetenv("PALYRA_STATE_DIR");
      ::unsetenv("PALYRA_CONFIG");
      ::execv(args[0], args.data());
      ::_exit(127);
    }
  }
  ~PtyProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (master_ >= 0) ::close(master_);
  }
  bool started() const { return pid_ > 0; }

  // Reads until `text` has appeared in the output (or the timeout).
  bool WaitFor(const std::string& text, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (output_.find(text, consumed_) == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd p{master_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char buffer[4096];
      ssize_t n = ::read(master_, buffer, sizeof(buffer));
      if (n <= 0) return false;
      output_.append(buffer, static_cast<size_t>(n));
    }
    consumed_ = output_.find(text, consumed_) + text.size();
    return true;
  }
  void Type(const std::string& text) { (void)!::write(master_, text.data(), text.size()); }
  const std::string& output() const { return output_; }

 private:
  pid_t pid_ = -1;
  int master_ = -1;
  std::string output_;
  size_t consumed_ = 0;
};

class NodeHostPromptTest : public NodeHostTest {};

TEST_F(NodeHostPromptTest, AsksOnTheTerminalAndFollowsTheAnswer) {
  node_host::testing::FakeOpener opener;
  StartDaemon();
  std::string out, err;
  ASSERT_EQ(RunPalyra({"node", "install", "--pair-uri", Mint(true).pairing_uri(), "--mediation",
                       "prompt"},
                      &out, &err)
                .code,
            0)
      << err;
  const std::string device_id = WaitForDeviceId();
  PtyProcess host({PalyraPath(), "--state-dir", node_state().string(), "node", "run"});
  ASSERT_TRUE(host.started());
  ASSERT_TRUE(host.WaitFor("registered with the gateway", std::chrono::seconds(20)))
      << host.output();

  // Yes: opened.
  auto allowed = std::async(std::launch::async, [&] {
    return InvokeCli(device_id, "desktop.open_url", R"({"url":"https://example.com/yes"})");
  });
  ASSERT_TRUE(host.WaitFor("[y/N]", std::chrono::seconds(20))) << host.output();
  EXPECT_THAT(host.output(), HasSubstr("desktop.open_url"));
  EXPECT_THAT(host.output(), HasSubstr("https://example.com/yes"));
  host.Type("y\n");
  nlohmann::json yes = allowed.get();
  EXPECT_EQ(yes["state"], "succeeded") << yes.dump();
  EXPECT_EQ(opener.argument(), "https://example.com/yes");

  // No: rejected, nothing opened.
  auto denied = std::async(std::launch::async, [&] {
    return InvokeCli(device_id, "desktop.open_path",
                     nlohmann::json{{"path", work_dir().string()}}.dump());
  });
  ASSERT_TRUE(host.WaitFor("[y/N]", std::chrono::seconds(20))) << host.output();
  host.Type("n\n");
  nlohmann::json no = denied.get();
  EXPECT_EQ(no["state"], "rejected") << no.dump();
  EXPECT_THAT(no["error"].get<std::string>(), HasSubstr("denied at the terminal prompt"));
  EXPECT_EQ(opener.argument(), "https://example.com/yes");
}

TEST_F(NodeHostPromptTest, PromptModeWithoutATerminalDenies) {
  node_host::testing::FakeOpener opener;
  StartDaemon();
  std::string device_id;
  auto host = StartPairedHost({"--mediation", "prompt"}, &device_id);  // no controlling tty
  nlohmann::json url = InvokeCli(device_id, "desktop.open_url", R"({"url":"https://example.com"})");
  EXPECT_EQ(url["state"], "rejected");
  EXPECT_THAT(url["error"].get<std::string>(), HasSubstr("no terminal"));
  EXPECT_FALSE(opener.called());
}

}  // namespace
}  // namespace palyra::testing
