// palyrad's QUIC listener end to end: a real daemon, a device paired over gRPC, and our QUIC
// client with the device's certificate: upstream's exact node.health bytes, errors, the event
// log replay, and refusals (no certificate, revoked).
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include <nlohmann/json.hpp>

#include "support/node_client.h"
#include "support/palyrad_process.h"
#include "support/temp_dir.h"
#include "daemon/quic_runtime/event_log.h"
#include "support/event_log_store.h"
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
    // Idle event streams get a heartbeat quickly, so the tests can see one.
    options.env["PALYRA_GATEWAY_QUIC_HEARTBEAT_INTERVAL_MS"] = "300";
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

  // The next `count` event frames (heartbeats skipped); fewer when the stream fails or ends.
  static std::vector<nlohmann::json> ReadEvents(transport::quic::QuicResponseStream& stream,
                                                size_t count) {
    std::vector<nlohmann::json> out;
    const auto deadline = std::chrono::steady_clock::now() + 15s;
    while (out.size() < count && std::chrono::steady_clock::now() < deadline) {
      auto next = stream.Next(1s);
      if (!next.ok() && next.status().code() == StatusCode::kDeadlineExceeded) continue;
      EXPECT_TRUE(next.ok()) << next.status().ToString();
      if (!next.ok() || !next->has_value()) break;
      nlohmann::json frame = nlohmann::json::parse(**next);
      if (frame["kind"] != "heartbeat") out.push_back(std::move(frame));
    }
    return out;
  }

  static std::string ResultRequest(const std::string& request_id, const std::string& output) {
    return R"({"protocol_version":1,"method":"node.capability_result","result":{"request_id":")" +
           request_id + R"(","success":true,"output_json":)" + output + "}}";
  }

  adminv1::CapabilityRequest Invoke(const std::string& device_id, const std::string& say) {
    adminv1::InvokeCapabilityRequest request;
    request.set_device_id(device_id);
    request.set_capability("echo");
    request.set_input_json(R"({"say":")" + say + R"("})");
    request.set_timeout_ms(20'000);
    adminv1::CapabilityRequest out;
    grpc::Status status = op_->Invoke(request, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return out;
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

  // The device's event log is empty so far: the stream stays open and the idle stream gets
  // heartbeats naming the last sequence sent (none).
  auto events = (*client)->OpenStream(
      R"({"protocol_version":1,"method":"node.stream_events","resume_from":0})");
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  auto heartbeat = (*events)->Next(10s);
  ASSERT_TRUE(heartbeat.ok()) << heartbeat.status().ToString();
  ASSERT_TRUE(heartbeat->has_value()) << "the stream ended instead of tailing";
  EXPECT_EQ(**heartbeat, R"({"protocol_version":1,"kind":"heartbeat","ok":true,"seq":0})");

  // A resume point this log never handed out: the node's state is not from this log.
  auto ahead = (*client)->Request(
      R"({"protocol_version":1,"method":"node.stream_events","resume_from":7})", 10s);
  ASSERT_TRUE(ahead.ok()) << ahead.status().ToString();
  EXPECT_EQ(*ahead, std::vector<std::string>{
                        R"({"protocol_version":1,"kind":"error","ok":false,"seq":0,"error":"resume_ahead"})"});
}

TEST_F(QuicListenerTest, ReplaysTheDevicesEventLogAfterTheResumePoint) {
  DeviceMaterial device = PairDevice(*op_, node_address_, ca_pem_, {});
  DeviceMaterial other = PairDevice(*op_, node_address_, ca_pem_, {});
  {
    // Events written into the daemon's database (before the daemon first reads this device's
    // log), as its runtime will write them.
    daemon::quic_runtime::EventLogOptions options;
    auto log = ::palyra::testing::OpenEventLog(options, temp_.path() / "state" / "palyra.db");
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
  auto from2 = (*client)->OpenStream(
      R"({"protocol_version":1,"method":"node.stream_events","resume_from":2})");
  ASSERT_TRUE(from2.ok()) << from2.status().ToString();
  // 3, 4, 5: only this device's, only after the resume point; then the stream tails.
  std::vector<nlohmann::json> events = ReadEvents(**from2, 3);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].dump(),
            R"({"event":"capability.dispatch","kind":"event","ok":true,"payload":{"n":3},)"
            R"("protocol_version":1,"seq":3})");
  EXPECT_EQ(events[2]["seq"], 5);
  auto idle = (*from2)->Next(10s);
  ASSERT_TRUE(idle.ok() && idle->has_value());
  EXPECT_EQ(**idle, R"({"protocol_version":1,"kind":"heartbeat","ok":true,"seq":5})");
}

// A node that has only its certificate and QUIC: its work arrives as capability.dispatch events
// on its event stream, it answers with node.capability_result, and work queued while it was
// away reaches it when it resumes, with no sequence number skipped.
TEST_F(QuicListenerTest, ANodeRunsCapabilitiesOverQuicAndResumesAfterAReconnect) {
  DeviceMaterial device = PairDevice(*op_, node_address_, ca_pem_, {});
  NodeClient node(node_address_, device);
  ASSERT_TRUE(node.Register(device.device_id, {"echo"}).ok());

  auto client = QuicClient::Connect("127.0.0.1", QuicPort(), Tls(&device), 10s);
  ASSERT_TRUE(client.ok()) << client.status().ToString();
  auto stream = (*client)->OpenStream(
      R"({"protocol_version":1,"method":"node.stream_events","resume_from":0})");
  ASSERT_TRUE(stream.ok());
  // The first heartbeat says the stream is being served (the dispatch route is in place).
  ASSERT_TRUE((*stream)->Next(10s).ok());

  auto invoked = std::async(std::launch::async, [&] { return Invoke(device.device_id, "hi"); });
  std::vector<nlohmann::json> first = ReadEvents(**stream, 1);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0]["seq"], 1);
  EXPECT_EQ(first[0]["event"], "capability.dispatch");
  EXPECT_EQ(first[0]["payload"]["capability"], "echo");
  EXPECT_EQ(first[0]["payload"]["input"], nlohmann::json({{"say", "hi"}}));
  const std::string request_id = first[0]["payload"]["request_id"];
  auto ack = (*client)->Request(ResultRequest(request_id, R"({"said":"hi"})"), 10s);
  ASSERT_TRUE(ack.ok()) << ack.status().ToString();
  EXPECT_EQ(*ack, std::vector<std::string>{
                      R"({"protocol_version":1,"kind":"ack","ok":true,"accepted":true,"reason":"accepted"})"});
  adminv1::CapabilityRequest done = invoked.get();
  EXPECT_EQ(done.state(), adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED) << done.error();
  EXPECT_EQ(nlohmann::json::parse(done.output_json()), nlohmann::json({{"said", "hi"}}));
  // The same result again is late: acknowledged, not applied.
  auto late = (*client)->Request(ResultRequest(request_id, "{}"), 10s);
  ASSERT_TRUE(late.ok());
  EXPECT_NE(late->at(0).find(R"("accepted":false)"), std::string::npos) << late->at(0);

  // The node goes away; work for it waits, and reaches it when it resumes from seq 1.
  stream->reset();
  (*client)->Close();
  std::this_thread::sleep_for(500ms);  // the daemon notices the stream is gone
  auto queued = std::async(std::launch::async, [&] { return Invoke(device.device_id, "again"); });
  std::this_thread::sleep_for(300ms);
  auto again = QuicClient::Connect("127.0.0.1", QuicPort(), Tls(&device), 10s);
  ASSERT_TRUE(again.ok());
  auto resumed = (*again)->OpenStream(
      R"({"protocol_version":1,"method":"node.stream_events","resume_from":1})");
  ASSERT_TRUE(resumed.ok());
  std::vector<nlohmann::json> second = ReadEvents(**resumed, 1);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0]["seq"], 2);
  EXPECT_EQ(second[0]["payload"]["input"], nlohmann::json({{"say", "again"}}));
  ASSERT_TRUE((*again)
                  ->Request(ResultRequest(second[0]["payload"]["request_id"], R"({"ok":1})"), 10s)
                  .ok());
  EXPECT_EQ(queued.get().state(), adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED);
}

