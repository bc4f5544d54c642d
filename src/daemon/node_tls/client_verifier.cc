#include "daemon/node_tls/client_verifier.h"

#include <grpcpp/security/tls_certificate_verifier.h>
#include <spdlog/spdlog.h>

#include <string>
#include <utility>

#include "common/time.h"
#include "crypto/chain_verify.h"

namespace palyra::daemon::node_tls {
namespace {

grpc::StatusCode ToGrpcCode(StatusCode code) { return static_cast<grpc::StatusCode>(code); }

// Owned by gRPC core once created through ExternalCertificateVerifier::Create.
class NodeClientCertificateVerifier final : public grpc::experimental::ExternalCertificateVerifier {
 public:
  explicit NodeClientCertificateVerifier(ClientVerifierConfig config)
      : config_(std::move(config)) {}

  bool Verify(grpc::experimental::TlsCustomVerificationCheckRequest* request,
              std::function<void(grpc::Status)> /*callback*/, grpc::Status* sync_status) override {
    const grpc::string_ref pem = request->peer_cert();
    if (pem.empty()) {
      // Optional at the TLS layer: pairing RPCs come without a certificate; the per-RPC binding
      // check turns this into UNAUTHENTICATED where one is needed.
      if (config_.stats) config_.stats->without_certificate.fetch_add(1);
      *sync_status = grpc::Status::OK;
      return true;
    }
    const int64_t now = config_.clock ? config_.clock() : NowUnixMs();
    const Status status =
        VerifyClientCertificatePem(std::string_view(pem.data(), pem.size()), config_.ca_certificate,
                                   *config_.revocations, now);
    if (status.ok()) {
      if (config_.stats) config_.stats->accepted.fetch_add(1);
      *sync_status = grpc::Status::OK;
    } else {
      if (config_.stats) config_.stats->rejected.fetch_add(1);
      spdlog::warn("node TLS: client certificate rejected in the handshake: {}", status.message());
      *sync_status = grpc::Status(ToGrpcCode(status.code()), status.message());
    }
    return true;  // always synchronous
  }

  void Cancel(grpc::experimental::TlsCustomVerificationCheckRequest* /*request*/) override {}

 private:
  const ClientVerifierConfig config_;
};

}  // namespace

Status VerifyClientCertificate(const crypto::Certificate& leaf,
                               const crypto::Certificate& ca_certificate,
                               const identity::RevocationIndex& revocations, int64_t now_unix_ms) {
  const std::string& fingerprint = leaf.FingerprintSha256Hex();
  Status chain = crypto::VerifyCertificateChain(
      leaf, {}, ca_certificate, crypto::CertificatePurpose::kClientAuth, now_unix_ms);
  if (!chain.ok()) {
    return Unauthenticated("client certificate " + fingerprint +
                           " is not acceptable: " + chain.message());
  }
  // X.509 notAfter is inclusive, but we reject at the instant itself, as everywhere else.
  if (now_unix_ms >= leaf.NotAfterUnixMs()) {
    return Unauthenticated("client certificate " + fingerprint +
                           " is not acceptable: " + "certificate has expired");
  }
  if (revocations.IsCertificateRevoked(leaf)) {
    return PermissionDenied("client certificate " + fingerprint +
                            " is revoked; pair the device again or use its current certificate");
  }
  return Status::Ok();
}

Status VerifyClientCertificatePem(std::string_view leaf_pem,
                                  const crypto::Certificate& ca_certificate,
                                  const identity::RevocationIndex& revocations,
                                  int64_t now_unix_ms) {
  Result<crypto::Certificate> leaf = crypto::Certificate::FromPem(leaf_pem);
  if (!leaf.ok()) {
    return Unauthenticated("client certificate cannot be parsed: " + leaf.status().message());
  }
  return VerifyClientCertificate(*leaf, ca_certificate, revocations, now_unix_ms);
}

Result<std::shared_ptr<grpc::experimental::CertificateVerifier>> MakeClientCertificateVerifier(
    ClientVerifierConfig config) {
  if (!config.revocations) {
    return InvalidArgument("the node TLS client verifier needs a revocation index");
  }
  return grpc::experimental::ExternalCertificateVerifier::Create<NodeClientCertificateVerifier>(
      std::move(config));
}

}  // namespace palyra::daemon::node_tls
