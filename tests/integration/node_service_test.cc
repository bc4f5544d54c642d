// NodeService and OperatorService end to end: a real palyrad on ephemeral ports, real TLS and
// mTLS, real SQLite; the device side is the C++ test node client (tests/support/node_client.h).
// Covers node-runtime spec §11 cases 10-13 and the identity spec §12 mTLS cases.

#include <signal.h>

#include <atomic>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/ulid.h"
#include "support/node_client.h"
#include "support/palyrad_process.h"

namespace palyra::testing {
namespace {

using namespace std::chrono_literals;

class NodeServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { StartDaemon(); }

  void StartDaemon(std::vector<std::string> extra_args = {},
                   std::map<std::string, std::string> env = {}) {
    PalyradOptions options;
    options.state_dir = temp_.path() / "state";
    options.extra_args = std::move(extra_args);
    options.env = std::move(env);
    daemon_ = PalyradProcess::Start(options);
    const auto& run = daemon_->run_file();
    node_address_ = run.at("node_rpc_addr").get<std::string>();
    ca_pem_ = ReadTextFile(run.at("gateway_ca_path").get<std::string>());
    op_ = std::make_unique<OperatorClient>(
        daemon_->admin_address(), ReadAdminToken(options.state_dir / "admin.token"));
  }

  void RestartDaemon(std::vector<std::string> extra_args = {}) {
    daemon_->Stop();
    daemon_.reset();
    StartDaemon(std::move(extra_args));
  }

  DeviceMaterial Pair(PairOptions options = {}) {
    return PairDevice(*op_, node_address_, ca_pem_, options);
  }

