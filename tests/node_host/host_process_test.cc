// The background host process helpers against real processes: metadata files, start-time based
// liveness, detached spawning and stopping. Spawned processes are reparented away from the test,
// so liveness is polled through /proc (a zombie counts as gone), never waitpid().

#include "node_host/host_process.h"

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "common/files.h"
#include "support/temp_dir.h"

namespace palyra::node_host {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using namespace std::chrono_literals;

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Polls until `path` contains `needle` (the child writes asynchronously); returns the content.
std::string WaitForLog(const fs::path& path, const std::string& needle) {
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  std::string text;
  while (std::chrono::steady_clock::now() < deadline) {
    text = ReadText(path);
    if (text.find(needle) != std::string::npos) break;
    std::this_thread::sleep_for(10ms);
  }
  return text;
}

bool WaitUntilGone(const ProcessMetadata& metadata) {
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (IsSameProcessAlive(metadata)) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

// Fields of /proc/<pid>/stat after the comm, so that index 0 is field 3 (state).
std::vector<std::string> StatFieldsAfterComm(pid_t pid) {
  const std::string stat = ReadText("/proc/" + std::to_string(pid) + "/stat");
  std::istringstream rest(stat.substr(stat.rfind(')') + 1));
  std::vector<std::string> fields;
  for (std::string field; rest >> field;) fields.push_back(field);
  return fields;
}

mode_t FileMode(const fs::path& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

class HostProcessTest : public ::testing::Test {
 protected:
  SpawnSpec Shell(const std::string& script) const {
    SpawnSpec spec;
    spec.argv = {"/bin/sh", "-c", script};
    spec.stdout_log_path = dir_ / "stdout.log";
    spec.stderr_log_path = dir_ / "stderr.log";
    return spec;
  }

  // Stops whatever a test started, even when an assertion failed half way.
  void TearDown() override {
    for (const ProcessMetadata& metadata : started_) (void)StopProcess(metadata, 0ms);
  }

  ProcessMetadata Spawn(const SpawnSpec& spec) {
    auto spawned = SpawnDetached(spec);
    EXPECT_TRUE(spawned.ok()) << spawned.status().ToString();
    if (!spawned.ok()) return {};
    started_.push_back(*spawned);
    return *spawned;
  }

  testing::TempDir dir_;
  std::vector<ProcessMetadata> started_;
};

// ---- Metadata ------------------------------------------------------------------------------

TEST_F(HostProcessTest, MetadataRoundTripsAndIsPrivate) {
  ProcessMetadata metadata;
  metadata.pid = 4242;
  metadata.process_start_ticks = 18446744073709551615ULL;  // the full uint64 range survives
  metadata.stdout_log_path = dir_ / "out log.txt";
  metadata.stderr_log_path = dir_ / "err.log";
  metadata.started_at_unix_ms = 1715000000123;
  const fs::path path = dir_ / "node-host-process.json";
  ASSERT_TRUE(WriteProcessMetadata(path, metadata).ok());
  EXPECT_EQ(FileMode(path), 0600u);

  auto read = ReadProcessMetadata(path);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->pid, metadata.pid);
  EXPECT_EQ(read->process_start_ticks, metadata.process_start_ticks);
  EXPECT_EQ(read->stdout_log_path, metadata.stdout_log_path);
  EXPECT_EQ(read->stderr_log_path, metadata.stderr_log_path);
  EXPECT_EQ(read->started_at_unix_ms, metadata.started_at_unix_ms);
  EXPECT_THAT(ReadText(path), HasSubstr("\"schema_version\": 1"));
}

TEST_F(HostProcessTest, MissingMetadataIsNotFound) {
  auto read = ReadProcessMetadata(dir_ / "absent.json");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), StatusCode::kNotFound);
}

TEST_F(HostProcessTest, OversizedMetadataIsRefused) {
  const fs::path path = dir_ / "big.json";
  ASSERT_TRUE(WriteFileAtomic(path, std::string(kMaxProcessMetadataBytes + 1, ' ')).ok());
  auto read = ReadProcessMetadata(path);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(read.status().message(), HasSubstr(path.string()));
}

TEST_F(HostProcessTest, WritingMetadataWithoutAPidIsRefused) {
  ProcessMetadata metadata;
  metadata.stdout_log_path = "a";
  metadata.stderr_log_path = "b";
  const fs::path path = dir_ / "m.json";
  Status status = WriteProcessMetadata(path, metadata);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(fs::exists(path));
}

