// `palyra node run --transport`: the event channel over QUIC (the default when the gateway's
// QUIC endpoint answers), over gRPC when asked, and the explicit fallback: taken only while
// QUIC is unreachable, logged, never taken with --transport quic, and undone on reconnect.
#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include <thread>

#include "node_host_fixture.h"

namespace palyra::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class NodeHostTransportTest : public NodeHostTest {};

TEST_F(NodeHostTransportTest, AutoRunsTheEventChannelOverQuic) {
  StartDaemon();
  std::string device_id;
  auto host = StartPairedHost({}, &device_id);
  ASSERT_TRUE(WaitForStderr(*host, "event channel open over quic")) << host->Stderr();
  nlohmann::json echo = InvokeCli(device_id, "echo", R"({"over":"quic"})");
  EXPECT_EQ(echo["state"], "succeeded") << echo.dump();
  EXPECT_THAT(host->Stderr(), Not(HasSubstr("falling back")));
}

TEST_F(NodeHostTransportTest, GrpcWhenAskedFor) {
  StartDaemon();
  std::string device_id;
  auto host = StartPairedHost({"--transport", "grpc"}, &device_id);
  ASSERT_TRUE(WaitForStderr(*host, "event channel open over grpc")) << host->Stderr();
  nlohmann::json echo = InvokeCli(device_id, "echo", R"({"over":"grpc"})");
  EXPECT_EQ(echo["state"], "succeeded") << echo.dump();
}

TEST_F(NodeHostTransportTest, AutoFallsBackToGrpcOnlyWhileQuicIsUnreachable) {
  StartDaemon({"gateway.quic_enabled=false"});
  std::string device_id;
  auto host = StartPairedHost({}, &device_id);
  ASSERT_TRUE(WaitForStderr(*host, "falling back to gRPC")) << host->Stderr();
  ASSERT_TRUE(WaitForStderr(*host, "event channel open over grpc")) << host->Stderr();
  EXPECT_EQ(InvokeCli(device_id, "echo", "{}")["state"], "succeeded");
  // The gateway comes back with QUIC: the next session is on QUIC again.
  KillDaemon();
  StartDaemon({"gateway.quic_enabled=true"});
  ASSERT_TRUE(WaitForStderr(*host, "event channel open over quic")) << host->Stderr();
  ASSERT_TRUE(WaitForConnected(device_id));
  EXPECT_EQ(InvokeCli(device_id, "echo", R"({"back":"on quic"})")["state"], "succeeded");
}

TEST_F(NodeHostTransportTest, QuicOnlyNeverFallsBack) {
  StartDaemon({"gateway.quic_enabled=false"});
  adminv1::MintPairingCodeResponse code = Mint(/*auto_approve=*/true);
  auto host = StartPalyra({"node", "run", "--pair-uri", code.pairing_uri(), "--transport", "quic"});
  ASSERT_TRUE(WaitForStderr(*host, "QUIC event channel to")) << host->Stderr();
  std::this_thread::sleep_for(std::chrono::seconds(1));
  EXPECT_THAT(host->Stderr(), Not(HasSubstr("falling back")));
  EXPECT_THAT(host->Stderr(), Not(HasSubstr("event channel open over grpc")));
  EXPECT_TRUE(host->running());
}

TEST_F(NodeHostTransportTest, ABadTransportIsAUsageError) {
  StartDaemon();
  std::string out, err;
  EXPECT_EQ(RunPalyra({"node", "run", "--transport", "carrier-pigeon"}, &out, &err).code, 2);
  EXPECT_THAT(err, HasSubstr("--transport"));
  EXPECT_EQ(RunPalyra({"node", "run", "--quic-addr", "no-port-here"}, &out, &err).code, 2) << err;
}

}  // namespace
}  // namespace palyra::testing
