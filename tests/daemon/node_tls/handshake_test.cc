// Real TLS handshakes against the node listener's credentials: which client certificates get in,
// what the server learns about them, and what the binding check says on a live connection.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "node_tls_test_util.h"

namespace palyra::daemon::node_tls {
namespace {

using testing::CallProbe;
using testing::ClientCredentials;
using testing::ClientMaterial;
using testing::NodeListener;
using testing::ProbeResult;
using testing::Sha256HexOfDer;
using testing::TestState;

constexpr int kOk = static_cast<int>(StatusCode::kOk);

TEST(NodeTlsHandshake, NoClientCertificateConnectsServerAuthOnly) {
  TestState state;
  NodeListener listener(state);
  ProbeResult result =
      CallProbe(listener.address(), ClientCredentials(listener.ca_pem(), nullptr), "");
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_TRUE(result.response.transport_is_tls());
  EXPECT_FALSE(result.response.has_certificate());
  EXPECT_EQ(result.response.certificate_fingerprint(), "");
  EXPECT_EQ(result.response.peer_identity_code(), kOk);
  // mTLS required by default: a certificate-less call to a bound RPC is UNAUTHENTICATED.
  EXPECT_EQ(result.response.binding_code(), static_cast<int>(StatusCode::kUnauthenticated));
  // The client saw the gateway-CA server certificate the manager is serving.
  EXPECT_EQ(result.server_certificate_fingerprint, listener.certificates->current().fingerprint);
  EXPECT_EQ(listener.stats->without_certificate.load(), 1u);
}

TEST(NodeTlsHandshake, PairedDeviceCertificateConnectsAndIsBound) {
  TestState state;
  NodeListener listener(state);
  ClientMaterial device = state.PairDevice();
  ProbeResult result = CallProbe(listener.address(), ClientCredentials(listener.ca_pem(), &device),
                                 device.device_id);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_TRUE(result.response.transport_is_tls());
  EXPECT_TRUE(result.response.has_certificate());
  // The fingerprint helper hashes the DER, not the PEM gRPC hands over.
  auto parsed = crypto::Certificate::FromPem(device.certificate_pem);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(result.response.certificate_fingerprint(), Sha256HexOfDer(*parsed));
  EXPECT_EQ(result.response.certificate_fingerprint(), device.fingerprint);
  EXPECT_EQ(result.response.binding_code(), kOk) << result.response.binding_message();
  EXPECT_EQ(result.response.binding_outcome(), static_cast<int>(BindingOutcome::kBound));
  EXPECT_EQ(listener.stats->accepted.load(), 1u);
}

TEST(NodeTlsHandshake, ForeignCaCertificateFailsTheHandshake) {
  TestState state;
  NodeListener listener(state);
  ClientMaterial foreign = testing::ForeignCaCertificate(state.dir.path() / "foreign");
  ProbeResult result = CallProbe(listener.address(), ClientCredentials(listener.ca_pem(), &foreign),
                                 foreign.device_id);
  EXPECT_FALSE(result.status.ok());
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << result.status.error_message();
  EXPECT_EQ(listener.server->calls(), 0);
  EXPECT_EQ(listener.stats->accepted.load(), 0u);
}

TEST(NodeTlsHandshake, ExpiredCertificateFailsTheHandshake) {
  TestState state;
  NodeListener listener(state);
  ClientMaterial expired = state.ExpiredDeviceCertificate();
  ProbeResult result = CallProbe(listener.address(), ClientCredentials(listener.ca_pem(), &expired),
                                 expired.device_id);
  EXPECT_FALSE(result.status.ok());
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(listener.server->calls(), 0);
  EXPECT_EQ(listener.stats->accepted.load(), 0u);
}

TEST(NodeTlsHandshake, ServerAuthOnlyCertificateFailsTheHandshake) {
  TestState state;
  NodeListener listener(state);
  ClientMaterial server_cert = state.ServerAuthOnlyCertificate();
  ProbeResult result =
      CallProbe(listener.address(), ClientCredentials(listener.ca_pem(), &server_cert), "");
  EXPECT_FALSE(result.status.ok());
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(listener.server->calls(), 0);
  EXPECT_EQ(listener.stats->accepted.load(), 0u);
}

TEST(NodeTlsHandshake, RevokedCertificateFailsTheHandshake) {
  TestState state;
  NodeListener listener(state);
  ClientMaterial device = state.PairDevice();
  NodeChannelCredentials creds = ClientCredentials(listener.ca_pem(), &device);
  ASSERT_TRUE(CallProbe(listener.address(), creds, device.device_id).status.ok());

  // Revoke through a second connection (as the CLI would from another process), then wait for
  // the index to poll it in.
  auto other = ::palyra::testing::OpenRegistry(state.db_path, state.dir.path() / "gateway-ca.key.pem",
                                               NowUnixMs());
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  ASSERT_TRUE((*other)->Revoke(device.device_id, "lost laptop", NowUnixMs()).ok());
  ASSERT_TRUE(state.WaitUntilIndexed(device.fingerprint));

  const int calls_before = listener.server->calls();
  const uint64_t rejected_before = listener.stats->rejected.load();
  ProbeResult result = CallProbe(listener.address(), creds, device.device_id);
  EXPECT_FALSE(result.status.ok());
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(listener.server->calls(), calls_before);
  // OpenSSL has no idea about revocation: it was our verifier that refused it.
  EXPECT_EQ(listener.stats->rejected.load(), rejected_before + 1);
}

TEST(NodeTlsHandshake, RevocationOnALiveConnectionIsCaughtByTheBindingCheck) {
  TestState state;
  NodeListener listener(state);
  ClientMaterial device = state.PairDevice();
  // One channel, kept open: its connection was verified before the revocation.
  NodeChannelCredentials creds = ClientCredentials(listener.ca_pem(), &device);
  auto channel = CreateNodeChannel(listener.address(), creds);
  auto stub = palyra::test::nodetls::v1::Probe::NewStub(channel);
  auto call = [&] {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    palyra::test::nodetls::v1::WhoAmIRequest request;
    request.set_device_id(device.device_id);
    palyra::test::nodetls::v1::WhoAmIResponse response;
    grpc::Status status = stub->WhoAmI(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  };
  EXPECT_EQ(call().binding_code(), kOk);
  ASSERT_TRUE(state.registry->Revoke(device.device_id, "", NowUnixMs()).ok());
  ASSERT_TRUE(state.WaitUntilIndexed(device.fingerprint));
  auto response = call();
  EXPECT_EQ(response.binding_code(), static_cast<int>(StatusCode::kPermissionDenied));
  EXPECT_THAT(response.binding_message(), ::testing::HasSubstr("revoked"));
}

TEST(NodeTlsHandshake, BindingOutcomesOverRealConnections) {
  TestState state;
  NodeListener listener(state);
  ClientMaterial device = state.PairDevice();
  ClientMaterial other_device = state.PairDevice();
  ClientMaterial unpaired = state.UnpairedDeviceCertificate();

  // Step 5: a paired device's certificate used for another device id.
  ProbeResult wrong_device = CallProbe(
      listener.address(), ClientCredentials(listener.ca_pem(), &device), other_device.device_id);
  ASSERT_TRUE(wrong_device.status.ok());
  EXPECT_EQ(wrong_device.response.binding_code(), static_cast<int>(StatusCode::kPermissionDenied));
  EXPECT_THAT(wrong_device.response.binding_message(),
              ::testing::HasSubstr("belongs to device " + device.device_id));

  // Step 4: a valid gateway-CA certificate that no paired device owns gets through the
  // handshake, but not the binding.
  ProbeResult not_paired = CallProbe(
      listener.address(), ClientCredentials(listener.ca_pem(), &unpaired), unpaired.device_id);
  ASSERT_TRUE(not_paired.status.ok()) << not_paired.status.error_message();
  EXPECT_EQ(not_paired.response.binding_code(), static_cast<int>(StatusCode::kPermissionDenied));
  EXPECT_THAT(not_paired.response.binding_message(), ::testing::HasSubstr("no paired device"));

  // A rotated device: its new certificate binds, its old one is revoked and refused.
  auto rotated = state.registry->ForceRotate(
      device.device_id, identity::LeafKeySource::GatewayGenerated(), NowUnixMs());
  ASSERT_TRUE(rotated.ok()) << rotated.status().ToString();
  ClientMaterial current = testing::FromIssued(device.device_id, rotated->certificate);
  ProbeResult after_rotation = CallProbe(
      listener.address(), ClientCredentials(listener.ca_pem(), &current), device.device_id);
  ASSERT_TRUE(after_rotation.status.ok());
  EXPECT_EQ(after_rotation.response.binding_code(), kOk)
      << after_rotation.response.binding_message();
  ASSERT_TRUE(state.WaitUntilIndexed(device.fingerprint));
  EXPECT_FALSE(
      CallProbe(listener.address(), ClientCredentials(listener.ca_pem(), &device), device.device_id)
          .status.ok());
}

TEST(NodeTlsHandshake, InsecureModeLetsCertificateLessCallsPassButStillChecksPresentedOnes) {
  TestState state;
  NodeListener listener(state, {}, MtlsPolicy::FromAllowInsecure(true));
  ProbeResult no_cert =
      CallProbe(listener.address(), ClientCredentials(listener.ca_pem(), nullptr), NewUlid());
  ASSERT_TRUE(no_cert.status.ok());
  EXPECT_EQ(no_cert.response.binding_code(), kOk);
  EXPECT_EQ(no_cert.response.binding_outcome(),
            static_cast<int>(BindingOutcome::kSkippedNoCertificate));

  ClientMaterial device = state.PairDevice();
  ClientMaterial other = state.PairDevice();
  ProbeResult mismatch =
      CallProbe(listener.address(), ClientCredentials(listener.ca_pem(), &device), other.device_id);
  ASSERT_TRUE(mismatch.status.ok());
  EXPECT_EQ(mismatch.response.binding_code(), static_cast<int>(StatusCode::kPermissionDenied));
}

TEST(NodeTlsHandshake, PlaintextTransportHasNoTlsInformation) {
  // The node listener is TLS-only, but the binding check must still say the right thing if a
  // service were ever served without TLS.
  TestState state;
  auto required = std::make_shared<CertificateBinding>(MtlsPolicy{}, state.index,
                                                       LookupThrough(*state.registry));
  testing::ProbeServer server(grpc::InsecureServerCredentials(), required);
  auto channel = grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials());
  auto stub = palyra::test::nodetls::v1::Probe::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  palyra::test::nodetls::v1::WhoAmIRequest request;
  request.set_device_id(NewUlid());
  palyra::test::nodetls::v1::WhoAmIResponse response;
  ASSERT_TRUE(stub->WhoAmI(&context, request, &response).ok());
  EXPECT_FALSE(response.transport_is_tls());
  EXPECT_FALSE(response.has_certificate());
  EXPECT_EQ(response.binding_code(), static_cast<int>(StatusCode::kFailedPrecondition));
}

}  // namespace
}  // namespace palyra::daemon::node_tls