struct BadMetadata {
  std::string name;
  std::string json;
  std::string mentions;  // the field (or problem) the error must name
};

class BadMetadataTest : public HostProcessTest,
                        public ::testing::WithParamInterface<BadMetadata> {};

TEST_P(BadMetadataTest, IsInvalidArgumentNamingFileAndField) {
  const fs::path path = dir_ / "node-host-process.json";
  ASSERT_TRUE(WriteFileAtomic(path, GetParam().json).ok());
  auto read = ReadProcessMetadata(path);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(read.status().message(), HasSubstr(path.string()));
  EXPECT_THAT(read.status().message(), HasSubstr(GetParam().mentions));
}

// A valid document with one field replaced ("" removes it).
std::string With(const std::string& field, const std::string& value) {
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"schema_version", "1"},
      {"pid", "1234"},
      {"process_start_ticks", "987654"},
      {"stdout_log_path", "\"/x/out.log\""},
      {"stderr_log_path", "\"/x/err.log\""},
      {"started_at_unix_ms", "1715000000000"},
  };
  std::string out = "{";
  for (const auto& [name, default_value] : fields) {
    const std::string& v = name == field ? value : default_value;
    if (v.empty()) continue;
    if (out.size() > 1) out += ",";
    out += "\"" + name + "\":" + v;
  }
  return out + "}";
}

INSTANTIATE_TEST_SUITE_P(
    Validation, BadMetadataTest,
    ::testing::Values(
        BadMetadata{"NotJson", "{\"pid\": ", "not valid JSON"},
        BadMetadata{"NotObject", "[1, 2]", "JSON object"},
        BadMetadata{"NoSchemaVersion", With("schema_version", ""), "schema_version"},
        BadMetadata{"SchemaVersion2", With("schema_version", "2"), "schema_version"},
        BadMetadata{"SchemaVersionString", With("schema_version", "\"1\""), "schema_version"},
        BadMetadata{"NoPid", With("pid", ""), "\"pid\""},
        BadMetadata{"PidZero", With("pid", "0"), "\"pid\""},
        BadMetadata{"PidNegative", With("pid", "-5"), "\"pid\""},
        BadMetadata{"PidFloat", With("pid", "12.5"), "\"pid\""},
        BadMetadata{"PidString", With("pid", "\"12\""), "\"pid\""},
        BadMetadata{"PidTooLarge", With("pid", "4294967296"), "\"pid\""},
        BadMetadata{"NoTicks", With("process_start_ticks", ""), "process_start_ticks"},
        BadMetadata{"TicksNegative", With("process_start_ticks", "-1"), "process_start_ticks"},
        BadMetadata{"TicksFloat", With("process_start_ticks", "1.0"), "process_start_ticks"},
        BadMetadata{"TicksString", With("process_start_ticks", "\"9\""), "process_start_ticks"},
        BadMetadata{"NoStdoutLog", With("stdout_log_path", ""), "stdout_log_path"},
        BadMetadata{"StdoutLogNumber", With("stdout_log_path", "7"), "stdout_log_path"},
        BadMetadata{"StdoutLogEmpty", With("stdout_log_path", "\"\""), "stdout_log_path"},
        BadMetadata{"NoStderrLog", With("stderr_log_path", ""), "stderr_log_path"},
        BadMetadata{"StderrLogNull", With("stderr_log_path", "null"), "stderr_log_path"},
        BadMetadata{"NoStartedAt", With("started_at_unix_ms", ""), "started_at_unix_ms"},
        BadMetadata{"StartedAtString", With("started_at_unix_ms", "\"now\""), "started_at_unix_ms"},
        BadMetadata{"StartedAtFloat", With("started_at_unix_ms", "1.5"), "started_at_unix_ms"},
        BadMetadata{"StartedAtTooLarge", With("started_at_unix_ms", "9223372036854775808"),
                    "started_at_unix_ms"}),
    [](const ::testing::TestParamInfo<BadMetadata>& param_info) { return param_info.param.name; });

// ---- Liveness ------------------------------------------------------------------------------