TEST_F(QuicListenerTest, CapabilityGrantsAndRevokesReachTheNodesEventStream) {
  DeviceMaterial device = PairDevice(*op_, node_address_, ca_pem_, {});
  NodeClient node(node_address_, device);
  ASSERT_TRUE(node.Register(device.device_id, {"echo"}).ok());
  auto client = QuicClient::Connect("127.0.0.1", QuicPort(), Tls(&device), 10s);
  ASSERT_TRUE(client.ok());
  auto stream = (*client)->OpenStream(
      R"({"protocol_version":1,"method":"node.stream_events","resume_from":0})");
  ASSERT_TRUE(stream.ok());
  auto set = [&](bool available) {
    adminv1::SetNodeCapabilityRequest request;
    request.set_device_id(device.device_id);
    request.set_capability("echo");
    request.set_available(available);
    adminv1::SetNodeCapabilityResponse response;
    grpc::Status status = op_->stub().SetNodeCapability(op_->Context().get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  };
  adminv1::SetNodeCapabilityResponse revoked = set(false);
  ASSERT_EQ(revoked.node().capabilities_size(), 1);
  EXPECT_FALSE(revoked.node().capabilities(0).available());
  std::vector<nlohmann::json> events = ReadEvents(**stream, 1);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["event"], "capability.revoked");
  EXPECT_EQ(events[0]["payload"], nlohmann::json({{"capability", "echo"}}));
  // Revoked: the request is rejected without reaching the node.
  EXPECT_EQ(Invoke(device.device_id, "no").state(), adminv1::CAPABILITY_REQUEST_STATE_REJECTED);
  set(true);
  events = ReadEvents(**stream, 1);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["event"], "capability.granted");
  // Bad input changes nothing.
  adminv1::SetNodeCapabilityRequest bad;
  bad.set_device_id("not-a-ulid");
  bad.set_capability("echo");
  adminv1::SetNodeCapabilityResponse ignored;
  EXPECT_EQ(op_->stub().SetNodeCapability(op_->Context().get(), bad, &ignored).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(QuicListenerTest, PublishedEventsAreAppliedOnceAndAcknowledgedBySeq) {
  DeviceMaterial device = PairDevice(*op_, node_address_, ca_pem_, {});
  NodeClient node(node_address_, device);
  ASSERT_TRUE(node.Register(device.device_id, {"echo"}).ok());
  auto client = QuicClient::Connect("127.0.0.1", QuicPort(), Tls(&device), 10s);
  ASSERT_TRUE(client.ok());
  const std::string batch =
      R"({"protocol_version":1,"method":"node.publish_events","events":[)"
      R"({"seq":10,"name":"node.heartbeat"},{"seq":11,"name":"node.stopping","payload":{}}]})";
  auto ack = (*client)->Request(batch, 10s);
  ASSERT_TRUE(ack.ok()) << ack.status().ToString();
  EXPECT_EQ(*ack, std::vector<std::string>{R"({"protocol_version":1,"kind":"ack","ok":true,"seq":11})"});
  adminv1::Node described;
  ASSERT_TRUE(op_->GetNode(device.device_id, &described).ok());
  EXPECT_EQ(described.last_event_name(), "node.stopping");
  // Re-sent after a lost acknowledgement: acknowledged again, applied once.
  auto again = (*client)->Request(batch, 10s);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *ack);

  auto refused = [&](const std::string& request) {
    auto answer = (*client)->Request(request, 10s);
    EXPECT_TRUE(answer.ok()) << answer.status().ToString();
    return answer.ok() && answer->size() == 1 ? answer->front() : std::string();
  };
  constexpr std::string_view kInvalid =
      R"({"protocol_version":1,"kind":"error","ok":false,"error":"invalid_request"})";
  EXPECT_EQ(refused(R"({"protocol_version":1,"method":"node.publish_events","events":[]})"),
            kInvalid);
  EXPECT_EQ(refused(R"({"protocol_version":1,"method":"node.publish_events","events":[)"
                    R"({"seq":3,"name":"a"},{"seq":2,"name":"b"}]})"),
            kInvalid);
  EXPECT_EQ(refused(R"({"protocol_version":1,"method":"node.publish_events","events":[)"
                    R"({"seq":30,"name":"node.heartbeat","extra":1}]})"),
            kInvalid);
  // Upstream's methods keep upstream's fields.
  EXPECT_EQ(refused(R"({"protocol_version":1,"method":"node.health","events":[]})"), kInvalid);
  EXPECT_EQ(refused(R"({"protocol_version":1,"method":"node.capability_result","result":"x"})"),
            kInvalid);
}

