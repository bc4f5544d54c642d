#pragma once
// The one place where library errors become gRPC statuses (the codes are numbered alike).

#include <grpcpp/grpcpp.h>
#include <grpcpp/support/status.h>

#include "common/status.h"

namespace palyra::daemon {

inline grpc::Status ToGrpcStatus(const Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), status.message());
}

// Ends a callback-API unary call with `status` (the services' common exit).
inline grpc::ServerUnaryReactor* FinishUnary(grpc::CallbackServerContext* context,
                                             const Status& status) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(ToGrpcStatus(status));
  return reactor;
}

// The protocol major version every palyra.node.v1 request must carry. Upstream answers
// max(v, 1) and so silently accepts v = 0; we refuse anything but 1 (spec: improve on upstream).
inline Status CheckProtocolVersion(uint32_t v) {
  if (v == 1) return Status::Ok();
  return InvalidArgument("v must be 1 (the protocol major version), got " + std::to_string(v));
}

}  // namespace palyra::daemon
