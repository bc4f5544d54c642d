// Gateway CA: creation and persistence, key-file checks, issued certificate contents (spec §4,
// §11.10, §12), and an independent check of the certificates with the openssl CLI.

#include "identity/store/gateway_ca.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "common/files.h"
#include "crypto/chain_verify.h"
#include "crypto/pem.h"
#include "identity_store_test_util.h"
#include "store/sqlite_ca_repository.h"

namespace palyra::identity {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::kHourMs;
using testing::kMinuteMs;

class GatewayCaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::OpenDb(db_path());
    ASSERT_NE(db_, nullptr);
    cas_ = std::make_unique<store::SqliteCaRepository>(*db_);
    auto ca = GatewayCa::LoadOrCreate(*cas_, key_path(), now_);
    ASSERT_TRUE(ca.ok()) << ca.status().ToString();
    ca_ = *ca;
  }

  std::filesystem::path db_path() const { return dir_ / "palyra.db"; }
  std::filesystem::path key_path() const { return dir_ / "gateway-ca.key.pem"; }

  testing::TempDir dir_;
  int64_t now_ = NowUnixMs();
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::SqliteCaRepository> cas_;  // on db_, so tests can wrap calls in a txn
  std::shared_ptr<const GatewayCa> ca_;
};

TEST_F(GatewayCaTest, CaCertificateHasTheRequiredShape) {
  const crypto::Certificate& ca = ca_->certificate();
  EXPECT_EQ(ca.SubjectCommonName(), "Palyra Gateway CA");
  EXPECT_EQ(ca.IssuerCommonName(), "Palyra Gateway CA");
  EXPECT_TRUE(ca.IsCa());
  EXPECT_EQ(ca.PathLength(), std::optional<int>(0));
  EXPECT_EQ(ca.IsExtensionCritical(crypto::CertificateExtension::kBasicConstraints),
            std::optional<bool>(true));
  EXPECT_EQ(ca.IsExtensionCritical(crypto::CertificateExtension::kKeyUsage),
            std::optional<bool>(true));
  const auto usage = ca.GetKeyUsage();
  ASSERT_TRUE(usage.has_value());
  EXPECT_TRUE(usage->key_cert_sign);
  EXPECT_TRUE(usage->crl_sign);
  EXPECT_TRUE(usage->digital_signature);
  EXPECT_EQ(ca.SubjectKeyId().size(), 20u);
  EXPECT_TRUE(ca.VerifySignedBy(ca).ok());
  // Finite: about ten years from now, started a little in the past.
  const int64_t ten_years_ms = kDefaultCaValidityMs;
  EXPECT_NEAR(static_cast<double>(ca.NotAfterUnixMs() - now_), static_cast<double>(ten_years_ms),
              2000.0);
  EXPECT_LT(ca.NotBeforeUnixMs(), now_);
  EXPECT_FALSE(ca.HasExtendedKeyUsage());
}