TEST_F(HostProcessTest, StartTicksOfThisProcessAreStable) {
  const auto first = ProcessStartTicks(::getpid());
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(ProcessStartTicks(::getpid()), first);
  EXPECT_EQ(std::to_string(*first), StatFieldsAfterComm(::getpid()).at(19));  // field 22
}

TEST_F(HostProcessTest, StartTicksOfBogusPidsAreAbsent) {
  EXPECT_FALSE(ProcessStartTicks(0).has_value());
  EXPECT_FALSE(ProcessStartTicks(-1).has_value());
}

TEST_F(HostProcessTest, ZombieAndReapedChildHaveNoStartTicks) {
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) ::_exit(0);
  // Until we reap it the child is a zombie: its pid is held but it is not running.
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (ProcessStartTicks(child).has_value() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(5ms);
  }
  EXPECT_FALSE(ProcessStartTicks(child).has_value());
  ASSERT_EQ(::waitpid(child, nullptr, 0), child);
  EXPECT_FALSE(ProcessStartTicks(child).has_value());
}

TEST_F(HostProcessTest, CommWithSpacesAndParenthesesIsParsed) {
  int to_child[2];
  int to_parent[2];
  ASSERT_EQ(::pipe(to_child), 0);
  ASSERT_EQ(::pipe(to_parent), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    char byte;
    if (::read(to_child[0], &byte, 1) != 1) ::_exit(1);
    ::prctl(PR_SET_NAME, "a) b ) 1 2 (c", 0, 0, 0);  // truncated to 15 bytes by the kernel
    if (::write(to_parent[1], "r", 1) != 1) ::_exit(1);
    ::pause();
    ::_exit(0);
  }
  const auto before = ProcessStartTicks(child);
  ASSERT_TRUE(before.has_value());
  ASSERT_EQ(::write(to_child[1], "g", 1), 1);
  char byte;
  ASSERT_EQ(::read(to_parent[0], &byte, 1), 1);
  EXPECT_THAT(ReadText("/proc/" + std::to_string(child) + "/stat"), HasSubstr("(a) b ) 1 2 ("));
  EXPECT_EQ(ProcessStartTicks(child), before);

  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  for (int fd : {to_child[0], to_child[1], to_parent[0], to_parent[1]}) ::close(fd);
}

TEST_F(HostProcessTest, StaleMetadataIsNotAliveAndIsNeverSignalled) {
  ProcessMetadata metadata;
  metadata.pid = ::getpid();
  metadata.process_start_ticks = *ProcessStartTicks(::getpid());
  EXPECT_TRUE(IsSameProcessAlive(metadata));

  // Our pid, but a different start time: what a recycled pid looks like.
  metadata.process_start_ticks += 1;
  EXPECT_FALSE(IsSameProcessAlive(metadata));
  auto stopped = StopProcess(metadata, 0ms);  // would kill the test runner if it signalled
  ASSERT_TRUE(stopped.ok()) << stopped.status().ToString();
  EXPECT_FALSE(*stopped);
}

// ---- Spawn and stop ------------------------------------------------------------------------

TEST_F(HostProcessTest, SpawnsDetachedWithPrivateLogsAndStops) {
  const SpawnSpec spec = Shell("echo out; echo err >&2; exec sleep 30");
  const ProcessMetadata metadata = Spawn(spec);
  ASSERT_GT(metadata.pid, 0);
  EXPECT_EQ(metadata.stdout_log_path, spec.stdout_log_path);
  EXPECT_EQ(metadata.stderr_log_path, spec.stderr_log_path);
  EXPECT_GT(metadata.started_at_unix_ms, 0);
  EXPECT_EQ(ProcessStartTicks(metadata.pid), metadata.process_start_ticks);
  EXPECT_TRUE(IsSameProcessAlive(metadata));

  EXPECT_EQ(WaitForLog(spec.stdout_log_path, "out\n"), "out\n");
  EXPECT_EQ(WaitForLog(spec.stderr_log_path, "err\n"), "err\n");
  EXPECT_EQ(FileMode(spec.stdout_log_path), 0600u);
  EXPECT_EQ(FileMode(spec.stderr_log_path), 0600u);

  // Its own session and process group, no controlling terminal, and not our child.
  EXPECT_EQ(::getsid(metadata.pid), metadata.pid);
  const std::vector<std::string> fields = StatFieldsAfterComm(metadata.pid);
  ASSERT_GE(fields.size(), 5u);
  EXPECT_NE(fields[1], std::to_string(::getpid()));    // ppid
  EXPECT_EQ(fields[2], std::to_string(metadata.pid));  // pgrp
  EXPECT_EQ(fields[4], "0");                           // tty_nr
  EXPECT_EQ(::waitpid(-1, nullptr, WNOHANG), -1);      // no child of ours is left behind
  EXPECT_EQ(errno, ECHILD);

  auto stopped = StopProcess(metadata, 5s);
  ASSERT_TRUE(stopped.ok()) << stopped.status().ToString();
  EXPECT_TRUE(*stopped);
  EXPECT_FALSE(IsSameProcessAlive(metadata));

  auto again = StopProcess(metadata, 5s);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(*again);
}

