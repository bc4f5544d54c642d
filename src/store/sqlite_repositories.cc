#include "store/sqlite_repositories.h"

#include "store/sqlite_ca_repository.h"
#include "store/sqlite_device_repository.h"
#include "store/sqlite_event_log_repository.h"
#include "store/sqlite_pairing_repository.h"
#include "store/sqlite_revocation_repository.h"

namespace palyra::store {

Result<Repositories> OpenSqliteRepositories(const ConnectionFactory& factory) {
  Repositories out;
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<Database> ca_connection, factory.Connect());
  out.cas = std::make_unique<SqliteCaRepository>(std::move(ca_connection));
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<Database> device_connection, factory.Connect());
  out.devices = std::make_unique<SqliteDeviceRepository>(std::move(device_connection));
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<Database> revocation_connection, factory.Connect());
  out.revocations =
      std::make_unique<SqliteRevocationRepository>(std::move(revocation_connection));
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<Database> pairing_connection, factory.Connect());
  out.pairing = std::make_shared<SqlitePairingRepository>(std::move(pairing_connection));
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<Database> events_connection, factory.Connect());
  out.events = std::make_unique<SqliteEventLogRepository>(std::move(events_connection));
  return out;
}

}  // namespace palyra::store
