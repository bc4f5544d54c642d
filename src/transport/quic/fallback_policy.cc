#include "transport/quic/fallback_policy.h"

namespace palyra::transport::quic {

FallbackDecision DecideFallback(FallbackPolicy policy, bool privileged_path,
                                ConnectFailure failure, std::string_view error_text) {
  const std::string error(error_text);
  if (policy == FallbackPolicy::kDisabled) {
    return {false, "fallback is disabled: " + error};
  }
  if (privileged_path) {
    return {false, "privileged path, no fallback: " + error};
  }
  switch (failure) {
    case ConnectFailure::kUnreachable:
    case ConnectFailure::kHandshakeTimeout:
      return {true, "QUIC unreachable, falling back to gRPC: " + error};
    case ConnectFailure::kTls:
    case ConnectFailure::kPinMismatch:
    case ConnectFailure::kAlpn:
      return {false, "the QUIC peer answered and failed verification, no fallback: " + error};
    case ConnectFailure::kConfiguration:
      return {false, "QUIC is misconfigured, no fallback: " + error};
  }
  return {false, "no fallback: " + error};
}

}  // namespace palyra::transport::quic
