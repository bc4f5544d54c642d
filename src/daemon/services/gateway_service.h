#pragma once
// palyra.gateway.v1.GatewayService. Only GetHealth is served so far; every other RPC answers
// UNIMPLEMENTED through the generated base class until its issue lands.

#include <chrono>

#include "palyra/v1/gateway.grpc.pb.h"

namespace palyra::daemon {

class GatewayService final : public palyra::gateway::v1::GatewayService::CallbackService {
 public:
  explicit GatewayService(std::chrono::steady_clock::time_point started_at)
      : started_at_(started_at) {}

  grpc::ServerUnaryReactor* GetHealth(grpc::CallbackServerContext* context,
                                      const palyra::gateway::v1::HealthRequest* request,
                                      palyra::gateway::v1::HealthResponse* response) override;

 private:
  std::chrono::steady_clock::time_point started_at_;
};

}  // namespace palyra::daemon
