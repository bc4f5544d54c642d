#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cstring>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/migrations.h"
#include "support/test_util.h"

extern char** environ;

namespace palyra::store {
namespace {

using ::testing::HasSubstr;
using testing_util::ScopedTempDir;
using testing_util::ScopedUmask;

int64_t QueryInt(Database& db, const std::string& sql) {
  Result<Statement> stmt = db.Prepare(sql);
  EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
  if (!stmt.ok()) return -1;
  Result<bool> row = stmt->Step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return stmt->ColumnInt64(0);
}

std::string QueryText(Database& db, const std::string& sql) {
  Result<Statement> stmt = db.Prepare(sql);
  EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
  if (!stmt.ok()) return "";
  Result<bool> row = stmt->Step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return stmt->ColumnText(0);
}

std::unique_ptr<Database> MustOpen(const std::filesystem::path& path) {
  Result<std::unique_ptr<Database>> db = OpenPalyraDatabase(path);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(db).value() : nullptr;
}

TEST(DatabaseTest, OpensWithWalAndSettings) {
  ScopedTempDir dir;
  ScopedUmask mask(0);  // the file must still be private
  Result<std::unique_ptr<Database>> db = Database::Open(dir / "palyra.db");
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ(QueryText(**db, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(QueryInt(**db, "PRAGMA foreign_keys"), 1);
  EXPECT_EQ(QueryInt(**db, "PRAGMA synchronous"), 1);  // NORMAL
  EXPECT_EQ(QueryInt(**db, "PRAGMA busy_timeout"), kDefaultBusyTimeoutMs);
  EXPECT_EQ((*db)->label(), "palyra.db");

  ASSERT_TRUE((*db)->Exec("CREATE TABLE t (x INTEGER)").ok());  // creates -wal / -shm
  for (const char* name : {"palyra.db", "palyra.db-wal", "palyra.db-shm"}) {
    struct stat st {};
    ASSERT_EQ(::stat((dir / name).c_str(), &st), 0) << name;
    EXPECT_EQ(st.st_mode & 0777, 0600u) << name;
  }
}

TEST(DatabaseTest, CustomBusyTimeout) {
  ScopedTempDir dir;
  DatabaseOptions options;
  options.busy_timeout_ms = 1234;
  Result<std::unique_ptr<Database>> db = Database::Open(dir / "x.db", options);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(QueryInt(**db, "PRAGMA busy_timeout"), 1234);
}

TEST(DatabaseTest, MissingFileWithoutCreate) {
  ScopedTempDir dir;
  DatabaseOptions options;
  options.create_if_missing = false;
  Result<std::unique_ptr<Database>> db = Database::Open(dir / "absent.db", options);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir / "absent.db"));
}

TEST(DatabaseTest, MissingDirectoryNamesPath) {
  ScopedTempDir dir;
  Result<std::unique_ptr<Database>> db = Database::Open(dir / "nope" / "palyra.db");
  ASSERT_FALSE(db.ok());
  EXPECT_THAT(db.status().message(), HasSubstr((dir / "nope" / "palyra.db").string()));
}

TEST(DatabaseTest, NotADatabase) {
  ScopedTempDir dir;
  {
    FILE* f = std::fopen((dir / "junk.db").c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("this is definitely not an sqlite database, just text padding it out......", f);
    std::fclose(f);
  }
  Result<std::unique_ptr<Database>> db = Database::Open(dir / "junk.db");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kDataLoss) << db.status().ToString();
}

TEST(DatabaseTest, StatementBindAndColumns) {
  Result<std::unique_ptr<Database>> opened = Database::Open(":memory:");
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  Database& db = **opened;
  ASSERT_TRUE(db.Exec("CREATE TABLE t (i INTEGER, s TEXT, b BLOB, n TEXT)").ok());
  Result<Statement> insert = db.Prepare("INSERT INTO t (i, s, b, n) VALUES (?1, ?2, ?3, :n)");
  ASSERT_TRUE(insert.ok());
  const std::string blob("\x00\x01\xff", 3);
  ASSERT_TRUE(insert->BindInt64(1, int64_t{1} << 40).ok());
  ASSERT_TRUE(insert->BindText(2, "h\xc3\xa9llo").ok());
  ASSERT_TRUE(insert->BindBlob(3, blob).ok());
  Result<int> n_index = insert->ParameterIndex(":n");
  ASSERT_TRUE(n_index.ok());
  ASSERT_TRUE(insert->BindNull(*n_index).ok());
  ASSERT_TRUE(insert->Run().ok());
  EXPECT_EQ(db.Changes(), 1);
  EXPECT_EQ(db.LastInsertRowId(), 1);

  // Reuse with new bindings.
  ASSERT_TRUE(insert->Reset().ok());
  ASSERT_TRUE(insert->BindInt64(1, -5).ok());
  ASSERT_TRUE(insert->BindOptionalText(2, std::nullopt).ok());
  ASSERT_TRUE(insert->BindBlob(3, std::string_view()).ok());
  ASSERT_TRUE(insert->BindOptionalText(4, std::string("set")).ok());
  ASSERT_TRUE(insert->Run().ok());

  Result<Statement> select = db.Prepare("SELECT i, s, b, n, typeof(b) FROM t ORDER BY rowid");
  ASSERT_TRUE(select.ok());
  ASSERT_EQ(select->ColumnCount(), 5);
  Result<bool> row = select->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(select->ColumnInt64(0), int64_t{1} << 40);
  EXPECT_EQ(select->ColumnText(1), "h\xc3\xa9llo");
  EXPECT_EQ(select->ColumnBlob(2), blob);
  EXPECT_TRUE(select->ColumnIsNull(3));
  EXPECT_EQ(select->ColumnOptionalText(3), std::nullopt);
  row = select->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(select->ColumnInt64(0), -5);
  EXPECT_EQ(select->ColumnOptionalText(1), std::nullopt);
  EXPECT_EQ(select->ColumnBlob(2), "");
  EXPECT_EQ(select->ColumnText(4), "blob");  // an empty blob, not NULL
  EXPECT_EQ(select->ColumnOptionalText(3), "set");
  row = select->Step();
  ASSERT_TRUE(row.ok());
  EXPECT_FALSE(*row);
}

TEST(DatabaseTest, ErrorsCarrySqliteMessage) {
  Result<std::unique_ptr<Database>> opened = Database::Open(":memory:");
  ASSERT_TRUE(opened.ok());
  Database& db = **opened;
  Result<Statement> bad = db.Prepare("SELEC 1");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("syntax error"));

