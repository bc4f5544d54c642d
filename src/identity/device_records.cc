#include "identity/device_records.h"

#include <string>

namespace palyra::identity {

Status DeviceRevokedError(std::string_view device_id, std::string_view reason) {
  return PermissionDenied("device " + std::string(device_id) + " is revoked (" +
                          std::string(reason) +
                          "); an operator must clear the revocation before it can pair again");
}

bool IsDeviceRevokedError(const Status& status) {
  return status.code() == StatusCode::kPermissionDenied &&
         status.message().starts_with("device ") &&
         status.message().find(" is revoked (") != std::string::npos;
}

Status DeviceNotPairedError(std::string_view device_id) {
  return NotFound("device " + std::string(device_id) + " is not paired");
}

Status IdentityChangeNeedsConfirmationError(std::string_view device_id) {
  return FailedPrecondition(
      "device " + std::string(device_id) +
      " is already paired with a different identity key; re-pairing it with a new key "
      "needs explicit confirmation (or remove the device first)");
}

}  // namespace palyra::identity