TEST_F(HostProcessTest, ExistingLogsAreTruncatedAndMadePrivate) {
  const SpawnSpec spec = Shell("echo fresh; exec sleep 30");
  ASSERT_TRUE(WriteFileAtomic(spec.stdout_log_path, "old content that is long\n", 0644).ok());
  const ProcessMetadata metadata = Spawn(spec);
  EXPECT_EQ(WaitForLog(spec.stdout_log_path, "fresh\n"), "fresh\n");
  EXPECT_EQ(FileMode(spec.stdout_log_path), 0600u);
}

TEST_F(HostProcessTest, OneLogForBothStreamsKeepsBoth) {
  SpawnSpec spec = Shell("echo one; echo two >&2; echo three; exec sleep 30");
  spec.stderr_log_path = spec.stdout_log_path;
  Spawn(spec);
  EXPECT_EQ(WaitForLog(spec.stdout_log_path, "three\n"), "one\ntwo\nthree\n");
}

TEST_F(HostProcessTest, ProgramIgnoringSigtermIsKilledAfterGrace) {
  const SpawnSpec spec = Shell("trap '' TERM; echo ready; exec sleep 30");
  const ProcessMetadata metadata = Spawn(spec);
  // Only once the trap is in place does this exercise the SIGKILL path.
  ASSERT_EQ(WaitForLog(spec.stdout_log_path, "ready\n"), "ready\n");

  constexpr auto kGrace = 300ms;
  const auto start = std::chrono::steady_clock::now();
  auto stopped = StopProcess(metadata, kGrace);
  ASSERT_TRUE(stopped.ok()) << stopped.status().ToString();
  EXPECT_TRUE(*stopped);
  EXPECT_FALSE(IsSameProcessAlive(metadata));
  // A lower bound only (it follows from SIGTERM being ignored): the grace was waited out.
  EXPECT_GE(std::chrono::steady_clock::now() - start, kGrace);
}

TEST_F(HostProcessTest, ProgramExitingAtOnceStillGetsItsStartTime) {
  const SpawnSpec spec = Shell("echo bye");
  auto spawned = SpawnDetached(spec);
  ASSERT_TRUE(spawned.ok()) << spawned.status().ToString();
  EXPECT_GT(spawned->pid, 0);
  EXPECT_GT(spawned->process_start_ticks, 0u);
  EXPECT_EQ(WaitForLog(spec.stdout_log_path, "bye\n"), "bye\n");
  EXPECT_TRUE(WaitUntilGone(*spawned));
}

