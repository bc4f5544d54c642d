#include "daemon/grpc_listener.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>

#include <chrono>

#include "daemon/listen_address.h"

namespace palyra::daemon {
namespace {

std::shared_ptr<grpc::ServerCredentials> MakeCredentials(const ListenerTls& tls) {
  if (!tls.enabled) return grpc::InsecureServerCredentials();
  grpc::SslServerCredentialsOptions options(
      tls.client_ca_pem.empty() ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
                                : GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  options.pem_root_certs = tls.client_ca_pem;
  options.pem_key_cert_pairs.push_back({tls.private_key_pem, tls.cert_chain_pem});
  return grpc::SslServerCredentials(options);
}

}  // namespace

Result<std::unique_ptr<GrpcListener>> GrpcListener::Start(
    const ListenerOptions& options, const std::vector<grpc::Service*>& services) {
  PALYRA_RETURN_IF_ERROR(CheckTcpPortAvailable(options.bind_addr, options.port));

  static const bool kPluginsInstalled = [] {
    grpc::EnableDefaultHealthCheckService(true);
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    return true;
  }();
  (void)kPluginsInstalled;

  grpc::ServerBuilder builder;
  // gRPC sets SO_REUSEPORT by default, which would let a second daemon silently share our port.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  builder.SetMaxSendMessageSize(options.max_message_bytes);
  if (options.tls_max_frame_bytes > 0) {
    builder.AddChannelArgument(GRPC_ARG_TSI_MAX_FRAME_SIZE, options.tls_max_frame_bytes);
  }
  int selected_port = 0;
  builder.AddListeningPort(FormatHostPort(options.bind_addr, options.port),
                           options.credentials ? options.credentials
                                               : MakeCredentials(options.tls),
                           &selected_port);
  for (grpc::Service* service : services) builder.RegisterService(service);

  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (!server || selected_port == 0) {
    return Unavailable("cannot listen on " + FormatHostPort(options.bind_addr, options.port) +
                       " (gRPC could not bind it)");
  }
  server->GetHealthCheckService()->SetServingStatus(true);
  return std::unique_ptr<GrpcListener>(
      new GrpcListener(std::move(server), FormatHostPort(options.bind_addr, selected_port)));
}

GrpcListener::~GrpcListener() { Shutdown(); }

void GrpcListener::Shutdown() {
  if (!server_) return;
  server_->GetHealthCheckService()->SetServingStatus(false);
  // Give in-flight calls a moment, then cancel what remains so shutdown is bounded.
  server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
  server_->Wait();
  server_.reset();
}

}  // namespace palyra::daemon
