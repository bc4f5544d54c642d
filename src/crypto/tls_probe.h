#pragma once
// Reads the certificate chain a TLS server presents, without trusting it. The node host uses this
// to fetch the gateway CA named by a pairing URI: the caller must pin what it gets (the CA's
// SHA-256 fingerprint from the URI) and check the leaf chains to it; nothing here is a trust
// decision.

#include <chrono>
#include <string>
#include <vector>

#include "common/status.h"
#include "crypto/certificate.h"

namespace palyra::crypto {

inline constexpr size_t kMaxProbedChainCertificates = 8;

struct TlsProbeTarget {
  std::string host;         // DNS name or IP literal (no brackets)
  int port = 0;
  std::string server_name;  // SNI
  std::string alpn = "h2";  // what the gateway's gRPC listener speaks
};

// Connects over TCP, runs a TLS 1.2+ handshake with peer verification switched off, and returns
// the peer's chain as sent (leaf first). UNAVAILABLE when the server cannot be reached or the
// handshake fails or does not finish within `timeout`; INVALID_ARGUMENT when it presents no
// certificate or more than kMaxProbedChainCertificates.
Result<std::vector<Certificate>> ProbeTlsPeerChain(const TlsProbeTarget& target,
                                                   std::chrono::milliseconds timeout);

}  // namespace palyra::crypto
