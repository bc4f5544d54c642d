// The node listener's server certificate: names, chain, files, the renewal schedule, and renewal
// reaching new handshakes on a server that keeps running.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "common/files.h"
#include "crypto/chain_verify.h"
#include "node_tls_test_util.h"

namespace palyra::daemon::node_tls {
namespace {

using testing::CallProbe;
using testing::ClientCredentials;
using ::testing::ElementsAre;
using testing::Eventually;
using testing::NodeListener;
using testing::TestState;

mode_t ModeOf(const std::filesystem::path& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

std::string Slurp(const std::filesystem::path& path) {
  auto content = ReadFileBounded(path, 1 << 20);
  EXPECT_TRUE(content.ok()) << content.status().ToString();
  return content.ok() ? *content : "";
}

ServerCertificateOptions ManualRenewal() {
  ServerCertificateOptions options;
  options.background_renewal = false;
  options.provider_refresh_interval_seconds = 1;
  return options;
}

TEST(NodeTlsServerCertificate, HasTheNodeRpcNamesAndChainsToTheGatewayCa) {
  TestState state;
  ServerCertificateOptions options = ManualRenewal();
  options.extra_dns_names = {"node.example.test", " ", "LOCALHOST", "192.0.2.7"};
  options.extra_ip_addresses = {"127.0.0.1", "::1"};
  NodeListener listener(state, options);
  const ServerCertificateInfo info = listener.certificates->current();

  EXPECT_EQ(info.certificate.SubjectCommonName(), "palyrad-node-rpc");
  EXPECT_THAT(info.certificate.DnsNames(),
              ElementsAre("localhost", "palyrad-node-rpc", "node.example.test"));
  EXPECT_THAT(info.certificate.IpAddresses(), ElementsAre("192.0.2.7", "127.0.0.1", "::1"));
  EXPECT_TRUE(info.certificate.HasServerAuth());
  EXPECT_FALSE(info.certificate.HasClientAuth());
  EXPECT_TRUE(crypto::VerifyCertificateChain(info.certificate, {}, state.ca().certificate(),
                                             crypto::CertificatePurpose::kServerAuth, NowUnixMs())
                  .ok());
  EXPECT_EQ(info.fingerprint, testing::Sha256HexOfDer(info.certificate));
  EXPECT_EQ(info.not_after_unix_ms - info.not_before_unix_ms, identity::kDefaultLeafValidityMs);
  EXPECT_EQ(info.generation, 1u);

  // What a client actually receives over the wire is that certificate.
  auto result = CallProbe(listener.address(), ClientCredentials(listener.ca_pem(), nullptr), "");
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_EQ(result.server_certificate_fingerprint, info.fingerprint);
  EXPECT_THAT(result.server_dns_names, ::testing::Contains("palyrad-node-rpc"));
}

TEST(NodeTlsServerCertificate, ClientsPinningAnotherCaRefuseTheServer) {
  TestState state;
  NodeListener listener(state, ManualRenewal());
  TestState other;  // a different gateway CA
  auto result =
      CallProbe(listener.address(), ClientCredentials(other.ca().CertificatePem(), nullptr), "");
  EXPECT_FALSE(result.status.ok());
  EXPECT_EQ(listener.server->calls(), 0);
}

TEST(NodeTlsServerCertificate, WritesGatewayCaPemAndPrivateIdentityFiles) {
  TestState state;
  NodeListener listener(state, ManualRenewal());
  const GatewayCaFile& file = listener.certificates->gateway_ca_file();
  EXPECT_EQ(file.path, state.dir.path() / "gateway-ca.pem");
  EXPECT_EQ(Slurp(file.path), state.ca().CertificatePem());
  EXPECT_EQ(file.pem, state.ca().CertificatePem());
  EXPECT_EQ(file.fingerprint, state.ca().Fingerprint());
  EXPECT_EQ(file.fingerprint, testing::Sha256HexOfDer(state.ca().certificate()));
  EXPECT_EQ(ModeOf(file.path), 0644u);

  const auto& identity_file = listener.certificates->identity_file();
  EXPECT_EQ(identity_file.parent_path(), state.dir.path() / "node-tls");
  EXPECT_EQ(ModeOf(identity_file.parent_path()), 0700u);
  EXPECT_EQ(ModeOf(identity_file), 0600u);
  EXPECT_EQ(ModeOf(listener.certificates->client_trust_file()), 0600u);
  const std::string identity = Slurp(identity_file);
  EXPECT_THAT(identity, ::testing::StartsWith("-----BEGIN CERTIFICATE-----"));
  EXPECT_THAT(identity, ::testing::HasSubstr("-----BEGIN PRIVATE KEY-----"));

  // Rewriting an unchanged CA file is a no-op that still reports the same facts.
  auto again = WriteGatewayCaFile(state.dir.path(), state.ca().certificate());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->fingerprint, file.fingerprint);
}

TEST(NodeTlsServerCertificate, IssuanceAdvancesTheCaSequence) {
  TestState state;
  auto before = state.registry->CaSequence();
  ASSERT_TRUE(before.ok());
  NodeListener listener(state, ManualRenewal());
  ASSERT_TRUE(listener.certificates->Renew().ok());
  auto after = state.registry->CaSequence();
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*after, *before + 2);
}

TEST(NodeTlsServerCertificate, RenewalSwapsTheServedCertificateWithoutRestarting) {
  TestState state;
  NodeListener listener(state, ManualRenewal());
  const NodeChannelCredentials creds = ClientCredentials(listener.ca_pem(), nullptr);
  const std::string first = listener.certificates->current().fingerprint;

  // A connection made before the renewal...
  auto channel = CreateNodeChannel(listener.address(), creds);
  auto stub = palyra::test::nodetls::v1::Probe::NewStub(channel);
  auto call_old_connection = [&] {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    palyra::test::nodetls::v1::WhoAmIResponse response;
    return stub->WhoAmI(&context, {}, &response);
  };
  ASSERT_TRUE(call_old_connection().ok());
  EXPECT_EQ(CallProbe(listener.address(), creds, "").server_certificate_fingerprint, first);

  auto renewed = listener.certificates->Renew();
  ASSERT_TRUE(renewed.ok()) << renewed.status().ToString();
  ASSERT_NE(renewed->fingerprint, first);
  EXPECT_EQ(renewed->generation, 2u);
  EXPECT_EQ(listener.certificates->current().fingerprint, renewed->fingerprint);

  // ...new connections see the new certificate once the provider has re-read the file.
  std::string seen;
  EXPECT_TRUE(Eventually([&] {
    auto result = CallProbe(listener.address(), creds, "");
    if (result.status.ok()) seen = result.server_certificate_fingerprint;
    return seen == renewed->fingerprint;
  })) << "last server certificate seen: "
      << seen;
  // The same server kept serving throughout, and the old connection still works.
  EXPECT_TRUE(call_old_connection().ok());
}

TEST(NodeTlsServerCertificate, RenewalScheduleIsTwoThirdsOfTheLifetime) {
  RenewalPolicy policy;
  EXPECT_EQ(RenewalTimeUnixMs(0, 24 * testing::kHourMs, policy), 16 * testing::kHourMs);
  EXPECT_EQ(RenewalTimeUnixMs(1000, 1000 + 3000, policy), 3000);
  policy.lifetime_fraction = 0.5;
  EXPECT_EQ(RenewalTimeUnixMs(10, 30, policy), 20);
}

TEST(NodeTlsServerCertificate, BackgroundRenewalFollowsTheInjectedClock) {
  TestState state;
  auto fake_now = std::make_shared<std::atomic<int64_t>>(NowUnixMs());
  ServerCertificateOptions options;
  options.clock = [fake_now] { return fake_now->load(); };
  options.provider_refresh_interval_seconds = 1;
  NodeListener listener(state, options);
  const ServerCertificateInfo first = listener.certificates->current();
  EXPECT_EQ(
      first.renew_at_unix_ms,
      first.not_before_unix_ms + (first.not_after_unix_ms - first.not_before_unix_ms) * 2 / 3);

  // Just before the renewal time nothing happens...
  fake_now->store(first.renew_at_unix_ms - 1);
  listener.certificates->WakeRenewalThread();
  auto due = listener.certificates->RenewIfDue();
  ASSERT_TRUE(due.ok());
  EXPECT_FALSE(*due);
  EXPECT_EQ(listener.certificates->current().generation, 1u);

  // ...at it, the renewal thread issues a new certificate starting "now".
  fake_now->store(first.renew_at_unix_ms);
  listener.certificates->WakeRenewalThread();
  ASSERT_TRUE(Eventually([&] { return listener.certificates->current().generation >= 2; }));
  const ServerCertificateInfo second = listener.certificates->current();
  EXPECT_NE(second.fingerprint, first.fingerprint);
  EXPECT_EQ(second.not_before_unix_ms, first.renew_at_unix_ms / 1000 * 1000);
  EXPECT_GT(second.renew_at_unix_ms, first.renew_at_unix_ms);
  EXPECT_TRUE(listener.certificates->last_renewal_status().ok());
}

TEST(NodeTlsServerCertificate, BadOptionsAreRefused) {
  TestState state;
  ServerCertificateOptions options;
  options.state_dir = state.dir.path();
  options.renewal.lifetime_fraction = 1.0;
  EXPECT_EQ(ServerCertificateManager::Start(state.registry->shared_ca(), options).status().code(),
            StatusCode::kInvalidArgument);
  options.renewal = {};
  options.extra_ip_addresses = {"not-an-ip"};
  EXPECT_EQ(ServerCertificateManager::Start(state.registry->shared_ca(), options).status().code(),
            StatusCode::kInvalidArgument);
  options.extra_ip_addresses.clear();
  options.provider_refresh_interval_seconds = 0;
  EXPECT_EQ(ServerCertificateManager::Start(state.registry->shared_ca(), options).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ServerCertificateManager::Start(nullptr, {}).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace palyra::daemon::node_tls