  ASSERT_TRUE(db.Exec("CREATE TABLE u (k TEXT PRIMARY KEY)").ok());
  ASSERT_TRUE(db.Exec("INSERT INTO u VALUES ('a')").ok());
  Status dup = db.Exec("INSERT INTO u VALUES ('a')");
  EXPECT_EQ(dup.code(), StatusCode::kAlreadyExists);
  EXPECT_THAT(dup.message(), HasSubstr("UNIQUE constraint failed: u.k"));

  Result<Statement> insert = db.Prepare("INSERT INTO u VALUES (?1)");
  ASSERT_TRUE(insert.ok());
  ASSERT_TRUE(insert->BindText(1, "a").ok());
  Status step = insert->Run();
  EXPECT_EQ(step.code(), StatusCode::kAlreadyExists);
  EXPECT_THAT(step.message(), HasSubstr("UNIQUE constraint failed"));
  EXPECT_FALSE(insert->BindText(7, "x").ok());  // out of range parameter
}

TEST(DatabaseTest, ForeignKeysEnforced) {
  Result<std::unique_ptr<Database>> opened = Database::Open(":memory:");
  ASSERT_TRUE(opened.ok());
  Database& db = **opened;
  ASSERT_TRUE(db.Exec("CREATE TABLE p (id INTEGER PRIMARY KEY);"
                      "CREATE TABLE c (pid INTEGER NOT NULL REFERENCES p(id));")
                  .ok());
  Status s = db.Exec("INSERT INTO c VALUES (42)");
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.message(), HasSubstr("FOREIGN KEY constraint failed"));
}

