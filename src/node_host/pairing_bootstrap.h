#pragma once
// First contact with a gateway: get its CA, pair, and store the material.
//
// The device generates its own P-256 key and sends a CSR, so the gateway never sees the key. It
// pairs over TLS without a client certificate, polls the request until the gateway has decided,
// and stores identity, CA and client certificate (all 0600, atomic). A rejected or expired
// request is an error carrying the gateway's reason.

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "common/status.h"
#include "crypto/bytes.h"
#include "identity/pairing_method.h"
#include "node_host/host_material.h"

namespace palyra::node_host {

// Fetches the gateway CA from the node listener's TLS handshake (which sends the CA after the
// leaf) and pins it: the CA must have SHA-256 fingerprint `ca_sha256_hex` and must have issued
// the listener's server certificate. UNAVAILABLE when the listener cannot be reached;
// PERMISSION_DENIED when nothing in the chain matches the pin (a different gateway, or an
// interception).
Result<std::string> FetchPinnedGatewayCa(const std::string& target,
                                         const std::string& ca_sha256_hex,
                                         std::chrono::milliseconds timeout);

struct PairingRequest {
  std::string target;  // host:port of the node listener
  std::string device_id;
  identity::PairingMethod::Kind method = identity::PairingMethod::Kind::kPin;
  crypto::SecretString code;
  std::string ca_pem;  // the gateway CA to trust (file, or fetched and pinned)
  std::chrono::milliseconds poll_interval{500};
  // How long to wait for an operator's decision. The gateway's own approval timeout (10 min by
  // default) ends the request first; this only bounds the wait if the gateway never answers.
  std::chrono::milliseconds decision_timeout{std::chrono::minutes(30)};
};

struct PairingResult {
  int64_t paired_at_unix_ms = 0;
  int64_t cert_expires_at_unix_ms = 0;
  std::string identity_fingerprint;
};

// `progress` receives one line per step ("waiting for operator approval ..."), never secrets.
Result<PairingResult> PairWithGateway(const PairingRequest& request,
                                      const HostMaterialStore& store,
                                      const std::function<void(const std::string&)>& progress);

// A fresh P-256 key and a CSR for it with CN "Palyra Device <device_id>".
struct KeyAndCsr {
  crypto::SecretString private_key_pem;
  std::string csr_pem;
};
Result<KeyAndCsr> GenerateKeyAndCsr(const std::string& device_id);

}  // namespace palyra::node_host
