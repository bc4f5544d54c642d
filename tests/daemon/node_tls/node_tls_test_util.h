#pragma once
// Shared by the node TLS tests: a state dir with a real database, gateway CA, device registry and
// revocation index; client certificates of every kind (paired, foreign CA, expired, serverAuth
// only, unpaired); and a probe server on 127.0.0.1:0 that reports what it learnt about a caller.

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <thread>

#include "support/temp_dir.h"
#include "common/time.h"
#include "common/ulid.h"
#include "crypto/ed25519.h"
#include "crypto/hash.h"
#include "crypto/p256.h"
#include "daemon/node_tls/certificate_binding.h"
#include "node_protocol/channel_credentials.h"
#include "daemon/node_tls/peer_identity.h"
#include "daemon/node_tls/server_certificates.h"
#include "daemon/node_tls/server_credentials.h"
#include "identity/store/device_registry.h"
#include "identity/store/gateway_ca.h"
#include "identity/store/revocation_index.h"
#include "support/identity_stores.h"
#include "proto/probe.grpc.pb.h"
#include "store/migrations.h"

namespace palyra::daemon::node_tls {
// The node channel's client half lives in the node contract library.
using node_protocol::CreateNodeChannel;
using node_protocol::MakeNodeChannelCredentials;
using node_protocol::NodeChannelCredentials;
using node_protocol::NodeClientTlsOptions;
}  // namespace palyra::daemon::node_tls

