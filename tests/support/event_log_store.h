#pragma once
// A node event log as one process opens it: its own connection factory over the database file
// (created and migrated when missing) and the SQLite event log repository on a connection of
// its own.

#include <filesystem>
#include <memory>

#include "common/status.h"
#include "daemon/quic_runtime/event_log.h"
#include "store/connection_factory.h"
#include "store/sqlite_event_log_repository.h"

namespace palyra::testing {

inline Result<std::unique_ptr<daemon::quic_runtime::NodeEventLog>> OpenEventLog(
    const daemon::quic_runtime::EventLogOptions& options, const std::filesystem::path& db_path) {
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<store::ConnectionFactory> factory,
                          store::ConnectionFactory::Open(db_path));
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<store::Database> connection, factory->Connect());
  return daemon::quic_runtime::NodeEventLog::Open(
      options, std::make_unique<store::SqliteEventLogRepository>(std::move(connection)));
}

}  // namespace palyra::testing
