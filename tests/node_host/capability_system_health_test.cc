// system.health against the real machine, and the /proc parsers on odd text.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "common/time.h"
#include "node_host/capabilities/capability.h"
#include "node_host/capabilities/host_figures.h"
#include "support/temp_dir.h"

namespace palyra::node_host {
namespace {

Result<nlohmann::json> RunHealth(const HostFacts& facts) {
  for (const auto& capability : StandardCapabilities()) {
    if (capability->name() == "system.health") {
      return capability->Execute(nlohmann::json{{"verbose", true}}, facts);
    }
  }
  return NotFound("no system.health");
}

HostFacts Facts(const std::filesystem::path& dir) {
  HostFacts facts;
  facts.device_id = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
  facts.grpc_url = "https://127.0.0.1:7444";
  facts.poll_interval_ms = 1000;
  facts.node_host_dir = dir;
  return facts;
}

TEST(SystemHealthCapabilityTest, ReportsRealFiguresFromTheOperatingSystem) {
  palyra::testing::TempDir dir;
  const int64_t before = NowUnixMs();
  Result<nlohmann::json> result = RunHealth(Facts(dir.path()));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const nlohmann::json& out = *result;

  EXPECT_EQ(out["status"], "ok");
  EXPECT_EQ(out["device_id"], "01ARZ3NDEKTSV4RRFFQ69G5FAV");
  EXPECT_EQ(out["grpc_url"], "https://127.0.0.1:7444");
  EXPECT_EQ(out["poll_interval_ms"], 1000);
  EXPECT_GE(out["generated_at_unix_ms"].get<int64_t>(), before);
  EXPECT_LE(out["generated_at_unix_ms"].get<int64_t>(), NowUnixMs());

  ASSERT_TRUE(out["load_average"].is_array());
  ASSERT_EQ(out["load_average"].size(), 3u);
  for (const auto& load : out["load_average"]) EXPECT_GE(load.get<double>(), 0.0);

  const nlohmann::json& memory = out["memory"];
  ASSERT_TRUE(memory.is_object()) << out.dump();
  const uint64_t total = memory["total_bytes"].get<uint64_t>();
  EXPECT_GT(total, 16u * 1024 * 1024);
  EXPECT_GT(memory["available_bytes"].get<uint64_t>(), 0u);
  EXPECT_LE(memory["available_bytes"].get<uint64_t>(), total);

  const nlohmann::json& disk = out["disk"];
  ASSERT_TRUE(disk.is_object()) << out.dump();
  EXPECT_EQ(disk["path"], dir.path().string());
  EXPECT_GT(disk["total_bytes"].get<uint64_t>(), 0u);
  EXPECT_LE(disk["available_bytes"].get<uint64_t>(), disk["total_bytes"].get<uint64_t>());
  EXPECT_LE(disk["used_bytes"].get<uint64_t>(), disk["total_bytes"].get<uint64_t>());

  EXPECT_GT(out["uptime_ms"].get<int64_t>(), 0);

  EXPECT_EQ(out["process"]["pid"].get<int64_t>(), static_cast<int64_t>(::getpid()));
  // A gtest binary with its libraries mapped is well over a megabyte resident.
  EXPECT_GT(out["process"]["rss_bytes"].get<uint64_t>(), 1024u * 1024);
}

TEST(SystemHealthCapabilityTest, AFigureThatCannotBeReadIsNullNotAFailure) {
  palyra::testing::TempDir dir;
  Result<nlohmann::json> result = RunHealth(Facts(dir / "does-not-exist"));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_TRUE((*result)["disk"].is_null());
  EXPECT_EQ((*result)["status"], "ok");
  EXPECT_TRUE((*result)["memory"].is_object());

  result = RunHealth(Facts(""));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_TRUE((*result)["disk"].is_null());
}

TEST(HostFiguresTest, ParsesMeminfo) {
  const std::optional<MemoryFigures> figures = ParseMeminfo(
      "MemTotal:       16318216 kB\n"
      "MemFree:         1234567 kB\n"
      "MemAvailable:    8000000 kB\n"
      "Buffers:          100000 kB\n");
  ASSERT_TRUE(figures.has_value());
  EXPECT_EQ(figures->total_bytes, 16318216ull * 1024);
  EXPECT_EQ(figures->available_bytes, 8000000ull * 1024);
}

TEST(HostFiguresTest, MeminfoWithoutMemAvailableKeepsTheTotal) {
  const std::optional<MemoryFigures> figures = ParseMeminfo("MemTotal: 2048 kB\nMemFree: 1 kB");
  ASSERT_TRUE(figures.has_value());
  EXPECT_EQ(figures->total_bytes, 2048u * 1024);
  EXPECT_FALSE(figures->available_bytes.has_value());
}

TEST(HostFiguresTest, RejectsMalformedMeminfo) {
  EXPECT_FALSE(ParseMeminfo("").has_value());
  EXPECT_FALSE(ParseMeminfo("garbage\n\n:::\n").has_value());
  EXPECT_FALSE(ParseMeminfo("MemTotal: lots kB\nMemAvailable: -5 kB\n").has_value());
  // 2^64 / 1024 kB would overflow a byte count.
  EXPECT_FALSE(ParseMeminfo("MemTotal: 18446744073709551615 kB\n").has_value());
}

TEST(HostFiguresTest, ParsesUptime) {
  EXPECT_EQ(ParseUptimeMs("12345.67 2345.89\n"), 12345670);
  EXPECT_EQ(ParseUptimeMs("12.3 1.0"), 12300);
  EXPECT_EQ(ParseUptimeMs("12.34567 1.0"), 12345);
  EXPECT_EQ(ParseUptimeMs("7"), 7000);
  EXPECT_FALSE(ParseUptimeMs("").has_value());
  EXPECT_FALSE(ParseUptimeMs("abc 1.0").has_value());
  EXPECT_FALSE(ParseUptimeMs("12. 1.0").has_value());
  EXPECT_FALSE(ParseUptimeMs("-3.0 1.0").has_value());
  EXPECT_FALSE(ParseUptimeMs("99999999999999999999.0").has_value());
}

TEST(HostFiguresTest, ParsesStatm) {
  EXPECT_EQ(ParseStatmRssBytes("5000 1200 300 10 0 900 0\n", 4096), 1200u * 4096);
  EXPECT_FALSE(ParseStatmRssBytes("5000", 4096).has_value());
  EXPECT_FALSE(ParseStatmRssBytes("5000 x 3", 4096).has_value());
  EXPECT_FALSE(ParseStatmRssBytes("5000 1200 3", 0).has_value());
  EXPECT_FALSE(ParseStatmRssBytes("1 18446744073709551615 3", 4096).has_value());
}

TEST(HostFiguresTest, ReadsTheRealProcFiles) {
  EXPECT_TRUE(ReadLoadAverage().has_value());
  EXPECT_TRUE(ReadMemory().has_value());
  EXPECT_TRUE(ReadUptimeMs().has_value());
  EXPECT_TRUE(ReadProcessRssBytes().has_value());
  EXPECT_TRUE(ReadDisk("/").has_value());
}

}  // namespace
}  // namespace palyra::node_host
