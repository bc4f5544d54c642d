#pragma once
// Opening the identity pieces the way one process does: its own connection factory over the
// database file, the SQLite repositories on connections of their own, and the domain objects on
// top. Several of these over one file behave like several processes.

#include <filesystem>
#include <memory>

#include "common/status.h"
#include "identity/store/device_registry.h"
#include "identity/store/revocation_index.h"
#include "store/connection_factory.h"
#include "store/sqlite_ca_repository.h"
#include "store/sqlite_device_repository.h"
#include "store/sqlite_revocation_repository.h"

namespace palyra::testing {

// A registry (and its CA) over `db_path`, created and migrated when missing. When
// `device_connection` is given, it receives the registry's device connection (to wrap calls in
// a transaction of the test's own, or to inject failures with temp triggers).
inline Result<std::unique_ptr<identity::DeviceRegistry>> OpenRegistry(
    const std::filesystem::path& db_path, const std::filesystem::path& ca_key_path,
    int64_t now_unix_ms, store::Database** device_connection = nullptr) {
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<store::ConnectionFactory> factory,
                          store::ConnectionFactory::Open(db_path));
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<store::Database> ca_connection, factory->Connect());
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<store::Database> devices_connection,
                          factory->Connect());
  if (device_connection != nullptr) *device_connection = devices_connection.get();
  return identity::DeviceRegistry::Open(
      std::make_unique<store::SqliteCaRepository>(std::move(ca_connection)),
      std::make_unique<store::SqliteDeviceRepository>(std::move(devices_connection)),
      ca_key_path, now_unix_ms);
}

// A revocation index reading an existing (migrated) database on a connection of its own.
inline Result<std::unique_ptr<identity::RevocationIndex>> OpenRevocationIndex(
    const std::filesystem::path& db_path, const identity::RevocationIndexOptions& options = {}) {
  store::DatabaseOptions db_options;
  db_options.create_if_missing = false;
  Result<std::unique_ptr<store::Database>> db = store::Database::Open(db_path, db_options);
  if (!db.ok()) return db.status().WithContext("opening the revocation index");
  return identity::RevocationIndex::Open(
      std::make_unique<store::SqliteRevocationRepository>(std::move(*db)), options);
}

}  // namespace palyra::testing
