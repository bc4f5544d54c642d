#include "daemon/services/admin_auth.h"

#include "crypto/hash.h"

namespace palyra::daemon {

Status AdminAuth::Check(const grpc::ServerContextBase& context) const {
  if (!required_) return Status::Ok();
  constexpr std::string_view kPrefix = "Bearer ";
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) {
    return PermissionDenied(
        "missing admin token: send metadata 'authorization: Bearer <token>' (the token is in "
        "<state>/admin.token)");
  }
  const std::string_view value(it->second.data(), it->second.size());
  if (!value.starts_with(kPrefix)) {
    return PermissionDenied("authorization metadata must be 'Bearer <admin token>'");
  }
  // Compared over the full length whatever the content, so timing says nothing about the token.
  if (!crypto::ConstantTimeEquals(value.substr(kPrefix.size()), token_.view())) {
    return PermissionDenied("admin token refused");
  }
  return Status::Ok();
}

}  // namespace palyra::daemon
