#include "store/migrations.h"

#include <string>

#include "common/time.h"

namespace palyra::store {
namespace {

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at_unix_ms INTEGER NOT NULL)";

Status CheckList(std::span<const Migration> migrations) {
  for (size_t i = 0; i < migrations.size(); ++i) {
    const Migration& m = migrations[i];
    if (m.version != static_cast<int64_t>(i) + 1) {
      return Internal("migration list is not numbered 1..N: entry " + std::to_string(i) +
                      " has version " + std::to_string(m.version));
    }
    if (m.name.empty() || m.sql.empty()) {
      return Internal("migration " + std::to_string(m.version) + " has no name or no SQL");
    }
  }
  return Status::Ok();
}

Result<int64_t> MaxVersion(Database& db) {
  PALYRA_ASSIGN_OR_RETURN(Statement stmt,
                          db.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.ColumnInt64(0) : int64_t{0};
}

// Every recorded migration must match the list by name; the list is append-only.
Status CheckAppliedNames(Database& db, std::span<const Migration> migrations) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement stmt, db.Prepare("SELECT version, name FROM schema_migrations ORDER BY version"));
  while (true) {
    PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    const int64_t version = stmt.ColumnInt64(0);
    const std::string name = stmt.ColumnText(1);
    if (version < 1 || version > static_cast<int64_t>(migrations.size())) continue;
    const Migration& m = migrations[static_cast<size_t>(version - 1)];
    if (name != m.name) {
      return FailedPrecondition(db.label() + " migration " + std::to_string(version) +
                                " was applied as '" + name + "' but this build calls it '" +
                                std::string(m.name) +
                                "'; applied migrations must never be edited, only appended");
    }
  }
  return Status::Ok();
}

}  // namespace

Result<int64_t> SchemaVersion(Database& db) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement exists,
      db.Prepare(
          "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'"));
  PALYRA_ASSIGN_OR_RETURN(bool has_table, exists.Step());
  if (!has_table) return int64_t{0};
  return MaxVersion(db);
}

Status ApplyMigrations(Database& db, std::span<const Migration> migrations) {
  PALYRA_RETURN_IF_ERROR(CheckList(migrations));
  const auto known = static_cast<int64_t>(migrations.size());
  bool checked_names = false;

  while (true) {
    // The write lock is taken before reading the version, so only one process applies each step.
    PALYRA_ASSIGN_OR_RETURN(Transaction txn, db.Begin(TransactionMode::kImmediate));
    PALYRA_RETURN_IF_ERROR(db.Exec(kCreateMigrationsTable));
    PALYRA_ASSIGN_OR_RETURN(int64_t current, MaxVersion(db));
    if (current > known) {
      return FailedPrecondition(db.label() + " schema version " + std::to_string(current) +
                                " is newer than this build supports (" + std::to_string(known) +
                                "); upgrade palyra");
    }
    if (!checked_names) {
      PALYRA_RETURN_IF_ERROR(CheckAppliedNames(db, migrations));
      checked_names = true;
    }
    if (current == known) return txn.Commit();

    const Migration& m = migrations[static_cast<size_t>(current)];
    const std::string context =
        db.label() + ": migration " + std::to_string(m.version) + " (" + std::string(m.name) + ")";
    PALYRA_RETURN_IF_ERROR(db.Exec(m.sql).WithContext(context));
    PALYRA_ASSIGN_OR_RETURN(
        Statement record,
        db.Prepare("INSERT INTO schema_migrations (version, name, applied_at_unix_ms) "
                   "VALUES (?1, ?2, ?3)"));
    PALYRA_RETURN_IF_ERROR(record.BindInt64(1, m.version));
    PALYRA_RETURN_IF_ERROR(record.BindText(2, m.name));
    PALYRA_RETURN_IF_ERROR(record.BindInt64(3, NowUnixMs()));
    PALYRA_RETURN_IF_ERROR(record.Run());
    PALYRA_RETURN_IF_ERROR(txn.Commit().WithContext(context));
  }
}

Result<std::unique_ptr<Database>> OpenPalyraDatabase(const std::filesystem::path& path,
                                                     const DatabaseOptions& options) {
  PALYRA_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(path, options));
  PALYRA_RETURN_IF_ERROR(ApplyMigrations(*db, PalyraMigrations()));
  return db;
}

}  // namespace palyra::store
