#pragma once
// Admin-token authentication for the operator service: every call carries
// `authorization: Bearer <token>`, compared in constant time.

#include <string>

#include <grpcpp/server_context.h>

#include "common/status.h"
#include "crypto/bytes.h"

namespace palyra::daemon {

class AdminAuth {
 public:
  // `required` false (admin.require_auth = false, loopback only) lets every call through.
  AdminAuth(crypto::SecretString token, bool required)
      : token_(std::move(token)), required_(required) {}

  // OK, or PERMISSION_DENIED saying what was missing or wrong (never echoing what was sent).
  Status Check(const grpc::ServerContextBase& context) const;

 private:
  crypto::SecretString token_;
  bool required_;
};

}  // namespace palyra::daemon
