// The palyra-quic-v1 endpoints over real UDP on loopback: handshake with mTLS, framed requests
// and multi-frame answers, streams of one connection served concurrently, refusals (no client
// certificate, revoked, past the connection limit) and an unreachable server.
#include <gtest/gtest.h>

#include <atomic>
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

TEST_F(QuicEndpointTest, MalformedRequestStreamsGetStreamFailure) {
  auto server = StartServer(CountingHandler);
  ASSERT_TRUE(server);
  auto client = QuicClient::Connect("127.0.0.1", server->port(), ClientTls(true), 10s);
  ASSERT_TRUE(client.ok()) << client.status().ToString();
  const std::string oversize_header("\x00\x08\x00\x01", 4);  // 524,289: one past the limit
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"oversize length, no body", oversize_header},
      {"oversize length with a body", oversize_header + std::string(1000, 'x')},
      {"empty stream", ""},
      {"truncated header", std::string("\x00\x00", 2)},
      {"truncated payload", std::string("\x00\x00\x00\x0a", 4) + "abc"},
  };
  for (const auto& [what, raw] : cases) {
    auto stream = (*client)->OpenRawStream(raw);
    ASSERT_TRUE(stream.ok()) << what << ": " << stream.status().ToString();
    auto frame = (*stream)->Next(10s);
    ASSERT_TRUE(frame.ok()) << what << ": " << frame.status().ToString();
    ASSERT_TRUE(frame->has_value()) << what;
    EXPECT_EQ(**frame, "stream_failure") << what;
  }
  // Errors never close the connection: the next stream is served normally.
  auto after = (*client)->Request("ok", 10s);
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_EQ(after->size(), 1u);
}

TEST_F(QuicEndpointTest, AnotherAlpnIsRefusedInTheHandshake) {
  auto server = StartServer(CountingHandler);
  ASSERT_TRUE(server);
  ClientTlsOptions options;
  options.ca_pem = ca_.ToPem();
  options.server_name = "localhost";
  auto [cert, key] = Leaf(crypto::ExtendedKeyUsage::kClientAuth, false);
  options.client_certificate_chain_pem = cert;
  options.client_private_key_pem = key;
  options.alpn = "h3";
  auto h3 = ClientTlsCredentials::Create(options);
  ASSERT_TRUE(h3.ok()) << h3.status().ToString();
  auto client = QuicClient::Connect("127.0.0.1", server->port(), *h3, 3s);
  EXPECT_FALSE(client.ok()) << "a client offering only h3 was accepted";
  EXPECT_EQ(server->Stats().streams, 0u);
}

TEST_F(QuicEndpointTest, TheConnectionPastTheDefaultLimitIsRefusedAndTheOthersStay) {
  auto server = StartServer(CountingHandler);  // the default: 256
  ASSERT_TRUE(server);
  auto tls = ClientTls(true);
  std::vector<std::unique_ptr<QuicClient>> clients;
  for (size_t i = 0; i < kDefaultMaxConnections; ++i) {
    auto client = QuicClient::Connect("127.0.0.1", server->port(), tls, 10s);
    ASSERT_TRUE(client.ok()) << "connection " << i + 1 << ": " << client.status().ToString();
    clients.push_back(std::move(*client));
  }
  EXPECT_EQ(server->Stats().connections_open, kDefaultMaxConnections);
  auto refused = QuicClient::Connect("127.0.0.1", server->port(), tls, 2s);
  EXPECT_FALSE(refused.ok()) << "the 257th connection was accepted";
  EXPECT_EQ(server->Stats().connections_refused, 1u);
  EXPECT_TRUE(clients.front()->Request("first", 10s).ok());
  EXPECT_TRUE(clients.back()->Request("last", 10s).ok());
  // A slot freed by a close is taken again.
  clients.front()->Close();
  bool admitted = false;
  for (int i = 0; i < 50 && !admitted; ++i) {
    auto again = QuicClient::Connect("127.0.0.1", server->port(), tls, 2s);
    admitted = again.ok();
    if (!admitted) std::this_thread::sleep_for(50ms);
  }
  EXPECT_TRUE(admitted);
}

TEST_F(QuicEndpointTest, AClientWhoseAddressChangesKeepsItsConnection) {
  auto server = StartServer(CountingHandler);
  ASSERT_TRUE(server);
  auto client = QuicClient::Connect("127.0.0.1", server->port(), ClientTls(true), 10s);
  ASSERT_TRUE(client.ok()) << client.status().ToString();
  ASSERT_TRUE((*client)->Request("before", 10s).ok());
  for (AddressChange change : {AddressChange::kNatRebinding, AddressChange::kNetworkSwitch}) {
    const uint16_t before = (*client)->local_port();
    ASSERT_TRUE((*client)->Rebind(change).ok());
    EXPECT_NE((*client)->local_port(), before);
    // The old socket is closed: answers can only come to the new address.
    auto after = (*client)->Request("after", 10s);
    ASSERT_TRUE(after.ok()) << after.status().ToString();
    EXPECT_EQ(after->at(0).substr(0, 11), "echo:after:");
  }
  EXPECT_EQ(server->Stats().connections_open, 1u);
  EXPECT_EQ(server->Stats().handshakes_failed, 0u);
}