TEST_F(QuicListenerTest, AResumePointPastRetentionIsToldApartWithTheHead) {
  DeviceMaterial device = PairDevice(*op_, node_address_, ca_pem_, {});
  daemon_->Stop();
  {
    daemon::quic_runtime::EventLogOptions options;
    auto log = ::palyra::testing::OpenEventLog(options, temp_.path() / "state" / "palyra.db");
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    for (int i = 1; i <= 5; ++i) ASSERT_TRUE((*log)->Append(device.device_id, "n", "{}").ok());
  }
  // The daemon keeps 3 events per device: its first maintenance pass prunes 1 and 2.
  PalyradOptions options;
  options.state_dir = temp_.path() / "state";
  options.env["PALYRA_NODE_MAX_EVENTS_PER_DEVICE"] = "3";
  daemon_ = PalyradProcess::Start(options);
  quic_addr_ = daemon_->run_file().at("quic_addr").get<std::string>();
  auto client = QuicClient::Connect("127.0.0.1", QuicPort(), Tls(&device), 10s);
  ASSERT_TRUE(client.ok()) << client.status().ToString();
  std::vector<std::string> answer;
  for (int i = 0; i < 50; ++i) {  // until the first prune has run
    auto from0 = (*client)->OpenStream(
        R"({"protocol_version":1,"method":"node.stream_events","resume_from":1})");
    ASSERT_TRUE(from0.ok());
    auto first = (*from0)->Next(10s);
    ASSERT_TRUE(first.ok() && first->has_value());
    if ((*first)->find("resume_too_old") != std::string::npos) {
      answer.push_back(**first);
      break;
    }
    std::this_thread::sleep_for(100ms);
  }
  ASSERT_EQ(answer.size(), 1u) << "events 1 and 2 were never pruned";
  EXPECT_EQ(answer[0],
            R"({"protocol_version":1,"kind":"error","ok":false,"seq":5,"error":"resume_too_old"})");
  // From where the log still starts, the rest replays.
  auto from2 = (*client)->OpenStream(
      R"({"protocol_version":1,"method":"node.stream_events","resume_from":2})");
  ASSERT_TRUE(from2.ok());
  std::vector<nlohmann::json> events = ReadEvents(**from2, 3);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0]["seq"], 3);
  EXPECT_EQ(events[2]["seq"], 5);
}

