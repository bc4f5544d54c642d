// The handshake verifier's own decisions, without a handshake: these are the checks that back up
// OpenSSL's and the only ones that know about revocation.

#include "daemon/node_tls/client_verifier.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "node_tls_test_util.h"

namespace palyra::daemon::node_tls {
namespace {

using testing::ClientMaterial;
using ::testing::HasSubstr;
using testing::TestState;

Status Verify(const TestState& state, const ClientMaterial& material, int64_t now = NowUnixMs()) {
  return VerifyClientCertificatePem(material.certificate_pem, state.ca().certificate(),
                                    *state.index, now);
}

TEST(NodeTlsClientVerifier, AcceptsAPairedDeviceCertificate) {
  TestState state;
  EXPECT_TRUE(Verify(state, state.PairDevice()).ok());
}

TEST(NodeTlsClientVerifier, RejectsAForeignCaCertificate) {
  TestState state;
  Status status = Verify(state, testing::ForeignCaCertificate(state.dir.path() / "foreign"));
  EXPECT_EQ(status.code(), StatusCode::kUnauthenticated);
  EXPECT_THAT(status.message(), HasSubstr("not issued by a trusted CA"));
}

TEST(NodeTlsClientVerifier, RejectsAnExpiredCertificate) {
  TestState state;
  Status status = Verify(state, state.ExpiredDeviceCertificate());
  EXPECT_EQ(status.code(), StatusCode::kUnauthenticated);
  EXPECT_THAT(status.message(), HasSubstr("expired"));
}

TEST(NodeTlsClientVerifier, RejectsAtTheNotAfterInstant) {
  TestState state;
  ClientMaterial device = state.PairDevice();
  auto cert = crypto::Certificate::FromPem(device.certificate_pem);
  ASSERT_TRUE(cert.ok());
  EXPECT_TRUE(Verify(state, device, cert->NotAfterUnixMs() - 1000).ok());
  EXPECT_EQ(Verify(state, device, cert->NotAfterUnixMs()).code(), StatusCode::kUnauthenticated);
}

TEST(NodeTlsClientVerifier, RejectsAServerAuthOnlyCertificate) {
  TestState state;
  Status status = Verify(state, state.ServerAuthOnlyCertificate());
  EXPECT_EQ(status.code(), StatusCode::kUnauthenticated);
  EXPECT_THAT(status.message(), HasSubstr("client authentication"));
}

TEST(NodeTlsClientVerifier, RejectsARevokedCertificate) {
  TestState state;
  ClientMaterial device = state.PairDevice();
  ASSERT_TRUE(state.registry->Revoke(device.device_id, "", NowUnixMs()).ok());
  ASSERT_TRUE(state.index->Refresh().ok());
  Status status = Verify(state, device);
  EXPECT_EQ(status.code(), StatusCode::kPermissionDenied);
  EXPECT_THAT(status.message(), HasSubstr(device.fingerprint));
}

TEST(NodeTlsClientVerifier, RejectsGarbage) {
  TestState state;
  EXPECT_EQ(VerifyClientCertificatePem("not a certificate", state.ca().certificate(), *state.index,
                                       NowUnixMs())
                .code(),
            StatusCode::kUnauthenticated);
}

TEST(NodeTlsClientVerifier, FactoryNeedsARevocationIndex) {
  TestState state;
  auto verifier = MakeClientCertificateVerifier(
      ClientVerifierConfig{.ca_certificate = state.ca().certificate(), .revocations = nullptr});
  EXPECT_EQ(verifier.status().code(), StatusCode::kInvalidArgument);
  auto ok = MakeClientCertificateVerifier(
      ClientVerifierConfig{.ca_certificate = state.ca().certificate(), .revocations = state.index});
  ASSERT_TRUE(ok.ok());
  EXPECT_NE(*ok, nullptr);
}

TEST(NodeTlsClientCredentials, ValidatesItsInputs) {
  TestState state;
  ClientMaterial device = state.PairDevice();
  NodeClientTlsOptions options;
  options.ca_certificate_pem = device.certificate_pem;  // a leaf, not a CA
  EXPECT_EQ(MakeNodeChannelCredentials(options).status().code(), StatusCode::kInvalidArgument);

  options.ca_certificate_pem = state.ca().CertificatePem();
  options.client_certificate_pem = device.certificate_pem;  // without its key
  EXPECT_EQ(MakeNodeChannelCredentials(options).status().code(), StatusCode::kInvalidArgument);

  ClientMaterial other = state.PairDevice();
  options.client_private_key_pem = crypto::SecretString(other.private_key_pem.view());  // wrong key
  auto mismatched = MakeNodeChannelCredentials(options);
  EXPECT_EQ(mismatched.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(mismatched.status().message(), HasSubstr("does not belong"));

  options.client_private_key_pem = crypto::SecretString(device.private_key_pem.view());
  EXPECT_TRUE(MakeNodeChannelCredentials(options).ok());
}

}  // namespace
}  // namespace palyra::daemon::node_tls
