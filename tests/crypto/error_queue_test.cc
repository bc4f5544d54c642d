// Every wrapper must leave OpenSSL's thread-local error queue empty, on success and on failure:
// the queue is shared with the TLS stack, and a stale entry can make a later, unrelated
// SSL_get_error() report a failure that did not happen.

#include <gtest/gtest.h>

#include "crypto/aead.h"
#include "crypto/ed25519.h"
#include "crypto/openssl_util.h"
#include "crypto/x25519.h"
#include "crypto/x509.h"
#include "x509_test_util.h"

namespace palyra::crypto {
namespace {

using testing::kDayMs;

#define EXPECT_QUEUE_EMPTY(what) EXPECT_TRUE(internal::ErrorQueueIsEmpty()) << "after " << what

TEST(ErrorQueueTest, FailuresAndSuccessesLeaveNoErrors) {
  auto ca = testing::MakeCa("CA", 0, 0, kDayMs);
  ASSERT_OK(ca);
  auto leaf = testing::MakeLeaf(*ca, "leaf", ExtendedKeyUsage::kClientAuth, 0, kDayMs);
  ASSERT_OK(leaf);
  EXPECT_QUEUE_EMPTY("issuing certificates");

  EXPECT_FALSE(Certificate::FromDer(Bytes{0x30, 0x03, 0x02, 0x01, 0x00}).ok());
  EXPECT_QUEUE_EMPTY("bad certificate DER");
  EXPECT_FALSE(Certificate::FromPem("-----BEGIN CERTIFICATE-----\nMAMCAQA=\n"
                                    "-----END CERTIFICATE-----\n")
                   .ok());
  EXPECT_QUEUE_EMPTY("bad certificate PEM");
  EXPECT_FALSE(CertificateSigningRequest::FromDer(Bytes{0x30, 0x00}).ok());
  EXPECT_QUEUE_EMPTY("bad CSR");
  EXPECT_FALSE(P256PrivateKey::FromPkcs8Der(Bytes{0x30, 0x00}).ok());
  EXPECT_QUEUE_EMPTY("bad PKCS#8");
  EXPECT_FALSE(P256PublicKey::FromSpkiDer(Bytes{0x30, 0x00}).ok());
  EXPECT_QUEUE_EMPTY("bad SPKI");
  EXPECT_FALSE(ca->key.PublicKey().Verify(AsBytes("m"), Bytes{1, 2, 3}).ok());
  EXPECT_QUEUE_EMPTY("bad ECDSA signature");

  Bytes tampered = leaf->cert.Der();
  tampered.back() ^= 1;
  auto bad_leaf = Certificate::FromDer(tampered);
  ASSERT_OK(bad_leaf);
  EXPECT_FALSE(bad_leaf->VerifySignedBy(ca->cert).ok());
  EXPECT_QUEUE_EMPTY("VerifySignedBy failure");
  EXPECT_FALSE(
      VerifyCertificateChain(*bad_leaf, {}, ca->cert, CertificatePurpose::kClientAuth, kDayMs / 2)
          .ok());
  EXPECT_FALSE(
      VerifyCertificateChain(leaf->cert, {}, ca->cert, CertificatePurpose::kClientAuth, 2 * kDayMs)
          .ok());
  EXPECT_OK(VerifyCertificateChain(leaf->cert, {}, ca->cert, CertificatePurpose::kClientAuth,
                                   kDayMs / 2));
  EXPECT_QUEUE_EMPTY("chain verification");

  auto ed = Ed25519PrivateKey::Generate();
  ASSERT_OK(ed);
  auto signature = ed->Sign(AsBytes("m"));
  ASSERT_OK(signature);
  (*signature)[0] ^= 1;
  EXPECT_FALSE(ed->PublicKey().Verify(AsBytes("m"), *signature).ok());
  EXPECT_QUEUE_EMPTY("ed25519 verify failure");

  auto x = X25519PrivateKey::Generate();
  ASSERT_OK(x);
  EXPECT_FALSE(x->Ecdh(Bytes(32, 0)).ok());
  EXPECT_QUEUE_EMPTY("x25519 low-order peer");

  Bytes key(32, 7);
  auto sealed = AeadSeal(AeadAlgorithm::kChaCha20Poly1305, key, AsBytes("p"), {});
  ASSERT_OK(sealed);
  sealed->back() ^= 1;
  EXPECT_FALSE(AeadOpen(AeadAlgorithm::kChaCha20Poly1305, key, *sealed, {}).ok());
  EXPECT_QUEUE_EMPTY("AEAD tag failure");

  auto csr = CsrBuilder().SetSubjectCommonName("d").Sign(ca->key);
  ASSERT_OK(csr);
  EXPECT_OK(CertificateSigningRequest::FromPem(csr->ToPem()));
  auto pem = ca->key.ToPkcs8Pem();
  ASSERT_OK(pem);
  EXPECT_OK(P256PrivateKey::FromPkcs8Pem(pem->view()));
  EXPECT_QUEUE_EMPTY("CSR and key round trips");
}

}  // namespace
}  // namespace palyra::crypto
