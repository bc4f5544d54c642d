// The command line itself: help, required arguments, value checks and exclusive flags. Every
// usage error is exit 2 with one line on stderr, decided before any connection is attempted
// (the daemon address below is a closed port, which would give exit 3).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/exit_codes.h"
#include "cli_test_util.h"

namespace palyra::cli::testing {
namespace {

const Environment kEnv = {{"PALYRA_ADMIN_TOKEN", "test-token"}, {"HOME", "/nonexistent"}};

// Appends a --daemon that nothing listens on, so a command that got past parsing would exit 3.
CliRun Parse(std::vector<std::string> args) {
  args.push_back("--daemon");
  args.push_back("127.0.0.1:1");
  return RunPalyra(args, kEnv);
}

void ExpectUsage(const std::vector<std::string>& args, const std::string& mention) {
  CliRun run = Parse(args);
  std::string joined;
  for (const auto& a : args) joined += a + " ";
  EXPECT_EQ(run.code, kExitUsage) << joined << "\n" << run.err;
  EXPECT_TRUE(IsOneLine(run.err)) << joined << ": '" << run.err << "'";
  EXPECT_EQ(run.err.rfind("palyra: error: ", 0), 0u) << run.err;
  EXPECT_NE(run.err.find(mention), std::string::npos) << joined << ": " << run.err;
  EXPECT_EQ(run.out, "") << joined;
}

void ExpectHelpMentions(const std::vector<std::string>& args,
                        const std::vector<std::string>& words) {
  std::vector<std::string> with_help = args;
  with_help.push_back("--help");
  CliRun run = RunPalyra(with_help, kEnv);
  ASSERT_EQ(run.code, kExitOk) << run.err;
  for (const auto& word : words) {
    EXPECT_NE(run.out.find(word), std::string::npos)
        << "help of '" << args.back() << "' lacks " << word << ":\n"
        << run.out;
  }
}

TEST(CliParseTest, RootHelpListsGroupsAndGlobalFlags) {
  ExpectHelpMentions({}, {"pairing", "nodes", "devices", "health", "ca", "--state-dir", "--daemon",
                          "--daemon-ca", "--version", "Exit codes"});
}

TEST(CliParseTest, GroupHelpListsSubcommands) {
  ExpectHelpMentions({"pairing"}, {"code", "codes", "cancel"});
  ExpectHelpMentions({"nodes"}, {"pending", "approve", "reject", "list", "describe", "status",
                                 "requests", "invoke", "watch"});
  ExpectHelpMentions({"devices"}, {"list", "rotate", "revoke", "remove"});
  ExpectHelpMentions({"ca"}, {"show"});
}

TEST(CliParseTest, LeafHelpListsFlags) {
  ExpectHelpMentions({"pairing", "code"},
                     {"--method", "pin|qr", "--ttl", "DURATION", "--auto-approve", "--json"});
  ExpectHelpMentions({"pairing", "codes"}, {"--json"});
  ExpectHelpMentions({"pairing", "cancel"}, {"code_id", "ULID"});
  ExpectHelpMentions({"nodes", "pending"}, {"--all", "--json", "--ndjson"});
  ExpectHelpMentions({"nodes", "approve"},
                     {"request_id", "--reason", "--confirm-identity-change", "--json"});
  ExpectHelpMentions({"nodes", "reject"}, {"request_id", "--reason", "--json"});
  ExpectHelpMentions({"nodes", "list"}, {"--json", "--ndjson"});
  ExpectHelpMentions({"nodes", "describe"}, {"device_id", "--json"});
  ExpectHelpMentions({"nodes", "requests"}, {"device_id", "--limit", "--json"});
  ExpectHelpMentions({"nodes", "invoke"},
                     {"device_id", "capability", "--input-json", "--input-stdin", "--timeout",
                      "--max-payload-bytes", "--idempotency-key", "--json"});
  ExpectHelpMentions({"nodes", "watch"}, {"--json"});
  ExpectHelpMentions({"devices", "list"}, {"--json"});
  ExpectHelpMentions({"devices", "rotate"}, {"device_id", "--write-material", "--json"});
  ExpectHelpMentions({"devices", "revoke"}, {"device_id", "--reason", "--json"});
  ExpectHelpMentions({"devices", "remove"}, {"device_id", "--json"});
  ExpectHelpMentions({"health"}, {"--json"});
  ExpectHelpMentions({"ca", "show"}, {"--pem", "--json"});
}

TEST(CliParseTest, VersionAndMissingSubcommands) {
  CliRun version = RunPalyra({"--version"}, kEnv);
  EXPECT_EQ(version.code, kExitOk);
  EXPECT_EQ(version.out.rfind("palyra ", 0), 0u) << version.out;
  ExpectUsage({}, "subcommand");
  ExpectUsage({"nodes"}, "subcommand");
  ExpectUsage({"pairing"}, "subcommand");
  ExpectUsage({"bogus"}, "bogus");
  ExpectUsage({"nodes", "list", "--bogus"}, "--bogus");
  ExpectUsage({"nodes", "list", "extra"}, "extra");
}

TEST(CliParseTest, RequiredArgumentsAreNamed) {
  ExpectUsage({"pairing", "cancel"}, "code_id");
  ExpectUsage({"nodes", "approve"}, "request_id");
  ExpectUsage({"nodes", "reject"}, "request_id");
  ExpectUsage({"nodes", "describe"}, "device_id");
  ExpectUsage({"nodes", "requests"}, "device_id");
  ExpectUsage({"nodes", "invoke"}, "device_id");
  ExpectUsage({"nodes", "invoke", kDeviceId}, "capability");
  ExpectUsage({"devices", "rotate"}, "device_id");
  ExpectUsage({"devices", "revoke"}, "device_id");
  ExpectUsage({"devices", "remove"}, "device_id");
}

TEST(CliParseTest, BadUlidsAreRejectedNamingTheArgument) {
  for (const std::string bad :
       {"not-a-ulid", "01arz3ndektsv4rrffq69g5fav", "01ARZ3NDEKTSV4RRFFQ69G5FA",
        "81ARZ3NDEKTSV4RRFFQ69G5FAV", "01ARZ3NDEKTSV4RRFFQ69G5FAI", ""}) {
    ExpectUsage({"pairing", "cancel", bad}, "code_id");
    ExpectUsage({"nodes", "approve", bad}, "request_id");
    ExpectUsage({"nodes", "reject", bad}, "request_id");
    ExpectUsage({"nodes", "describe", bad}, "device_id");
    ExpectUsage({"nodes", "status", bad}, "device_id");
    ExpectUsage({"nodes", "requests", bad}, "device_id");
    ExpectUsage({"nodes", "invoke", bad, "system.health"}, "device_id");
    ExpectUsage({"devices", "rotate", bad}, "device_id");
    ExpectUsage({"devices", "revoke", bad}, "device_id");
    ExpectUsage({"devices", "remove", bad}, "device_id");
  }
}

TEST(CliParseTest, DurationsAreCheckedWithTheirRange) {
  for (const std::string bad : {"10x", "1.5m", "-1m", "1h30m", "", "10 m", "ten"}) {
    ExpectUsage({"pairing", "code", "--ttl", bad}, "--ttl");
    ExpectUsage({"nodes", "invoke", kDeviceId, "system.health", "--timeout", bad}, "--timeout");
  }
  ExpectUsage({"pairing", "code", "--ttl", "29s"}, "between 30s and 24h");
  ExpectUsage({"pairing", "code", "--ttl", "25h"}, "between 30s and 24h");
  ExpectUsage({"nodes", "invoke", kDeviceId, "system.health", "--timeout", "500ms"},
              "between 1s and 2m");
  ExpectUsage({"nodes", "invoke", kDeviceId, "system.health", "--timeout", "121"}, "--timeout");
}

TEST(CliParseTest, ValuesAreChecked) {
  ExpectUsage({"pairing", "code", "--method", "sms"}, "--method");
  ExpectUsage({"nodes", "requests", kDeviceId, "--limit", "0"}, "--limit");
  ExpectUsage({"nodes", "requests", kDeviceId, "--limit", "1001"}, "--limit");
  ExpectUsage({"nodes", "requests", kDeviceId, "--limit", "1e3"}, "--limit");
  ExpectUsage({"nodes", "invoke", kDeviceId, "system.health", "--max-payload-bytes", "-1"},
              "--max-payload-bytes");
  ExpectUsage({"nodes", "invoke", kDeviceId, "system.health", "--max-payload-bytes",
               "99999999999999999999999"},
              "--max-payload-bytes");
  ExpectUsage({"nodes", "invoke", kDeviceId, "has space"}, "capability");
  ExpectUsage({"nodes", "invoke", kDeviceId, "system.health", "--idempotency-key", ""},
              "--idempotency-key");
  ExpectUsage({"nodes", "approve", kRequestId, "--reason", "two\nlines"}, "--reason");
  ExpectUsage({"devices", "revoke", kDeviceId, "--reason", std::string(513, 'r')}, "--reason");
}

TEST(CliParseTest, ExclusiveFlags) {
  ExpectUsage(
      {"nodes", "invoke", kDeviceId, "system.health", "--input-json", "{}", "--input-stdin"},
      "excludes");
  ExpectUsage({"nodes", "list", "--json", "--ndjson"}, "excludes");
  ExpectUsage({"nodes", "pending", "--ndjson", "--json"}, "excludes");
  ExpectUsage({"--output-format", "text", "nodes", "list", "--json"}, "conflicts with --json");
  ExpectUsage({"nodes", "list", "--ndjson", "--output-format", "json"},
              "conflicts with --ndjson");
  ExpectUsage({"--output-format", "ndjson", "health", "--json"}, "conflicts with --json");
  ExpectUsage({"nodes", "list", "--output-format", "yaml"}, "--output-format");
  CliRun both = RunPalyra({"health", "--daemon", "127.0.0.1:1", "--state-dir", "state-x"}, kEnv);
  EXPECT_EQ(both.code, kExitUsage) << both.err;
  EXPECT_NE(both.err.find("excludes"), std::string::npos) << both.err;
}

TEST(CliParseTest, InvokeInputMustBeJson) {
  ExpectUsage({"nodes", "invoke", kDeviceId, "system.health", "--input-json", "{verbose:true}"},
              "--input-json is not valid JSON");
  ExpectUsage({"nodes", "invoke", kDeviceId, "system.health", "--input-json", ""},
              "--input-json is not valid JSON");
  ExpectUsage({"nodes", "invoke", kDeviceId, "system.health", "--input-json", "[1,2,3]",
               "--max-payload-bytes", "4"},
              "over --max-payload-bytes 4");
  CliRun from_stdin = RunPalyra(
      {"nodes", "invoke", kDeviceId, "system.health", "--input-stdin", "--daemon", "127.0.0.1:1"},
      kEnv, "{\"broken\": ");
  EXPECT_EQ(from_stdin.code, kExitUsage) << from_stdin.err;
  EXPECT_NE(from_stdin.err.find("stdin is not valid JSON"), std::string::npos) << from_stdin.err;
}

TEST(CliParseTest, DaemonUrlAndTlsFlagsAreChecked) {
  ExpectUsage({"nodes", "list", "--daemon", "ftp://h:1"}, "--daemon");
  CliRun no_port = RunPalyra({"nodes", "list", "--daemon", "127.0.0.1"}, kEnv);
  EXPECT_EQ(no_port.code, kExitUsage);
  EXPECT_NE(no_port.err.find("port"), std::string::npos) << no_port.err;
  CliRun ca_without_tls =
      RunPalyra({"nodes", "list", "--daemon", "127.0.0.1:1", "--daemon-ca", "/x.pem"}, kEnv);
  EXPECT_EQ(ca_without_tls.code, kExitUsage);
  EXPECT_NE(ca_without_tls.err.find("--daemon-ca"), std::string::npos) << ca_without_tls.err;
  CliRun missing_ca = RunPalyra(
      {"nodes", "list", "--daemon", "https://127.0.0.1:1", "--daemon-ca", "/nonexistent.pem"},
      kEnv);
  EXPECT_EQ(missing_ca.code, kExitUsage);
  EXPECT_NE(missing_ca.err.find("/nonexistent.pem"), std::string::npos) << missing_ca.err;
  // Never send the token in cleartext off the machine.
  CliRun cleartext = RunPalyra({"nodes", "list", "--daemon", "http://192.0.2.1:7443"}, kEnv);
  EXPECT_EQ(cleartext.code, kExitUsage);
  EXPECT_NE(cleartext.err.find("cleartext"), std::string::npos) << cleartext.err;
  EXPECT_EQ(cleartext.err.find("test-token"), std::string::npos);
}

TEST(CliParseTest, GlobalFlagsMayFollowTheSubcommand) {
  CliRun run = RunPalyra({"nodes", "list", "--json", "--daemon", "127.0.0.1:1"}, kEnv);
  EXPECT_EQ(run.code, kExitUnreachable) << run.err;
}

}  // namespace
}  // namespace palyra::cli::testing
