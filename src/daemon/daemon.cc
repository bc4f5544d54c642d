#include "daemon/daemon.h"

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "common/files.h"
#include "common/time.h"
#include "daemon/admin_token.h"
#include "palyra/build_info.h"

namespace palyra::daemon {
namespace {

// Fails early, with the path in the message, when the state dir cannot be written (a read-only
// mount, a file in the way, missing permissions).
Status CheckStateDirWritable(const StatePaths& paths) {
  PALYRA_RETURN_IF_ERROR(EnsurePrivateDirectory(paths.root).WithContext("state dir"));
  auto probe = paths.root / ".write-probe";
  PALYRA_RETURN_IF_ERROR(WriteFileAtomic(probe, "", 0600).WithContext("state dir is not writable"));
  std::error_code ec;
  std::filesystem::remove(probe, ec);
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Daemon>> Daemon::Start(const DaemonConfig& config) {
  std::unique_ptr<Daemon> daemon(new Daemon(StatePaths{config.state_dir}));
  const StatePaths& paths = daemon->paths_;

  PALYRA_RETURN_IF_ERROR(CheckStateDirWritable(paths));
  PALYRA_RETURN_IF_ERROR(daemon->run_file_.CheckNoLiveDaemon());
  PALYRA_ASSIGN_OR_RETURN(daemon->database_, store::OpenPalyraDatabase(paths.database()));

  if (!config.admin_token_configured) {
    // The token file exists for local clients even before the operator service needs it.
    PALYRA_ASSIGN_OR_RETURN(auto token, LoadOrCreateAdminToken(paths.admin_token()));
    (void)token;
  }

  daemon->gateway_service_ = std::make_unique<GatewayService>(daemon->started_at_);
  PALYRA_ASSIGN_OR_RETURN(daemon->admin_server_,
                          AdminServer::Start(config.admin_listener,
                                             {daemon->gateway_service_.get()}));

  nlohmann::json run = {
      {"pid", static_cast<long>(::getpid())},
      {"started_at_unix_ms", NowUnixMs()},
      {"version", build_info::kVersion},
      {"state_dir", paths.root.string()},
      {"admin_grpc_addr", daemon->admin_server_->bound_address()},
      {"admin_grpc_tls", config.admin_listener.tls.enabled},
      {"admin_token_path", config.admin_token_configured ? "" : paths.admin_token().string()},
  };
  PALYRA_RETURN_IF_ERROR(daemon->run_file_.Write(run).WithContext("writing the run file"));
  daemon->run_file_written_ = true;
  return daemon;
}

Daemon::~Daemon() { Stop(); }

void Daemon::Stop() {
  if (stopped_) return;
  stopped_ = true;
  if (admin_server_) admin_server_->Shutdown();
  // Only our own run file: a failed start must not delete the file of a daemon that is running.
  if (run_file_written_) run_file_.Remove();
}

}  // namespace palyra::daemon