TEST_F(QuicListenerTest, ADeviceWhoseCertificateIsDueHearsItOnItsStream) {
  // Certificates of one minute: always within the 10-minute rotation threshold.
  daemon_->Stop();
  PalyradOptions options;
  options.state_dir = temp_.path() / "state";
  options.env["PALYRA_CERTIFICATE_VALIDITY_MS"] = "60000";
  options.env["PALYRA_GATEWAY_QUIC_HEARTBEAT_INTERVAL_MS"] = "300";
  daemon_ = PalyradProcess::Start(options);
  quic_addr_ = daemon_->run_file().at("quic_addr").get<std::string>();
  node_address_ = daemon_->run_file().at("node_rpc_addr").get<std::string>();
  op_ = std::make_unique<OperatorClient>(daemon_->admin_address(),
                                         ReadAdminToken(options.state_dir / "admin.token"));
  DeviceMaterial device = PairDevice(*op_, node_address_, ca_pem_, {});
  auto client = QuicClient::Connect("127.0.0.1", QuicPort(), Tls(&device), 10s);
  ASSERT_TRUE(client.ok()) << client.status().ToString();
  auto stream = (*client)->OpenStream(
      R"({"protocol_version":1,"method":"node.stream_events","resume_from":0})");
  ASSERT_TRUE(stream.ok());
  std::vector<nlohmann::json> events = ReadEvents(**stream, 1);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["event"], "certificate.rotation_due");
  EXPECT_EQ(events[0]["payload"]["certificate_fingerprint"].get<std::string>().size(), 64u);
  // Once per certificate: a second stream replays it but the log gets no new notice.
  auto again = (*client)->OpenStream(
      R"({"protocol_version":1,"method":"node.stream_events","resume_from":1})");
  ASSERT_TRUE(again.ok());
  auto next = (*again)->Next(10s);
  ASSERT_TRUE(next.ok() && next->has_value());
  EXPECT_NE((*next)->find(R"("kind":"heartbeat","ok":true,"seq":1)"), std::string::npos) << **next;
}

