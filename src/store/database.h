#pragma once
// A thin RAII layer over one SQLite connection. Every call reports errors as palyra::Status
// carrying SQLite's own message. Connections open in WAL mode with a busy timeout, foreign keys
// on and synchronous=NORMAL, so several processes can share one database file: writers queue on
// the busy timeout instead of failing.
//
// Threading: a Database is one connection (opened in SQLite's serialized mode, so single calls
// are safe from any thread), but a Statement or Transaction must not be used from two threads
// at once; give each thread its own connection or serialise units of work. Statements and
// Transactions must not outlive the Database they came from.

#include <cstdint>
#include <filesystem>
#include <unordered_map>
#include <vector>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace palyra::store {

inline constexpr int kDefaultBusyTimeoutMs = 5000;

struct DatabaseOptions {
  int busy_timeout_ms = kDefaultBusyTimeoutMs;
  // Create the file (mode 0600) when it does not exist; otherwise NOT_FOUND.
  bool create_if_missing = true;
};

class Database;

// A prepared statement. Parameter indexes are 1-based (as in SQLite), column indexes 0-based.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Status BindInt64(int index, int64_t value);
  Status BindBool(int index, bool value);  // stored as 0/1
  Status BindText(int index, std::string_view value);
  Status BindBlob(int index, std::span<const uint8_t> value);
  Status BindBlob(int index, std::string_view bytes);
  Status BindNull(int index);
  Status BindOptionalInt64(int index, const std::optional<int64_t>& value);
  Status BindOptionalText(int index, const std::optional<std::string>& value);
  // Index of a named parameter (":name", "@name", "$name"); NOT_FOUND when absent.
  Result<int> ParameterIndex(std::string_view name) const;

  // Advances: true when a row is available, false when the statement is done.
  Result<bool> Step();
  // Steps to completion, for statements that return no rows (INTERNAL if one does).
  Status Run();
  // Ready to run again; bindings are kept unless ClearBindings() is called.
  Status Reset();
  Status ClearBindings();

  int ColumnCount() const;
  bool ColumnIsNull(int column) const;
  int64_t ColumnInt64(int column) const;
  bool ColumnBool(int column) const;
  std::string ColumnText(int column) const;
  std::string ColumnBlob(int column) const;  // raw bytes
  std::optional<int64_t> ColumnOptionalInt64(int column) const;
  std::optional<std::string> ColumnOptionalText(int column) const;

  const char* sql() const;

 private:
  friend class Database;
  Statement(Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Status Check(int rc, std::string_view what) const;

  Database* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

enum class TransactionMode {
  kDeferred,   // BEGIN: takes locks lazily (read-only work)
  kImmediate,  // BEGIN IMMEDIATE: takes the write lock now, so writers queue on busy_timeout
};

// RAII transaction: rolled back on destruction unless Commit() succeeded.
class Transaction {
 public:
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  Status Commit();
  Status Rollback();
  bool active() const { return db_ != nullptr; }

 private:
  friend class Database;
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_ = nullptr;
};

class Database {
 public:
  // Opens (or creates, 0600) the database at `path` and applies the connection settings.
  // ":memory:" opens a private in-memory database (journal_mode stays "memory").
  static Result<std::unique_ptr<Database>> Open(const std::filesystem::path& path,
                                                const DatabaseOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more SQL statements that return no rows.
  Status Exec(std::string_view sql);
  Result<Statement> Prepare(std::string_view sql);
  Result<Transaction> Begin(TransactionMode mode = TransactionMode::kImmediate);
  // Begins an IMMEDIATE transaction, runs `fn`, commits if it returned OK, else rolls back and
  // returns its error.
  Status RunInTransaction(const std::function<Status()>& fn);

  int64_t LastInsertRowId() const;
  int64_t Changes() const;  // rows changed by the last INSERT/UPDATE/DELETE
  bool InTransaction() const;

  const std::filesystem::path& path() const { return path_; }
  // The file name for messages ("palyra.db"), or "database" for in-memory databases.
  std::string label() const;
  sqlite3* handle() const { return db_; }

  // Status for SQLite result code `rc`, with the connection's error message:
  //   "palyra.db: <what>: UNIQUE constraint failed: gateway_meta.key"
  // Codes: constraint UNIQUE/PRIMARY KEY -> ALREADY_EXISTS, other constraints ->
  // FAILED_PRECONDITION, BUSY/LOCKED -> UNAVAILABLE, CORRUPT/NOTADB -> DATA_LOSS,
  // FULL -> RESOURCE_EXHAUSTED, PERM/AUTH -> PERMISSION_DENIED, READONLY -> FAILED_PRECONDITION,
  // CANTOPEN -> UNAVAILABLE, TOOBIG -> INVALID_ARGUMENT, others -> INTERNAL.
  Status Error(int rc, std::string_view what) const;

 private:
  friend class Statement;
  Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
  Status Configure(const DatabaseOptions& options);
  // Takes back a statement a Statement is done with: reset, cleared and kept for the next
  // Prepare() of the same SQL text, or finalized when the cache is full.
  void Recycle(sqlite3_stmt* stmt);

  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
  // Parsing SQL costs more than running a simple statement, and every store prepares the same
  // few dozen texts over and over; so finished statements are kept, per SQL text.
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>> statement_cache_;
  size_t cached_statements_ = 0;
};

}  // namespace palyra::store