TEST(TransactionTest, RollsBackUnlessCommitted) {
  ScopedTempDir dir;
  auto db = MustOpen(dir / "palyra.db");
  ASSERT_NE(db, nullptr);
  {
    Result<Transaction> txn = db->Begin();
    ASSERT_TRUE(txn.ok()) << txn.status().ToString();
    ASSERT_TRUE(db->Exec("INSERT INTO gateway_meta VALUES ('a', '1', 0)").ok());
    EXPECT_TRUE(db->InTransaction());
  }  // destroyed without Commit
  EXPECT_FALSE(db->InTransaction());
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM gateway_meta"), 0);

  {
    Result<Transaction> txn = db->Begin();
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(db->Exec("INSERT INTO gateway_meta VALUES ('b', '1', 0)").ok());
    ASSERT_TRUE(txn->Commit().ok());
    EXPECT_FALSE(txn->active());
    EXPECT_FALSE(txn->Commit().ok());  // not twice
  }
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM gateway_meta"), 1);

  {
    Result<Transaction> txn = db->Begin(TransactionMode::kDeferred);
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(db->Exec("DELETE FROM gateway_meta").ok());
    ASSERT_TRUE(txn->Rollback().ok());
  }
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM gateway_meta"), 1);
}

TEST(TransactionTest, RunInTransactionRollsBackOnError) {
  ScopedTempDir dir;
  auto db = MustOpen(dir / "palyra.db");
  ASSERT_NE(db, nullptr);
  Status s = db->RunInTransaction([&]() -> Status {
    PALYRA_RETURN_IF_ERROR(db->Exec("INSERT INTO gateway_meta VALUES ('a', '1', 0)"));
    return Aborted("changed my mind");
  });
  EXPECT_EQ(s.code(), StatusCode::kAborted);
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM gateway_meta"), 0);
  EXPECT_TRUE(db->RunInTransaction([&] {
                  return db->Exec("INSERT INTO gateway_meta VALUES ('a', '1', 0)");
                }).ok());
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM gateway_meta"), 1);
}

TEST(TransactionTest, SecondWriterWaitsThenTimesOut) {
  ScopedTempDir dir;
  auto first = MustOpen(dir / "palyra.db");
  ASSERT_NE(first, nullptr);
  DatabaseOptions impatient;
  impatient.busy_timeout_ms = 50;
  Result<std::unique_ptr<Database>> second = Database::Open(dir / "palyra.db", impatient);
  ASSERT_TRUE(second.ok());
  Result<Transaction> held = first->Begin();
  ASSERT_TRUE(held.ok());
  Result<Transaction> blocked = (*second)->Begin();
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.status().code(), StatusCode::kUnavailable);
  EXPECT_THAT(blocked.status().message(), HasSubstr("database is locked"));
  ASSERT_TRUE(held->Commit().ok());
  Result<Transaction> now_free = (*second)->Begin();
  EXPECT_TRUE(now_free.ok()) << now_free.status().ToString();
}

// ---- migrations ----

TEST(MigrationsTest, FreshDatabaseIsMigrated) {
  ScopedTempDir dir;
  auto db = MustOpen(dir / "palyra.db");
  ASSERT_NE(db, nullptr);
  const auto known = static_cast<int64_t>(PalyraMigrations().size());
  EXPECT_GE(known, 1);
  EXPECT_EQ(*SchemaVersion(*db), known);
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM schema_migrations"), known);
  EXPECT_EQ(QueryText(*db, "SELECT name FROM schema_migrations WHERE version = 1"), "gateway_meta");
  EXPECT_GT(QueryInt(*db, "SELECT applied_at_unix_ms FROM schema_migrations WHERE version = 1"),
            1600000000000);
  ASSERT_TRUE(db->Exec("INSERT INTO gateway_meta (key, value, updated_at_unix_ms) "
                       "VALUES ('k', 'v', 1)")
                  .ok());
  // Reopening applies nothing new and keeps the data.
  db.reset();
  db = MustOpen(dir / "palyra.db");
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM schema_migrations"), known);
  EXPECT_EQ(QueryText(*db, "SELECT value FROM gateway_meta WHERE key = 'k'"), "v");
}

TEST(MigrationsTest, AppliesOnlyNewMigrationsInOrder) {
  ScopedTempDir dir;
  Result<std::unique_ptr<Database>> db = Database::Open(dir / "t.db");
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(*SchemaVersion(**db), 0);
  const std::vector<Migration> v1 = {{1, "one", "CREATE TABLE one (x INTEGER);"}};
  ASSERT_TRUE(ApplyMigrations(**db, v1).ok());
  EXPECT_EQ(*SchemaVersion(**db), 1);
  const std::vector<Migration> v3 = {
      {1, "one", "CREATE TABLE one (x INTEGER);"},
      {2, "two", "CREATE TABLE two (x INTEGER); INSERT INTO two VALUES (2);"},
      {3, "three", "ALTER TABLE two ADD COLUMN y TEXT;"},
  };
  ASSERT_TRUE(ApplyMigrations(**db, v3).ok());
  EXPECT_EQ(*SchemaVersion(**db), 3);
  EXPECT_EQ(QueryInt(**db, "SELECT COUNT(*) FROM two"), 1);
  ASSERT_TRUE(ApplyMigrations(**db, v3).ok());  // idempotent
  EXPECT_EQ(QueryInt(**db, "SELECT COUNT(*) FROM schema_migrations"), 3);
}

