// palyrad's QUIC listener end to end: a real daemon, a device paired over gRPC, and our QUIC
// client with the device's certificate: upstream's exact node.health bytes, errors, the event
// log replay, and refusals (no certificate, revoked).
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "support/node_client.h"
#include "support/palyrad_process.h"
#include "support/temp_dir.h"
#include "daemon/quic_runtime/event_log.h"
#include "transport/quic/quic_client.h"

namespace palyra::testing {
namespace {

using namespace std::chrono_literals;
using transport::quic::ClientTlsCredentials;
using transport::quic::ClientTlsOptions;
using transport::quic::QuicClient;

class QuicListenerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    PalyradOptions options;
    options.state_dir = temp_.path() / "state";
    daemon_ = PalyradProcess::Start(options);
    const auto& run = daemon_->run_file();
    node_address_ = run.at("node_rpc_addr").get<std::string>();
    quic_addr_ = run.at("quic_addr").get<std::string>();
    ca_pem_ = ReadTextFile(run.at("gateway_ca_path").get<std::string>());
    op_ = std::make_unique<OperatorClient>(daemon_->admin_address(),
                                           ReadAdminToken(options.state_dir / "admin.token"));
  }

  uint16_t QuicPort() const {
    return static_cast<uint16_t>(std::stoi(quic_addr_.substr(quic_addr_.rfind(':') + 1)));
  }

  std::shared_ptr<const ClientTlsCredentials> Tls(const DeviceMaterial* device) {
    ClientTlsOptions options;
    options.ca_pem = ca_pem_;
    options.server_name = "localhost";
    if (device != nullptr) {
      options.client_certificate_chain_pem = device->certificate_pem;
      options.client_private_key_pem = device->private_key_pem;
    }
    auto tls = ClientTlsCredentials::Create(options);
    EXPECT_TRUE(tls.ok()) << tls.status().ToString();
    return *tls;
  }

  TempDir temp_;
  std::unique_ptr<PalyradProcess> daemon_;
  std::string node_address_, quic_addr_, ca_pem_;
  std::unique_ptr<OperatorClient> op_;
};

TEST_F(QuicListenerTest, ServesUpstreamsMethodsToAPairedDevice) {
  ASSERT_EQ(quic_addr_.rfind("127.0.0.1:", 0), 0u) << quic_addr_;
  DeviceMaterial device = PairDevice(*op_, node_address_, ca_pem_, {});
  auto client = QuicClient::Connect("127.0.0.1", QuicPort(), Tls(&device), 10s);
  ASSERT_TRUE(client.ok()) << client.status().ToString();

  auto health = (*client)->Request(R"({"protocol_version":1,"method":"node.health"})", 10s);
  ASSERT_TRUE(health.ok()) << health.status().ToString();
  EXPECT_EQ(*health, std::vector<std::string>{
                         R"({"protocol_version":1,"kind":"health","ok":true,"node_rpc_mtls_required":true})"});

  auto mismatch = (*client)->Request(R"({"protocol_version":2,"method":"node.health"})", 10s);
  ASSERT_TRUE(mismatch.ok());
  EXPECT_EQ(*mismatch, std::vector<std::string>{
                           R"({"protocol_version":1,"kind":"error","ok":false,"error":"protocol_mismatch"})"});
  auto unknown = (*client)->Request(R"({"protocol_version":1,"method":"node.nope"})", 10s);
  ASSERT_TRUE(unknown.ok());
  EXPECT_EQ(*unknown, std::vector<std::string>{
                          R"({"protocol_version":1,"kind":"error","ok":false,"error":"unsupported_method"})"});
  auto invalid = (*client)->Request(R"({"protocol_version":1,"method":"node.health","x":1})", 10s);
  ASSERT_TRUE(invalid.ok());
  EXPECT_EQ(*invalid, std::vector<std::string>{
                          R"({"protocol_version":1,"kind":"error","ok":false,"error":"invalid_request"})"});

  // The device's event log is empty so far: the stream ends at once.
  auto events = (*client)->Request(
      R"({"protocol_version":1,"method":"node.stream_events","resume_from":0})", 10s);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  EXPECT_TRUE(events->empty());
}

