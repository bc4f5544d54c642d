// Test helper: opens a Palyra database (migrating it if needed) and inserts `count` rows into
// gateway_meta, each in its own IMMEDIATE transaction. Used by the store tests to run several
// writer processes against one database file at the same time.
//
// usage: palyra_store_test_writer <db path> <tag> <count>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/time.h"
#include "store/migrations.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s <db path> <tag> <count>\n", argv[0]);
    return 2;
  }
  const std::string tag = argv[2];
  const int count = std::atoi(argv[3]);

  auto db = palyra::store::OpenPalyraDatabase(argv[1]);
  if (!db.ok()) {
    std::fprintf(stderr, "open: %s\n", db.status().ToString().c_str());
    return 1;
  }
  for (int i = 0; i < count; ++i) {
    palyra::Status s = (*db)->RunInTransaction([&]() -> palyra::Status {
      PALYRA_ASSIGN_OR_RETURN(
          palyra::store::Statement insert,
          (*db)->Prepare("INSERT INTO gateway_meta (key, value, updated_at_unix_ms) "
                         "VALUES (?1, ?2, ?3)"));
      PALYRA_RETURN_IF_ERROR(insert.BindText(1, tag + "-" + std::to_string(i)));
      PALYRA_RETURN_IF_ERROR(insert.BindText(2, tag));
      PALYRA_RETURN_IF_ERROR(insert.BindInt64(3, palyra::NowUnixMs()));
      return insert.Run();
    });
    if (!s.ok()) {
      std::fprintf(stderr, "insert %d: %s\n", i, s.ToString().c_str());
      return 1;
    }
  }
  return 0;
}
