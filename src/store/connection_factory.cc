#include "store/connection_factory.h"

#include "store/migrations.h"

namespace palyra::store {

Result<std::unique_ptr<ConnectionFactory>> ConnectionFactory::Open(
    const std::filesystem::path& path, const DatabaseOptions& options) {
  // Migrating here, once, means every later connection finds the schema in place.
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<Database> migrated, OpenPalyraDatabase(path, options));
  (void)migrated;
  return std::unique_ptr<ConnectionFactory>(new ConnectionFactory(path, options));
}

Result<std::unique_ptr<Database>> ConnectionFactory::Connect() const {
  DatabaseOptions options = options_;
  // The file exists by now; a connection that would create it means it was removed under us.
  options.create_if_missing = false;
  return Database::Open(path_, options);
}

}  // namespace palyra::store
