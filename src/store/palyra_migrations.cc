// Palyra's schema, as an ordered list of migrations.
//
// NEVER edit, reorder or remove a migration once it has been committed: databases in the field
// have already applied it (its name is checked on open). To change the schema, APPEND a new
// migration with the next version number.

#include "store/migrations.h"

namespace palyra::store {
namespace {

constexpr Migration kMigrations[] = {
    {1, "gateway_meta",
     R"sql(
CREATE TABLE gateway_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at_unix_ms INTEGER NOT NULL
);
)sql"},
    // Append new migrations here: {2, "name", R"sql(...)sql"},
};

}  // namespace

std::span<const Migration> PalyraMigrations() { return kMigrations; }

}  // namespace palyra::store