TEST_F(GatewayCaTest, KeyFileIsPrivateAndMatches) {
  struct stat st {};
  ASSERT_EQ(::stat(key_path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto key = crypto::P256PrivateKey::FromPkcs8Pem(testing::ReadFile(key_path()));
  ASSERT_TRUE(key.ok());
  EXPECT_TRUE(key->PublicKey() == *ca_->certificate().PublicKey());
  // The database holds no private key.
  EXPECT_THAT(testing::ReadFile(db_path()), ::testing::Not(HasSubstr("PRIVATE KEY")));
}

TEST_F(GatewayCaTest, ClientCertificateValidityMatchesRequest) {
  const std::string device_id = NewUlid();
  auto issued = ca_->IssueDeviceCertificate(device_id, LeafKeySource::GatewayGenerated(),
                                            now_, 3600 * 1000);
  ASSERT_TRUE(issued.ok()) << issued.status().ToString();
  const int64_t span_s =
      (issued->certificate.NotAfterUnixMs() - issued->certificate.NotBeforeUnixMs()) / 1000;
  EXPECT_GE(span_s, 3595);
  EXPECT_LE(span_s, 3605);
  EXPECT_LE(
      std::llabs(issued->expires_at_unix_ms / 1000 - issued->certificate.NotAfterUnixMs() / 1000),
      2);
  EXPECT_EQ(issued->issued_at_unix_ms, now_);
}

TEST_F(GatewayCaTest, DeviceCertificateFields) {
  const std::string device_id = NewUlid();
  auto issued =
      ca_->IssueDeviceCertificate(device_id, LeafKeySource::GatewayGenerated(), now_);
  ASSERT_TRUE(issued.ok()) << issued.status().ToString();
  const crypto::Certificate& cert = issued->certificate;
  EXPECT_EQ(cert.SubjectCommonName(), "Palyra Device " + device_id);
  EXPECT_EQ(cert.SubjectOrganization(), "Palyra");
  EXPECT_EQ(cert.IssuerCommonName(), "Palyra Gateway CA");
  EXPECT_TRUE(cert.HasClientAuth());
  EXPECT_FALSE(cert.HasServerAuth());
  EXPECT_FALSE(cert.IsCa());
  EXPECT_THAT(cert.Uris(), ElementsAre("urn:palyra:device:" + device_id));
  EXPECT_TRUE(cert.DnsNames().empty());
  EXPECT_EQ(cert.AuthorityKeyId(), ca_->certificate().SubjectKeyId());
  EXPECT_EQ(cert.SubjectKeyId().size(), 20u);
  EXPECT_LE(cert.SerialHex().size(), 32u);  // 128-bit serial
  EXPECT_GE(cert.SerialHex().size(), 16u);
  EXPECT_EQ(cert.NotAfterUnixMs() - cert.NotBeforeUnixMs(), kDefaultLeafValidityMs);
  EXPECT_EQ(issued->subject, "device:" + device_id);
  EXPECT_EQ(issued->fingerprint, cert.FingerprintSha256Hex());
  EXPECT_EQ(issued->certificate_pem, cert.ToPem());
  EXPECT_EQ(issued->sequence, 1);
  // The gateway-generated key comes back once, and it is the certified key.
  ASSERT_TRUE(issued->private_key_pem.has_value());
  auto key = crypto::P256PrivateKey::FromPkcs8Pem(issued->private_key_pem->view());
  ASSERT_TRUE(key.ok());
  EXPECT_TRUE(key->PublicKey() == *cert.PublicKey());
  EXPECT_TRUE(crypto::VerifyCertificateChain(cert, {}, ca_->certificate(),
                                             crypto::CertificatePurpose::kClientAuth, now_ + 1000)
                  .ok());
  EXPECT_FALSE(crypto::VerifyCertificateChain(cert, {}, ca_->certificate(),
                                              crypto::CertificatePurpose::kServerAuth, now_ + 1000)
                   .ok());

  // Serials are random: a second certificate for the same key material differs.
  auto second =
      ca_->IssueDeviceCertificate(device_id, LeafKeySource::GatewayGenerated(), now_);
  ASSERT_TRUE(second.ok());
  EXPECT_NE(second->certificate.SerialHex(), cert.SerialHex());
  EXPECT_EQ(second->sequence, 2);
}

TEST_F(GatewayCaTest, DeviceCertificateForCsrKeyNeverSeesThePrivateKey) {
  const std::string device_id = NewUlid();
  testing::DeviceKeyAndCsr device = testing::NewDeviceCsr(device_id);
  auto issued =
      ca_->IssueDeviceCertificate(device_id, LeafKeySource::FromCsrPem(device.csr_pem), now_);
  ASSERT_TRUE(issued.ok()) << issued.status().ToString();
  EXPECT_FALSE(issued->private_key_pem.has_value());
  EXPECT_TRUE(*issued->certificate.PublicKey() == device.key.PublicKey());

  auto by_key = ca_->IssueDeviceCertificate(
      device_id, LeafKeySource::FromPublicKey(device.key.PublicKey()), now_);
  ASSERT_TRUE(by_key.ok());
  EXPECT_FALSE(by_key->private_key_pem.has_value());
  EXPECT_TRUE(*by_key->certificate.PublicKey() == device.key.PublicKey());
}

TEST_F(GatewayCaTest, ServerCertificateSansAreDeduplicated) {
  ServerCertificateRequest request;
  request.common_name = "palyrad-node-rpc";
  request.dns_names = {"palyrad-node-rpc", "node1.lan", "NODE1.LAN", "  "};
  request.ip_addresses = {"192.168.1.24"};
  auto issued = ca_->IssueServerCertificate(request, now_);
  ASSERT_TRUE(issued.ok()) << issued.status().ToString();
  const crypto::Certificate& cert = issued->certificate;
  EXPECT_THAT(cert.DnsNames(), ElementsAre("localhost", "palyrad-node-rpc", "node1.lan"));
  EXPECT_THAT(cert.IpAddresses(), ElementsAre("192.168.1.24"));
  EXPECT_EQ(cert.SubjectCommonName(), "palyrad-node-rpc");
  EXPECT_TRUE(cert.HasServerAuth());
  EXPECT_FALSE(cert.HasClientAuth());
  EXPECT_EQ(cert.IsExtensionCritical(crypto::CertificateExtension::kSubjectAltName),
            std::optional<bool>(false));
  EXPECT_EQ(issued->subject, "server:palyrad-node-rpc");
  EXPECT_TRUE(issued->private_key_pem.has_value());
  EXPECT_TRUE(crypto::VerifyCertificateChain(cert, {}, ca_->certificate(),
                                             crypto::CertificatePurpose::kServerAuth, now_ + 1000)
                  .ok());
}

TEST_F(GatewayCaTest, IpLookingDnsNameBecomesIpSan) {
  ServerCertificateRequest request;
  request.dns_names = {"192.168.50.10", " gateway.lan ", "::1"};
  request.ip_addresses = {"192.168.50.10", "0:0::1", "10.0.0.1"};
  auto issued = ca_->IssueServerCertificate(request, now_);
  ASSERT_TRUE(issued.ok()) << issued.status().ToString();
  EXPECT_THAT(issued->certificate.DnsNames(),
              ElementsAre("localhost", "palyrad-node-rpc", "gateway.lan"));
  EXPECT_THAT(issued->certificate.IpAddresses(), ElementsAre("192.168.50.10", "::1", "10.0.0.1"));
}

TEST_F(GatewayCaTest, ServerCertificateRejectsBadInput) {
  ServerCertificateRequest request;
  request.ip_addresses = {"not-an-ip"};
  auto issued = ca_->IssueServerCertificate(request, now_);
  ASSERT_FALSE(issued.ok());
  EXPECT_EQ(issued.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(issued.status().message(), HasSubstr("not-an-ip"));

  ServerCertificateRequest blank_cn;
  blank_cn.common_name = "   ";
  EXPECT_EQ(ca_->IssueServerCertificate(blank_cn, now_).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(*ca_->Sequence(), 0);
}

TEST_F(GatewayCaTest, EveryIssuanceAdvancesThePersistedSequence) {
  EXPECT_EQ(*ca_->Sequence(), 0);
  ASSERT_TRUE(ca_->IssueDeviceCertificate(NewUlid(), {}, now_).ok());
  ASSERT_TRUE(ca_->IssueServerCertificate(ServerCertificateRequest{}, now_).ok());
  auto third = ca_->IssueDeviceCertificate(NewUlid(), {}, now_);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->sequence, 3);
  EXPECT_EQ(*ca_->Sequence(), 3);

  // Inside a caller's transaction that rolls back, the bump rolls back too.
  {
    auto txn = db_->Begin();
    ASSERT_TRUE(txn.ok());
    auto inside = ca_->IssueDeviceCertificate(NewUlid(), {}, now_);
    ASSERT_TRUE(inside.ok());
    EXPECT_EQ(inside->sequence, 4);
    ASSERT_TRUE(txn->Rollback().ok());
  }
  EXPECT_EQ(*ca_->Sequence(), 3);
  // Outside a transaction, advancing by hand is refused.
  EXPECT_EQ(cas_->AdvanceSequenceInTransaction(ca_->Fingerprint(), now_).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(GatewayCaTest, CaPersistsAcrossReopen) {
  ASSERT_TRUE(ca_->IssueDeviceCertificate(NewUlid(), {}, now_).ok());
  ASSERT_TRUE(ca_->IssueDeviceCertificate(NewUlid(), {}, now_).ok());
  const std::string pem = ca_->CertificatePem();
  cas_.reset();
  db_.reset();

  auto db = testing::OpenDb(db_path());

  store::SqliteCaRepository cas(*db);
  auto reopened = GatewayCa::LoadOrCreate(cas, key_path(), now_ + kHourMs);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  EXPECT_EQ((*reopened)->CertificatePem(), pem);
  EXPECT_EQ(*(*reopened)->Sequence(), 2);
  auto loaded = GatewayCa::Load(cas, key_path());
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ((*loaded)->CertificatePem(), pem);
  EXPECT_EQ(testing::CountRows(*db, "gateway_ca"), 1);
}

TEST_F(GatewayCaTest, LoadWithoutCaIsNotFound) {
  testing::TempDir other;
  auto db = testing::OpenDb(other / "palyra.db");
  store::SqliteCaRepository cas(*db);
  EXPECT_EQ(GatewayCa::Load(cas, other / "ca.key.pem").status().code(), StatusCode::kNotFound);
}

TEST_F(GatewayCaTest, MissingKeyFileIsRefused) {
  std::filesystem::remove(key_path());
  auto loaded = GatewayCa::LoadOrCreate(*cas_, key_path(), now_);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(loaded.status().message(), HasSubstr("is missing"));
  // Nothing was recreated behind the operator's back.
  EXPECT_FALSE(std::filesystem::exists(key_path()));
  EXPECT_EQ(testing::CountRows(*db_, "gateway_ca"), 1);
}

TEST_F(GatewayCaTest, MismatchedKeyFileIsRefused) {
  auto other = crypto::P256PrivateKey::Generate();
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(WriteFileAtomic(key_path(), other->ToPkcs8Pem()->view()).ok());
  auto loaded = GatewayCa::Load(*cas_, key_path());
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(loaded.status().message(), HasSubstr("does not match"));
}

TEST_F(GatewayCaTest, GarbageOrExposedKeyFileIsRefused) {
  const std::string good = testing::ReadFile(key_path());
  ASSERT_TRUE(
      WriteFileAtomic(key_path(), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
          .ok());
  auto garbage = GatewayCa::Load(*cas_, key_path());
  EXPECT_EQ(garbage.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(garbage.status().message(), HasSubstr("does not hold a usable key"));

  ASSERT_TRUE(WriteFileAtomic(key_path(), good, 0644).ok());
  auto exposed = GatewayCa::Load(*cas_, key_path());
  EXPECT_EQ(exposed.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(exposed.status().message(), HasSubstr("0600"));

  ASSERT_TRUE(WriteFileAtomic(key_path(), good, 0600).ok());
  EXPECT_TRUE(GatewayCa::Load(*cas_, key_path()).ok());
}

TEST_F(GatewayCaTest, LeftoverKeyWithoutCaRowIsAdoptedButGarbageIsNeverOverwritten) {
  testing::TempDir other;
  auto db = testing::OpenDb(other / "palyra.db");
  store::SqliteCaRepository cas(*db);
  auto key = crypto::P256PrivateKey::Generate();
  ASSERT_TRUE(WriteFileAtomic(other / "ca.key.pem", key->ToPkcs8Pem()->view()).ok());
  auto adopted = GatewayCa::LoadOrCreate(cas, other / "ca.key.pem", now_);
  ASSERT_TRUE(adopted.ok()) << adopted.status().ToString();
  EXPECT_TRUE(*(*adopted)->certificate().PublicKey() == key->PublicKey());

  testing::TempDir third;
  auto db3 = testing::OpenDb(third / "palyra.db");
  store::SqliteCaRepository cas3(*db3);
  ASSERT_TRUE(WriteFileAtomic(third / "ca.key.pem", "not a key").ok());
  auto refused = GatewayCa::LoadOrCreate(cas3, third / "ca.key.pem", now_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(testing::ReadFile(third / "ca.key.pem"), "not a key");
  EXPECT_EQ(testing::CountRows(*db3, "gateway_ca"), 0);
}

TEST_F(GatewayCaTest, CreatesThePrivateKeyDirectory) {
  testing::TempDir other;
  auto db = testing::OpenDb(other / "palyra.db");
  store::SqliteCaRepository cas(*db);
  const auto key = other / "identity" / "gateway-ca.key.pem";
  ASSERT_TRUE(GatewayCa::LoadOrCreate(cas, key, now_).ok());
  struct stat st {};
  ASSERT_EQ(::stat(key.parent_path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
}

TEST_F(GatewayCaTest, InvalidDeviceInputsChangeNothing) {
  auto bad_id = ca_->IssueDeviceCertificate("01hzzzzzzzzzzzzzzzzzzzzzzz", {}, now_);
  ASSERT_FALSE(bad_id.ok());
  EXPECT_EQ(bad_id.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(bad_id.status().message(), HasSubstr("device_id must be a canonical ULID"));

  auto bad_csr =
      ca_->IssueDeviceCertificate(NewUlid(), LeafKeySource::FromCsrPem("garbage"), now_);
  ASSERT_FALSE(bad_csr.ok());
  EXPECT_EQ(bad_csr.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(bad_csr.status().message(), HasSubstr("device CSR: CSR PEM is malformed"));

  // A CSR whose signature does not verify (one byte of the body flipped).
  testing::DeviceKeyAndCsr device = testing::NewDeviceCsr(NewUlid());
  auto der = crypto::CertificateSigningRequest::FromPem(device.csr_pem)->Der();
  der[der.size() - 10] ^= 0x01;
  auto tampered = ca_->IssueDeviceCertificate(
      NewUlid(), LeafKeySource::FromCsrPem(crypto::EncodePem("CERTIFICATE REQUEST", der)),
      now_);
  ASSERT_FALSE(tampered.ok());
  EXPECT_EQ(tampered.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(tampered.status().message(), HasSubstr("device CSR"));

  LeafKeySource both{device.key.PublicKey(), device.csr_pem};
  EXPECT_EQ(ca_->IssueDeviceCertificate(NewUlid(), both, now_).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ca_->IssueDeviceCertificate(NewUlid(), {}, now_, 0).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(*ca_->Sequence(), 0);
}

TEST_F(GatewayCaTest, LeavesNeverOutliveTheCaAndAnExpiredCaIssuesNothing) {
  testing::TempDir other;
  auto db = testing::OpenDb(other / "palyra.db");
  store::SqliteCaRepository cas(*db);
  GatewayCaOptions options;
  options.ca_validity_ms = 2 * kHourMs;
  auto ca = GatewayCa::LoadOrCreate(cas, other / "ca.key.pem", now_, options);
  ASSERT_TRUE(ca.ok());
  auto clamped = (*ca)->IssueDeviceCertificate(NewUlid(), {}, now_ + kHourMs);
  ASSERT_TRUE(clamped.ok());
  EXPECT_EQ(clamped->certificate.NotAfterUnixMs(), (*ca)->NotAfterUnixMs());
  auto expired = (*ca)->IssueDeviceCertificate(NewUlid(), {}, now_ + 3 * kHourMs);
  EXPECT_EQ(expired.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(*(*ca)->Sequence(), 1);
}

// ---- Independent check with the openssl CLI ----

class GatewayCaOpensslTest : public GatewayCaTest {
 protected:
  void SetUp() override {
    if (testing::OpensslPath().empty()) GTEST_SKIP() << "openssl CLI not found at configure time";
    GatewayCaTest::SetUp();
  }
  testing::ProcessResult Openssl(std::vector<std::string> args) {
    args.insert(args.begin(), testing::OpensslPath());
    return testing::RunProcess(args, dir_ / "openssl.out");
  }
};

TEST_F(GatewayCaOpensslTest, ClientCertificateVerifiesAsSslClientOnly) {
  const std::string device_id = NewUlid();
  // openssl verifies at the current time; issue "now".
  auto issued =
      ca_->IssueDeviceCertificate(device_id, LeafKeySource::GatewayGenerated(), NowUnixMs());
  ASSERT_TRUE(issued.ok());
  testing::WriteFile(dir_ / "ca.pem", ca_->CertificatePem());
  testing::WriteFile(dir_ / "leaf.pem", issued->certificate_pem);
  const std::string ca_pem = (dir_ / "ca.pem").string();
  const std::string leaf_pem = (dir_ / "leaf.pem").string();

  auto client = Openssl({"verify", "-CAfile", ca_pem, "-purpose", "sslclient", leaf_pem});
  EXPECT_EQ(client.exit_code, 0) << client.output;
  EXPECT_THAT(client.output, HasSubstr(": OK"));
  auto server = Openssl({"verify", "-CAfile", ca_pem, "-purpose", "sslserver", leaf_pem});
  EXPECT_NE(server.exit_code, 0) << server.output;

  auto ca_text = Openssl({"x509", "-text", "-noout", "-in", ca_pem});
  ASSERT_EQ(ca_text.exit_code, 0) << ca_text.output;
  EXPECT_THAT(ca_text.output, HasSubstr("CA:TRUE, pathlen:0"));
  EXPECT_THAT(ca_text.output, HasSubstr("Certificate Sign, CRL Sign"));
  EXPECT_THAT(ca_text.output, HasSubstr("Subject: CN = Palyra Gateway CA"));
  EXPECT_THAT(ca_text.output, HasSubstr("X509v3 Subject Key Identifier"));

  auto leaf_text = Openssl({"x509", "-text", "-noout", "-in", leaf_pem});
  ASSERT_EQ(leaf_text.exit_code, 0) << leaf_text.output;
  EXPECT_THAT(leaf_text.output, HasSubstr("TLS Web Client Authentication"));
  EXPECT_THAT(leaf_text.output, ::testing::Not(HasSubstr("TLS Web Server Authentication")));
  EXPECT_THAT(leaf_text.output, HasSubstr("URI:urn:palyra:device:" + device_id));
  EXPECT_THAT(leaf_text.output, HasSubstr("CN = Palyra Device " + device_id));
  EXPECT_THAT(leaf_text.output, HasSubstr("O = Palyra"));
  EXPECT_THAT(leaf_text.output, HasSubstr("X509v3 Authority Key Identifier"));
  EXPECT_THAT(leaf_text.output, HasSubstr("CA:FALSE"));
  EXPECT_THAT(leaf_text.output, HasSubstr("Not Before"));
  EXPECT_THAT(leaf_text.output, HasSubstr("Not After"));

  // The validity openssl reads spans 24 h.
  auto dates = Openssl(
      {"x509", "-noout", "-startdate", "-enddate", "-dateopt", "iso_8601", "-in", leaf_pem});
  ASSERT_EQ(dates.exit_code, 0) << dates.output;
  const auto parse = [&](const std::string& key) -> int64_t {
    const size_t at = dates.output.find(key + "=");
    if (at == std::string::npos) return -1;
    const size_t end = dates.output.find('\n', at);
    std::string value = dates.output.substr(at + key.size() + 1, end - at - key.size() - 1);
    // "2024-05-06 07:08:09Z" -> RFC 3339
    std::replace(value.begin(), value.end(), ' ', 'T');
    auto ms = ParseRfc3339Ms(value);
    return ms.ok() ? *ms : -1;
  };
  const int64_t not_before = parse("notBefore");
  const int64_t not_after = parse("notAfter");
  ASSERT_GT(not_before, 0) << dates.output;
  EXPECT_EQ(not_after - not_before, kDefaultLeafValidityMs);
  EXPECT_EQ(not_after, issued->expires_at_unix_ms);
}

TEST_F(GatewayCaOpensslTest, ServerCertificateVerifiesAsSslServer) {
  ServerCertificateRequest request;
  request.dns_names = {"node1.lan"};
  request.ip_addresses = {"192.168.1.24"};
  auto issued = ca_->IssueServerCertificate(request, NowUnixMs());
  ASSERT_TRUE(issued.ok());
  testing::WriteFile(dir_ / "ca.pem", ca_->CertificatePem());
  testing::WriteFile(dir_ / "server.pem", issued->certificate_pem);
  auto verify = Openssl({"verify", "-CAfile", (dir_ / "ca.pem").string(), "-purpose", "sslserver",
                         "-verify_hostname", "palyrad-node-rpc", (dir_ / "server.pem").string()});
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  auto verify_ip =
      Openssl({"verify", "-CAfile", (dir_ / "ca.pem").string(), "-purpose", "sslserver",
               "-verify_ip", "192.168.1.24", (dir_ / "server.pem").string()});
  EXPECT_EQ(verify_ip.exit_code, 0) << verify_ip.output;
  auto text = Openssl({"x509", "-text", "-noout", "-in", (dir_ / "server.pem").string()});
  EXPECT_THAT(text.output, HasSubstr("TLS Web Server Authentication"));
  EXPECT_THAT(
      text.output,
      HasSubstr("DNS:localhost, DNS:palyrad-node-rpc, DNS:node1.lan, IP Address:192.168.1.24"));
  // The gateway-generated server key is the certified one (openssl's own check).
  testing::WriteFile(dir_ / "server.key", std::string(issued->private_key_pem->view()));
  auto pub_cert = Openssl({"x509", "-noout", "-pubkey", "-in", (dir_ / "server.pem").string()});
  auto pub_key = Openssl({"pkey", "-pubout", "-in", (dir_ / "server.key").string()});
  EXPECT_EQ(pub_cert.output, pub_key.output);
}

}  // namespace
}  // namespace palyra::identity