TEST_F(QuicListenerTest, ReplaysTheDevicesEventLogAfterTheResumePoint) {
  DeviceMaterial device = PairDevice(*op_, node_address_, ca_pem_, {});
  DeviceMaterial other = PairDevice(*op_, node_address_, ca_pem_, {});
  {
    // Events written into the daemon's database (before the daemon first reads this device's
    // log), as its runtime will write them.
    daemon::quic_runtime::EventLogOptions options;
    options.database_path = temp_.path() / "state" / "palyra.db";
    auto log = daemon::quic_runtime::NodeEventLog::Open(options);
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    for (int i = 1; i <= 5; ++i) {
      ASSERT_TRUE((*log)->Append(device.device_id, "capability.dispatch",
                                 R"({"n":)" + std::to_string(i) + "}")
                      .ok());
    }
    ASSERT_TRUE((*log)->Append(other.device_id, "capability.dispatch", "{}").ok());
  }
  auto client = QuicClient::Connect("127.0.0.1", QuicPort(), Tls(&device), 10s);
  ASSERT_TRUE(client.ok()) << client.status().ToString();
  auto from2 = (*client)->Request(
      R"({"protocol_version":1,"method":"node.stream_events","resume_from":2})", 10s);
  ASSERT_TRUE(from2.ok()) << from2.status().ToString();
  ASSERT_EQ(from2->size(), 3u);  // 3, 4, 5: only this device's, only after the resume point
  EXPECT_EQ((*from2)[0],
            R"({"protocol_version":1,"kind":"event","ok":true,"seq":3,)"
            R"("event":"capability.dispatch","payload":{"n":3}})");
  EXPECT_NE((*from2)[2].find(R"("seq":5)"), std::string::npos);
  auto caught_up = (*client)->Request(
      R"({"protocol_version":1,"method":"node.stream_events","resume_from":5})", 10s);
  ASSERT_TRUE(caught_up.ok());
  EXPECT_TRUE(caught_up->empty());
}

TEST_F(QuicListenerTest, RevokingADeviceClosesItsOpenConnection) {
  DeviceMaterial device = PairDevice(*op_, node_address_, ca_pem_, {});
  DeviceMaterial bystander = PairDevice(*op_, node_address_, ca_pem_, {});
  auto client = QuicClient::Connect("127.0.0.1", QuicPort(), Tls(&device), 10s);
  auto other = QuicClient::Connect("127.0.0.1", QuicPort(), Tls(&bystander), 10s);
  ASSERT_TRUE(client.ok() && other.ok());
  constexpr std::string_view kHealth = R"({"protocol_version":1,"method":"node.health"})";
  ASSERT_TRUE((*client)->Request(kHealth, 10s).ok());
  ASSERT_TRUE(op_->Revoke(device.device_id, "stolen").ok());
  const auto revoked_at = std::chrono::steady_clock::now();
  bool closed = false;
  while (!closed && std::chrono::steady_clock::now() - revoked_at < 5s) {
    closed = !(*client)->Request(kHealth, 500ms).ok();
    if (!closed) std::this_thread::sleep_for(20ms);
  }
  EXPECT_TRUE(closed) << "the revoked device's QUIC connection stayed open";
  // Only that device's connection.
  EXPECT_TRUE((*other)->Request(kHealth, 10s).ok());
}

TEST_F(QuicListenerTest, RefusesClientsWithoutAValidDeviceCertificate) {
  auto anonymous = QuicClient::Connect("127.0.0.1", QuicPort(), Tls(nullptr), 3s);
  if (anonymous.ok()) {
    EXPECT_FALSE((*anonymous)->Request(R"({"protocol_version":1,"method":"node.health"})", 3s).ok());
  }
  DeviceMaterial device = PairDevice(*op_, node_address_, ca_pem_, {});
  ASSERT_TRUE(op_->Revoke(device.device_id, "lost").ok());
  // Revocation reaches the QUIC verifier from the store (polled), within a couple of seconds.
  bool refused = false;
  for (int i = 0; i < 30 && !refused; ++i) {
    auto client = QuicClient::Connect("127.0.0.1", QuicPort(), Tls(&device), 2s);
    refused = !client.ok() ||
              !(*client)->Request(R"({"protocol_version":1,"method":"node.health"})", 2s).ok();
    if (!refused) std::this_thread::sleep_for(200ms);
  }
  EXPECT_TRUE(refused) << "a revoked device still gets answers over QUIC";
}

}  // namespace
}  // namespace palyra::testing
