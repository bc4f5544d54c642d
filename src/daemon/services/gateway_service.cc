#include "daemon/services/gateway_service.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "palyra/build_info.h"

namespace palyra::daemon {
namespace {

// Upstream reports "debug" or "release"; CMake's build type is the closest fact we have.
std::string BuildProfile() {
  std::string profile = build_info::kBuildProfile;
  std::transform(profile.begin(), profile.end(), profile.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return profile.empty() ? "unknown" : profile;
}

}  // namespace

grpc::ServerUnaryReactor* GatewayService::GetHealth(
    grpc::CallbackServerContext* context, const palyra::gateway::v1::HealthRequest* /*request*/,
    palyra::gateway::v1::HealthResponse* response) {
  // Health is deliberately unauthenticated and ignores `v`, as upstream does, so that probes
  // work before any credentials exist.
  response->set_v(1);
  response->set_service("palyrad");
  response->set_status("ok");
  response->set_version(build_info::kVersion);
  response->set_git_hash(build_info::kGitHash);
  response->set_build_profile(BuildProfile());
  auto uptime = std::chrono::steady_clock::now() - started_at_;
  response->set_uptime_seconds(
      static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::seconds>(uptime).count()));
  auto* reactor = context->DefaultReactor();
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

}  // namespace palyra::daemon
