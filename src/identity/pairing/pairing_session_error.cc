#include "identity/pairing/pairing_session_error.h"

#include <ostream>

namespace palyra::identity {

std::string_view PairingErrorName(PairingError error) {
  switch (error) {
    case PairingError::kInvalidArgument:
      return "InvalidArgument";
    case PairingError::kInvalidCanonicalDeviceId:
      return "InvalidCanonicalDeviceId";
    case PairingError::kInvalidPairingProof:
      return "InvalidPairingProof";
    case PairingError::kSessionNotFound:
      return "PairingSessionNotFound";
    case PairingError::kSessionExpired:
      return "PairingSessionExpired";
    case PairingError::kSessionCapacityExceeded:
      return "PairingSessionCapacityExceeded";
    case PairingError::kSessionRateLimited:
      return "PairingSessionRateLimited";
    case PairingError::kVersionMismatch:
      return "PairingVersionMismatch";
    case PairingError::kClientKindMismatch:
      return "PairingClientKindMismatch";
    case PairingError::kSignatureVerificationFailed:
      return "SignatureVerificationFailed";
    case PairingError::kTranscriptVerificationFailed:
      return "TranscriptVerificationFailed";
    case PairingError::kDeviceRevoked:
      return "DeviceRevoked";
    case PairingError::kInternal:
      return "Internal";
  }
  return "Unknown";
}

std::ostream& operator<<(std::ostream& os, PairingError error) {
  return os << PairingErrorName(error);
}

std::string PairingFailure::ToString() const {
  return std::string(PairingErrorName(kind)) + ": " + status.ToString();
}

}  // namespace palyra::identity
