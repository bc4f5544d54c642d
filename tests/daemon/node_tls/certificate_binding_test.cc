// node-runtime.md §1 steps 1-5, one outcome at a time, with a real registry and revocation index.

#include "daemon/node_tls/certificate_binding.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "node_tls_test_util.h"

namespace palyra::daemon::node_tls {
namespace {

using testing::ClientMaterial;
using ::testing::HasSubstr;
using testing::TestState;

PeerIdentity WithCertificate(const ClientMaterial& material) {
  auto cert = crypto::Certificate::FromPem(material.certificate_pem);
  EXPECT_TRUE(cert.ok());
  PeerIdentity peer;
  peer.transport_is_tls = true;
  peer.certificate_fingerprint = cert->FingerprintSha256Hex();
  peer.certificate = *cert;
  return peer;
}

PeerIdentity TlsWithoutCertificate() {
  PeerIdentity peer;
  peer.transport_is_tls = true;
  return peer;
}

class NodeTlsBinding : public ::testing::Test {
 protected:
  CertificateBinding Binding(MtlsPolicy policy = {}) {
    return CertificateBinding(policy, state_.index, LookupThrough(*state_.registry));
  }
  TestState state_;
};

TEST_F(NodeTlsBinding, Step1NoTlsIsFailedPreconditionWhenRequired) {
  Status status = Binding().Check(PeerIdentity{}, NewUlid());
  EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(), HasSubstr("TLS"));

  BindingOutcome outcome = BindingOutcome::kBound;
  EXPECT_TRUE(
      Binding(MtlsPolicy::FromAllowInsecure(true)).Check(PeerIdentity{}, NewUlid(), &outcome).ok());
  EXPECT_EQ(outcome, BindingOutcome::kSkippedNoTls);
}

TEST_F(NodeTlsBinding, Step2NoCertificateIsUnauthenticatedWhenRequired) {
  Status status = Binding().Check(TlsWithoutCertificate(), NewUlid());
  EXPECT_EQ(status.code(), StatusCode::kUnauthenticated);
  EXPECT_THAT(status.message(), HasSubstr("client certificate"));

  BindingOutcome outcome = BindingOutcome::kBound;
  EXPECT_TRUE(Binding(MtlsPolicy::FromAllowInsecure(true))
                  .Check(TlsWithoutCertificate(), NewUlid(), &outcome)
                  .ok());
  EXPECT_EQ(outcome, BindingOutcome::kSkippedNoCertificate);
}

TEST_F(NodeTlsBinding, Step3RevokedIsPermissionDeniedEvenWithoutEnforcement) {
  ClientMaterial device = state_.PairDevice();
  ASSERT_TRUE(state_.registry->Revoke(device.device_id, "", NowUnixMs()).ok());
  ASSERT_TRUE(state_.index->Refresh().ok());
  for (bool allow_insecure : {false, true}) {
    const CertificateBinding binding = Binding(MtlsPolicy::FromAllowInsecure(allow_insecure));
    Status status = binding.Check(WithCertificate(device), device.device_id);
    EXPECT_EQ(status.code(), StatusCode::kPermissionDenied);
    EXPECT_THAT(status.message(), HasSubstr("revoked"));
    EXPECT_EQ(binding.CheckPeer(WithCertificate(device)).code(), StatusCode::kPermissionDenied);
  }
}

TEST_F(NodeTlsBinding, Step4UnmappedFingerprintIsPermissionDenied) {
  ClientMaterial unpaired = state_.UnpairedDeviceCertificate();
  Status status = Binding().Check(WithCertificate(unpaired), unpaired.device_id);
  EXPECT_EQ(status.code(), StatusCode::kPermissionDenied);
  EXPECT_THAT(status.message(), HasSubstr("no paired device"));
  // The stream-open check (steps 1-3) does not look at the device.
  EXPECT_TRUE(Binding().CheckPeer(WithCertificate(unpaired)).ok());
}

TEST_F(NodeTlsBinding, Step5OtherDeviceIsPermissionDenied) {
  ClientMaterial device = state_.PairDevice();
  ClientMaterial other = state_.PairDevice();
  Status status = Binding().Check(WithCertificate(device), other.device_id);
  EXPECT_EQ(status.code(), StatusCode::kPermissionDenied);
  EXPECT_THAT(status.message(), HasSubstr(device.device_id));
  EXPECT_THAT(status.message(), HasSubstr(other.device_id));
}

TEST_F(NodeTlsBinding, BoundDevicePasses) {
  ClientMaterial device = state_.PairDevice();
  BindingOutcome outcome = BindingOutcome::kSkippedNoTls;
  EXPECT_TRUE(Binding().Check(WithCertificate(device), device.device_id, &outcome).ok());
  EXPECT_EQ(outcome, BindingOutcome::kBound);
}

TEST_F(NodeTlsBinding, LookupFailureIsInternal) {
  ClientMaterial device = state_.PairDevice();
  CertificateBinding binding(MtlsPolicy{}, state_.index,
                             [](std::string_view) -> Result<std::optional<std::string>> {
                               return Unavailable("database is locked");
                             });
  EXPECT_EQ(binding.Check(WithCertificate(device), device.device_id).code(), StatusCode::kInternal);
}

TEST_F(NodeTlsBinding, FailingClosedIndexDeniesEveryCertificate) {
  // Without an index there is nothing to vouch for the certificate: deny.
  ClientMaterial device = state_.PairDevice();
  CertificateBinding binding(MtlsPolicy{}, nullptr, LookupThrough(*state_.registry));
  EXPECT_EQ(binding.Check(WithCertificate(device), device.device_id).code(),
            StatusCode::kPermissionDenied);
}

TEST(NodeTlsPeerIdentity, NullAuthContextIsNoTls) {
  auto peer = PeerIdentityFromAuthContext(nullptr);
  ASSERT_TRUE(peer.ok());
  EXPECT_FALSE(peer->transport_is_tls);
  EXPECT_FALSE(peer->has_certificate());
}

}  // namespace
}  // namespace palyra::daemon::node_tls
