// Two processes sharing one state directory (fresh, so they also race to create the CA and the
// code key) mint codes and pair devices at the same time; everything both did must persist.

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

#include "pairing_test_util.h"

extern char** environ;

namespace palyra::identity {
namespace {

using testing::QueryInt;
using testing::TempDir;

struct Child {
  pid_t pid = -1;
  std::filesystem::path output;
};

Child Spawn(const std::vector<std::string>& argv, const std::filesystem::path& output) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, output.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  Child child;
  child.output = output;
  if (::posix_spawn(&child.pid, argv[0].c_str(), &actions, nullptr, args.data(), environ) != 0) {
    ADD_FAILURE() << "posix_spawn " << argv[0] << " failed";
    child.pid = -1;
  }
  posix_spawn_file_actions_destroy(&actions);
  return child;
}

int Wait(const Child& child) {
  if (child.pid <= 0) return -1;
  int status = 0;
  while (::waitpid(child.pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(PairingMultiProcessTest, TwoProcessesMintAndPairConcurrently) {
  TempDir dir;
  const std::filesystem::path state = dir / "state";
  constexpr int kCount = 25;
  Child a =
      Spawn({PALYRA_PAIRING_HELPER_PATH, state.string(), std::to_string(kCount)}, dir / "a.log");
  Child b =
      Spawn({PALYRA_PAIRING_HELPER_PATH, state.string(), std::to_string(kCount)}, dir / "b.log");
  const int a_exit = Wait(a);
  const int b_exit = Wait(b);
  const std::string a_out = testing::ReadBytes(a.output);
  const std::string b_out = testing::ReadBytes(b.output);
  ASSERT_EQ(a_exit, 0) << a_out;
  ASSERT_EQ(b_exit, 0) << b_out;
  const std::string expected =
      "ok minted=" + std::to_string(kCount) + " paired=" + std::to_string(kCount);
  EXPECT_NE(a_out.find(expected), std::string::npos) << a_out;
  EXPECT_NE(b_out.find(expected), std::string::npos) << b_out;

  auto db = testing::OpenDb(state / "palyra.db");
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM pairing_codes WHERE state = 'active'"), 2 * kCount);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM pairing_codes WHERE state = 'consumed'"),
            2 * kCount);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM pairing_requests WHERE state = 'completed'"),
            2 * kCount);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM paired_devices"), 2 * kCount);
  EXPECT_EQ(QueryInt(*db, "SELECT sequence FROM gateway_ca"), 2 * kCount);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM gateway_ca"), 1);

  // A third coordinator on the same state sees every live code both minted.
  PairingCoordinatorOptions options;
  options.code_key_path = state / "pairing-code.key";
  auto coordinator = testing::OpenCoordinator(options);
  ASSERT_NE(coordinator, nullptr);
  auto live = coordinator->ListCodes();
  ASSERT_TRUE(live.ok());
  EXPECT_EQ(live->size(), static_cast<size_t>(2 * kCount));
}

}  // namespace
}  // namespace palyra::identity
