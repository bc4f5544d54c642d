#include "cli/daemon_target.h"

#include <gtest/gtest.h>

#include <string>

namespace palyra::cli {
namespace {

TEST(DaemonTargetTest, ParsesH2cAndTlsUrls) {
  auto bare = ParseDaemonUrl("127.0.0.1:7443");
  ASSERT_TRUE(bare.ok()) << bare.status().ToString();
  EXPECT_EQ(bare->target, "127.0.0.1:7443");
  EXPECT_FALSE(bare->tls);
  EXPECT_TRUE(bare->loopback);

  auto http = ParseDaemonUrl("http://localhost:9000/");
  ASSERT_TRUE(http.ok());
  EXPECT_EQ(http->target, "localhost:9000");
  EXPECT_FALSE(http->tls);
  EXPECT_TRUE(http->loopback);

  auto https = ParseDaemonUrl("https://gw.example.org");
  ASSERT_TRUE(https.ok());
  EXPECT_EQ(https->target, "gw.example.org:443");
  EXPECT_TRUE(https->tls);
  EXPECT_FALSE(https->loopback);

  auto v6 = ParseDaemonUrl("https://[::1]:7443");
  ASSERT_TRUE(v6.ok()) << v6.status().ToString();
  EXPECT_EQ(v6->target, "[::1]:7443");
  EXPECT_EQ(v6->host, "::1");
  EXPECT_TRUE(v6->loopback);
}

TEST(DaemonTargetTest, RejectsWhatIsNotSchemeHostPort) {
  for (const std::string bad :
       {"", "http://", "127.0.0.1", "http://127.0.0.1", "ftp://h:1", "unix:///tmp/sock",
        "http://h:1/path", "http://user@h:1", "h:0", "h:65536", "h:port", "h:", "::1:7443", "[::1",
        "[nothost]:1", "http://h:1?x", "bad host:1", "-h:1"}) {
    auto parsed = ParseDaemonUrl(bad);
    EXPECT_FALSE(parsed.ok()) << "'" << bad << "' was accepted";
    if (!parsed.ok()) {
      EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
      EXPECT_EQ(parsed.status().message().rfind("--daemon", 0), 0u) << parsed.status().message();
    }
  }
}

TEST(DaemonTargetTest, LoopbackDetection) {
  EXPECT_TRUE(IsLoopbackHost("127.0.0.1"));
  EXPECT_TRUE(IsLoopbackHost("127.5.6.7"));
  EXPECT_TRUE(IsLoopbackHost("::1"));
  EXPECT_TRUE(IsLoopbackHost("localhost"));
  EXPECT_FALSE(IsLoopbackHost("128.0.0.1"));
  EXPECT_FALSE(IsLoopbackHost("10.0.0.1"));
  EXPECT_FALSE(IsLoopbackHost("::2"));
  EXPECT_FALSE(IsLoopbackHost("localhost.example.org"));
  EXPECT_FALSE(IsLoopbackHost("127.0.0.1.example.org"));
}

TEST(DaemonTargetTest, ParsesTheRunFileTheDaemonWrites) {
  auto info = ParseRunFile(R"({
    "pid": 4242, "admin_grpc_addr": "127.0.0.1:40001", "admin_grpc_tls": false,
    "admin_token_path": "/state/admin.token", "node_rpc_addr": "127.0.0.1:40002",
    "gateway_ca_path": "/state/ca.pem", "gateway_ca_fingerprint": "ab", "future_key": [1]
  })",
                           "palyrad.json");
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(info->pid, 4242);
  EXPECT_EQ(info->admin_grpc_addr, "127.0.0.1:40001");
  EXPECT_FALSE(info->admin_grpc_tls);
  EXPECT_EQ(info->admin_token_path, "/state/admin.token");
  EXPECT_EQ(info->node_rpc_addr, "127.0.0.1:40002");
  EXPECT_EQ(info->gateway_ca_path, "/state/ca.pem");
  EXPECT_EQ(info->gateway_ca_fingerprint, "ab");

  auto minimal = ParseRunFile(R"({"admin_grpc_addr": "[::1]:7443"})", "palyrad.json");
  ASSERT_TRUE(minimal.ok());
  EXPECT_FALSE(minimal->admin_token_path.has_value());
  EXPECT_TRUE(minimal->gateway_ca_path.empty());

  auto endpoint = EndpointFromHostPort(minimal->admin_grpc_addr, true);
  ASSERT_TRUE(endpoint.ok());
  EXPECT_EQ(endpoint->target, "[::1]:7443");
  EXPECT_TRUE(endpoint->tls);
}

TEST(DaemonTargetTest, RejectsBrokenRunFilesNamingThem) {
  for (const std::string bad :
       {"", "[]", "{", R"({"pid": 1})", R"({"admin_grpc_addr": ""})", R"({"admin_grpc_addr": 5})",
        R"({"admin_grpc_addr": "h:1", "admin_grpc_tls": "yes"})"}) {
    auto info = ParseRunFile(bad, "/x/run/palyrad.json");
    ASSERT_FALSE(info.ok()) << bad;
    EXPECT_NE(info.status().message().find("/x/run/palyrad.json"), std::string::npos);
  }
}

}  // namespace
}  // namespace palyra::cli
