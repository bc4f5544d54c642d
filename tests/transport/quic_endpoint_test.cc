// The palyra-quic-v1 endpoints over real UDP on loopback: handshake with mTLS, framed requests
// and multi-frame answers, streams of one connection served concurrently, refusals (no client
// certificate, revoked, past the connection limit) and an unreachable server.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "common/time.h"
#include "crypto/x509.h"
#include "support/status_assertions.h"
#include "transport/quic/quic_client.h"
#include "transport/quic/quic_server.h"

namespace palyra::transport::quic {
namespace {

using ::palyra::testing::FailsWith;
using namespace std::chrono_literals;

constexpr int64_t kDayMs = 24LL * 60 * 60 * 1000;

class QuicEndpointTest : public ::testing::Test {
 protected:
  crypto::P256PrivateKey ca_key_ = *crypto::P256PrivateKey::Generate();
  crypto::Certificate ca_ = *crypto::CertificateBuilder()
                                 .SetSubjectCommonName("Palyra Gateway CA")
                                 .SetValidity(NowUnixMs() - kDayMs, NowUnixMs() + 30 * kDayMs)
                                 .SetCa(0)
                                 .SelfSign(ca_key_);
  std::mutex revoked_mu_;
  std::set<std::string> revoked_;

  std::pair<std::string, std::string> Leaf(crypto::ExtendedKeyUsage eku, bool server,
                                           std::string* fingerprint = nullptr) {
    auto key = *crypto::P256PrivateKey::Generate();
    crypto::CertificateBuilder builder;
    builder.SetSubjectCommonName(server ? "palyrad-node-rpc" : "Palyra Device E")
        .SetValidity(NowUnixMs() - 60'000, NowUnixMs() + kDayMs)
        .AddExtendedKeyUsage(eku)
        .SetSubjectPublicKey(key.PublicKey());
    if (server) builder.AddDnsName("localhost");
    auto cert = *builder.Sign(ca_, ca_key_);
    if (fingerprint != nullptr) *fingerprint = cert.FingerprintSha256Hex();
    return {cert.ToPem(), std::string(key.ToPkcs8Pem()->view())};
  }

  std::unique_ptr<QuicServer> StartServer(QuicRequestHandler handler, size_t max_connections = 256) {
    auto [cert, key] = Leaf(crypto::ExtendedKeyUsage::kServerAuth, true);
    ServerTlsOptions tls;
    tls.certificate_chain_pem = cert;
    tls.private_key_pem = key;
    tls.client_ca_pem = ca_.ToPem();
    tls.is_revoked = [this](const std::string& fp) {
      std::lock_guard lock(revoked_mu_);
      return revoked_.count(fp) > 0;
    };
    QuicServerOptions options;
    options.tls = *ServerTlsCredentials::Create(tls);
    options.max_connections = max_connections;
    options.on_request = std::move(handler);
    auto server = QuicServer::Start(std::move(options));
    EXPECT_TRUE(server.ok()) << server.status().ToString();
    return server.ok() ? std::move(*server) : nullptr;
  }

  std::shared_ptr<const ClientTlsCredentials> ClientTls(bool with_cert,
                                                        std::string* fingerprint = nullptr) {
    ClientTlsOptions options;
    options.ca_pem = ca_.ToPem();
    options.server_name = "localhost";
    if (with_cert) {
      auto [cert, key] = Leaf(crypto::ExtendedKeyUsage::kClientAuth, false, fingerprint);
      options.client_certificate_chain_pem = cert;
      options.client_private_key_pem = key;
    }
    return *ClientTlsCredentials::Create(options);
  }
};

// Answers "N" with N frames "1".."N"; anything else with one frame echoing it.
void CountingHandler(QuicRequest request, std::shared_ptr<QuicStreamWriter> writer) {
  if (!request.framing.ok()) {
    writer->Write("stream_failure");
    writer->Finish();
    return;
  }
  int n = 0;
  if (!request.payload.empty() && std::all_of(request.payload.begin(), request.payload.end(),
                                              [](char c) { return c >= '0' && c <= '9'; })) {
    n = std::stoi(request.payload);
    for (int i = 1; i <= n; ++i) writer->Write(std::to_string(i));
  } else {
    writer->Write("echo:" + request.payload + ":" + request.peer_fingerprint.substr(0, 8));
  }
  writer->Finish();
}

TEST_F(QuicEndpointTest, RequestsAndMultiFrameAnswersOverUdp) {
  auto server = StartServer(CountingHandler);
  ASSERT_TRUE(server);
  std::string fingerprint;
  auto client = QuicClient::Connect("127.0.0.1", server->port(), ClientTls(true, &fingerprint), 10s);
  ASSERT_TRUE(client.ok()) << client.status().ToString();
  EXPECT_EQ((*client)->server_fingerprint().size(), 64u);

  auto echo = (*client)->Request("hello", 10s);
  ASSERT_TRUE(echo.ok()) << echo.status().ToString();
  EXPECT_EQ(*echo, std::vector<std::string>{"echo:hello:" + fingerprint.substr(0, 8)});

  auto many = (*client)->Request("500", 10s);
  ASSERT_TRUE(many.ok()) << many.status().ToString();
  ASSERT_EQ(many->size(), 500u);
  EXPECT_EQ(many->front(), "1");
  EXPECT_EQ(many->back(), "500");
  // A request of 200 KB crosses many packets and flow-control updates.
  const std::string big(200'000, 'b');
  auto large = (*client)->Request(big, 10s);
  ASSERT_TRUE(large.ok()) << large.status().ToString();
  EXPECT_EQ((*large)[0].size(), std::string("echo:").size() + big.size() + 1 + 8);

  // Far more requests than the 32-stream credit: finished streams give it back.
  for (int i = 0; i < 100; ++i) {
    auto again = (*client)->Request("again", 10s);
    ASSERT_TRUE(again.ok()) << "request " << i << ": " << again.status().ToString();
  }

  QuicServerStats stats = server->Stats();
  EXPECT_EQ(stats.connections_open, 1u);
  EXPECT_EQ(stats.streams, 103u);
  EXPECT_GT(stats.bytes_received, big.size());
}

TEST_F(QuicEndpointTest, StreamsOfOneConnectionAreServedConcurrently) {
  std::mutex mu;
  std::shared_ptr<QuicStreamWriter> held;  // the slow request's writer, answered later
  auto server = StartServer([&](QuicRequest request, std::shared_ptr<QuicStreamWriter> writer) {
    if (request.payload == "slow") {
      std::lock_guard lock(mu);
      held = writer;
      return;
    }
    writer->Write("fast");
    writer->Finish();
  });
  ASSERT_TRUE(server);
  auto client = QuicClient::Connect("127.0.0.1", server->port(), ClientTls(true), 10s);
  ASSERT_TRUE(client.ok()) << client.status().ToString();
  Result<std::vector<std::string>> slow = Unavailable("not run");
  std::thread waiter([&] { slow = (*client)->Request("slow", 10s); });
  // The fast request is answered while the slow one is still open on the same connection.
  for (int i = 0; i < 100; ++i) {
    {
      std::lock_guard lock(mu);
      if (held) break;
    }
    std::this_thread::sleep_for(10ms);
  }
  auto fast = (*client)->Request("fast", 10s);
  ASSERT_TRUE(fast.ok()) << fast.status().ToString();
  EXPECT_EQ(*fast, std::vector<std::string>{"fast"});
  {
    std::lock_guard lock(mu);
    ASSERT_TRUE(held);
    held->Write("finally");
    held->Finish();
  }
  waiter.join();
  ASSERT_TRUE(slow.ok()) << slow.status().ToString();
  EXPECT_EQ(*slow, std::vector<std::string>{"finally"});
}

TEST_F(QuicEndpointTest, ClientsWithoutAGoodCertificateGetNoAnswer) {
  auto server = StartServer(CountingHandler);
  ASSERT_TRUE(server);
  auto anonymous = QuicClient::Connect("127.0.0.1", server->port(), ClientTls(false), 3s);
  if (anonymous.ok()) {
    // TLS 1.3: the client may finish before the server judged it; no answer ever comes.
    EXPECT_FALSE((*anonymous)->Request("hello", 3s).ok());
  }
  std::string fingerprint;
  auto tls = ClientTls(true, &fingerprint);
  {
    std::lock_guard lock(revoked_mu_);
    revoked_.insert(fingerprint);
  }
  auto revoked = QuicClient::Connect("127.0.0.1", server->port(), tls, 3s);
  if (revoked.ok()) {
    EXPECT_FALSE((*revoked)->Request("hello", 3s).ok());
  }
  EXPECT_GE(server->Stats().handshakes_failed, 2u);
  EXPECT_EQ(server->Stats().streams, 0u);
}

TEST_F(QuicEndpointTest, ConnectionsPastTheLimitAreRefused) {
  auto server = StartServer(CountingHandler, /*max_connections=*/1);
  ASSERT_TRUE(server);
  auto first = QuicClient::Connect("127.0.0.1", server->port(), ClientTls(true), 10s);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  auto second = QuicClient::Connect("127.0.0.1", server->port(), ClientTls(true), 2s);
  EXPECT_FALSE(second.ok());
  EXPECT_GE(server->Stats().connections_refused, 1u);
  auto still = (*first)->Request("hello", 10s);
  EXPECT_TRUE(still.ok()) << still.status().ToString();
}

TEST_F(QuicEndpointTest, AnUnreachableServerTimesOut) {
  auto client = QuicClient::Connect("127.0.0.1", 9, ClientTls(true), 300ms);
  EXPECT_TRUE(FailsWith(client, StatusCode::kDeadlineExceeded, "handshake timed out after 300ms"));
}

}  // namespace
}  // namespace palyra::transport::quic
