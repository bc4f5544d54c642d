#include "crypto/chain_verify.h"

#include <gtest/gtest.h>

#include "x509_test_util.h"

namespace palyra::crypto {
namespace {

using testing::FailsWith;
using testing::Issued;
using testing::kDayMs;
using testing::kHourMs;
using testing::MakeCa;
using testing::MakeLeaf;
using enum StatusCode;

constexpr auto kClient = CertificatePurpose::kClientAuth;
constexpr auto kServer = CertificatePurpose::kServerAuth;

// A fixed clock keeps every case independent of the machine's time.
constexpr int64_t kNow = 1767225600LL * 1000;  // 2026-01-01T00:00:00Z

class ChainVerifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto ca = MakeCa("Palyra Gateway CA", 0, kNow - kDayMs, kNow + 365 * kDayMs);
    ASSERT_OK(ca);
    ca_.emplace(std::move(ca).value());
    auto client = MakeLeaf(*ca_, "Palyra Device 01ARZ3NDEKTSV4RRFFQ69G5FAV",
                           ExtendedKeyUsage::kClientAuth, kNow - kHourMs, kNow + kDayMs);
    ASSERT_OK(client);
    client_.emplace(std::move(client).value());
  }

  std::optional<Issued> ca_;
  std::optional<Issued> client_;
};

TEST_F(ChainVerifyTest, GoodClientChain) {
  EXPECT_OK(VerifyCertificateChain(client_->cert, {}, ca_->cert, kClient, kNow));
}

TEST_F(ChainVerifyTest, GoodServerChain) {
  auto server =
      MakeLeaf(*ca_, "palyrad-node-rpc", ExtendedKeyUsage::kServerAuth, kNow, kNow + kDayMs);
  ASSERT_OK(server);
  EXPECT_OK(VerifyCertificateChain(server->cert, {}, ca_->cert, kServer, kNow));
}

TEST_F(ChainVerifyTest, GoodChainThroughIntermediate) {
  auto root = MakeCa("Root", 1, kNow - kDayMs, kNow + kDayMs);
  ASSERT_OK(root);
  auto intermediate = MakeCa("Intermediate", 0, kNow - kDayMs, kNow + kDayMs, &*root);
  ASSERT_OK(intermediate);
  auto leaf =
      MakeLeaf(*intermediate, "leaf", ExtendedKeyUsage::kClientAuth, kNow - kDayMs, kNow + kDayMs);
  ASSERT_OK(leaf);
  std::vector<Certificate> intermediates = {intermediate->cert};
  EXPECT_OK(VerifyCertificateChain(leaf->cert, intermediates, root->cert, kClient, kNow));
  // An intermediate can itself be the trust anchor (partial chain): it is trusted as given.
  EXPECT_OK(VerifyCertificateChain(leaf->cert, {}, intermediate->cert, kClient, kNow));
  // Without the intermediate there is no path to the anchor.
  EXPECT_TRUE(FailsWith(VerifyCertificateChain(leaf->cert, {}, root->cert, kClient, kNow),
                        kUnauthenticated, "not issued by a trusted CA"));
}

TEST_F(ChainVerifyTest, ValidityWindowEdges) {
  const int64_t not_after = client_->cert.NotAfterUnixMs();
  const int64_t not_before = client_->cert.NotBeforeUnixMs();
  EXPECT_OK(VerifyCertificateChain(client_->cert, {}, ca_->cert, kClient, not_before));
  EXPECT_OK(VerifyCertificateChain(client_->cert, {}, ca_->cert, kClient, not_after - 1000));
  EXPECT_TRUE(
      FailsWith(VerifyCertificateChain(client_->cert, {}, ca_->cert, kClient, not_after + 1000),
                kUnauthenticated, "certificate has expired"));
  EXPECT_TRUE(
      FailsWith(VerifyCertificateChain(client_->cert, {}, ca_->cert, kClient, not_before - 1000),
                kUnauthenticated, "certificate is not yet valid"));
}

TEST_F(ChainVerifyTest, ExpiredCa) {
  auto ca = MakeCa("Short CA", 0, kNow - 2 * kDayMs, kNow - kDayMs);
  ASSERT_OK(ca);
  auto leaf =
      MakeLeaf(*ca, "leaf", ExtendedKeyUsage::kClientAuth, kNow - 2 * kDayMs, kNow + kDayMs);
  ASSERT_OK(leaf);
  EXPECT_TRUE(FailsWith(VerifyCertificateChain(leaf->cert, {}, ca->cert, kClient, kNow),
                        kUnauthenticated, "certificate has expired (CN=Short CA, depth 1)"));
}

TEST_F(ChainVerifyTest, WrongExtendedKeyUsage) {
  EXPECT_TRUE(FailsWith(VerifyCertificateChain(client_->cert, {}, ca_->cert, kServer, kNow),
                        kUnauthenticated, "not valid for server authentication"));
  auto server =
      MakeLeaf(*ca_, "palyrad-node-rpc", ExtendedKeyUsage::kServerAuth, kNow, kNow + kDayMs);
  ASSERT_OK(server);
  EXPECT_TRUE(FailsWith(VerifyCertificateChain(server->cert, {}, ca_->cert, kClient, kNow),
                        kUnauthenticated, "not valid for client authentication"));
}

