#include "node_host/pairing_bootstrap.h"

#include <thread>

#include "common/endpoint_url.h"
#include "common/time.h"
#include "crypto/chain_verify.h"
#include "crypto/csr.h"
#include "crypto/p256.h"
#include "crypto/tls_probe.h"
#include "node_protocol/server_name.h"
#include "identity/device_identity.h"
#include "node_host/gateway_client.h"

namespace palyra::node_host {

Result<std::string> FetchPinnedGatewayCa(const std::string& target,
                                         const std::string& ca_sha256_hex,
                                         std::chrono::milliseconds timeout) {
  PALYRA_ASSIGN_OR_RETURN(HostPortEndpoint endpoint,
                          ParseHostPort(target, /*tls=*/true, std::nullopt, "gateway address"));
  crypto::TlsProbeTarget probe;
  probe.host = endpoint.host;
  probe.port = endpoint.port;
  probe.server_name = std::string(node_protocol::kNodeServerName);
  PALYRA_ASSIGN_OR_RETURN(std::vector<crypto::Certificate> chain,
                          crypto::ProbeTlsPeerChain(probe, timeout));
  const crypto::Certificate& leaf = chain.front();
  for (size_t i = 1; i < chain.size(); ++i) {
    const crypto::Certificate& candidate = chain[i];
    if (candidate.FingerprintSha256Hex() != ca_sha256_hex) continue;
    if (!candidate.IsCa()) {
      return PermissionDenied("the certificate matching the pinned fingerprint is not a CA");
    }
    Status issued = crypto::VerifyCertificateChain(leaf, {}, candidate,
                                                   crypto::CertificatePurpose::kServerAuth,
                                                   NowUnixMs());
    if (!issued.ok()) {
      return PermissionDenied("the gateway's server certificate does not chain to the pinned CA: " +
                              std::string(issued.message()));
    }
    return candidate.ToPem();
  }
  return PermissionDenied("the gateway at " + target +
                          " did not present a CA with the pinned SHA-256 fingerprint " +
                          ca_sha256_hex.substr(0, 16) +
                          "...; refusing to pair (wrong address, or not the gateway that issued "
                          "this pairing URI)");
}

Result<KeyAndCsr> GenerateKeyAndCsr(const std::string& device_id) {
  PALYRA_ASSIGN_OR_RETURN(crypto::P256PrivateKey key, crypto::P256PrivateKey::Generate());
  PALYRA_ASSIGN_OR_RETURN(crypto::CertificateSigningRequest csr,
                          crypto::CsrBuilder()
                              .SetSubjectCommonName("Palyra Device " + device_id)
                              .Sign(key));
  KeyAndCsr out;
  PALYRA_ASSIGN_OR_RETURN(out.private_key_pem, key.ToPkcs8Pem());
  out.csr_pem = csr.ToPem();
  return out;
}

Result<PairingResult> PairWithGateway(const PairingRequest& request,
                                      const HostMaterialStore& store,
                                      const std::function<void(const std::string&)>& progress) {
  const identity::PairingMethod method =
      request.method == identity::PairingMethod::Kind::kQr
          ? identity::PairingMethod::Qr(std::string(request.code.view()))
          : identity::PairingMethod::Pin(std::string(request.code.view()));
  PALYRA_RETURN_IF_ERROR(method.Validate());

  // A device keeps its identity across attempts: re-pairing after a rejection presents the
  // same keys, so the gateway does not see an identity change.
  identity::DeviceIdentity device_identity = [&]() -> identity::DeviceIdentity {
    auto loaded = store.LoadIdentity(request.device_id);
    if (loaded.ok()) return std::move(*loaded);
    auto fresh = identity::DeviceIdentity::Generate(request.device_id);
    return std::move(*fresh);  // Generate only fails for a bad id, checked by the caller
  }();
  PALYRA_RETURN_IF_ERROR(store.SaveIdentity(device_identity));
  PALYRA_ASSIGN_OR_RETURN(KeyAndCsr key, GenerateKeyAndCsr(request.device_id));

  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<GatewayClient> client,
                          GatewayClient::Connect(request.target, request.ca_pem, nullptr));
  progress("pairing device " + request.device_id + " with the gateway at " + request.target);
  PALYRA_ASSIGN_OR_RETURN(GatewayClient::PairingStarted started,
                          client->BeginAndComplete(device_identity, method, key.csr_pem));

  const auto deadline = std::chrono::steady_clock::now() + request.decision_timeout;
  bool announced_wait = false;
  nodev1::GetPairingRequestStatusResponse status;
  for (;;) {
    PALYRA_ASSIGN_OR_RETURN(status, client->PairingStatus(started.session_id, request.device_id));
    const std::string& state = status.status();
    if (state == "completed" || status.paired()) break;
    if (state == "rejected") {
      return FailedPrecondition("pairing was rejected by the gateway: " +
                                (status.reason().empty() ? "no reason given" : status.reason()));
    }
    if (state == "expired") {
      return DeadlineExceeded("the pairing request expired before it was approved" +
                              (status.reason().empty() ? "" : " (" + status.reason() + ")"));
    }
    if (state != "pending_approval" && state != "approved") {
      return Internal("the gateway reported an unknown pairing state '" + state.substr(0, 40) +
                      "'");
    }
    if (!announced_wait && state == "pending_approval") {
      progress("waiting for an operator to approve pairing request " + started.session_id +
               " (palyra nodes approve " + started.session_id + ")");
      announced_wait = true;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      return DeadlineExceeded("no pairing decision within the wait limit; the request is still " +
                              state);
    }
    std::this_thread::sleep_for(request.poll_interval);
  }

  if (status.mtls_client_certificate_pem().empty()) {
    return Internal("the gateway completed pairing but sent no client certificate");
  }
  if (!status.mtls_client_private_key_pem().empty()) {
    return Internal("the gateway sent a private key although the device sent a CSR");
  }
  const std::string& ca_pem = status.gateway_ca_certificate_pem().empty()
                                  ? request.ca_pem
                                  : status.gateway_ca_certificate_pem();
  if (ca_pem != request.ca_pem) {
    // The CA the gateway reports must be the one we already trusted for this connection.
    auto reported = crypto::Certificate::FromPem(ca_pem);
    auto trusted = crypto::Certificate::FromPem(request.ca_pem);
    if (!reported.ok() || !trusted.ok() || !(*reported == *trusted)) {
      return PermissionDenied("the gateway reported a CA other than the one it was reached with");
    }
  }
  PALYRA_RETURN_IF_ERROR(store.SaveCa(request.ca_pem));
  ClientMaterial material;
  material.certificate_pem = status.mtls_client_certificate_pem();
  material.private_key_pem = std::move(key.private_key_pem);
  material.cert_expires_at_unix_ms = static_cast<int64_t>(status.cert_expires_at_unix_ms());
  PALYRA_RETURN_IF_ERROR(store.SaveClient(request.device_id, material));

  PairingResult result;
  result.paired_at_unix_ms = NowUnixMs();
  result.cert_expires_at_unix_ms = material.cert_expires_at_unix_ms;
  result.identity_fingerprint = device_identity.FingerprintHex();
  progress("paired: device " + request.device_id + ", identity fingerprint " +
           result.identity_fingerprint.substr(0, 16) + "...");
  return result;
}

}  // namespace palyra::node_host