  adminv1::CapabilityRequest Invoke(const std::string& device_id, const std::string& capability,
                                    const std::string& input, int64_t timeout_ms = 10'000) {
    adminv1::InvokeCapabilityRequest request;
    request.set_device_id(device_id);
    request.set_capability(capability);
    request.set_input_json(input);
    request.set_timeout_ms(timeout_ms);
    adminv1::CapabilityRequest out;
    grpc::Status status = op_->Invoke(request, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return out;
  }

  TempDir temp_;
  std::unique_ptr<PalyradProcess> daemon_;
  std::string node_address_;
  std::string ca_pem_;
  std::unique_ptr<OperatorClient> op_;
};

// ---- Pairing ----

TEST_F(NodeServiceTest, PairsByPinWithOperatorApproval) {
  adminv1::MintPairingCodeResponse code;
  ASSERT_TRUE(op_->MintCode(adminv1::PAIRING_METHOD_KIND_PIN, false, &code).ok());
  EXPECT_EQ(code.code().size(), 6u);
  EXPECT_TRUE(code.pairing_uri().starts_with("palyra://pair?v=1&addr="));
  EXPECT_EQ(code.gateway_ca_fingerprint(), daemon_->run_file().at("gateway_ca_fingerprint"));

  auto device = identity::DeviceIdentity::Generate(NewUlid());
  ASSERT_TRUE(device.ok());
  NodeClient client(node_address_, ca_pem_);
  nodev1::CompletePairingSessionResponse completed;
  std::string session_id;
  ASSERT_TRUE(client
                  .BeginAndComplete(*device, adminv1::PAIRING_METHOD_KIND_PIN, code.code(), "",
                                    &completed, &session_id)
                  .ok());
  EXPECT_EQ(completed.v(), 1u);
  EXPECT_FALSE(completed.paired());
  EXPECT_EQ(completed.reason(), "pending_approval");
  EXPECT_EQ(completed.identity_fingerprint(), device->FingerprintHex());
  EXPECT_TRUE(completed.mtls_client_certificate_pem().empty());

  nodev1::GetPairingRequestStatusResponse pending;
  ASSERT_TRUE(client.Status(session_id, device->device_id(), &pending).ok());
  EXPECT_EQ(pending.status(), "pending_approval");
  EXPECT_FALSE(pending.paired());

  adminv1::ListPairingRequestsResponse listed;
  ASSERT_TRUE(op_->ListRequests(adminv1::PAIRING_REQUEST_STATE_PENDING_APPROVAL, &listed).ok());
  ASSERT_EQ(listed.requests_size(), 1);
  EXPECT_EQ(listed.requests(0).request_id(), session_id);
  EXPECT_EQ(listed.requests(0).device_id(), device->device_id());
  EXPECT_EQ(listed.requests(0).method_label(), "pin:******");

  ASSERT_TRUE(op_->Approve(session_id, nullptr).ok());
  nodev1::GetPairingRequestStatusResponse done;
  ASSERT_TRUE(client.WaitForDecision(session_id, device->device_id(), &done).ok());
  EXPECT_EQ(done.status(), "completed");
  EXPECT_TRUE(done.paired());
  EXPECT_FALSE(done.mtls_client_certificate_pem().empty());
  EXPECT_FALSE(done.mtls_client_private_key_pem().empty()) << "gateway key, first delivery";
  EXPECT_EQ(done.gateway_ca_certificate_pem(), ca_pem_);
  // Delivered once.
  nodev1::GetPairingRequestStatusResponse again;
  ASSERT_TRUE(client.Status(session_id, device->device_id(), &again).ok());
  EXPECT_TRUE(again.paired());
  EXPECT_TRUE(again.mtls_client_private_key_pem().empty());
  EXPECT_EQ(again.mtls_client_certificate_pem(), done.mtls_client_certificate_pem());

  // The delivered material works over mTLS.
  DeviceMaterial material{device->device_id(), done.mtls_client_certificate_pem(),
                          done.mtls_client_private_key_pem(), done.gateway_ca_certificate_pem(),
                          0};
  NodeClient paired(node_address_, material);
  nodev1::RegisterNodeResponse registered;
  ASSERT_TRUE(paired.Register(device->device_id(), {"echo"}, &registered).ok());
  EXPECT_TRUE(registered.accepted());
  EXPECT_EQ(registered.reason(), "registered");
  EXPECT_EQ(registered.device_id().ulid(), device->device_id());
}

TEST_F(NodeServiceTest, PairsByQrWithAutoApproveAndDeviceKey) {
  DeviceMaterial material =
      Pair({.method = adminv1::PAIRING_METHOD_KIND_QR, .auto_approve = true, .use_csr = true});
  NodeClient client(node_address_, material);
  EXPECT_TRUE(client.Register(material.device_id, {"echo"}).ok());
}

TEST_F(NodeServiceTest, RejectedAndTimedOutRequestsNeverPair) {
  // Rejected.
  adminv1::MintPairingCodeResponse code;
  ASSERT_TRUE(op_->MintCode(adminv1::PAIRING_METHOD_KIND_PIN, false, &code).ok());
  auto device = identity::DeviceIdentity::Generate(NewUlid());
  NodeClient client(node_address_, ca_pem_);
  nodev1::CompletePairingSessionResponse completed;
  std::string session_id;
  ASSERT_TRUE(client
                  .BeginAndComplete(*device, adminv1::PAIRING_METHOD_KIND_PIN, code.code(), "",
                                    &completed, &session_id)
                  .ok());
  ASSERT_TRUE(op_->Reject(session_id, "not ours").ok());
  nodev1::GetPairingRequestStatusResponse status;
  ASSERT_TRUE(client.WaitForDecision(session_id, device->device_id(), &status).ok());
  EXPECT_EQ(status.status(), "rejected");
  EXPECT_EQ(status.reason(), "not ours");
  EXPECT_FALSE(status.paired());
  EXPECT_TRUE(status.mtls_client_certificate_pem().empty());
}

TEST_F(NodeServiceTest, ApprovalTimeoutDenies) {
  RestartDaemon({"--set", "identity.pairing_approval_timeout_ms=1000"});
  adminv1::MintPairingCodeResponse code;
  ASSERT_TRUE(op_->MintCode(adminv1::PAIRING_METHOD_KIND_PIN, false, &code).ok());
  auto device = identity::DeviceIdentity::Generate(NewUlid());
  NodeClient client(node_address_, ca_pem_);
  nodev1::CompletePairingSessionResponse completed;
  std::string session_id;
  ASSERT_TRUE(client
                  .BeginAndComplete(*device, adminv1::PAIRING_METHOD_KIND_PIN, code.code(), "",
                                    &completed, &session_id)
                  .ok());
  nodev1::GetPairingRequestStatusResponse status;
  ASSERT_TRUE(client.WaitForDecision(session_id, device->device_id(), &status, 10s).ok());
  EXPECT_EQ(status.status(), "expired");
  EXPECT_NE(status.reason().find("denied"), std::string::npos) << status.reason();
  adminv1::ApprovePairingRequestResponse approved;
  grpc::Status late = op_->Approve(session_id, &approved);
  EXPECT_EQ(late.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << late.error_message();
}

TEST_F(NodeServiceTest, WrongCodesAreCountedAndBadInputRefused) {
  NodeClient client(node_address_, ca_pem_);
  nodev1::BeginPairingSessionRequest begin;
  begin.set_v(1);
  begin.set_client_kind("node");
  begin.mutable_method()->set_pin_code("000000");
  nodev1::BeginPairingSessionResponse session;
  grpc::Status unknown = client.stub().BeginPairingSession(client.Context().get(), begin, &session);
  EXPECT_EQ(unknown.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  // v must be 1.
  begin.set_v(0);
  EXPECT_EQ(client.stub().BeginPairingSession(client.Context().get(), begin, &session).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  begin.set_v(1);
  begin.set_client_kind("toaster");
  EXPECT_EQ(client.stub().BeginPairingSession(client.Context().get(), begin, &session).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  begin.set_client_kind("node");
  begin.clear_method();
  EXPECT_EQ(client.stub().BeginPairingSession(client.Context().get(), begin, &session).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  // Non-canonical ids.
  nodev1::GetPairingRequestStatusResponse status;
  EXPECT_EQ(client.Status("01arz3ndektsv4rrffq69g5fav", NewUlid(), &status).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(client.Status(NewUlid(), NewUlid(), &status).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

// ---- mTLS ----

TEST_F(NodeServiceTest, NodeRpcsNeedACertificateBoundToTheDevice) {
  DeviceMaterial a = Pair();
  DeviceMaterial b = Pair();
  // No certificate.
  NodeClient anonymous(node_address_, ca_pem_);
  EXPECT_EQ(anonymous.Register(a.device_id, {"echo"}).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  // A's certificate naming B.
  NodeClient as_a(node_address_, a);
  EXPECT_EQ(as_a.Register(b.device_id, {"echo"}).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(as_a.Register(a.device_id, {"echo"}).ok());
  // A certificate from another CA fails the handshake.
  TempDir other;
  auto foreign = PalyradProcess::Start(other.path() / "state");
  OperatorClient foreign_op(foreign->admin_address(),
                            ReadAdminToken(other.path() / "state" / "admin.token"));
  DeviceMaterial stranger =
      PairDevice(foreign_op, foreign->run_file().at("node_rpc_addr").get<std::string>(),
                 ReadTextFile(foreign->run_file().at("gateway_ca_path").get<std::string>()));
  stranger.ca_pem = ca_pem_;  // trusts our daemon, presents the other CA's certificate
  NodeClient intruder(node_address_, stranger);
  const grpc::StatusCode code = intruder.Register(stranger.device_id, {"echo"}).error_code();
  EXPECT_EQ(code, grpc::StatusCode::UNAVAILABLE) << "the handshake must fail";
}

TEST_F(NodeServiceTest, InsecureOptOutAcceptsNoCertificate) {
  RestartDaemon({"--set", "identity.allow_insecure_node_rpc_without_mtls=true"});
  NodeClient anonymous(node_address_, ca_pem_);
  nodev1::RegisterNodeResponse registered;
  ASSERT_TRUE(anonymous.Register(NewUlid(), {"echo"}, &registered).ok());
  EXPECT_EQ(registered.reason(), "registered");
}

TEST_F(NodeServiceTest, RotationRefusesTheOldCertificate) {
  DeviceMaterial material = Pair({.use_csr = false});
  NodeClient old_client(node_address_, material);
  ASSERT_TRUE(old_client.Register(material.device_id, {"echo"}).ok());
  nodev1::RotateDeviceCertificateRequest rotate;
  rotate.set_v(1);
  rotate.mutable_device_id()->set_ulid(material.device_id);
  nodev1::RotateDeviceCertificateResponse rotated;
  ASSERT_TRUE(
      old_client.stub().RotateDeviceCertificate(old_client.Context().get(), rotate, &rotated).ok());
  EXPECT_TRUE(rotated.rotated());
  EXPECT_NE(rotated.mtls_client_certificate_pem(), material.certificate_pem);
  DeviceMaterial renewed = material;
  renewed.certificate_pem = rotated.mtls_client_certificate_pem();
  renewed.private_key_pem = rotated.mtls_client_private_key_pem();
  NodeClient new_client(node_address_, renewed);
  EXPECT_TRUE(new_client.Register(material.device_id, {"echo"}).ok());
  // The old certificate is revoked: refused in the handshake once the index has it. Until the
  // handshake's index has caught up the call may still get through it, or be refused one layer
  // up, by the binding (PERMISSION_DENIED).
  grpc::StatusCode code = grpc::StatusCode::OK;
  for (int i = 0; i < 100 && code != grpc::StatusCode::UNAVAILABLE; ++i) {
    NodeClient stale(node_address_, material);
    code = stale.Register(material.device_id, {"echo"}).error_code();
    if (code != grpc::StatusCode::UNAVAILABLE) {
      EXPECT_TRUE(code == grpc::StatusCode::OK || code == grpc::StatusCode::PERMISSION_DENIED)
          << static_cast<int>(code);
      std::this_thread::sleep_for(50ms);
    }
  }
  EXPECT_EQ(code, grpc::StatusCode::UNAVAILABLE);
}

// ---- Dispatch ----

TEST_F(NodeServiceTest, DispatchIsPushedToTheOpenStream) {
  DeviceMaterial material = Pair();
  EchoNode node(node_address_, material);
  adminv1::CapabilityRequest done = Invoke(material.device_id, "echo", R"({"hello":"world"})");
  EXPECT_EQ(done.state(), adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED) << done.error();
  EXPECT_TRUE(done.success());
  auto output = nlohmann::json::parse(done.output_json());
  EXPECT_EQ(output["echo"]["hello"], "world");
  EXPECT_EQ(output["device_id"], material.device_id);
  adminv1::Node described;
  ASSERT_TRUE(op_->GetNode(material.device_id, &described).ok());
  EXPECT_TRUE(described.connected());
  EXPECT_EQ(described.presence(), adminv1::NODE_PRESENCE_ONLINE);
}

TEST_F(NodeServiceTest, PushArrivesWithoutTheNodeSendingAnything) {
  DeviceMaterial material = Pair();
  NodeClient client(node_address_, material);
  ASSERT_TRUE(client.Register(material.device_id, {"echo"}).ok());
  EventStream stream(client, material.device_id);
  ASSERT_TRUE(stream.Send("node.started", "{}"));
  auto ack = stream.Next(10s);
  ASSERT_TRUE(ack);
  EXPECT_TRUE(ack->accepted());
  std::atomic<bool> finished{false};
  adminv1::CapabilityRequest result;
  std::thread invoker([&] {
    result = Invoke(material.device_id, "echo", R"({"n":1})");
    finished = true;
  });
  // No further event is sent: the dispatch must come anyway.
  auto dispatch = stream.NextDispatch(10s);
  ASSERT_TRUE(dispatch) << "no pushed dispatch";
  EXPECT_EQ(dispatch->capability(), "echo");
  EXPECT_EQ(dispatch->input_json(), R"({"n":1})");
  ASSERT_TRUE(stream.SendResult(dispatch->request_id().ulid(), true, R"({"ok":true})"));
  invoker.join();
  EXPECT_EQ(result.state(), adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED);
  EXPECT_EQ(result.output_json(), R"({"ok":true})");
  EXPECT_TRUE(stream.Close().ok());
}

TEST_F(NodeServiceTest, WorkOnADeadStreamIsDispatchedAgainOnTheNext) {
  DeviceMaterial material = Pair();
  NodeClient client(node_address_, material);
  ASSERT_TRUE(client.Register(material.device_id, {"echo"}).ok());
  adminv1::CapabilityRequest result;
  std::thread invoker([&] { result = Invoke(material.device_id, "echo", R"({"n":7})", 20000); });
  std::string request_id;
  {
    EventStream first(client, material.device_id);
    ASSERT_TRUE(first.Send("node.started", "{}"));
    auto dispatch = first.NextDispatch(10s);
    ASSERT_TRUE(dispatch) << "no pushed dispatch";
    request_id = dispatch->request_id().ulid();
    // The connection dies before the node answers (the stream is cancelled).
  }
  EventStream second(client, material.device_id);
  ASSERT_TRUE(second.Send("node.started", "{}"));
  auto again = second.NextDispatch(10s);
  ASSERT_TRUE(again) << "the unanswered request was not dispatched again";
  EXPECT_EQ(again->request_id().ulid(), request_id);
  EXPECT_EQ(again->input_json(), R"({"n":7})");
  ASSERT_TRUE(second.SendResult(request_id, true, R"({"n":7})"));
  invoker.join();
  EXPECT_EQ(result.state(), adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED) << result.error();
  EXPECT_EQ(result.request_id(), request_id);
  EXPECT_TRUE(second.Close().ok());
}

TEST_F(NodeServiceTest, ResultFromTheWrongDeviceIsRefused) {
  DeviceMaterial a = Pair();
  DeviceMaterial b = Pair();
  NodeClient client_a(node_address_, a);
  NodeClient client_b(node_address_, b);
  ASSERT_TRUE(client_a.Register(a.device_id, {"echo"}).ok());
  ASSERT_TRUE(client_b.Register(b.device_id, {"echo"}).ok());
  EventStream stream_a(client_a, a.device_id);
  EventStream stream_b(client_b, b.device_id);
  ASSERT_TRUE(stream_a.Send("node.started", "{}"));
  ASSERT_TRUE(stream_b.Send("node.started", "{}"));
  adminv1::CapabilityRequest result;
  std::thread invoker([&] { result = Invoke(a.device_id, "echo", "{}", 5000); });
  auto dispatch = stream_a.NextDispatch(10s);
  ASSERT_TRUE(dispatch);
  // B claims A's work.
  ASSERT_TRUE(stream_b.SendResult(dispatch->request_id().ulid(), true, R"({"forged":true})"));
  auto ended = stream_b.WaitEnded(10s);
  ASSERT_TRUE(ended);
  EXPECT_EQ(ended->error_code(), grpc::StatusCode::PERMISSION_DENIED) << ended->error_message();
  // A's own result still counts.
  ASSERT_TRUE(stream_a.SendResult(dispatch->request_id().ulid(), true, R"({"real":true})"));
  invoker.join();
  EXPECT_EQ(result.state(), adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED);
  EXPECT_EQ(result.output_json(), R"({"real":true})");
  // A stream may not speak for another device either.
  ASSERT_TRUE(stream_a.SendAs(b.device_id, "node.heartbeat", "{}"));
  auto cut = stream_a.WaitEnded(10s);
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(NodeServiceTest, TimeoutIsTerminalAndLateResultsAreIgnored) {
  DeviceMaterial material = Pair();
  NodeClient client(node_address_, material);
  ASSERT_TRUE(client.Register(material.device_id, {"echo"}).ok());
  EventStream stream(client, material.device_id);
  ASSERT_TRUE(stream.Send("node.started", "{}"));
  ASSERT_TRUE(stream.Next(10s)) << "no ack for node.started";
  adminv1::CapabilityRequest result;
  std::thread invoker([&] { result = Invoke(material.device_id, "echo", "{}", 1000); });
  auto dispatch = stream.NextDispatch(10s);
  ASSERT_TRUE(dispatch);
  invoker.join();
  EXPECT_EQ(result.state(), adminv1::CAPABILITY_REQUEST_STATE_TIMED_OUT);
  EXPECT_EQ(result.error(), "timed out waiting for node capability result");
  // The late result is acknowledged as ignored and changes nothing.
  ASSERT_TRUE(stream.SendResult(dispatch->request_id().ulid(), true, R"({"late":true})"));
  std::optional<nodev1::NodeEventResponse> ack;
  do {
    ack = stream.Next(10s);
  } while (ack && ack->has_dispatch());
  ASSERT_TRUE(ack);
  EXPECT_FALSE(ack->accepted());
  adminv1::ListCapabilityRequestsResponse listed;
  ASSERT_TRUE(op_->ListCapabilityRequests(material.device_id, &listed).ok());
  ASSERT_EQ(listed.requests_size(), 1);
  EXPECT_EQ(listed.requests(0).state(), adminv1::CAPABILITY_REQUEST_STATE_TIMED_OUT);
}

TEST_F(NodeServiceTest, UnknownCapabilityIsRejectedAndAFullQueueRefused) {
  DeviceMaterial material = Pair();
  NodeClient client(node_address_, material);
  ASSERT_TRUE(client.Register(material.device_id, {"echo"}).ok());
  adminv1::CapabilityRequest rejected = Invoke(material.device_id, "teleport", "{}");
  EXPECT_EQ(rejected.state(), adminv1::CAPABILITY_REQUEST_STATE_REJECTED);
  EXPECT_FALSE(rejected.error().empty());

  // No stream: work queues up to the per-device bound (64), then RESOURCE_EXHAUSTED.
  std::atomic<int> finished{0};
  std::mutex mu;
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
  std::vector<std::unique_ptr<adminv1::InvokeCapabilityResponse>> responses;
  adminv1::InvokeCapabilityRequest request;
  request.set_device_id(material.device_id);
  request.set_capability("echo");
  request.set_timeout_ms(3000);
  for (int i = 0; i < 64; ++i) {
    contexts.push_back(op_->Context());
    responses.push_back(std::make_unique<adminv1::InvokeCapabilityResponse>());
    op_->stub().async()->InvokeCapability(contexts.back().get(), &request, responses.back().get(),
                                          [&](grpc::Status) { ++finished; });
  }
  // Wait until all 64 are queued (listed as live).
  for (int i = 0; i < 200; ++i) {
    adminv1::ListCapabilityRequestsResponse listed;
    ASSERT_TRUE(op_->ListCapabilityRequests(material.device_id, &listed).ok());
    int live = 0;
    for (const auto& r : listed.requests()) {
      live += r.state() == adminv1::CAPABILITY_REQUEST_STATE_QUEUED ? 1 : 0;
    }
    if (live == 64) break;
    std::this_thread::sleep_for(20ms);
  }
  adminv1::CapabilityRequest out;
  grpc::Status full = op_->Invoke(request, &out);
  EXPECT_EQ(full.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << full.error_message();
  for (int i = 0; i < 500 && finished < 64; ++i) std::this_thread::sleep_for(20ms);
  EXPECT_EQ(finished.load(), 64);
}

// ---- Revocation and restarts ----

TEST_F(NodeServiceTest, RevokeCutsTheLiveStreamAndTheNextHandshake) {
  DeviceMaterial material = Pair();
  NodeClient client(node_address_, material);
  ASSERT_TRUE(client.Register(material.device_id, {"echo"}).ok());
  EventStream stream(client, material.device_id);
  ASSERT_TRUE(stream.Send("node.started", "{}"));
  ASSERT_TRUE(stream.Next(10s));
  ASSERT_TRUE(op_->Revoke(material.device_id, "lost laptop").ok());
  auto ended = stream.WaitEnded(10s);
  ASSERT_TRUE(ended) << "the live stream was not closed";
  EXPECT_EQ(ended->error_code(), grpc::StatusCode::PERMISSION_DENIED) << ended->error_message();
  NodeClient again(node_address_, material);
  EXPECT_EQ(again.Register(material.device_id, {"echo"}).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  adminv1::Node node;
  EXPECT_EQ(op_->GetNode(material.device_id, &node).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(NodeServiceTest, RestartEndsInFlightWorkAndKeepsPairings) {
  DeviceMaterial material = Pair();
  {
    NodeClient client(node_address_, material);
    ASSERT_TRUE(client.Register(material.device_id, {"echo"}).ok());
    EventStream stream(client, material.device_id);
    ASSERT_TRUE(stream.Send("node.started", "{}"));
    std::thread invoker([&] {
      adminv1::InvokeCapabilityRequest request;
      request.set_device_id(material.device_id);
      request.set_capability("echo");
      request.set_timeout_ms(60'000);
      adminv1::CapabilityRequest ignored;
      (void)op_->Invoke(request, &ignored);  // cut by the crash
    });
    ASSERT_TRUE(stream.NextDispatch(10s));
    daemon_->process().Signal(SIGKILL);  // a crash, not a clean stop
    (void)daemon_->process().Wait(10s);
    invoker.join();
  }
  std::filesystem::remove(daemon_->run_file_path());
  daemon_.reset();
  StartDaemon();
  adminv1::ListCapabilityRequestsResponse listed;
  ASSERT_TRUE(op_->ListCapabilityRequests(material.device_id, &listed).ok());
  ASSERT_EQ(listed.requests_size(), 1);
  EXPECT_EQ(listed.requests(0).state(), adminv1::CAPABILITY_REQUEST_STATE_FAILED);
  EXPECT_EQ(listed.requests(0).error(), "daemon_restarted");
  // The pairing survived: the same certificate still works, and new work flows.
  EchoNode node(node_address_, material);
  adminv1::CapabilityRequest done = Invoke(material.device_id, "echo", "[1,2,3]");
  EXPECT_EQ(done.state(), adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED);
}

TEST_F(NodeServiceTest, MalformedEventsEndTheStreamAndChangeNothing) {
  DeviceMaterial material = Pair();
  NodeClient client(node_address_, material);
  ASSERT_TRUE(client.Register(material.device_id, {"echo"}).ok());
  const std::vector<std::tuple<std::string, std::string, uint32_t, grpc::StatusCode>> cases = {
      {"capability.result", "not json", 1, grpc::StatusCode::INVALID_ARGUMENT},
      {"capability.result", R"({"success":true})", 1, grpc::StatusCode::INVALID_ARGUMENT},
      {"capability.awaiting_local_mediation", "[]", 1, grpc::StatusCode::INVALID_ARGUMENT},
      {"node.heartbeat", "{}", 0, grpc::StatusCode::INVALID_ARGUMENT},
      {"node.heartbeat", std::string(3 * 1024 * 1024, 'x'), 1,
       grpc::StatusCode::RESOURCE_EXHAUSTED},
  };
  for (const auto& [name, payload, version, code] : cases) {
    EventStream stream(client, material.device_id);
    stream.Send(name, payload, version);
    auto ended = stream.WaitEnded(10s);
    ASSERT_TRUE(ended) << name;
    EXPECT_EQ(ended->error_code(), code) << name << ": " << ended->error_message();
  }
  // Unknown event names are acknowledged as ignored; the stream stays up.
  EventStream stream(client, material.device_id);
  ASSERT_TRUE(stream.Send("node.teleported", "{}"));
  auto ack = stream.Next(10s);
  ASSERT_TRUE(ack);
  EXPECT_FALSE(ack->accepted());
  EXPECT_NE(ack->reason().find("unknown event_name"), std::string::npos);
  EXPECT_TRUE(stream.Close().ok());
  // The daemon is still up and consistent.
  EchoNode node(node_address_, material);
  EXPECT_EQ(Invoke(material.device_id, "echo", "{}").state(),
            adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED);
}

TEST_F(NodeServiceTest, OperatorCallsNeedTheAdminToken) {
  OperatorClient wrong(daemon_->admin_address(), "not-the-token");
  adminv1::MintPairingCodeResponse code;
  EXPECT_EQ(wrong.MintCode(adminv1::PAIRING_METHOD_KIND_PIN, false, &code).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  auto channel = grpc::CreateChannel(daemon_->admin_address(), grpc::InsecureChannelCredentials());
  auto stub = adminv1::OperatorService::NewStub(channel);
  grpc::ClientContext context;
  adminv1::ListNodesResponse nodes;
  EXPECT_EQ(stub->ListNodes(&context, adminv1::ListNodesRequest(), &nodes).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

}  // namespace
}  // namespace palyra::testing
