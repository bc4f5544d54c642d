// QUIC v1 over ngtcp2 with the GnuTLS policy: a real client and server connection exchanging
// datagrams in memory (no sockets), through the handshake, a framed request and its answer on a
// bidirectional stream, and the refusals of a bad client certificate.
#include "transport/quic/quic_connection.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include "common/time.h"
#include "crypto/x509.h"
#include "transport/quic/frame_codec.h"

namespace palyra::transport::quic {
namespace {

constexpr int64_t kDayMs = 24LL * 60 * 60 * 1000;

sockaddr_storage Loopback(uint16_t port) {
  sockaddr_storage out{};
  auto* in = reinterpret_cast<sockaddr_in*>(&out);
  in->sin_family = AF_INET;
  in->sin_port = htons(port);
  in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return out;
}

DatagramPath PathFrom(uint16_t local, uint16_t remote) {
  DatagramPath path;
  path.local = Loopback(local);
  path.local_len = sizeof(sockaddr_in);
  path.remote = Loopback(remote);
  path.remote_len = sizeof(sockaddr_in);
  return path;
}

struct Pki {
  crypto::P256PrivateKey ca_key = *crypto::P256PrivateKey::Generate();
  crypto::Certificate ca = Ca();
  crypto::Certificate Ca() {
    const int64_t now = NowUnixMs();
    return *crypto::CertificateBuilder()
                .SetSubjectCommonName("Palyra Gateway CA")
                .SetValidity(now - kDayMs, now + 30 * kDayMs)
                .SetCa(0)
                .SelfSign(ca_key);
  }
  std::pair<std::string, std::string> Leaf(crypto::ExtendedKeyUsage eku, bool dns) {
    const int64_t now = NowUnixMs();
    auto key = *crypto::P256PrivateKey::Generate();
    crypto::CertificateBuilder builder;
    builder.SetSubjectCommonName(dns ? "palyrad-node-rpc" : "Palyra Device D")
        .SetValidity(now - 60'000, now + kDayMs)
        .AddExtendedKeyUsage(eku)
        .SetSubjectPublicKey(key.PublicKey());
    if (dns) builder.AddDnsName("localhost");
    auto cert = builder.Sign(ca, ca_key);
    return {cert->ToPem(), std::string(key.ToPkcs8Pem()->view())};
  }
};

class QuicConnectionTest : public ::testing::Test {
 protected:
  Pki pki_;
  std::set<std::string> revoked_;

  std::shared_ptr<const ServerTlsCredentials> ServerTls() {
    auto [cert, key] = pki_.Leaf(crypto::ExtendedKeyUsage::kServerAuth, true);
    ServerTlsOptions options;
    options.certificate_chain_pem = cert;
    options.private_key_pem = key;
    options.client_ca_pem = pki_.ca.ToPem();
    options.is_revoked = [this](const std::string& fp) { return revoked_.count(fp) > 0; };
    return *ServerTlsCredentials::Create(options);
  }
  std::shared_ptr<const ClientTlsCredentials> ClientTls(bool with_cert,
                                                        std::string* fingerprint = nullptr) {
    ClientTlsOptions options;
    options.ca_pem = pki_.ca.ToPem();
    options.server_name = "localhost";
    if (with_cert) {
      auto [cert, key] = pki_.Leaf(crypto::ExtendedKeyUsage::kClientAuth, false);
      options.client_certificate_chain_pem = cert;
      options.client_private_key_pem = key;
      if (fingerprint != nullptr) *fingerprint = crypto::Certificate::FromPem(cert)->FingerprintSha256Hex();
    }
    return *ClientTlsCredentials::Create(options);
  }
};

// Moves datagrams both ways until nothing is left in flight (or `rounds` run out).
struct Link {
  QuicConnection* client;
  std::unique_ptr<QuicConnection>* server;  // created from the first client datagram
  std::shared_ptr<const ServerTlsCredentials> server_tls;
  QuicConnection::Handlers server_handlers;
  Status server_error;
  Status client_error;

