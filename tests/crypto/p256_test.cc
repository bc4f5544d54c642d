#include "crypto/p256.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "test_util.h"

namespace palyra::crypto {
namespace {

using testing::FailsWith;
using enum StatusCode;

// Fixtures generated once with the openssl CLI.
constexpr std::string_view kP384Pkcs8Pem = R"(-----BEGIN PRIVATE KEY-----
MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDDRFaNHqY2jRCC/EYTH
NeXb/7blmaoqoXPTgHLFXXrSDpUEqE0h/5Xr/t0ybFUCy26hZANiAATNPPMJcWGm
Go2KlVr03eMj429wa8Igd+kzPwAK+qSLDX+h3X8B3PjbTBPUrFf1KShCl8Qj9Zfs
C5E5ggiKP4+HW6WXuxfimceytoZNkdJxZplLKyXtcxCa8ntCOS7kcec=
-----END PRIVATE KEY-----
)";
constexpr std::string_view kEd25519Pkcs8Pem = R"(-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEINwgvTDaZ9FGCcPecIJNrVq0hNRwxsREArSBfFBKyyDP
-----END PRIVATE KEY-----
)";
constexpr std::string_view kSec1P256Pem = R"(-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIBSLWw4W/ScrB8lwbYh4IcWkp9Ufer1VXz8dumQnJScBoAoGCCqGSM49
AwEHoUQDQgAETYc4XFxrZGV/Dk8yzYXh5TWpa+ee7WmcHr8cUeO9Xg1T9kpctLW1
dK3C6p0XUdOZTB0rIC57+FlqmC/RxgYF3g==
-----END EC PRIVATE KEY-----
)";

TEST(P256Test, Pkcs8PemRoundTrip) {
  auto key = P256PrivateKey::Generate();
  ASSERT_OK(key);
  auto pem = key->ToPkcs8Pem();
  ASSERT_OK(pem);
  EXPECT_TRUE(pem->view().starts_with("-----BEGIN PRIVATE KEY-----\n"));
  EXPECT_TRUE(pem->view().ends_with("-----END PRIVATE KEY-----\n"));
  auto loaded = P256PrivateKey::FromPkcs8Pem(pem->view());
  ASSERT_OK(loaded);
  EXPECT_EQ(loaded->PublicKey(), key->PublicKey());
  // CRLF line endings are common on files that crossed a Windows machine.
  std::string crlf;
  for (char c : pem->view()) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  EXPECT_OK(P256PrivateKey::FromPkcs8Pem(crlf));
}

// Our hand-assembled PKCS#8 must be byte for byte what OpenSSL itself writes for the same key,
// across many keys (scalars with leading zero bytes included).
TEST(P256Test, Pkcs8DerMatchesOpenSsl) {
  for (int i = 0; i < 200; ++i) {
    auto key = P256PrivateKey::Generate();
    ASSERT_OK(key);
    auto ours = key->ToPkcs8Der();
    ASSERT_OK(ours);
    const unsigned char* p = ours->data();
    PKCS8_PRIV_KEY_INFO* info =
        d2i_PKCS8_PRIV_KEY_INFO(nullptr, &p, static_cast<long>(ours->size()));
    ASSERT_NE(info, nullptr);
    EVP_PKEY* pkey = EVP_PKCS82PKEY(info);
    PKCS8_PRIV_KEY_INFO_free(info);
    ASSERT_NE(pkey, nullptr);
    PKCS8_PRIV_KEY_INFO* again = EVP_PKEY2PKCS8(pkey);
    EVP_PKEY_free(pkey);
    ASSERT_NE(again, nullptr);
    unsigned char* der = nullptr;
    const int len = i2d_PKCS8_PRIV_KEY_INFO(again, &der);
    PKCS8_PRIV_KEY_INFO_free(again);
    ASSERT_GT(len, 0);
    const std::string openssl(reinterpret_cast<const char*>(der), static_cast<size_t>(len));
    OPENSSL_free(der);
    ASSERT_EQ(openssl, std::string(reinterpret_cast<const char*>(ours->data()), ours->size()))
        << "key " << i;
  }
}