TEST_F(ChainVerifyTest, MissingExtendedKeyUsageIsNotAnyPurpose) {
  auto no_eku = MakeLeaf(*ca_, "no eku", std::nullopt, kNow - kHourMs, kNow + kDayMs);
  ASSERT_OK(no_eku);
  EXPECT_TRUE(FailsWith(VerifyCertificateChain(no_eku->cert, {}, ca_->cert, kClient, kNow),
                        kUnauthenticated, "missing clientAuth extended key usage"));
}

TEST_F(ChainVerifyTest, SignedByAnotherCaWithTheSameName) {
  // Another gateway's CA: same CN, different key.
  auto other = MakeCa("Palyra Gateway CA", 0, kNow - kDayMs, kNow + kDayMs);
  ASSERT_OK(other);
  auto foreign = MakeLeaf(*other, "Palyra Device 01ARZ3NDEKTSV4RRFFQ69G5FAV",
                          ExtendedKeyUsage::kClientAuth, kNow - kHourMs, kNow + kDayMs);
  ASSERT_OK(foreign);
  Status status = VerifyCertificateChain(foreign->cert, {}, ca_->cert, kClient, kNow);
  EXPECT_TRUE(FailsWith(status, kUnauthenticated, "not issued by a trusted CA"))
      << status.ToString();
}

TEST_F(ChainVerifyTest, SignedByAnotherCaWithAnotherName) {
  auto other = MakeCa("Someone Else", 0, kNow - kDayMs, kNow + kDayMs);
  ASSERT_OK(other);
  auto foreign =
      MakeLeaf(*other, "leaf", ExtendedKeyUsage::kClientAuth, kNow - kHourMs, kNow + kDayMs);
  ASSERT_OK(foreign);
  EXPECT_TRUE(FailsWith(VerifyCertificateChain(foreign->cert, {}, ca_->cert, kClient, kNow),
                        kUnauthenticated, "not issued by a trusted CA"));
  // Passing the foreign CA as an "intermediate" does not help: it is not trusted.
  std::vector<Certificate> intermediates = {other->cert};
  EXPECT_TRUE(
      FailsWith(VerifyCertificateChain(foreign->cert, intermediates, ca_->cert, kClient, kNow),
                kUnauthenticated, "not issued by a trusted CA"));
}

TEST_F(ChainVerifyTest, BadSignature) {
  Bytes der = client_->cert.Der();
  der.back() ^= 0x01;
  auto tampered = Certificate::FromDer(der);
  ASSERT_OK(tampered);
  EXPECT_TRUE(FailsWith(VerifyCertificateChain(*tampered, {}, ca_->cert, kClient, kNow),
                        kUnauthenticated, "certificate signature does not verify"));
}

TEST_F(ChainVerifyTest, LeafSignedByLeafIsRejected) {
  // The leaf's key signs another "leaf": BasicConstraints cA=FALSE forbids it.
  auto grandchild = MakeLeaf(*client_, "grandchild", ExtendedKeyUsage::kClientAuth, kNow - kHourMs,
                             kNow + kDayMs);
  ASSERT_OK(grandchild);
  std::vector<Certificate> intermediates = {client_->cert};
  EXPECT_TRUE(
      FailsWith(VerifyCertificateChain(grandchild->cert, intermediates, ca_->cert, kClient, kNow),
                kUnauthenticated, "issuer certificate is not a CA"));
}

TEST_F(ChainVerifyTest, PathLengthViolation) {
  // The gateway CA has pathLen 0, so an intermediate CA under it may not issue anything.
  auto intermediate =
      MakeCa("Rogue Intermediate", std::nullopt, kNow - kDayMs, kNow + kDayMs, &*ca_);
  ASSERT_OK(intermediate);
  auto leaf =
      MakeLeaf(*intermediate, "leaf", ExtendedKeyUsage::kClientAuth, kNow - kHourMs, kNow + kDayMs);
  ASSERT_OK(leaf);
  std::vector<Certificate> intermediates = {intermediate->cert};
  EXPECT_TRUE(FailsWith(VerifyCertificateChain(leaf->cert, intermediates, ca_->cert, kClient, kNow),
                        kUnauthenticated, "path length constraint"));
}

TEST_F(ChainVerifyTest, CaCertificateIsNotAClientLeaf) {
  // A CA certificate with clientAuth EKU presented as a client certificate.
  auto key = P256PrivateKey::Generate();
  ASSERT_OK(key);
  auto sub_ca = CertificateBuilder()
                    .SetSubjectCommonName("Sub CA with clientAuth")
                    .SetValidity(kNow - kDayMs, kNow + kDayMs)
                    .SetCa(0)
                    .AddExtendedKeyUsage(ExtendedKeyUsage::kClientAuth)
                    .SetSubjectPublicKey(key->PublicKey())
                    .Sign(ca_->cert, ca_->key);
  ASSERT_OK(sub_ca);
  EXPECT_TRUE(FailsWith(VerifyCertificateChain(*sub_ca, {}, ca_->cert, kClient, kNow),
                        kUnauthenticated, "is a CA certificate"));
}

TEST_F(ChainVerifyTest, TooManyIntermediates) {
  std::vector<Certificate> intermediates(17, ca_->cert);
  EXPECT_TRUE(
      FailsWith(VerifyCertificateChain(client_->cert, intermediates, ca_->cert, kClient, kNow),
                kInvalidArgument, "too many intermediate"));
}

}  // namespace
}  // namespace palyra::crypto
