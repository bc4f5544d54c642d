// node-host.json and the identity directory: strict parsing, atomic private writes, and
// "paired" meaning material that fits together (key, certificate, device, CA).

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "common/files.h"
#include "common/time.h"
#include "common/ulid.h"
#include "crypto/p256.h"
#include "identity/store/gateway_ca.h"
#include "store/sqlite_ca_repository.h"
#include "node_host/host_config.h"
#include "node_host/host_material.h"
#include "node_host/run_loop.h"
#include "store/migrations.h"
#include "support/temp_dir.h"

namespace palyra::node_host {
namespace {

using ::testing::HasSubstr;
using palyra::testing::TempDir;

NodeHostConfig SampleConfig(const TempDir& dir) {
  NodeHostConfig config;
  config.grpc_url = "https://127.0.0.1:7444";
  config.device_id = NewUlid();
  config.poll_interval_ms = 250;
  config.identity_store_dir = dir / "identity";
  config.installed_at_unix_ms = 1'700'000'000'000;
  config.mediation.mode = MediationMode::kAllowList;
  config.mediation.allowed_url_origins = {"https://example.com"};
  config.max_concurrent_dispatches = 2;
  return config;
}

void WriteText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

TEST(NodeHostConfigTest, RoundTripsWithPrivateModes) {
  TempDir dir;
  const auto path = dir / "node-host" / "node-host.json";
  NodeHostConfig config = SampleConfig(dir);
  config.paired_at_unix_ms = 1'700'000'000'500;
  ASSERT_TRUE(WriteNodeHostConfig(path, config).ok());
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(path.parent_path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  auto read = ReadNodeHostConfig(path);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->device_id, config.device_id);
  EXPECT_EQ(read->poll_interval_ms, 250);
  EXPECT_EQ(read->paired_at_unix_ms, config.paired_at_unix_ms);
  EXPECT_EQ(read->mediation.mode, MediationMode::kAllowList);
  EXPECT_EQ(read->max_concurrent_dispatches, 2);
  // Upstream's field names are all there.
  auto json = nlohmann::json::parse(ReadFileBounded(path, 1 << 16).value());
  for (const char* key : {"schema_version", "grpc_url", "device_id", "poll_interval_ms",
                          "identity_store_dir", "installed_at_unix_ms", "paired_at_unix_ms"}) {
    EXPECT_TRUE(json.contains(key)) << key;
  }
}

TEST(NodeHostConfigTest, RefusesWhatIsNotAConfig) {
  TempDir dir;
  const auto path = dir / "node-host.json";
  EXPECT_EQ(ReadNodeHostConfig(path).status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(WriteNodeHostConfig(path, SampleConfig(dir)).ok());
  auto good = nlohmann::json::parse(ReadFileBounded(path, 1 << 16).value());
  struct Case {
    const char* key;
    nlohmann::json value;
    const char* message;
  };
  const Case cases[] = {
      {"schema_version", 2, "schema_version 2 is not supported"},
      {"device_id", "not-a-ulid", "canonical ULID"},
      {"poll_interval_ms", 5, "poll_interval_ms"},
      {"grpc_url", "ftp://x", "--grpc-url"},
      {"identity_store_dir", "relative/dir", "absolute"},
      {"mediation", nlohmann::json{{"mode", "maybe"}}, "mode"},
      {"max_concurrent_dispatches", 0, "max_concurrent_dispatches"},
      {"typo_key", true, "unknown key"},
  };
  for (const Case& c : cases) {
    nlohmann::json bad = good;
    bad[c.key] = c.value;
    WriteText(path, bad.dump());
    auto read = ReadNodeHostConfig(path);
    EXPECT_EQ(read.status().code(), StatusCode::kInvalidArgument) << c.key;
    EXPECT_THAT(std::string(read.status().message()), HasSubstr(c.message)) << c.key;
  }
  WriteText(path, "{not json");
  EXPECT_EQ(ReadNodeHostConfig(path).status().code(), StatusCode::kInvalidArgument);
}

TEST(NodeHostConfigTest, GrpcUrlIsNormalisedToHttps) {
  EXPECT_EQ(NormalizeGrpcUrl("http://127.0.0.1:7444").value(), "https://127.0.0.1:7444");
  EXPECT_EQ(NormalizeGrpcUrl("https://[::1]:9").value(), "https://[::1]:9");
  EXPECT_EQ(NormalizeGrpcUrl("https://gw.example").value(), "https://gw.example:443");
  EXPECT_FALSE(NormalizeGrpcUrl("127.0.0.1:7444").ok());
  EXPECT_FALSE(NormalizeGrpcUrl("https://gw/path").ok());
  EXPECT_FALSE(NormalizeGrpcUrl("https://u@gw:1").ok());
  EXPECT_EQ(GrpcTargetOf("https://127.0.0.1:7444").value(), "127.0.0.1:7444");
}

TEST(RotationTest, TenMinutesAheadOrHalfTheLifetime) {
  constexpr int64_t kDay = 24 * 3600 * 1000;
  EXPECT_EQ(RotationDueAtUnixMs(0, kDay, std::chrono::minutes(10)), kDay - 600'000);
  EXPECT_EQ(RotationDueAtUnixMs(1000, 61'000, std::chrono::minutes(10)), 31'000);
  EXPECT_EQ(RotationDueAtUnixMs(5000, 5000, std::chrono::minutes(10)), 5000);
}

class HostMaterialTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::OpenPalyraDatabase(dir_ / "gw.db").value();
    cas_ = std::make_unique<store::SqliteCaRepository>(*db_);
    ca_ = identity::GatewayCa::LoadOrCreate(*cas_, dir_ / "ca.key.pem", NowUnixMs()).value();
    store_ = std::make_unique<HostMaterialStore>(dir_ / "identity");
  }
  ClientMaterial Issue(const std::string& device_id) {
    auto key = crypto::P256PrivateKey::Generate().value();
    auto cert = ca_->SignDeviceCertificate(device_id, key.PublicKey(), NowUnixMs()).value();
    ClientMaterial material;
    material.certificate_pem = cert.ToPem();
    material.private_key_pem = key.ToPkcs8Pem().value();
    material.cert_expires_at_unix_ms = cert.NotAfterUnixMs();
    return material;
  }

  TempDir dir_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::SqliteCaRepository> cas_;
  std::shared_ptr<const identity::GatewayCa> ca_;
  std::unique_ptr<HostMaterialStore> store_;
};

TEST_F(HostMaterialTest, PairedMeansEverythingFitsTogether) {
  const std::string device = NewUlid();
  EXPECT_FALSE(store_->IsPaired(device));
  ClientMaterial material = Issue(device);
  // The CA must be stored first: a certificate is checked against it.
  EXPECT_FALSE(store_->SaveClient(device, material).ok());
  ASSERT_TRUE(store_->SaveCa(ca_->CertificatePem()).ok());
  ASSERT_TRUE(store_->SaveClient(device, material).ok());
  EXPECT_TRUE(store_->IsPaired(device));
  auto loaded = store_->LoadClient(device);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->certificate_pem, material.certificate_pem);
  EXPECT_GT(loaded->cert_not_before_unix_ms, 0);
  for (const auto& path : {store_->client_path(), store_->ca_path()}) {
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << path;
  }
  // Another device's view of the same files is not paired.
  EXPECT_FALSE(store_->IsPaired(NewUlid()));
}

TEST_F(HostMaterialTest, RefusesMaterialThatDoesNotFit) {
  const std::string device = NewUlid();
  ASSERT_TRUE(store_->SaveCa(ca_->CertificatePem()).ok());
  ClientMaterial mismatched = Issue(device);
  mismatched.private_key_pem = crypto::P256PrivateKey::Generate().value().ToPkcs8Pem().value();
  auto saved = store_->SaveClient(device, mismatched);
  EXPECT_THAT(std::string(saved.message()), HasSubstr("does not belong to the certificate"));
  auto other_device = store_->SaveClient(device, Issue(NewUlid()));
  EXPECT_THAT(std::string(other_device.message()), HasSubstr("not device"));
  EXPECT_FALSE(store_->SaveCa(Issue(device).certificate_pem).ok());  // a leaf is not a CA
  EXPECT_FALSE(store_->IsPaired(device));
  WriteText(store_->client_path(), "[]");
  EXPECT_EQ(store_->LoadClient(device).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(HostMaterialTest, DeleteAllRefusesTheRoot) {
  EXPECT_FALSE(HostMaterialStore("/").DeleteAll().ok());
  ASSERT_TRUE(store_->SaveCa(ca_->CertificatePem()).ok());
  ASSERT_TRUE(store_->DeleteAll().ok());
  EXPECT_FALSE(std::filesystem::exists(store_->dir()));
}

}  // namespace
}  // namespace palyra::node_host