  void Pump(int rounds = 200) {
    for (int i = 0; i < rounds; ++i) {
      const uint64_t now = MonotonicNowNs();
      std::vector<Datagram> to_server;
      std::vector<Datagram> to_client;
      (void)client->Flush(to_server, now);
      for (Datagram& d : to_server) {
        d.path = PathFrom(7444, 40000);
        if (!*server) {
          auto accepted = QuicConnection::AcceptServer(server_tls, d, server_handlers, now);
          ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
          *server = std::move(*accepted);
        }
        if (Status s = (*server)->Receive(d, now); !s.ok() && server_error.ok()) server_error = s;
      }
      if (*server) (void)(*server)->Flush(to_client, now);
      for (Datagram& d : to_client) {
        d.path = PathFrom(40000, 7444);
        if (Status s = client->Receive(d, now); !s.ok() && client_error.ok()) client_error = s;
      }
      if (std::getenv("PALYRA_QUIC_TEST_TRACE") != nullptr) {
        std::fprintf(stderr, "round %d: %zu to server, %zu to client\n", i, to_server.size(),
                     to_client.size());
      }
      if (!to_server.empty() || !to_client.empty()) continue;
      // Nothing in flight: ngtcp2 may be pacing or waiting for a timer. Sleep until the nearest
      // one if it is close; otherwise the exchange is over.
      uint64_t expiry = client->ExpiryNs();
      if (*server) expiry = std::min(expiry, (*server)->ExpiryNs());
      const uint64_t after = MonotonicNowNs();
      if (expiry > after + 100'000'000ULL) return;
      if (expiry > after) std::this_thread::sleep_for(std::chrono::nanoseconds(expiry - after));
      const uint64_t woke = MonotonicNowNs();
      if (client->ExpiryNs() <= woke) (void)client->OnTimer(woke);
      if (*server && (*server)->ExpiryNs() <= woke) (void)(*server)->OnTimer(woke);
    }
  }
};

TEST_F(QuicConnectionTest, HandshakeThenAFramedRequestAndItsAnswer) {
  std::string client_fingerprint;
  auto client_tls = ClientTls(true, &client_fingerprint);
  std::string received_by_client;
  bool client_fin = false;
  QuicConnection::Handlers client_handlers;
  client_handlers.on_stream_data = [&](int64_t, std::span<const uint8_t> data, bool fin) {
    received_by_client.append(reinterpret_cast<const char*>(data.data()), data.size());
    client_fin = client_fin || fin;
  };
  auto client = QuicConnection::ConnectClient(client_tls, PathFrom(40000, 7444), client_handlers,
                                              MonotonicNowNs());
  ASSERT_TRUE(client.ok()) << client.status().ToString();

  std::unique_ptr<QuicConnection> server;
  std::map<int64_t, FrameReader> requests;
  Link link{client->get(), &server, ServerTls(), {}, Status::Ok(), Status::Ok()};
  link.server_handlers.on_stream_data = [&](int64_t stream_id, std::span<const uint8_t> data,
                                            bool /*fin*/) {
    FrameReader& reader = requests[stream_id];
    reader.Consume(data);
    if (auto frame = reader.TakeFrame()) {
      std::string reply;
      ASSERT_TRUE(AppendFrame("answer to " + *frame, reply).ok());
      ASSERT_TRUE(server->Send(stream_id, reply, /*fin=*/true).ok());
    }
  };
  link.Pump();
  ASSERT_TRUE(link.server_error.ok()) << link.server_error.ToString();
  ASSERT_TRUE(link.client_error.ok()) << link.client_error.ToString();
  ASSERT_TRUE(server);
  EXPECT_TRUE((*client)->handshake_completed());
  EXPECT_TRUE(server->handshake_completed());
  EXPECT_TRUE(CheckNegotiatedAlpn((*client)->tls_session()).ok());
  auto peer = PeerCertificateFingerprint(server->tls_session());
  ASSERT_TRUE(peer.ok());
  EXPECT_EQ(*peer, client_fingerprint);

  // A request larger than one datagram, to cross packet boundaries.
  const std::string body = R"({"protocol_version":1,"method":"node.health","pad":")" +
                           std::string(5000, 'x') + "\"}";
  std::string request;
  ASSERT_TRUE(AppendFrame(body, request).ok());
  auto stream = (*client)->OpenStream();
  ASSERT_TRUE(stream.ok()) << stream.status().ToString();
  ASSERT_TRUE((*client)->Send(*stream, request, /*fin=*/true).ok());
  link.Pump();
  ASSERT_TRUE(link.server_error.ok()) << link.server_error.ToString();
  EXPECT_TRUE(client_fin);
  FrameReader answer;
  answer.Consume(received_by_client);
  EXPECT_EQ(answer.TakeFrame(), "answer to " + body);
  EXPECT_TRUE(answer.Finish().ok());

  // An application close reaches the server.
  ASSERT_TRUE((*client)->Close(0, "test complete", MonotonicNowNs()).ok());
  link.Pump();
  EXPECT_FALSE(link.server_error.ok());  // the server saw the close and is draining
}

TEST_F(QuicConnectionTest, ClientsWithoutAGoodCertificateNeverGetThrough) {
  for (int variant = 0; variant < 2; ++variant) {
    std::string fingerprint;
    auto client_tls = ClientTls(/*with_cert=*/variant == 1, &fingerprint);
    if (variant == 1) revoked_.insert(fingerprint);
    auto client = QuicConnection::ConnectClient(client_tls, PathFrom(40000, 7444), {},
                                                MonotonicNowNs());
    ASSERT_TRUE(client.ok());
    std::unique_ptr<QuicConnection> server;
    Link link{client->get(), &server, ServerTls(), {}, Status::Ok(), Status::Ok()};
    link.Pump();
    ASSERT_TRUE(server);
    EXPECT_FALSE(server->handshake_completed()) << (variant == 0 ? "no cert" : "revoked");
    EXPECT_FALSE(link.server_error.ok());
    EXPECT_TRUE(server->closed());
    // The client learns it from the server's CONNECTION_CLOSE.
    EXPECT_FALSE(link.client_error.ok()) << (variant == 0 ? "no cert" : "revoked");
  }
}

}  // namespace
}  // namespace palyra::transport::quic