TEST_F(HostProcessTest, MissingExecutableFailsClearly) {
  SpawnSpec spec = Shell("");
  spec.argv = {"/nonexistent/palyra-no-such-program", "--flag"};
  auto spawned = SpawnDetached(spec);
  ASSERT_FALSE(spawned.ok());
  EXPECT_EQ(spawned.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(spawned.status().message(), HasSubstr("/nonexistent/palyra-no-such-program"));
  EXPECT_THAT(spawned.status().message(), HasSubstr("No such file or directory"));
  EXPECT_EQ(::waitpid(-1, nullptr, WNOHANG), -1);
}

TEST_F(HostProcessTest, NonExecutableFileFailsClearly) {
  SpawnSpec spec = Shell("");
  const fs::path script = dir_ / "not-executable.sh";
  ASSERT_TRUE(WriteFileAtomic(script, "#!/bin/sh\necho hi\n", 0600).ok());
  spec.argv = {script.string()};
  auto spawned = SpawnDetached(spec);
  ASSERT_FALSE(spawned.ok());
  EXPECT_EQ(spawned.status().code(), StatusCode::kPermissionDenied);
  EXPECT_THAT(spawned.status().message(), HasSubstr(script.string()));
  EXPECT_THAT(spawned.status().message(), HasSubstr("Permission denied"));
}

TEST_F(HostProcessTest, UnopenableLogFailsNamingIt) {
  SpawnSpec spec = Shell("exec sleep 30");
  spec.stderr_log_path = dir_ / "no-such-dir" / "stderr.log";
  auto spawned = SpawnDetached(spec);
  ASSERT_FALSE(spawned.ok());
  EXPECT_THAT(spawned.status().message(), HasSubstr(spec.stderr_log_path.string()));
  EXPECT_THAT(spawned.status().message(), HasSubstr("stderr log"));
}

TEST_F(HostProcessTest, BadSpecsAreRefusedBeforeForking) {
  SpawnSpec empty = Shell("");
  empty.argv.clear();
  EXPECT_EQ(SpawnDetached(empty).status().code(), StatusCode::kInvalidArgument);

  SpawnSpec bad_env = Shell("exit 0");
  bad_env.extra_environment = {"NOEQUALS"};
  EXPECT_EQ(SpawnDetached(bad_env).status().code(), StatusCode::kInvalidArgument);
  bad_env.extra_environment = {"=value"};
  EXPECT_EQ(SpawnDetached(bad_env).status().code(), StatusCode::kInvalidArgument);

  SpawnSpec no_log = Shell("exit 0");
  no_log.stdout_log_path.clear();
  EXPECT_EQ(SpawnDetached(no_log).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(HostProcessTest, ExtraEnvironmentReachesTheChildAndOverridesOurs) {
  ASSERT_EQ(::setenv("PALYRA_TEST_OVERRIDDEN", "ours", 1), 0);
  ASSERT_EQ(::setenv("PALYRA_TEST_INHERITED", "kept", 1), 0);
  SpawnSpec spec = Shell(
      "echo \"var=$PALYRA_TEST_VAR over=$PALYRA_TEST_OVERRIDDEN inh=$PALYRA_TEST_INHERITED\";"
      " exec sleep 30");
  spec.extra_environment = {"PALYRA_TEST_VAR=hello world", "PALYRA_TEST_OVERRIDDEN=theirs"};
  Spawn(spec);
  EXPECT_EQ(WaitForLog(spec.stdout_log_path, "\n"), "var=hello world over=theirs inh=kept\n");
  ::unsetenv("PALYRA_TEST_OVERRIDDEN");
  ::unsetenv("PALYRA_TEST_INHERITED");
}

TEST_F(HostProcessTest, OnlyStdioDescriptorsAreInherited) {
  // Deliberately not CLOEXEC: the spawner itself must keep it out of the child.
  const int leaked = ::open("/dev/null", O_RDONLY);
  ASSERT_GE(leaked, 3);
  const int high = ::fcntl(leaked, F_DUPFD, 100);  // far above anything opened so far
  ASSERT_GE(high, 100);

  // Inspect the running program's table from outside: a lister inside the child (ls, a shell
  // glob) would see the descriptor it opened for the listing itself.
  const SpawnSpec spec = Shell("echo ready; exec sleep 30");
  const ProcessMetadata metadata = Spawn(spec);
  ASSERT_EQ(WaitForLog(spec.stdout_log_path, "ready\n"), "ready\n");
  // "ready" comes from the shell just before its exec: wait until sleep itself runs, so the
  // listing never catches the shell mid-exec.
  const std::string comm_path = "/proc/" + std::to_string(metadata.pid) + "/comm";
  for (int i = 0; i < 250; ++i) {
    std::ifstream comm(comm_path);
    std::string name;
    if (std::getline(comm, name) && name == "sleep") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::vector<std::string> fds;
  for (const auto& entry :
       fs::directory_iterator("/proc/" + std::to_string(metadata.pid) + "/fd")) {
    fds.push_back(entry.path().filename().string());
  }
  EXPECT_THAT(fds, ::testing::UnorderedElementsAre("0", "1", "2"));
  EXPECT_EQ(fs::read_symlink("/proc/" + std::to_string(metadata.pid) + "/fd/0"), "/dev/null");
  ::close(leaked);
  ::close(high);
}

}  // namespace
}  // namespace palyra::node_host
