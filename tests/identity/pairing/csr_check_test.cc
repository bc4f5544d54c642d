// ValidateDeviceCsr: each way a device CSR can be wrong gets its own INVALID_ARGUMENT.

#include "identity/pairing/csr_check.h"

#include "crypto/pem.h"
#include "pairing_test_util.h"

namespace palyra::identity {
namespace {

using testing::FailsWith;
using testing::NewCsr;
using testing::OpensslCsrPem;

// The same CSR with the last byte of its signature changed.
std::string TamperedCsrPem(const std::string& pem) {
  auto csr = crypto::CertificateSigningRequest::FromPem(pem);
  EXPECT_TRUE(csr.ok());
  crypto::Bytes der = csr->Der();
  der.back() ^= 0x01;
  return crypto::EncodePem("CERTIFICATE REQUEST", der);
}

TEST(CsrCheckTest, AcceptsMatchingOrAbsentCommonName) {
  const std::string device = NewUlid();
  auto good = ValidateDeviceCsr(NewCsr(device).csr_pem, device);
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  EXPECT_EQ(good->SubjectCommonName(), "Palyra Device " + device);
  auto no_cn = ValidateDeviceCsr(OpensslCsrPem("P-256", std::nullopt), device);
  ASSERT_TRUE(no_cn.ok()) << no_cn.status().ToString();
  EXPECT_EQ(no_cn->SubjectCommonName(), "");
}

TEST(CsrCheckTest, RefusesEachDefectSpecifically) {
  const std::string device = NewUlid();
  EXPECT_TRUE(FailsWith(ValidateDeviceCsr("", device), StatusCode::kInvalidArgument,
                        "device CSR is empty"));
  EXPECT_TRUE(FailsWith(ValidateDeviceCsr(std::string(20'000, 'A'), device),
                        StatusCode::kInvalidArgument, "device CSR is too large (20000 bytes"));
  EXPECT_TRUE(FailsWith(ValidateDeviceCsr("not a csr", device), StatusCode::kInvalidArgument,
                        "device CSR: CSR PEM is malformed"));
  EXPECT_TRUE(FailsWith(ValidateDeviceCsr(NewCsr(device).key.ToPkcs8Pem()->view(), device),
                        StatusCode::kInvalidArgument, "device CSR: CSR PEM is malformed"));
  EXPECT_TRUE(
      FailsWith(ValidateDeviceCsr(OpensslCsrPem("P-384", "Palyra Device " + device), device),
                StatusCode::kInvalidArgument, "not ECDSA P-256"));
  EXPECT_TRUE(FailsWith(ValidateDeviceCsr(TamperedCsrPem(NewCsr(device).csr_pem), device),
                        StatusCode::kInvalidArgument, "CSR signature does not verify"));
  EXPECT_TRUE(
      FailsWith(ValidateDeviceCsr(NewCsr(device, "Palyra Device " + NewUlid()).csr_pem, device),
                StatusCode::kInvalidArgument, "subject CN must be"));
  EXPECT_TRUE(FailsWith(ValidateDeviceCsr(NewCsr(device, "evil\x01name").csr_pem, device),
                        StatusCode::kInvalidArgument, "subject CN must be"));
}

}  // namespace
}  // namespace palyra::identity