TEST(P256Test, PublicKeyForms) {
  auto key = P256PrivateKey::Generate();
  ASSERT_OK(key);
  Bytes point = key->PublicKey().UncompressedPoint();
  ASSERT_EQ(point.size(), 65u);
  EXPECT_EQ(point[0], 0x04);
  auto from_spki = P256PublicKey::FromSpkiDer(key->PublicKey().SpkiDer());
  ASSERT_OK(from_spki);
  EXPECT_EQ(*from_spki, key->PublicKey());
  EXPECT_EQ(from_spki->UncompressedPoint(), point);

  Bytes trailing = key->PublicKey().SpkiDer();
  trailing.push_back(0);
  EXPECT_TRUE(FailsWith(P256PublicKey::FromSpkiDer(trailing), kInvalidArgument, "malformed"));
  EXPECT_TRUE(FailsWith(P256PublicKey::FromSpkiDer(Bytes{0x30, 0x03, 0x02, 0x01, 0x00}),
                        kInvalidArgument, "malformed"));
}

TEST(P256Test, SignVerify) {
  auto key = P256PrivateKey::Generate();
  ASSERT_OK(key);
  auto signature = key->Sign(AsBytes("message"));
  ASSERT_OK(signature);
  EXPECT_OK(key->PublicKey().Verify(AsBytes("message"), *signature));
  EXPECT_TRUE(FailsWith(key->PublicKey().Verify(AsBytes("messagf"), *signature), kInvalidArgument,
                        "ecdsa p-256 signature does not verify"));
  Bytes flipped = *signature;
  flipped.back() ^= 0x01;
  EXPECT_TRUE(FailsWith(key->PublicKey().Verify(AsBytes("message"), flipped), kInvalidArgument,
                        "does not verify"));
  EXPECT_TRUE(FailsWith(key->PublicKey().Verify(AsBytes("message"), Bytes{1, 2, 3}),
                        kInvalidArgument, "does not verify"));
  auto other = P256PrivateKey::Generate();
  ASSERT_OK(other);
  EXPECT_FALSE(other->PublicKey().Verify(AsBytes("message"), *signature).ok());
}

TEST(P256Test, MalformedPemErrors) {
  EXPECT_TRUE(FailsWith(P256PrivateKey::FromPkcs8Pem(""), kInvalidArgument,
                        "private key PEM is malformed: no PEM block found"));
  EXPECT_TRUE(FailsWith(P256PrivateKey::FromPkcs8Pem("not a key"), kInvalidArgument,
                        "private key PEM is malformed"));
  EXPECT_TRUE(FailsWith(P256PrivateKey::FromPkcs8Pem("-----BEGIN PRIVATE KEY-----\nMC4CAQAw\n"),
                        kInvalidArgument, "missing END line"));
  EXPECT_TRUE(FailsWith(P256PrivateKey::FromPkcs8Pem(
                            "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n"),
                        kInvalidArgument, "private key PEM is malformed"));
  EXPECT_TRUE(FailsWith(P256PrivateKey::FromPkcs8Pem(
                            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
                        kInvalidArgument, "bad PKCS#8 DER"));
  EXPECT_TRUE(FailsWith(P256PrivateKey::FromPkcs8Der(Bytes{0x30, 0x00}), kInvalidArgument,
                        "private key DER is malformed: bad PKCS#8 DER"));
  EXPECT_TRUE(FailsWith(
      P256PrivateKey::FromPkcs8Pem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"),
      kInvalidArgument, "END label does not match"));
  EXPECT_TRUE(FailsWith(P256PrivateKey::FromPkcs8Pem(kSec1P256Pem), kInvalidArgument,
                        "expected a PKCS#8 \"PRIVATE KEY\" block, found \"EC PRIVATE KEY\""));
  EXPECT_TRUE(FailsWith(
      P256PrivateKey::FromPkcs8Pem(std::string(kP384Pkcs8Pem) + std::string(kP384Pkcs8Pem)),
      kInvalidArgument, "more than 1 PEM blocks"));
  EXPECT_TRUE(FailsWith(P256PrivateKey::FromPkcs8Pem(std::string(20000, 'A')), kInvalidArgument,
                        "too large"));
}

TEST(P256Test, RejectsOtherKeyTypes) {
  EXPECT_TRUE(FailsWith(P256PrivateKey::FromPkcs8Pem(kP384Pkcs8Pem), kInvalidArgument,
                        "private key is not ECDSA P-256"));
  EXPECT_TRUE(FailsWith(P256PrivateKey::FromPkcs8Pem(kEd25519Pkcs8Pem), kInvalidArgument,
                        "private key is not ECDSA P-256"));
}

}  // namespace
}  // namespace palyra::crypto
