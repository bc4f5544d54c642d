#pragma once
// When a node may fall back from QUIC to gRPC. Nothing falls back silently: the caller asks
// explicitly and logs the reason. Upstream falls back on any connect error; here only a
// reachability failure (nothing answering, or no handshake within the timeout) may fall back.
// A TLS, pin or ALPN failure means the peer answered and was refused or is not who it should be,
// so it never falls back (an attacker who can break QUIC must not steer the node elsewhere), and
// neither does a privileged path.

#include <string>
#include <string_view>

namespace palyra::transport::quic {

enum class FallbackPolicy { kDisabled, kAllowExplicit };

enum class ConnectFailure {
  kUnreachable,       // ICMP unreachable, connection refused, no route
  kHandshakeTimeout,  // nothing answered within the handshake timeout
  kTls,               // the handshake failed: certificate, alert, protocol
  kPinMismatch,       // the server certificate is not the pinned one
  kAlpn,              // the server does not speak palyra-quic-v1
  kConfiguration,     // our own settings are unusable
};

struct FallbackDecision {
  bool fall_back = false;
  std::string reason;  // for the log: why it falls back, or why it may not
};

FallbackDecision DecideFallback(FallbackPolicy policy, bool privileged_path,
                                ConnectFailure failure, std::string_view error_text);

}  // namespace palyra::transport::quic