TEST(MigrationsTest, FailedMigrationLeavesNoTrace) {
  ScopedTempDir dir;
  Result<std::unique_ptr<Database>> db = Database::Open(dir / "t.db");
  ASSERT_TRUE(db.ok());
  const std::vector<Migration> broken = {
      {1, "one", "CREATE TABLE one (x INTEGER);"},
      {2, "broken", "CREATE TABLE half (x INTEGER); THIS IS NOT SQL;"},
  };
  Status s = ApplyMigrations(**db, broken);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("migration 2 (broken)"));
  EXPECT_EQ(*SchemaVersion(**db), 1);
  EXPECT_EQ(QueryInt(**db, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'half'"), 0);
}

TEST(MigrationsTest, RefusesNewerSchema) {
  ScopedTempDir dir;
  {
    auto db = MustOpen(dir / "palyra.db");
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(db->Exec("INSERT INTO schema_migrations VALUES (7, 'from_the_future', 0)").ok());
  }
  Result<std::unique_ptr<Database>> db = OpenPalyraDatabase(dir / "palyra.db");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(db.status().message(),
            "palyra.db schema version 7 is newer than this build supports (" +
                std::to_string(PalyraMigrations().size()) + "); upgrade palyra");
}

TEST(MigrationsTest, RefusesEditedMigration) {
  ScopedTempDir dir;
  Result<std::unique_ptr<Database>> db = Database::Open(dir / "t.db");
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(
      ApplyMigrations(**db, std::vector<Migration>{{1, "one", "CREATE TABLE one (x);"}}).ok());
  Status s = ApplyMigrations(**db, std::vector<Migration>{{1, "uno", "CREATE TABLE one (x);"}});
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.message(), HasSubstr("never be edited"));
}

TEST(MigrationsTest, RejectsBadList) {
  Result<std::unique_ptr<Database>> db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(ApplyMigrations(**db, std::vector<Migration>{{2, "two", "SELECT 1;"}}).code(),
            StatusCode::kInternal);
}

// ---- several processes ----

pid_t SpawnWriter(const std::filesystem::path& db, const std::string& tag, int count) {
  const std::string path = PALYRA_STORE_WRITER_PATH;
  const std::string db_arg = db.string();
  const std::string count_arg = std::to_string(count);
  std::vector<char*> argv = {const_cast<char*>(path.c_str()), const_cast<char*>(db_arg.c_str()),
                             const_cast<char*>(tag.c_str()), const_cast<char*>(count_arg.c_str()),
                             nullptr};
  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, path.c_str(), nullptr, nullptr, argv.data(), environ);
  EXPECT_EQ(rc, 0) << "posix_spawn " << path << ": " << std::strerror(rc);
  return rc == 0 ? pid : -1;
}

int WaitExitCode(pid_t pid) {
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

TEST(StoreConcurrencyTest, TwoProcessesMigrateAndWriteTheSameFreshDatabase) {
  ScopedTempDir dir;
  const auto path = dir / "palyra.db";
  constexpr int kRowsEach = 500;
  const pid_t a = SpawnWriter(path, "a", kRowsEach);
  const pid_t b = SpawnWriter(path, "b", kRowsEach);
  ASSERT_GT(a, 0);
  ASSERT_GT(b, 0);
  EXPECT_EQ(WaitExitCode(a), 0);
  EXPECT_EQ(WaitExitCode(b), 0);

  auto db = MustOpen(path);
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM gateway_meta"), 2 * kRowsEach);
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM gateway_meta WHERE value = 'a'"), kRowsEach);
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM gateway_meta WHERE value = 'b'"), kRowsEach);
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM schema_migrations"),
            static_cast<int64_t>(PalyraMigrations().size()));
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

}  // namespace
}  // namespace palyra::store