TEST_F(QuicListenerTest, AListeningNodeIsToldOfTheShutdownBeforeItsStreamEnds) {
  DeviceMaterial device = PairDevice(*op_, node_address_, ca_pem_, {});
  auto client = QuicClient::Connect("127.0.0.1", QuicPort(), Tls(&device), 10s);
  ASSERT_TRUE(client.ok());
  auto stream = (*client)->OpenStream(
      R"({"protocol_version":1,"method":"node.stream_events","resume_from":0})");
  ASSERT_TRUE(stream.ok());
  ASSERT_TRUE((*stream)->Next(10s).ok());  // served (a heartbeat)
  auto stopped = std::async(std::launch::async, [&] { return daemon_->Stop(); });
  std::vector<nlohmann::json> events = ReadEvents(**stream, 1);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["event"], "daemon.shutdown");
  EXPECT_EQ(events[0]["seq"], 1);
  bool ended = false;
  for (int i = 0; i < 20 && !ended; ++i) {
    auto next = (*stream)->Next(1s);
    ended = !next.ok() || !next->has_value();
  }
  EXPECT_TRUE(ended) << "the stream outlived the daemon";
  const ExitInfo exit = stopped.get();
  EXPECT_TRUE(exit.exited && exit.code == 0) << exit.code;
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

  // The counters in <state>/run/metrics.json (rewritten every 5 s): a valid device's request,
  // and the anonymous client's refusal by its TLS alert. (How the revoked attempts end depends
  // on when the revocation reached the verifier, so they are not counted on here.)
  DeviceMaterial valid = PairDevice(*op_, node_address_, ca_pem_, {});
  {
    auto client = QuicClient::Connect("127.0.0.1", QuicPort(), Tls(&valid), 10s);
    ASSERT_TRUE(client.ok()) << client.status().ToString();
    ASSERT_TRUE((*client)->Request(R"({"protocol_version":1,"method":"node.health"})", 10s).ok());
  }
  const auto metrics_path = temp_.path() / "state" / "run" / "metrics.json";
  nlohmann::json quic;
  for (int i = 0; i < 200; ++i) {  // until a write after all of the above (every 5 s)
    if (std::filesystem::exists(metrics_path)) {
      quic = nlohmann::json::parse(ReadTextFile(metrics_path.string()), nullptr, false)["quic"];
      if (quic.is_object() && quic["handshake_failures"].contains("certificate_required") &&
          quic["requests"].value("node.health", 0) >= 1 && quic["connections_open"] == 0) {
        break;
      }
    }
    std::this_thread::sleep_for(100ms);
  }
  ASSERT_TRUE(quic.is_object()) << "no metrics file";
  EXPECT_GE(quic["handshake_failures"].value("certificate_required", 0), 1) << quic.dump();
  EXPECT_GE(quic["handshakes_failed"].get<int>(), 1) << quic.dump();
  EXPECT_EQ(quic["connections_open"], 0) << quic.dump();
  EXPECT_GE(quic["requests"].value("node.health", 0), 1) << quic.dump();
}

}  // namespace
}  // namespace palyra::testing
