#include "crypto/csr.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "crypto/x509.h"
#include "x509_test_util.h"

namespace palyra::crypto {
namespace {

using testing::FailsWith;
using testing::kDayMs;
using enum StatusCode;

// `openssl req -new -key <ed25519 key> -subj /CN=ed-device`.
constexpr std::string_view kEd25519CsrPem = R"(-----BEGIN CERTIFICATE REQUEST-----
MIGTMEcCAQAwFDESMBAGA1UEAwwJZWQtZGV2aWNlMCowBQYDK2VwAyEAZUTUxGXQ
sUkd4xu1KeBBWMmCQf7+5AnBukHNWk446negADAFBgMrZXADQQB723nmhO/h+wZQ
ykLQv8ui8mT/f7yyo5T6zPhyHWxlmkNAz/v0gIdl1XXiCTfKphT1aJYCOOKwpnTg
tn6iSBMP
-----END CERTIFICATE REQUEST-----
)";

TEST(CsrTest, BuildParseAndIssue) {
  auto device_key = P256PrivateKey::Generate();
  ASSERT_OK(device_key);
  auto csr = CsrBuilder()
                 .SetSubjectCommonName("Palyra Device 01ARZ3NDEKTSV4RRFFQ69G5FAV")
                 .Sign(*device_key);
  ASSERT_OK(csr);
  EXPECT_OK(csr->VerifySignature());
  const std::string pem = csr->ToPem();
  EXPECT_TRUE(pem.starts_with("-----BEGIN CERTIFICATE REQUEST-----\n"));

  auto parsed = CertificateSigningRequest::FromPem(pem);
  ASSERT_OK(parsed);
  EXPECT_EQ(parsed->SubjectCommonName(), "Palyra Device 01ARZ3NDEKTSV4RRFFQ69G5FAV");
  EXPECT_EQ(parsed->PublicKey(), device_key->PublicKey());
  EXPECT_EQ(parsed->Der(), csr->Der());

  // The gateway issues a certificate for the CSR's key without ever seeing the private key.
  auto ca = testing::MakeCa("Palyra Gateway CA", 0, 0, 400 * kDayMs);
  ASSERT_OK(ca);
  auto cert = CertificateBuilder()
                  .SetSubjectCommonName(parsed->SubjectCommonName())
                  .SetValidity(0, kDayMs)
                  .AddExtendedKeyUsage(ExtendedKeyUsage::kClientAuth)
                  .SetSubjectPublicKey(parsed->PublicKey())
                  .Sign(ca->cert, ca->key);
  ASSERT_OK(cert);
  auto cert_key = cert->PublicKey();
  ASSERT_OK(cert_key);
  EXPECT_EQ(*cert_key, device_key->PublicKey());
  EXPECT_OK(
      VerifyCertificateChain(*cert, {}, ca->cert, CertificatePurpose::kClientAuth, kDayMs / 2));
}

TEST(CsrTest, TamperedCsrSignatureDoesNotVerify) {
  auto key = P256PrivateKey::Generate();
  ASSERT_OK(key);
  auto csr = CsrBuilder().SetSubjectCommonName("device-one").Sign(*key);
  ASSERT_OK(csr);
  // Change the CN inside the signed part: still well-formed, but the signature no longer matches.
  Bytes der = csr->Der();
  std::string_view needle = "device-one";
  auto it = std::search(der.begin(), der.end(), needle.begin(), needle.end());
  ASSERT_NE(it, der.end());
  *(it + 7) = 't';  // "device-tne"
  EXPECT_TRUE(FailsWith(CertificateSigningRequest::FromDer(der), kInvalidArgument,
                        "CSR signature does not verify"));
  Bytes bad_sig = csr->Der();
  bad_sig.back() ^= 0x01;
  EXPECT_TRUE(FailsWith(CertificateSigningRequest::FromDer(bad_sig), kInvalidArgument,
                        "CSR signature does not verify"));
}

TEST(CsrTest, MalformedInput) {
  EXPECT_TRUE(FailsWith(CertificateSigningRequest::FromPem(""), kInvalidArgument,
                        "CSR PEM is malformed: no PEM block found"));
  EXPECT_TRUE(FailsWith(CertificateSigningRequest::FromPem(std::string(17 * 1024, 'A')),
                        kInvalidArgument, "CSR PEM is too large"));
  auto ca = testing::MakeCa("CA", 0, 0, kDayMs);
  ASSERT_OK(ca);
  EXPECT_TRUE(FailsWith(CertificateSigningRequest::FromPem(ca->cert.ToPem()), kInvalidArgument,
                        "expected a \"CERTIFICATE REQUEST\" block, found \"CERTIFICATE\""));
  EXPECT_TRUE(FailsWith(CertificateSigningRequest::FromPem("-----BEGIN CERTIFICATE REQUEST-----\n"
                                                           "MAMCAQA=\n"
                                                           "-----END CERTIFICATE REQUEST-----\n"),
                        kInvalidArgument, "CSR DER is malformed"));
  EXPECT_TRUE(FailsWith(CertificateSigningRequest::FromDer(Bytes{0x30, 0x00}), kInvalidArgument,
                        "CSR DER is malformed"));
  EXPECT_TRUE(FailsWith(CertificateSigningRequest::FromPem(kEd25519CsrPem), kInvalidArgument,
                        "CSR public key is not ECDSA P-256"));
  auto key = P256PrivateKey::Generate();
  ASSERT_OK(key);
  EXPECT_TRUE(FailsWith(CsrBuilder().Sign(*key), kInvalidArgument, "CSR common name"));
}

}  // namespace
}  // namespace palyra::crypto