namespace palyra::daemon::node_tls::testing {

inline constexpr int64_t kMinuteMs = int64_t{60} * 1000;
inline constexpr int64_t kHourMs = 60 * kMinuteMs;

using ::palyra::testing::TempDir;

// Polls `condition` until it holds or a generous bound passes; never asserts on how long it took.
inline bool Eventually(const std::function<bool()>& condition,
                       std::chrono::milliseconds bound = std::chrono::seconds(30)) {
  const auto give_up = std::chrono::steady_clock::now() + bound;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

// Independent of Certificate::FingerprintSha256Hex: SHA-256 over the DER bytes.
inline std::string Sha256HexOfDer(const crypto::Certificate& cert) {
  return crypto::Sha256Hex(cert.Der());
}

// A certificate and its key, as a client would present them.
struct ClientMaterial {
  std::string device_id;
  std::string certificate_pem;
  crypto::SecretString private_key_pem;
  std::string fingerprint;
};

inline identity::PairDeviceRequest PairRequestFor(const std::string& device_id) {
  auto signing = crypto::Ed25519PrivateKey::Generate();
  EXPECT_TRUE(signing.ok());
  identity::PairDeviceRequest request;
  request.device_id = device_id;
  request.client_kind = identity::ClientKind::kNode;
  request.signing_public_key_hex = signing->PublicKey().Hex();
  request.key_source = identity::LeafKeySource::GatewayGenerated();
  return request;
}

inline ClientMaterial FromIssued(const std::string& device_id,
                                 const identity::IssuedCertificate& issued) {
  EXPECT_TRUE(issued.private_key_pem.has_value());
  return {device_id, issued.certificate_pem,
          crypto::SecretString(issued.private_key_pem ? issued.private_key_pem->view() : ""),
          issued.fingerprint};
}

inline ClientMaterial FromSigned(const std::string& device_id, const crypto::Certificate& cert,
                                 const crypto::P256PrivateKey& key) {
  auto pem = key.ToPkcs8Pem();
  EXPECT_TRUE(pem.ok());
  return {device_id, cert.ToPem(), crypto::SecretString(pem->view()), cert.FingerprintSha256Hex()};
}

// One state dir: database, gateway CA (key file beside it), registry, polling revocation index.
struct TestState {
  TempDir dir;
  std::filesystem::path db_path;
  std::unique_ptr<identity::DeviceRegistry> registry;
  std::shared_ptr<identity::RevocationIndex> index;

  TestState() {
    db_path = dir.path() / "palyra.db";
    auto opened = ::palyra::testing::OpenRegistry(db_path, dir.path() / "gateway-ca.key.pem",
                                                  NowUnixMs());
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    if (opened.ok()) registry = std::move(*opened);
    auto idx = ::palyra::testing::OpenRevocationIndex(db_path);
    EXPECT_TRUE(idx.ok()) << idx.status().ToString();
    if (idx.ok()) index = std::shared_ptr<identity::RevocationIndex>(std::move(*idx));
    if (index) index->StartPolling(std::chrono::milliseconds(20));
  }

  const identity::GatewayCa& ca() const { return registry->ca(); }

  ClientMaterial PairDevice() {
    const std::string device_id = NewUlid();
    auto paired = registry->RecordPairedDevice(PairRequestFor(device_id), NowUnixMs());
    EXPECT_TRUE(paired.ok()) << paired.status().ToString();
    return FromIssued(device_id, paired->certificate);
  }

  // Issued by the gateway CA, valid, but never recorded as a paired device.
  ClientMaterial UnpairedDeviceCertificate() {
    const std::string device_id = NewUlid();
    auto issued = ca().IssueDeviceCertificate(
        device_id, identity::LeafKeySource::GatewayGenerated(), NowUnixMs());
    EXPECT_TRUE(issued.ok()) << issued.status().ToString();
    return FromIssued(device_id, *issued);
  }

  // A device certificate from the gateway CA whose validity ended nine minutes ago.
  ClientMaterial ExpiredDeviceCertificate() {
    const std::string device_id = NewUlid();
    auto key = crypto::P256PrivateKey::Generate();
    EXPECT_TRUE(key.ok());
    auto cert = ca().SignDeviceCertificate(
        device_id, key->PublicKey(), NowUnixMs() - 10 * kMinuteMs, identity::kMinLeafValidityMs);
    EXPECT_TRUE(cert.ok()) << cert.status().ToString();
    return FromSigned(device_id, *cert, *key);
  }

  // A certificate from the gateway CA with EKU serverAuth only (a server certificate).
  ClientMaterial ServerAuthOnlyCertificate() {
    auto key = crypto::P256PrivateKey::Generate();
    EXPECT_TRUE(key.ok());
    identity::ServerCertificateRequest request;
    request.common_name = "not-a-client";
    auto cert = ca().SignServerCertificate(request, key->PublicKey(), NowUnixMs());
    EXPECT_TRUE(cert.ok()) << cert.status().ToString();
    return FromSigned(NewUlid(), *cert, *key);
  }

  // Waits (without a time assertion) until the polling index has seen `fingerprint` revoked.
  bool WaitUntilIndexed(const std::string& fingerprint) {
    return Eventually([&] { return index->IsRevokedHex(fingerprint); });
  }
};

// A device certificate from an unrelated CA (its own database and key) for the same kind of id.
inline ClientMaterial ForeignCaCertificate(const std::filesystem::path& scratch_dir) {
  std::filesystem::create_directories(scratch_dir);
  auto db = store::OpenPalyraDatabase(scratch_dir / "foreign.db");
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  store::SqliteCaRepository cas(**db);
  auto ca =
      identity::GatewayCa::LoadOrCreate(cas, scratch_dir / "foreign-ca.key.pem", NowUnixMs());
  EXPECT_TRUE(ca.ok()) << ca.status().ToString();
  const std::string device_id = NewUlid();
  auto issued = (*ca)->IssueDeviceCertificate(
      device_id, identity::LeafKeySource::GatewayGenerated(), NowUnixMs());
  EXPECT_TRUE(issued.ok()) << issued.status().ToString();
  return FromIssued(device_id, *issued);
}

// The probe service: reports the peer identity and the binding verdict for the request's
// device id, using the library's helpers on the real ServerContext.
class ProbeService final : public palyra::test::nodetls::v1::Probe::Service {
 public:
  explicit ProbeService(std::shared_ptr<const CertificateBinding> binding)
      : binding_(std::move(binding)) {}

  grpc::Status WhoAmI(grpc::ServerContext* context,
                      const palyra::test::nodetls::v1::WhoAmIRequest* request,
                      palyra::test::nodetls::v1::WhoAmIResponse* response) override {
    calls_.fetch_add(1);
    Result<PeerIdentity> peer = PeerIdentityFromServerContext(*context);
    response->set_peer_identity_code(static_cast<int>(peer.status().code()));
    if (!peer.ok()) return grpc::Status::OK;
    response->set_transport_is_tls(peer->transport_is_tls);
    response->set_has_certificate(peer->has_certificate());
    if (peer->certificate_fingerprint) {
      response->set_certificate_fingerprint(*peer->certificate_fingerprint);
    }
    BindingOutcome outcome = BindingOutcome::kBound;
    const Status binding = binding_->Check(*peer, request->device_id(), &outcome);
    response->set_binding_code(static_cast<int>(binding.code()));
    response->set_binding_message(binding.message());
    response->set_binding_outcome(static_cast<int>(outcome));
    return grpc::Status::OK;
  }

  int calls() const { return calls_.load(); }

 private:
  std::shared_ptr<const CertificateBinding> binding_;
  std::atomic<int> calls_{0};
};

class ProbeServer {
 public:
  ProbeServer(std::shared_ptr<grpc::ServerCredentials> credentials,
              std::shared_ptr<const CertificateBinding> binding)
      : service_(std::move(binding)) {
    grpc::ServerBuilder builder;
    builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
    builder.AddListeningPort("127.0.0.1:0", std::move(credentials), &port_);
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
    EXPECT_TRUE(server_ != nullptr);
    EXPECT_NE(port_, 0);
  }
  ~ProbeServer() {
    if (server_) {
      server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
      server_->Wait();
    }
  }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  int calls() const { return service_.calls(); }

 private:
  ProbeService service_;
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
};

struct ProbeResult {
  grpc::Status status;
  palyra::test::nodetls::v1::WhoAmIResponse response;
  std::string server_certificate_fingerprint;  // as the client saw it ("" if none)
  std::vector<std::string> server_dns_names;
};

// One call on a brand-new connection (a fresh channel that shares no subchannel with others).
inline ProbeResult CallProbe(const std::string& address, const NodeChannelCredentials& credentials,
                             const std::string& device_id) {
  static std::atomic<int> nonce{0};
  NodeChannelCredentials fresh = credentials;
  fresh.arguments.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  fresh.arguments.SetInt("palyra.test.nonce", nonce.fetch_add(1));
  auto channel = CreateNodeChannel(address, fresh);
  auto stub = palyra::test::nodetls::v1::Probe::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  palyra::test::nodetls::v1::WhoAmIRequest request;
  request.set_device_id(device_id);
  ProbeResult result;
  result.status = stub->WhoAmI(&context, request, &result.response);
  if (auto auth = context.auth_context()) {
    Result<PeerIdentity> server = PeerIdentityFromAuthContext(auth.get());
    if (server.ok() && server->certificate) {
      result.server_certificate_fingerprint = *server->certificate_fingerprint;
      result.server_dns_names = server->certificate->DnsNames();
    }
  }
  return result;
}

inline NodeChannelCredentials ClientCredentials(const std::string& ca_pem,
                                                const ClientMaterial* material) {
  NodeClientTlsOptions options;
  options.ca_certificate_pem = ca_pem;
  if (material) {
    options.client_certificate_pem = material->certificate_pem;
    options.client_private_key_pem = crypto::SecretString(material->private_key_pem.view());
  }
  auto creds = MakeNodeChannelCredentials(options);
  EXPECT_TRUE(creds.ok()) << creds.status().ToString();
  return std::move(*creds);
}

// A complete node TLS listener over a TestState: certificate manager, credentials, probe server.
struct NodeListener {
  std::unique_ptr<ServerCertificateManager> certificates;
  std::shared_ptr<ClientVerifierStats> stats = std::make_shared<ClientVerifierStats>();
  std::shared_ptr<const CertificateBinding> binding;
  std::unique_ptr<ProbeServer> server;

  NodeListener(TestState& state, ServerCertificateOptions options = {},
               MtlsPolicy policy = MtlsPolicy{}) {
    options.state_dir = state.dir.path();
    if (options.provider_refresh_interval_seconds == 5)
      options.provider_refresh_interval_seconds = 1;
    auto started = ServerCertificateManager::Start(state.registry->shared_ca(), options);
    EXPECT_TRUE(started.ok()) << started.status().ToString();
    if (!started.ok()) return;
    certificates = std::move(*started);
    auto credentials = MakeNodeServerCredentials(
        *certificates, NodeServerCredentialsOptions{
                           .revocations = state.index, .clock = {}, .verifier_stats = stats});
    EXPECT_TRUE(credentials.ok()) << credentials.status().ToString();
    binding =
        std::make_shared<CertificateBinding>(policy, state.index, LookupThrough(*state.registry));
    server = std::make_unique<ProbeServer>(*credentials, binding);
  }

  std::string address() const { return server->address(); }
  std::string ca_pem() const { return certificates->gateway_ca_file().pem; }
};

}  // namespace palyra::daemon::node_tls::testing
