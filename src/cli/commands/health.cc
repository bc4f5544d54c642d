#include "cli/commands/health.h"

#include <ostream>

#include "cli/command_support.h"
#include "cli/duration.h"
#include "cli/text_format.h"
#include "palyra/v1/gateway.grpc.pb.h"

namespace palyra::cli {
namespace {

namespace gatewayv1 = ::palyra::gateway::v1;

int RunHealth(CliContext& context) {
  // GetHealth is unauthenticated on the daemon, so no token is required; one is sent when known.
  auto connection = context.Connect(TokenUse::kIfAvailable);
  if (!connection.ok()) return context.Fail(connection.status());
  auto stub = gatewayv1::GatewayService::NewStub(connection->channel());
  grpc::ClientContext call;
  connection->PrepareCall(call);
  gatewayv1::HealthRequest request;
  request.set_v(1);
  gatewayv1::HealthResponse response;
  grpc::Status status = stub->GetHealth(&call, request, &response);
  if (!status.ok()) return context.FailRpc(*connection, status, "health");

  if (context.json()) {
    context.PrintJson({
        {"address", connection->address()},
        {"v", response.v()},
        {"service", response.service()},
        {"status", response.status()},
        {"version", response.version()},
        {"git_hash", response.git_hash()},
        {"build_profile", response.build_profile()},
        {"uptime_seconds", response.uptime_seconds()},
    });
  } else {
    auto& out = context.out();
    out << SanitizeForTerminal(response.service()) << " at " << connection->address() << ": "
        << SanitizeForTerminal(response.status()) << "\n"
        << "  version " << SanitizeForTerminal(response.version()) << " ("
        << SanitizeForTerminal(response.git_hash()) << ", "
        << SanitizeForTerminal(response.build_profile()) << ")\n"
        << "  uptime  " << FormatDurationMs(static_cast<int64_t>(response.uptime_seconds()) * 1000)
        << "\n";
  }
  if (response.status() != "ok") {
    return context.FailOperation("palyrad at " + connection->address() + " reports status '" +
                                 response.status() + "'");
  }
  return kExitOk;
}

}  // namespace

void RegisterHealthCommand(CLI::App& root, CliContext& context) {
  CLI::App* health =
      AddLeafCommand(root, context, "health",
                     "check that the daemon answers (palyra.gateway.v1.GatewayService/GetHealth)",
                     [&context] { return RunHealth(context); });
  AddJsonFlag(health, context);
}

}  // namespace palyra::cli
