#pragma once
// Numbered schema migrations. Each is applied in its own BEGIN IMMEDIATE transaction together with
// its row in `schema_migrations`, so a crash leaves either all or none of it, and two processes
// migrating the same database at once serialise on the write lock: the second one sees the
// first one's row and skips that migration.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string_view>

#include "common/status.h"
#include "store/database.h"

namespace palyra::store {

struct Migration {
  int64_t version;        // 1, 2, 3, ... without gaps
  std::string_view name;  // short snake_case description; recorded in schema_migrations
  std::string_view sql;   // one or more statements
};

// Brings `db` up to the last migration in `migrations` (versions must be 1..N in order).
// FAILED_PRECONDITION when the database has a newer version than the list knows
// ("palyra.db schema version 7 is newer than this build supports (3); upgrade palyra") or when an
// applied migration's recorded name differs from the list's (an applied migration was edited).
Status ApplyMigrations(Database& db, std::span<const Migration> migrations);

// The highest applied version (0 for a database without migrations).
Result<int64_t> SchemaVersion(Database& db);

// Palyra's own migration list (see palyra_migrations.cc).
std::span<const Migration> PalyraMigrations();

// Opens `path` (creating it 0600 if needed) and applies PalyraMigrations().
Result<std::unique_ptr<Database>> OpenPalyraDatabase(const std::filesystem::path& path,
                                                     const DatabaseOptions& options = {});

}  // namespace palyra::store
