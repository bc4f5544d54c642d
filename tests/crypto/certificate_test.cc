#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "crypto/hash.h"
#include "crypto/x509.h"
#include "x509_test_util.h"

namespace palyra::crypto {
namespace {

using testing::FailsWith;
using testing::Issued;
using testing::kDayMs;
using testing::kHourMs;
using testing::MakeCa;
using testing::MakeLeaf;
using testing::NowMs;
using enum StatusCode;

Bytes KeyId(const P256PublicKey& key) {
  Sha256Digest digest = Sha256(key.SpkiDer());
  return Bytes(digest.begin(), digest.begin() + 20);
}

// 1975-01-01 and 4096-01-01 (the spec's library-default CA validity), in unix ms.
constexpr int64_t k1975Ms = 157766400LL * 1000;
constexpr int64_t k4096Ms = 67090118400LL * 1000;

TEST(CertificateBuilderTest, GatewayCaRoundTrip) {
  auto key = P256PrivateKey::Generate();
  ASSERT_OK(key);
  auto ca = CertificateBuilder()
                .SetSubjectCommonName("Palyra Gateway CA")
                .SetValidity(k1975Ms, k4096Ms)
                .SetCa(0)
                .SelfSign(*key);
  ASSERT_OK(ca);
  EXPECT_EQ(ca->SubjectCommonName(), "Palyra Gateway CA");
  EXPECT_EQ(ca->IssuerCommonName(), "Palyra Gateway CA");
  EXPECT_EQ(ca->SubjectOrganization(), "");
  EXPECT_EQ(ca->NotBeforeUnixMs(), k1975Ms);
  EXPECT_EQ(ca->NotAfterUnixMs(), k4096Ms);
  EXPECT_TRUE(ca->IsCa());
  EXPECT_EQ(ca->PathLength(), 0);
  EXPECT_EQ(ca->GetKeyUsage(),
            (KeyUsage{.digital_signature = true, .key_cert_sign = true, .crl_sign = true}));
  EXPECT_FALSE(ca->HasExtendedKeyUsage());
  EXPECT_EQ(ca->IsExtensionCritical(CertificateExtension::kBasicConstraints), true);
  EXPECT_EQ(ca->IsExtensionCritical(CertificateExtension::kKeyUsage), true);
  EXPECT_EQ(ca->IsExtensionCritical(CertificateExtension::kSubjectKeyIdentifier), false);
  EXPECT_EQ(ca->IsExtensionCritical(CertificateExtension::kAuthorityKeyIdentifier), std::nullopt);
  EXPECT_EQ(ca->IsExtensionCritical(CertificateExtension::kSubjectAltName), std::nullopt);
  EXPECT_EQ(ca->SubjectKeyId(), KeyId(key->PublicKey()));
  EXPECT_TRUE(ca->AuthorityKeyId().empty());
  EXPECT_EQ(ca->PublicKeySpkiDer(), key->PublicKey().SpkiDer());
  auto public_key = ca->PublicKey();
  ASSERT_OK(public_key);
  EXPECT_EQ(*public_key, key->PublicKey());
  EXPECT_OK(ca->VerifySignedBy(*ca));

  EXPECT_EQ(ca->FingerprintSha256Hex(), Sha256Hex(ca->Der()));
  EXPECT_EQ(ca->FingerprintSha256Hex().size(), 64u);
  auto reparsed = Certificate::FromPem(ca->ToPem());
  ASSERT_OK(reparsed);
  EXPECT_EQ(*reparsed, *ca);
  EXPECT_EQ(reparsed->FingerprintSha256Hex(), ca->FingerprintSha256Hex());
  auto from_der = Certificate::FromDer(ca->Der());
  ASSERT_OK(from_der);
  EXPECT_EQ(*from_der, *ca);
}

TEST(CertificateBuilderTest, UnconstrainedCaHasNoPathLength) {
  auto key = P256PrivateKey::Generate();
  ASSERT_OK(key);
  auto ca = CertificateBuilder()
                .SetSubjectCommonName("Root")
                .SetValidity(0, kDayMs)
                .SetCa(std::nullopt)
                .SelfSign(*key);
  ASSERT_OK(ca);
  EXPECT_TRUE(ca->IsCa());
  EXPECT_EQ(ca->PathLength(), std::nullopt);
}

TEST(CertificateBuilderTest, DeviceClientCertificate) {
  const int64_t now = NowMs();
  auto ca = MakeCa("Palyra Gateway CA", 0, now - kHourMs, now + 365 * kDayMs);
  ASSERT_OK(ca);
  auto key = P256PrivateKey::Generate();
  ASSERT_OK(key);
  const int64_t not_before = now;
  const int64_t not_after = now + kDayMs;
  auto leaf = CertificateBuilder()
                  .SetSubjectCommonName("Palyra Device 01ARZ3NDEKTSV4RRFFQ69G5FAV")
                  .SetSubjectOrganization("Palyra")
                  .SetValidity(not_before, not_after)
                  .AddExtendedKeyUsage(ExtendedKeyUsage::kClientAuth)
                  .AddUri("urn:palyra:device:01ARZ3NDEKTSV4RRFFQ69G5FAV")
                  .SetSubjectPublicKey(key->PublicKey())
                  .Sign(ca->cert, ca->key);
  ASSERT_OK(leaf);
  EXPECT_EQ(leaf->SubjectCommonName(), "Palyra Device 01ARZ3NDEKTSV4RRFFQ69G5FAV");
  EXPECT_EQ(leaf->SubjectOrganization(), "Palyra");
  EXPECT_EQ(leaf->IssuerCommonName(), "Palyra Gateway CA");
  // Second precision, rounded down.
  EXPECT_EQ(leaf->NotBeforeUnixMs(), not_before / 1000 * 1000);
  EXPECT_EQ(leaf->NotAfterUnixMs(), not_after / 1000 * 1000);
  EXPECT_TRUE(leaf->HasExtendedKeyUsage());
  EXPECT_TRUE(leaf->HasClientAuth());
  EXPECT_FALSE(leaf->HasServerAuth());
  EXPECT_FALSE(leaf->IsCa());
  EXPECT_EQ(leaf->PathLength(), std::nullopt);
  EXPECT_EQ(leaf->GetKeyUsage(), KeyUsage{.digital_signature = true});
  EXPECT_EQ(leaf->Uris(), std::vector<std::string>{"urn:palyra:device:01ARZ3NDEKTSV4RRFFQ69G5FAV"});
  EXPECT_TRUE(leaf->DnsNames().empty());
  EXPECT_EQ(leaf->IsExtensionCritical(CertificateExtension::kBasicConstraints), true);
  EXPECT_EQ(leaf->IsExtensionCritical(CertificateExtension::kKeyUsage), true);
  EXPECT_EQ(leaf->IsExtensionCritical(CertificateExtension::kExtendedKeyUsage), false);
  EXPECT_EQ(leaf->IsExtensionCritical(CertificateExtension::kSubjectAltName), false);
  EXPECT_EQ(leaf->SubjectKeyId(), KeyId(key->PublicKey()));
  EXPECT_EQ(leaf->AuthorityKeyId(), ca->cert.SubjectKeyId());
  EXPECT_OK(leaf->VerifySignedBy(ca->cert));
  EXPECT_TRUE(FailsWith(leaf->VerifySignedBy(*leaf), kInvalidArgument, "issuer name"));
}

TEST(CertificateBuilderTest, ServerCertificateSubjectAltNames) {
  const int64_t now = NowMs();
  auto ca = MakeCa("Palyra Gateway CA", 0, now - kHourMs, now + kDayMs);
  ASSERT_OK(ca);
  auto key = P256PrivateKey::Generate();
  ASSERT_OK(key);
  auto server = CertificateBuilder()
                    .SetSubjectCommonName("palyrad-node-rpc")
                    .SetValidity(now, now + kDayMs)
                    .AddExtendedKeyUsage(ExtendedKeyUsage::kServerAuth)
                    .AddDnsName("localhost")
                    .AddDnsName("palyrad-node-rpc")
                    .AddDnsName("node1.lan")
                    .AddDnsName("NODE1.LAN")  // case-insensitive duplicate: dropped
                    .AddIpAddress("192.168.1.24")
                    .AddIpAddress("::1")
                    .AddIpAddress("0:0:0:0:0:0:0:1")  // same address as ::1: dropped
                    .SetSubjectPublicKey(key->PublicKey())
                    .Sign(ca->cert, ca->key);
  ASSERT_OK(server);
  EXPECT_EQ(server->DnsNames(),
            (std::vector<std::string>{"localhost", "palyrad-node-rpc", "node1.lan"}));
  EXPECT_EQ(server->IpAddresses(), (std::vector<std::string>{"192.168.1.24", "::1"}));
  EXPECT_TRUE(server->HasServerAuth());
  EXPECT_FALSE(server->HasClientAuth());
}

TEST(CertificateBuilderTest, SerialsAreRandomPositive128Bit) {
  auto key = P256PrivateKey::Generate();
  ASSERT_OK(key);
  std::set<std::string> serials;
  for (int i = 0; i < 20; ++i) {
    auto cert = CertificateBuilder()
                    .SetSubjectCommonName("serial test")
                    .SetValidity(0, kDayMs)
                    .SelfSign(*key);
    ASSERT_OK(cert);
    const std::string& serial = cert->SerialHex();
    EXPECT_NE(serial[0], '-');
    EXPECT_LE(serial.size(), 32u);
    // At most 128 bits with the top bit clear: 32 hex digits must start below '8'.
    if (serial.size() == 32) {
      EXPECT_LT(serial[0], '8');
    }
    serials.insert(serial);
  }
  EXPECT_EQ(serials.size(), 20u);
}

TEST(CertificateBuilderTest, RejectsBadInput) {
  auto key = P256PrivateKey::Generate();
  ASSERT_OK(key);
  auto base = [] {
    CertificateBuilder b;
    b.SetSubjectCommonName("ok").SetValidity(0, kDayMs);
    return b;
  };
  EXPECT_TRUE(FailsWith(CertificateBuilder().SetValidity(0, 1000).SelfSign(*key), kInvalidArgument,
                        "common name"));
  EXPECT_TRUE(FailsWith(base().SetSubjectCommonName(std::string(65, 'a')).SelfSign(*key),
                        kInvalidArgument, "common name"));
  EXPECT_TRUE(FailsWith(base().SetSubjectCommonName("bad\nname").SelfSign(*key), kInvalidArgument,
                        "control character"));
  EXPECT_TRUE(FailsWith(CertificateBuilder().SetSubjectCommonName("x").SelfSign(*key),
                        kInvalidArgument, "validity is not set"));
  EXPECT_TRUE(FailsWith(base().SetValidity(kDayMs, kDayMs).SelfSign(*key), kInvalidArgument,
                        "notBefore must be earlier"));
  EXPECT_TRUE(FailsWith(base().SetCa(-1).SelfSign(*key), kInvalidArgument, "path length"));
  EXPECT_TRUE(
      FailsWith(base().AddDnsName("bad name").SelfSign(*key), kInvalidArgument, "SAN DNS name"));
  EXPECT_TRUE(FailsWith(base().AddDnsName("").SelfSign(*key), kInvalidArgument, "SAN DNS name"));
  EXPECT_TRUE(FailsWith(base().AddDnsName("a..b").SelfSign(*key), kInvalidArgument, "label"));
  EXPECT_TRUE(FailsWith(base().AddDnsName("-a.b").SelfSign(*key), kInvalidArgument, "label"));
  EXPECT_TRUE(FailsWith(base().AddDnsName("*.").SelfSign(*key), kInvalidArgument, "label"));
  EXPECT_TRUE(FailsWith(base().AddDnsName(std::string(64, 'a') + ".lan").SelfSign(*key),
                        kInvalidArgument, "label"));
  EXPECT_OK(base().AddDnsName("*.node_1.example-lan").SelfSign(*key));
  EXPECT_TRUE(FailsWith(base().SetSubjectCommonName("bad \xff utf8").SelfSign(*key),
                        kInvalidArgument, "not valid UTF-8"));
  EXPECT_TRUE(FailsWith(base().AddIpAddress("300.1.1.1").SelfSign(*key), kInvalidArgument,
                        "SAN IP address"));
  EXPECT_TRUE(FailsWith(base().AddUri("no-scheme").SelfSign(*key), kInvalidArgument, "SAN URI"));
  EXPECT_TRUE(
      FailsWith(base().AddUri("urn:with space").SelfSign(*key), kInvalidArgument, "SAN URI"));
  EXPECT_TRUE(
      FailsWith(base().SetKeyUsage(KeyUsage{}).SelfSign(*key), kInvalidArgument, "key usage"));

  auto other = P256PrivateKey::Generate();
  ASSERT_OK(other);
  EXPECT_TRUE(FailsWith(base().SetSubjectPublicKey(other->PublicKey()).SelfSign(*key),
                        kInvalidArgument, "must be the signing key"));
  auto ca = base().SetCa(0).SelfSign(*key);
  ASSERT_OK(ca);
  EXPECT_TRUE(FailsWith(base().Sign(*ca, *key), kInvalidArgument, "subject public key is not set"));
  EXPECT_TRUE(FailsWith(base().SetSubjectPublicKey(other->PublicKey()).Sign(*ca, *other),
                        kInvalidArgument, "issuer private key does not match"));
}

// A certificate the builder returns carries facts taken from its inputs, not from a parse of its
// DER; they must be exactly what OpenSSL reads back from that DER.
void ExpectBuiltMatchesParsed(const Certificate& built) {
  auto parsed = Certificate::FromDer(built.Der());
  ASSERT_OK(parsed);
  EXPECT_EQ(parsed->FingerprintSha256Hex(), built.FingerprintSha256Hex());
  EXPECT_EQ(parsed->NotBeforeUnixMs(), built.NotBeforeUnixMs());
  EXPECT_EQ(parsed->NotAfterUnixMs(), built.NotAfterUnixMs());
  EXPECT_EQ(parsed->SubjectCommonName(), built.SubjectCommonName());
  EXPECT_EQ(parsed->SubjectOrganization(), built.SubjectOrganization());
  EXPECT_EQ(parsed->IssuerCommonName(), built.IssuerCommonName());
  EXPECT_EQ(parsed->SerialHex(), built.SerialHex());
  EXPECT_EQ(parsed->DnsNames(), built.DnsNames());
  EXPECT_EQ(parsed->IpAddresses(), built.IpAddresses());
  EXPECT_EQ(parsed->Uris(), built.Uris());
  EXPECT_EQ(parsed->HasExtendedKeyUsage(), built.HasExtendedKeyUsage());
  EXPECT_EQ(parsed->HasClientAuth(), built.HasClientAuth());
  EXPECT_EQ(parsed->HasServerAuth(), built.HasServerAuth());
  EXPECT_EQ(parsed->IsCa(), built.IsCa());
  EXPECT_EQ(parsed->PathLength(), built.PathLength());
  EXPECT_EQ(parsed->GetKeyUsage(), built.GetKeyUsage());
  EXPECT_EQ(parsed->SubjectKeyId(), built.SubjectKeyId());
  EXPECT_EQ(parsed->AuthorityKeyId(), built.AuthorityKeyId());
  EXPECT_EQ(parsed->PublicKeySpkiDer(), built.PublicKeySpkiDer());
  for (auto ext : {CertificateExtension::kBasicConstraints, CertificateExtension::kKeyUsage,
                   CertificateExtension::kExtendedKeyUsage, CertificateExtension::kSubjectAltName,
                   CertificateExtension::kSubjectKeyIdentifier,
                   CertificateExtension::kAuthorityKeyIdentifier}) {
    EXPECT_EQ(parsed->IsExtensionCritical(ext), built.IsExtensionCritical(ext));
  }
}

TEST(CertificateBuilderTest, BuiltFactsMatchAParseOfTheDer) {
  const int64_t now = NowMs();
  auto root = MakeCa("Palyra Gateway CA", 0, k1975Ms, k4096Ms);
  ASSERT_OK(root);
  ExpectBuiltMatchesParsed(root->cert);
  auto unconstrained = MakeCa("Root", std::nullopt, now, now + kDayMs);
  ASSERT_OK(unconstrained);
  ExpectBuiltMatchesParsed(unconstrained->cert);
  auto intermediate = MakeCa("Intermediate", 3, now, now + kDayMs, &*unconstrained);
  ASSERT_OK(intermediate);
  ExpectBuiltMatchesParsed(intermediate->cert);
  EXPECT_OK(intermediate->cert.VerifySignedBy(unconstrained->cert));

  auto key = P256PrivateKey::Generate();
  ASSERT_OK(key);
  auto everything = CertificateBuilder()
                        .SetSubjectCommonName("Gr\xc3\xbc\xc3\x9f" "e \xe2\x9c\x93")  // non-ASCII
                        .SetSubjectOrganization("Palyra")
                        .SetValidity(now - 1500, now + 400 * kDayMs)  // not whole seconds
                        .SetKeyUsage(KeyUsage{.digital_signature = true, .key_agreement = true})
                        .AddExtendedKeyUsage(ExtendedKeyUsage::kServerAuth)
                        .AddExtendedKeyUsage(ExtendedKeyUsage::kClientAuth)
                        .AddDnsName("localhost")
                        .AddDnsName("*.example.lan")
                        .AddIpAddress("2001:DB8:0:0::1")  // printed back canonically
                        .AddIpAddress("127.0.0.1")
                        .AddUri("urn:palyra:device:01ARZ3NDEKTSV4RRFFQ69G5FAV")
                        .SetSubjectPublicKey(key->PublicKey())
                        .Sign(root->cert, root->key);
  ASSERT_OK(everything);
  EXPECT_EQ(everything->IpAddresses(), (std::vector<std::string>{"2001:db8::1", "127.0.0.1"}));
  ExpectBuiltMatchesParsed(*everything);
  EXPECT_OK(everything->VerifySignedBy(root->cert));
}

TEST(CertificateParseTest, MalformedPemAndDer) {
  auto ca = MakeCa("CA", 0, 0, kDayMs);
  ASSERT_OK(ca);
  const std::string pem = ca->cert.ToPem();

  EXPECT_TRUE(FailsWith(Certificate::FromPem(""), kInvalidArgument,
                        "certificate PEM is malformed: no PEM block found"));
  EXPECT_TRUE(
      FailsWith(Certificate::FromPem("hello"), kInvalidArgument, "certificate PEM is malformed"));
  EXPECT_TRUE(FailsWith(Certificate::FromPem("junk\n" + pem), kInvalidArgument,
                        "unexpected text outside PEM blocks"));
  EXPECT_TRUE(FailsWith(Certificate::FromPem(pem + "junk"), kInvalidArgument,
                        "unexpected text outside PEM blocks"));
  EXPECT_TRUE(FailsWith(Certificate::FromPem(pem.substr(0, pem.size() - 30)), kInvalidArgument,
                        "missing END line"));
  EXPECT_TRUE(FailsWith(Certificate::FromPem(pem + pem), kInvalidArgument, "more than 1 PEM"));
  std::string bad_base64 = pem;
  bad_base64[40] = '#';
  EXPECT_TRUE(FailsWith(Certificate::FromPem(bad_base64), kInvalidArgument,
                        "certificate PEM is malformed"));
  auto key_pem = ca->key.ToPkcs8Pem();
  ASSERT_OK(key_pem);
  EXPECT_TRUE(FailsWith(Certificate::FromPem(key_pem->view()), kInvalidArgument,
                        "expected a \"CERTIFICATE\" block, found \"PRIVATE KEY\""));
  EXPECT_TRUE(
      FailsWith(Certificate::FromPem(std::string(70000, ' ')), kInvalidArgument, "too large"));

  Bytes der = ca->cert.Der();
  EXPECT_TRUE(
      FailsWith(Certificate::FromDer({}), kInvalidArgument, "certificate DER is malformed"));
  EXPECT_TRUE(FailsWith(Certificate::FromDer(std::span(der).first(der.size() - 1)),
                        kInvalidArgument, "certificate DER is malformed"));
  Bytes trailing = der;
  trailing.push_back(0);
  EXPECT_TRUE(
      FailsWith(Certificate::FromDer(trailing), kInvalidArgument, "certificate DER is malformed"));
  EXPECT_TRUE(FailsWith(Certificate::FromDer(Bytes(40000, 0x30)), kInvalidArgument, "too large"));
  // Valid base64 of garbage DER.
  EXPECT_TRUE(FailsWith(Certificate::FromPem("-----BEGIN CERTIFICATE-----\nMAMCAQA=\n"
                                             "-----END CERTIFICATE-----\n"),
                        kInvalidArgument, "certificate DER is malformed"));
}

TEST(CertificateParseTest, TamperedSignatureFailsVerifySignedBy) {
  auto ca = MakeCa("CA", 0, 0, kDayMs);
  ASSERT_OK(ca);
  auto leaf = MakeLeaf(*ca, "leaf", ExtendedKeyUsage::kClientAuth, 0, kDayMs);
  ASSERT_OK(leaf);
  Bytes der = leaf->cert.Der();
  der.back() ^= 0x01;  // last byte of the ECDSA s value: still valid DER
  auto tampered = Certificate::FromDer(der);
  ASSERT_OK(tampered);
  EXPECT_NE(tampered->FingerprintSha256Hex(), leaf->cert.FingerprintSha256Hex());
  EXPECT_TRUE(FailsWith(tampered->VerifySignedBy(ca->cert), kInvalidArgument,
                        "certificate signature does not verify"));
}

TEST(CertificateBundleTest, ParsesChainsAndBoundsThem) {
  auto ca = MakeCa("CA", 1, 0, kDayMs);
  ASSERT_OK(ca);
  auto intermediate = MakeCa("Intermediate", 0, 0, kDayMs, &*ca);
  ASSERT_OK(intermediate);
  auto leaf = MakeLeaf(*intermediate, "leaf", ExtendedKeyUsage::kClientAuth, 0, kDayMs);
  ASSERT_OK(leaf);
  std::vector<Certificate> chain = {leaf->cert, intermediate->cert, ca->cert};
  const std::string bundle = ToPemBundle(chain);
  auto parsed = ParseCertificateBundlePem(bundle);
  ASSERT_OK(parsed);
  EXPECT_EQ(*parsed, chain);
  auto parsed_crlf = ParseCertificateBundlePem("\r\n" + bundle + "\r\n\r\n");
  ASSERT_OK(parsed_crlf);

  EXPECT_TRUE(
      FailsWith(ParseCertificateBundlePem(bundle, 2), kInvalidArgument, "more than 2 PEM blocks"));
  std::string many;
  for (int i = 0; i < 17; ++i) many += ca->cert.ToPem();
  EXPECT_TRUE(FailsWith(ParseCertificateBundlePem(many), kInvalidArgument, "more than 16"));
  EXPECT_TRUE(FailsWith(ParseCertificateBundlePem(std::string(300 * 1024, '\n')), kInvalidArgument,
                        "too large"));
  auto key_pem = ca->key.ToPkcs8Pem();
  ASSERT_OK(key_pem);
  EXPECT_TRUE(FailsWith(ParseCertificateBundlePem(ca->cert.ToPem() + std::string(key_pem->view())),
                        kInvalidArgument, "block 2 is \"PRIVATE KEY\""));
  EXPECT_TRUE(FailsWith(ParseCertificateBundlePem(""), kInvalidArgument, "no PEM block"));
  EXPECT_TRUE(FailsWith(
      ParseCertificateBundlePem(ca->cert.ToPem() + "-----BEGIN CERTIFICATE-----\nMAMCAQA=\n"
                                                   "-----END CERTIFICATE-----\n"),
      kInvalidArgument, "certificate 2 of the bundle"));
}

}  // namespace
}  // namespace palyra::crypto
