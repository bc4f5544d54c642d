// The palyra-quic-v1 TLS policy, exercised with real TLS 1.3 handshakes between GnuTLS sessions
// over an in-memory transport: client-certificate checks (chain, EKU, validity, revocation),
// ALPN, and the server checks a client makes.
#include "transport/quic/tls_policy.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <string>

#include "common/time.h"
#include "crypto/hash.h"
#include "crypto/x509.h"
#include "support/status_assertions.h"

namespace palyra::transport::quic {
namespace {

using ::palyra::testing::FailsWith;

constexpr int64_t kDayMs = 24LL * 60 * 60 * 1000;

struct Issued {
  std::string cert_pem;
  std::string key_pem;
  std::string fingerprint;
};

struct Pki {
  crypto::P256PrivateKey ca_key = *crypto::P256PrivateKey::Generate();
  crypto::Certificate ca;
  std::string ca_pem;

  explicit Pki(const std::string& name) : ca(MakeCa(name)) { ca_pem = ca.ToPem(); }

  crypto::Certificate MakeCa(const std::string& name) {
    const int64_t now = NowUnixMs();
    return *crypto::CertificateBuilder()
                .SetSubjectCommonName(name)
                .SetValidity(now - kDayMs, now + 30 * kDayMs)
                .SetCa(0)
                .SelfSign(ca_key);
  }

  Issued Leaf(const std::string& cn, crypto::ExtendedKeyUsage eku,
              std::optional<std::string> dns = std::nullopt, int64_t not_before_offset = -60'000,
              int64_t not_after_offset = kDayMs) {
    const int64_t now = NowUnixMs();
    auto key = *crypto::P256PrivateKey::Generate();
    crypto::CertificateBuilder builder;
    builder.SetSubjectCommonName(cn)
        .SetValidity(now + not_before_offset, now + not_after_offset)
        .AddExtendedKeyUsage(eku)
        .SetSubjectPublicKey(key.PublicKey());
    if (dns) builder.AddDnsName(*dns);
    auto cert = builder.Sign(ca, ca_key);
    EXPECT_TRUE(cert.ok()) << cert.status().ToString();
    return {cert->ToPem(), std::string(key.ToPkcs8Pem()->view()), cert->FingerprintSha256Hex()};
  }
};

// Two sessions joined by in-memory byte queues.
struct Pipe {
  std::deque<unsigned char> to_server, to_client;
};
struct End {
  std::deque<unsigned char>* in;
  std::deque<unsigned char>* out;
  gnutls_session_t session;
};

ssize_t Push(gnutls_transport_ptr_t ptr, const void* data, size_t size) {
  auto* end = static_cast<End*>(ptr);
  const auto* bytes = static_cast<const unsigned char*>(data);
  end->out->insert(end->out->end(), bytes, bytes + size);
  return static_cast<ssize_t>(size);
}

ssize_t Pull(gnutls_transport_ptr_t ptr, void* data, size_t size) {
  auto* end = static_cast<End*>(ptr);
  if (end->in->empty()) {
    gnutls_transport_set_errno(end->session, EAGAIN);
    return -1;
  }
  size_t n = std::min(size, end->in->size());
  std::copy_n(end->in->begin(), n, static_cast<unsigned char*>(data));
  end->in->erase(end->in->begin(), end->in->begin() + static_cast<std::ptrdiff_t>(n));
  return static_cast<ssize_t>(n);
}

struct Outcome {
  int server_rc = GNUTLS_E_AGAIN;
  int client_rc = GNUTLS_E_AGAIN;
  bool ok() const { return server_rc == 0 && client_rc == 0; }
};

Outcome Handshake(gnutls_session_t server, gnutls_session_t client) {
  Pipe pipe;
  End server_end{&pipe.to_server, &pipe.to_client, server};
  End client_end{&pipe.to_client, &pipe.to_server, client};
  for (auto* end : {&server_end, &client_end}) {
    gnutls_transport_set_ptr(end->session, end);
    gnutls_transport_set_push_function(end->session, Push);
    gnutls_transport_set_pull_function(end->session, Pull);
  }
  Outcome outcome;
  for (int round = 0; round < 50; ++round) {
    if (outcome.client_rc != 0 && !gnutls_error_is_fatal(outcome.client_rc)) {
      outcome.client_rc = gnutls_handshake(client);
    }
    if (outcome.server_rc != 0 && !gnutls_error_is_fatal(outcome.server_rc)) {
      outcome.server_rc = gnutls_handshake(server);
    }
    const bool client_done = outcome.client_rc == 0 || gnutls_error_is_fatal(outcome.client_rc);
    const bool server_done = outcome.server_rc == 0 || gnutls_error_is_fatal(outcome.server_rc);
    if (client_done && server_done) break;
    // One side failed: the other cannot finish either; stop once nothing is in flight.
    if ((client_done || server_done) && pipe.to_server.empty() && pipe.to_client.empty()) break;
  }
  return outcome;
}

class TlsPolicyTest : public ::testing::Test {
 protected:
  Pki pki_{"Palyra Gateway CA"};
  Issued server_ = pki_.Leaf("palyrad-node-rpc", crypto::ExtendedKeyUsage::kServerAuth,
                             "localhost");
  std::set<std::string> revoked_;

