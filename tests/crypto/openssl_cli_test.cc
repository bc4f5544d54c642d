// Cross-checks against an independent implementation: the `openssl` command-line tool must accept
// what we issue (and show the extensions we meant to write), and we must accept what it issues.

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "crypto/x509.h"
#include "x509_test_util.h"

namespace palyra::crypto {
namespace {

namespace fs = std::filesystem;
using testing::kDayMs;
using testing::kHourMs;
using testing::NowMs;

constexpr const char* kOpenSsl = "/usr/bin/openssl";

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buf[4096];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof(buf), pipe)) > 0) result.output.append(buf, n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

class OpenSslCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kOpenSsl)) GTEST_SKIP() << kOpenSsl << " is not installed";
    std::string pattern = (fs::temp_directory_path() / "palyra-crypto-test-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    if (!dir_.empty()) {
      std::error_code ignored;
      fs::remove_all(dir_, ignored);
    }
  }

  std::string Write(const std::string& name, std::string_view content) {
    fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }
  std::string Read(const std::string& name) {
    std::ifstream in(dir_ / name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  std::string OpenSsl(const std::string& args) { return std::string(kOpenSsl) + " " + args; }

  fs::path dir_;
};

TEST_F(OpenSslCliTest, AcceptsIssuedChainAndShowsExtensions) {
  const int64_t now = NowMs();
  auto ca_key = P256PrivateKey::Generate();
  ASSERT_OK(ca_key);
  auto ca = CertificateBuilder()
                .SetSubjectCommonName("Palyra Gateway CA")
                .SetValidity(now - kHourMs, now + 30 * kDayMs)
                .SetCa(0)
                .SelfSign(*ca_key);
  ASSERT_OK(ca);
  auto client_key = P256PrivateKey::Generate();
  ASSERT_OK(client_key);
  auto client = CertificateBuilder()
                    .SetSubjectCommonName("Palyra Device 01ARZ3NDEKTSV4RRFFQ69G5FAV")
                    .SetSubjectOrganization("Palyra")
                    .SetValidity(now - kHourMs, now + kDayMs)
                    .AddExtendedKeyUsage(ExtendedKeyUsage::kClientAuth)
                    .AddUri("urn:palyra:device:01ARZ3NDEKTSV4RRFFQ69G5FAV")
                    .SetSubjectPublicKey(client_key->PublicKey())
                    .Sign(*ca, *ca_key);
  ASSERT_OK(client);
  auto server_key = P256PrivateKey::Generate();
  ASSERT_OK(server_key);
  auto server = CertificateBuilder()
                    .SetSubjectCommonName("palyrad-node-rpc")
                    .SetValidity(now - kHourMs, now + kDayMs)
                    .AddExtendedKeyUsage(ExtendedKeyUsage::kServerAuth)
                    .AddDnsName("localhost")
                    .AddDnsName("palyrad-node-rpc")
                    .AddIpAddress("192.168.1.24")
                    .SetSubjectPublicKey(server_key->PublicKey())
                    .Sign(*ca, *ca_key);
  ASSERT_OK(server);

  const std::string ca_pem = Write("ca.pem", ca->ToPem());
  const std::string client_pem = Write("client.pem", client->ToPem());
  const std::string server_pem = Write("server.pem", server->ToPem());

  CommandResult verify_client =
      RunCommand(OpenSsl("verify -CAfile " + ca_pem + " -purpose sslclient " + client_pem));
  EXPECT_EQ(verify_client.exit_code, 0) << verify_client.output;
  EXPECT_NE(verify_client.output.find(": OK"), std::string::npos) << verify_client.output;

  CommandResult verify_server =
      RunCommand(OpenSsl("verify -CAfile " + ca_pem + " -purpose sslserver " + server_pem));
  EXPECT_EQ(verify_server.exit_code, 0) << verify_server.output;

  CommandResult wrong_purpose =
      RunCommand(OpenSsl("verify -CAfile " + ca_pem + " -purpose sslserver " + client_pem));
  EXPECT_NE(wrong_purpose.exit_code, 0) << wrong_purpose.output;

  CommandResult ca_text = RunCommand(OpenSsl("x509 -noout -text -in " + ca_pem));
  ASSERT_EQ(ca_text.exit_code, 0) << ca_text.output;
  for (const char* expected :
       {"X509v3 Basic Constraints: critical", "CA:TRUE, pathlen:0", "X509v3 Key Usage: critical",
        "Digital Signature, Certificate Sign, CRL Sign", "X509v3 Subject Key Identifier",
        "ecdsa-with-SHA256", "NIST CURVE: P-256"}) {
    EXPECT_NE(ca_text.output.find(expected), std::string::npos) << expected << "\n"
                                                                << ca_text.output;
  }

  CommandResult client_text = RunCommand(OpenSsl("x509 -noout -text -in " + client_pem));
  ASSERT_EQ(client_text.exit_code, 0) << client_text.output;
  for (const char* expected :
       {"Subject: O = Palyra, CN = Palyra Device 01ARZ3NDEKTSV4RRFFQ69G5FAV",
        "Issuer: CN = Palyra Gateway CA", "X509v3 Basic Constraints: critical", "CA:FALSE",
        "X509v3 Extended Key Usage: \n                TLS Web Client Authentication",
        "URI:urn:palyra:device:01ARZ3NDEKTSV4RRFFQ69G5FAV", "X509v3 Authority Key Identifier"}) {
    EXPECT_NE(client_text.output.find(expected), std::string::npos) << expected << "\n"
                                                                    << client_text.output;
  }
  // The CLI's fingerprint is over the DER, like ours.
  CommandResult fingerprint =
      RunCommand(OpenSsl("x509 -noout -fingerprint -sha256 -in " + client_pem));
  std::string cli_fp;
  for (char c : fingerprint.output.substr(fingerprint.output.find('=') + 1)) {
    if (std::isxdigit(static_cast<unsigned char>(c))) cli_fp += static_cast<char>(std::tolower(c));
  }
  EXPECT_EQ(cli_fp, client->FingerprintSha256Hex());

  CommandResult server_text = RunCommand(OpenSsl("x509 -noout -text -in " + server_pem));
  ASSERT_EQ(server_text.exit_code, 0) << server_text.output;
  for (const char* expected : {"TLS Web Server Authentication",
                               "DNS:localhost, DNS:palyrad-node-rpc, IP Address:192.168.1.24"}) {
    EXPECT_NE(server_text.output.find(expected), std::string::npos) << expected << "\n"
                                                                    << server_text.output;
  }
}

TEST_F(OpenSslCliTest, RejectsLeafIssuedByLeaf) {
  const int64_t now = NowMs();
  auto ca = testing::MakeCa("Palyra Gateway CA", 0, now - kHourMs, now + kDayMs);
  ASSERT_OK(ca);
  auto leaf =
      testing::MakeLeaf(*ca, "leaf", ExtendedKeyUsage::kClientAuth, now - kHourMs, now + kDayMs);
  ASSERT_OK(leaf);
  auto grandchild = testing::MakeLeaf(*leaf, "grandchild", ExtendedKeyUsage::kClientAuth,
                                      now - kHourMs, now + kDayMs);
  ASSERT_OK(grandchild);
  const std::string ca_pem = Write("ca.pem", ca->cert.ToPem());
  const std::string leaf_pem = Write("leaf.pem", leaf->cert.ToPem());
  const std::string grandchild_pem = Write("grandchild.pem", grandchild->cert.ToPem());
  CommandResult result = RunCommand(OpenSsl("verify -CAfile " + ca_pem + " -untrusted " + leaf_pem +
                                            " -purpose sslclient " + grandchild_pem));
  EXPECT_NE(result.exit_code, 0) << result.output;
}

TEST_F(OpenSslCliTest, KeyAndCsrInterop) {
  // Ours -> CLI: the PKCS#8 key and the CSR.
  auto key = P256PrivateKey::Generate();
  ASSERT_OK(key);
  auto key_pem = key->ToPkcs8Pem();
  ASSERT_OK(key_pem);
  const std::string key_path = Write("key.pem", key_pem->view());
  CommandResult key_text = RunCommand(OpenSsl("pkey -noout -text -in " + key_path));
  EXPECT_EQ(key_text.exit_code, 0) << key_text.output;
  EXPECT_NE(key_text.output.find("prime256v1"), std::string::npos) << key_text.output;

  auto csr = CsrBuilder().SetSubjectCommonName("device-side-key").Sign(*key);
  ASSERT_OK(csr);
  const std::string csr_path = Write("csr.pem", csr->ToPem());
  CommandResult csr_verify = RunCommand(OpenSsl("req -noout -verify -in " + csr_path));
  EXPECT_EQ(csr_verify.exit_code, 0) << csr_verify.output;
  EXPECT_NE(csr_verify.output.find("verify OK"), std::string::npos) << csr_verify.output;

  // CLI -> ours: a key pair and CSR made by openssl.
  const std::string cli_key = (dir_ / "cli-key.pem").string();
  const std::string cli_csr = (dir_ / "cli-csr.pem").string();
  CommandResult made =
      RunCommand(OpenSsl("req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes "
                         "-subj /CN=cli-device -keyout " +
                         cli_key + " -out " + cli_csr));
  ASSERT_EQ(made.exit_code, 0) << made.output;
  auto parsed_csr = CertificateSigningRequest::FromPem(Read("cli-csr.pem"));
  ASSERT_OK(parsed_csr);
  EXPECT_EQ(parsed_csr->SubjectCommonName(), "cli-device");
  auto parsed_key = P256PrivateKey::FromPkcs8Pem(Read("cli-key.pem"));
  ASSERT_OK(parsed_key);
  EXPECT_EQ(parsed_key->PublicKey(), parsed_csr->PublicKey());
}

TEST_F(OpenSslCliTest, VerifiesChainIssuedByTheCli) {
  const std::string ca_key = (dir_ / "ca-key.pem").string();
  const std::string ca_pem = (dir_ / "ca.pem").string();
  CommandResult made_ca = RunCommand(OpenSsl(
      "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=CLI-CA "
      "-addext basicConstraints=critical,CA:TRUE,pathlen:0 "
      "-addext keyUsage=critical,keyCertSign,cRLSign -keyout " +
      ca_key + " -out " + ca_pem));
  ASSERT_EQ(made_ca.exit_code, 0) << made_ca.output;
  const std::string leaf_key = (dir_ / "leaf-key.pem").string();
  const std::string leaf_csr = (dir_ / "leaf.csr").string();
  ASSERT_EQ(RunCommand(OpenSsl("req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes "
                               "-subj /CN=cli-leaf -keyout " +
                               leaf_key + " -out " + leaf_csr))
                .exit_code,
            0);
  const std::string ext =
      Write("ext.cnf", "extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature\n");
  const std::string leaf_pem = (dir_ / "leaf.pem").string();
  CommandResult signed_leaf =
      RunCommand(OpenSsl("x509 -req -in " + leaf_csr + " -CA " + ca_pem + " -CAkey " + ca_key +
                         " -CAcreateserial -days 1 -extfile " + ext + " -out " + leaf_pem));
  ASSERT_EQ(signed_leaf.exit_code, 0) << signed_leaf.output;

  auto ca = Certificate::FromPem(Read("ca.pem"));
  auto leaf = Certificate::FromPem(Read("leaf.pem"));
  ASSERT_OK(ca);
  ASSERT_OK(leaf);
  EXPECT_TRUE(ca->IsCa());
  EXPECT_EQ(ca->PathLength(), 0);
  EXPECT_TRUE(leaf->HasClientAuth());
  EXPECT_EQ(leaf->SubjectCommonName(), "cli-leaf");
  EXPECT_OK(VerifyCertificateChain(*leaf, {}, *ca, CertificatePurpose::kClientAuth, NowMs()));
  EXPECT_FALSE(
      VerifyCertificateChain(*leaf, {}, *ca, CertificatePurpose::kServerAuth, NowMs()).ok());
}

}  // namespace
}  // namespace palyra::crypto