TEST_F(QuicEndpointTest, AStreamingAnswerIsReadAsItComesAndHeldBackByAcknowledgements) {
  constexpr uint64_t kInFlight = 64 * 1024;
  constexpr int kFrames = 20'000;
  std::atomic<uint64_t> peak{0};
  std::atomic<bool> saw_abandon{false};
  std::vector<std::thread> producers;
  std::mutex mu;
  auto server = StartServer([&](QuicRequest request, std::shared_ptr<QuicStreamWriter> writer) {
    std::lock_guard lock(mu);
    producers.emplace_back([&, writer, endless = request.payload == "endless"] {
      // A producer that stays within kInFlight unacknowledged bytes (polling, for the test).
      for (int i = 1; endless || i <= kFrames; ++i) {
        while (writer->alive() && writer->unacknowledged_bytes() >= kInFlight) {
          std::this_thread::sleep_for(100us);
        }
        if (!writer->alive()) break;
        peak = std::max(peak.load(), writer->unacknowledged_bytes());
        writer->Write(std::to_string(i) + std::string(90, '.'));
      }
      if (endless) {
        saw_abandon = !writer->alive();
      } else {
        writer->Finish();
      }
    });
  });
  ASSERT_TRUE(server);
  auto client = QuicClient::Connect("127.0.0.1", server->port(), ClientTls(true), 10s);
  ASSERT_TRUE(client.ok()) << client.status().ToString();
  auto stream = (*client)->OpenStream("frames");
  ASSERT_TRUE(stream.ok());
  int received = 0;
  while (true) {
    auto frame = (*stream)->Next(10s);
    ASSERT_TRUE(frame.ok()) << frame.status().ToString();
    if (!frame->has_value()) break;
    ++received;
    ASSERT_EQ((*frame)->substr(0, (*frame)->find('.')), std::to_string(received));
  }
  EXPECT_EQ(received, kFrames);
  EXPECT_LT(peak.load(), kInFlight + 200);
  // Abandoning a stream the server would write to forever stops its producer.
  auto endless = (*client)->OpenStream("endless");
  ASSERT_TRUE(endless.ok());
  ASSERT_TRUE((*endless)->Next(10s).ok());
  endless->reset();
  for (int i = 0; i < 200 && !saw_abandon; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_TRUE(saw_abandon) << "the server kept writing to an abandoned stream";
  (*client)->Close();
  server->Stop();
  for (auto& producer : producers) producer.join();
}

TEST_F(QuicEndpointTest, RenewedServerCredentialsServeNewHandshakesOnly) {
  auto server = StartServer(CountingHandler);
  ASSERT_TRUE(server);
  auto before = QuicClient::Connect("127.0.0.1", server->port(), ClientTls(true), 10s);
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  std::string renewed_fingerprint;
  auto [cert, key] = Leaf(crypto::ExtendedKeyUsage::kServerAuth, true, &renewed_fingerprint);
  ServerTlsOptions tls;
  tls.certificate_chain_pem = cert;
  tls.private_key_pem = key;
  tls.client_ca_pem = ca_.ToPem();
  tls.is_revoked = [](const std::string&) { return false; };
  server->SetTlsCredentials(*ServerTlsCredentials::Create(tls));
  auto after = QuicClient::Connect("127.0.0.1", server->port(), ClientTls(true), 10s);
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_EQ((*after)->server_fingerprint(), renewed_fingerprint);
  EXPECT_NE((*before)->server_fingerprint(), renewed_fingerprint);
  // The connection made before the swap carries on.
  EXPECT_TRUE((*before)->Request("still", 10s).ok());
  EXPECT_TRUE((*after)->Request("new", 10s).ok());
}

TEST_F(QuicEndpointTest, ASilentServerTimesOutAndAClosedPortFailsAtOnce) {
  // A bound socket that never answers: only the handshake timeout ends the attempt.
  asio::io_context io;
  asio::ip::udp::socket silent(io, asio::ip::udp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  auto timed_out = QuicClient::Connect("127.0.0.1", silent.local_endpoint().port(),
                                       ClientTls(true), 300ms);
  EXPECT_TRUE(
      FailsWith(timed_out, StatusCode::kDeadlineExceeded, "handshake timed out after 300ms"));
  // Nothing bound: the host's ICMP answer ends it without waiting for the timeout.
  const auto started = std::chrono::steady_clock::now();
  auto refused = QuicClient::Connect("127.0.0.1", 9, ClientTls(true), 10s);
  EXPECT_TRUE(FailsWith(refused, StatusCode::kUnavailable, "cannot reach 127.0.0.1:9/udp"));
  EXPECT_LT(std::chrono::steady_clock::now() - started, 9s);
}

}  // namespace
}  // namespace palyra::transport::quic
