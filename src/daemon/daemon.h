#pragma once
// One running palyrad: state dir, database, admin token, listeners and the run file, started in
// that order and stopped in reverse.

#include <chrono>
#include <memory>
#include <string>

#include "common/state_paths.h"
#include "common/status.h"
#include "daemon/admin_server.h"
#include "daemon/daemon_config.h"
#include "daemon/run_file.h"
#include "daemon/services/gateway_service.h"
#include "store/database.h"
#include "store/migrations.h"

namespace palyra::daemon {

class Daemon {
 public:
  static Result<std::unique_ptr<Daemon>> Start(const DaemonConfig& config);
  ~Daemon();

  void Stop();
  const std::string& admin_address() const { return admin_server_->bound_address(); }
  const StatePaths& paths() const { return paths_; }

 private:
  explicit Daemon(StatePaths paths) : paths_(std::move(paths)), run_file_(paths_.run_file()) {}

  StatePaths paths_;
  RunFile run_file_;
  std::chrono::steady_clock::time_point started_at_ = std::chrono::steady_clock::now();
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<GatewayService> gateway_service_;
  std::unique_ptr<AdminServer> admin_server_;
  bool run_file_written_ = false;
  bool stopped_ = false;
};

}  // namespace palyra::daemon