  std::shared_ptr<const ServerTlsCredentials> Server(bool require_client_cert = true) {
    ServerTlsOptions options;
    options.certificate_chain_pem = server_.cert_pem + pki_.ca_pem;
    options.private_key_pem = server_.key_pem;
    options.client_ca_pem = pki_.ca_pem;
    options.require_client_certificate = require_client_cert;
    options.is_revoked = [this](const std::string& fp) { return revoked_.count(fp) > 0; };
    auto created = ServerTlsCredentials::Create(options);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return *created;
  }
  std::shared_ptr<const ClientTlsCredentials> Client(const Issued* identity,
                                                     const std::string& server_name = "localhost",
                                                     const std::string* ca_pem = nullptr) {
    ClientTlsOptions options;
    options.ca_pem = ca_pem ? *ca_pem : pki_.ca_pem;
    options.server_name = server_name;
    if (identity != nullptr) {
      options.client_certificate_chain_pem = identity->cert_pem;
      options.client_private_key_pem = identity->key_pem;
    }
    auto created = ClientTlsCredentials::Create(options);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return *created;
  }
  Outcome Run(const ServerTlsCredentials& server, const ClientTlsCredentials& client,
              std::string* peer_fingerprint = nullptr) {
    auto s = server.NewSession();
    auto c = client.NewSession();
    EXPECT_TRUE(s.ok() && c.ok());
    Outcome outcome = Handshake(s->get(), c->get());
    if (outcome.ok()) {
      EXPECT_TRUE(CheckNegotiatedAlpn(s->get()).ok());
      EXPECT_TRUE(CheckNegotiatedAlpn(c->get()).ok());
      EXPECT_EQ(gnutls_protocol_get_version(s->get()), GNUTLS_TLS1_3);
      if (peer_fingerprint != nullptr) {
        auto fp = PeerCertificateFingerprint(s->get());
        if (fp.ok()) *peer_fingerprint = *fp;
      }
    }
    return outcome;
  }
};

TEST_F(TlsPolicyTest, ValidDeviceCertificateCompletesTheHandshake) {
  Issued device = pki_.Leaf("Palyra Device 01ARZ3NDEKTSV4RRFFQ69G5FAV",
                            crypto::ExtendedKeyUsage::kClientAuth);
  std::string fingerprint;
  Outcome outcome = Run(*Server(), *Client(&device), &fingerprint);
  EXPECT_TRUE(outcome.ok()) << gnutls_strerror(outcome.server_rc) << " / "
                            << gnutls_strerror(outcome.client_rc);
  EXPECT_EQ(fingerprint, device.fingerprint);
}

TEST_F(TlsPolicyTest, ServerRefusesClientsWithoutAGoodCertificate) {
  auto server = Server();
  EXPECT_FALSE(Run(*server, *Client(nullptr)).ok()) << "no client certificate";

  Pki foreign("Someone Else's CA");
  Issued stranger = foreign.Leaf("Palyra Device X", crypto::ExtendedKeyUsage::kClientAuth);
  EXPECT_FALSE(Run(*server, *Client(&stranger)).ok()) << "foreign CA";

  Issued server_only = pki_.Leaf("Palyra Device Y", crypto::ExtendedKeyUsage::kServerAuth);
  EXPECT_FALSE(Run(*server, *Client(&server_only)).ok()) << "serverAuth-only as a client";

  Issued expired = pki_.Leaf("Palyra Device Z", crypto::ExtendedKeyUsage::kClientAuth,
                             std::nullopt, -2 * kDayMs, -kDayMs);
  EXPECT_FALSE(Run(*server, *Client(&expired)).ok()) << "expired";
}

TEST_F(TlsPolicyTest, RevocationIsCheckedOnEveryHandshake) {
  auto server = Server();
  Issued device = pki_.Leaf("Palyra Device R", crypto::ExtendedKeyUsage::kClientAuth);
  auto client = Client(&device);
  EXPECT_TRUE(Run(*server, *client).ok());
  revoked_.insert(device.fingerprint);  // the same credentials, a later handshake
  EXPECT_FALSE(Run(*server, *client).ok());
  revoked_.clear();
  EXPECT_TRUE(Run(*server, *client).ok());
}

TEST_F(TlsPolicyTest, ClientChecksTheServer) {
  Issued device = pki_.Leaf("Palyra Device C", crypto::ExtendedKeyUsage::kClientAuth);
  auto server = Server();
  EXPECT_FALSE(Run(*server, *Client(&device, "other.example")).ok()) << "wrong name";
  Pki foreign("Another CA");
  EXPECT_FALSE(Run(*server, *Client(&device, "localhost", &foreign.ca_pem)).ok())
      << "untrusted server";
  // A clientAuth-only certificate on the server side is refused by the client.
  Issued wrong_purpose =
      pki_.Leaf("palyrad-node-rpc", crypto::ExtendedKeyUsage::kClientAuth, "localhost");
  ServerTlsOptions options;
  options.certificate_chain_pem = wrong_purpose.cert_pem;
  options.private_key_pem = wrong_purpose.key_pem;
  options.require_client_certificate = false;
  auto misconfigured = ServerTlsCredentials::Create(options);
  ASSERT_TRUE(misconfigured.ok());
  EXPECT_FALSE(Run(**misconfigured, *Client(nullptr)).ok());
}

TEST_F(TlsPolicyTest, OnlyOurAlpnIsAccepted) {
  auto server = Server(/*require_client_cert=*/false);
  auto client = Client(nullptr);
  EXPECT_TRUE(Run(*server, *client).ok());
  // A plain TLS 1.3 client of our own making, offering `alpn` (or nothing).
  auto raw_client = [&](const char* alpn) {
    gnutls_session_t c = nullptr;
    EXPECT_EQ(gnutls_init(&c, GNUTLS_CLIENT), 0);
    EXPECT_EQ(gnutls_priority_set_direct(c, "NORMAL:-VERS-ALL:+VERS-TLS1.3", nullptr), 0);
    gnutls_certificate_credentials_t creds = nullptr;
    gnutls_certificate_allocate_credentials(&creds);
    gnutls_credentials_set(c, GNUTLS_CRD_CERTIFICATE, creds);
    if (alpn != nullptr) {
      gnutls_datum_t proto{reinterpret_cast<unsigned char*>(const_cast<char*>(alpn)),
                           static_cast<unsigned>(std::strlen(alpn))};
      EXPECT_EQ(gnutls_alpn_set_protocols(c, &proto, 1, 0), 0);
    }
    return std::make_pair(UniqueSession(c), creds);
  };
  {
    // The same raw client offering our ALPN gets through: the refusals below are about ALPN.
    auto s = server->NewSession();
    ASSERT_TRUE(s.ok());
    auto [c, creds] = raw_client("palyra-quic-v1");
    EXPECT_TRUE(Handshake(s->get(), c.get()).ok());
    c.reset();
    gnutls_certificate_free_credentials(creds);
  }
  for (const char* alpn : {"h3", static_cast<const char*>(nullptr)}) {
    auto s = server->NewSession();
    ASSERT_TRUE(s.ok());
    auto [c, creds] = raw_client(alpn);
    Outcome outcome = Handshake(s->get(), c.get());
    EXPECT_FALSE(outcome.ok()) << (alpn ? alpn : "no ALPN");
    EXPECT_TRUE(gnutls_error_is_fatal(outcome.server_rc)) << gnutls_strerror(outcome.server_rc);
    c.reset();
    gnutls_certificate_free_credentials(creds);
  }
}

TEST_F(TlsPolicyTest, ConfigurationErrorsNameTheField) {
  ServerTlsOptions options;
  options.certificate_chain_pem = server_.cert_pem;
  options.private_key_pem = "not a key";
  options.client_ca_pem = pki_.ca_pem;
  options.is_revoked = [](const std::string&) { return false; };
  EXPECT_TRUE(FailsWith(ServerTlsCredentials::Create(options), StatusCode::kInvalidArgument,
                        "server certificate and key"));
  options.private_key_pem = server_.key_pem;
  options.client_ca_pem = "";
  EXPECT_TRUE(FailsWith(ServerTlsCredentials::Create(options), StatusCode::kInvalidArgument,
                        "client CA PEM is empty"));
  options.client_ca_pem = pki_.ca_pem;
  options.is_revoked = nullptr;
  EXPECT_TRUE(FailsWith(ServerTlsCredentials::Create(options), StatusCode::kInvalidArgument,
                        "revocation check"));
  // Another device's key with this device's certificate.
  Issued a = pki_.Leaf("A", crypto::ExtendedKeyUsage::kClientAuth);
  Issued b = pki_.Leaf("B", crypto::ExtendedKeyUsage::kClientAuth);
  ClientTlsOptions client;
  client.ca_pem = pki_.ca_pem;
  client.server_name = "localhost";
  client.client_certificate_chain_pem = a.cert_pem;
  client.client_private_key_pem = b.key_pem;
  EXPECT_TRUE(FailsWith(ClientTlsCredentials::Create(client), StatusCode::kInvalidArgument,
                        "client certificate and key"));
  client.client_private_key_pem = "";
  EXPECT_TRUE(FailsWith(ClientTlsCredentials::Create(client), StatusCode::kInvalidArgument,
                        "both the client certificate and its private key"));
  client.client_certificate_chain_pem = "";
  client.server_name = "";
  EXPECT_TRUE(FailsWith(ClientTlsCredentials::Create(client), StatusCode::kInvalidArgument,
                        "server name"));
}

}  // namespace
}  // namespace palyra::transport::quic
