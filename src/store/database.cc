#include "store/database.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <thread>

#include "common/files.h"

namespace palyra::store {
namespace {

constexpr size_t kSqlSnippetChars = 60;

std::string Snippet(std::string_view sql) {
  std::string out;
  for (char c : sql) {
    if (out.size() >= kSqlSnippetChars) {
      out += "...";
      break;
    }
    const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool IsMemoryPath(const std::filesystem::path& path) { return path.empty() || path == ":memory:"; }

// Creates the database file with exactly 0600 before SQLite opens it: SQLite would otherwise
// create it 0644 & ~umask, and its -wal/-shm files copy the main file's permissions.
Status PrecreatePrivateFile(const std::filesystem::path& path, bool create_if_missing) {
  if (!create_if_missing) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return ErrnoStatus(errno, path, "opening database failed");
    return Status::Ok();
  }
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return Status::Ok();
    return ErrnoStatus(errno, path, "creating database file failed");
  }
  Status status;
  if (::fchmod(fd, 0600) != 0) status = ErrnoStatus(errno, path, "fchmod 0600 failed");
  ::close(fd);
  return status;
}

}  // namespace

// ---- Database ----

Result<std::unique_ptr<Database>> Database::Open(const std::filesystem::path& path,
                                                 const DatabaseOptions& options) {
  const bool memory = IsMemoryPath(path);
  if (!memory) PALYRA_RETURN_IF_ERROR(PrecreatePrivateFile(path, options.create_if_missing));

  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE;
  if (options.create_if_missing) flags |= SQLITE_OPEN_CREATE;
  const std::string name = memory ? std::string(":memory:") : path.string();
  const int rc = sqlite3_open_v2(name.c_str(), &raw, flags, nullptr);
  std::unique_ptr<Database> db(
      new Database(raw, memory ? std::filesystem::path(":memory:") : path));
  if (rc != SQLITE_OK) {
    if (raw == nullptr) return ResourceExhausted("sqlite: out of memory opening " + name);
    return db->Error(rc, "opening database failed");
  }
  sqlite3_extended_result_codes(raw, 1);
  PALYRA_RETURN_IF_ERROR(db->Configure(options));
  return db;
}

Status Database::Configure(const DatabaseOptions& options) {
  // The busy handler must be in place before anything that takes a lock, journal_mode included.
  int rc = sqlite3_busy_timeout(db_, options.busy_timeout_ms);
  if (rc != SQLITE_OK) return Error(rc, "setting busy_timeout failed");

  // Switching a fresh database to WAL needs an exclusive lock, and SQLite reports SQLITE_BUSY
  // for it without calling the busy handler when another connection is mid-way through the same
  // switch (e.g. two processes opening a new database at once). Retry that case ourselves, within
  // the same time budget.
  PALYRA_ASSIGN_OR_RETURN(Statement journal, Prepare("PRAGMA journal_mode=WAL"));
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(options.busy_timeout_ms);
  auto backoff = std::chrono::milliseconds(1);
  Result<bool> has_row = journal.Step();
  while (!has_row.ok() && has_row.status().code() == StatusCode::kUnavailable &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(backoff);
    backoff = std::min(backoff * 2, std::chrono::milliseconds(50));
    has_row = journal.Step();
  }
  if (!has_row.ok()) return has_row.status();
  const std::string mode = *has_row ? journal.ColumnText(0) : std::string();
  const bool memory = path_ == ":memory:";
  if (mode != "wal" && !(memory && mode == "memory")) {
    return FailedPrecondition(label() + ": could not switch to WAL journal mode (got '" + mode +
                              "'); WAL needs a local filesystem with shared memory support");
  }
  PALYRA_RETURN_IF_ERROR(journal.Reset());

  PALYRA_RETURN_IF_ERROR(Exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"));
  PALYRA_ASSIGN_OR_RETURN(Statement fk, Prepare("PRAGMA foreign_keys"));
  PALYRA_ASSIGN_OR_RETURN(bool fk_row, fk.Step());
  if (!fk_row || fk.ColumnInt64(0) != 1) {
    return FailedPrecondition(label() + ": SQLite was built without foreign key support");
  }
  return Status::Ok();
}

namespace {
constexpr size_t kMaxCachedStatements = 512;
constexpr size_t kMaxCachedPerText = 4;
}  // namespace

Database::~Database() {
  for (auto& [text, statements] : statement_cache_) {
    for (sqlite3_stmt* stmt : statements) sqlite3_finalize(stmt);
  }
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

void Database::Recycle(sqlite3_stmt* stmt) {
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  if (cached_statements_ < kMaxCachedStatements) {
    std::vector<sqlite3_stmt*>& slot = statement_cache_[sqlite3_sql(stmt)];
    if (slot.size() < kMaxCachedPerText) {
      slot.push_back(stmt);
      ++cached_statements_;
      return;
    }
  }
  sqlite3_finalize(stmt);
}

std::string Database::label() const {
  if (path_ == ":memory:") return "database";
  const std::string name = path_.filename().string();
  return name.empty() ? path_.string() : name;
}

Status Database::Error(int rc, std::string_view what) const {
  StatusCode code = StatusCode::kInternal;
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      code = (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
                 ? StatusCode::kAlreadyExists
                 : StatusCode::kFailedPrecondition;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
      code = StatusCode::kUnavailable;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = StatusCode::kDataLoss;
      break;
    case SQLITE_FULL:
    case SQLITE_NOMEM:
      code = StatusCode::kResourceExhausted;
      break;
    case SQLITE_PERM:
    case SQLITE_AUTH:
      code = StatusCode::kPermissionDenied;
      break;
    case SQLITE_READONLY:
      code = StatusCode::kFailedPrecondition;
      break;
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      code = StatusCode::kInvalidArgument;
      break;
    default:
      break;
  }
  std::string message = label();
  message += ": ";
  message += what;
  message += ": ";
  // sqlite3_errmsg describes the most recent failure on this connection; fall back to the
  // generic text for the code when it has been overwritten by a later success.
  const char* detail = db_ != nullptr ? sqlite3_errmsg(db_) : nullptr;
  if (detail == nullptr || sqlite3_extended_errcode(db_) != rc) detail = sqlite3_errstr(rc);
  message += detail;
  return {code, std::move(message)};
}

Status Database::Exec(std::string_view sql) {
  // One statement (the transaction verbs, savepoints, pragmas): through the statement cache.
  const size_t semicolon = sql.find(';');
  if (semicolon == std::string_view::npos ||
      sql.find_first_not_of(" \t\r\n;", semicolon) == std::string_view::npos) {
    PALYRA_ASSIGN_OR_RETURN(Statement stmt, Prepare(sql.substr(0, semicolon)));
    while (true) {
      PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) return Status::Ok();
    }
  }
  const std::string text(sql);
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::Ok();
  Status status = Error(rc, "executing '" + Snippet(sql) + "' failed");
  sqlite3_free(err);
  return status;
}

Result<Statement> Database::Prepare(std::string_view sql) {
  if (sql.size() > static_cast<size_t>(INT_MAX)) return InvalidArgument("SQL text too long");
  if (auto it = statement_cache_.find(std::string(sql));
      it != statement_cache_.end() && !it->second.empty()) {
    sqlite3_stmt* cached = it->second.back();
    it->second.pop_back();
    --cached_statements_;
    return Statement(this, cached);
  }
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "preparing '" + Snippet(sql) + "' failed");
  if (stmt == nullptr) return InvalidArgument("SQL text is empty: '" + Snippet(sql) + "'");
  return Statement(this, stmt);
}

Result<Transaction> Database::Begin(TransactionMode mode) {
  PALYRA_RETURN_IF_ERROR(Exec(mode == TransactionMode::kImmediate ? "BEGIN IMMEDIATE" : "BEGIN"));
  return Transaction(this);
}

Status Database::RunInTransaction(const std::function<Status()>& fn) {
  PALYRA_ASSIGN_OR_RETURN(Transaction txn, Begin(TransactionMode::kImmediate));
  PALYRA_RETURN_IF_ERROR(fn());
  return txn.Commit();
}

int64_t Database::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
int64_t Database::Changes() const { return sqlite3_changes64(db_); }
bool Database::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

// ---- Statement ----

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
  other.db_ = nullptr;
  other.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_ != nullptr) db_->Recycle(stmt_);
    db_ = other.db_;
    stmt_ = other.stmt_;
    other.db_ = nullptr;
    other.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() {
  if (stmt_ != nullptr) db_->Recycle(stmt_);
}

Status Statement::Check(int rc, std::string_view what) const {
  if (rc == SQLITE_OK) return Status::Ok();
  return db_->Error(rc, std::string(what) + " for '" + Snippet(sql()) + "' failed");
}

Status Statement::BindInt64(int index, int64_t value) {
  return Check(sqlite3_bind_int64(stmt_, index, value),
               "binding parameter " + std::to_string(index));
}

Status Statement::BindBool(int index, bool value) { return BindInt64(index, value ? 1 : 0); }

Status Statement::BindText(int index, std::string_view value) {
  return Check(
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
      "binding parameter " + std::to_string(index));
}

Status Statement::BindBlob(int index, std::span<const uint8_t> value) {
  // A zero-length blob must still be a blob, not NULL: pass a non-null pointer.
  static const uint8_t kEmpty = 0;
  const void* data = value.empty() ? &kEmpty : value.data();
  return Check(sqlite3_bind_blob64(stmt_, index, data, value.size(), SQLITE_TRANSIENT),
               "binding parameter " + std::to_string(index));
}

Status Statement::BindBlob(int index, std::string_view bytes) {
  return BindBlob(index, std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()),
                                                  bytes.size()));
}

Status Statement::BindNull(int index) {
  return Check(sqlite3_bind_null(stmt_, index), "binding parameter " + std::to_string(index));
}

Status Statement::BindOptionalInt64(int index, const std::optional<int64_t>& value) {
  return value.has_value() ? BindInt64(index, *value) : BindNull(index);
}

Status Statement::BindOptionalText(int index, const std::optional<std::string>& value) {
  return value.has_value() ? BindText(index, *value) : BindNull(index);
}

Result<int> Statement::ParameterIndex(std::string_view name) const {
  const std::string n(name);
  const int index = sqlite3_bind_parameter_index(stmt_, n.c_str());
  if (index == 0) {
    return NotFound("no parameter " + n + " in '" + Snippet(sql()) + "'");
  }
  return index;
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // Reset so the statement can be reused; it returns the same error code, so ignore it.
  Status status = db_->Error(rc, "running '" + Snippet(sql()) + "' failed");
  sqlite3_reset(stmt_);
  return status;
}

Status Statement::Run() {
  PALYRA_ASSIGN_OR_RETURN(bool row, Step());
  if (row) {
    sqlite3_reset(stmt_);
    return Internal("'" + Snippet(sql()) + "' returned rows; use Step() to read them");
  }
  return Status::Ok();
}

Status Statement::Reset() { return Check(sqlite3_reset(stmt_), "reset"); }

Status Statement::ClearBindings() { return Check(sqlite3_clear_bindings(stmt_), "clear bindings"); }

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }

bool Statement::ColumnIsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int64_t Statement::ColumnInt64(int column) const { return sqlite3_column_int64(stmt_, column); }

bool Statement::ColumnBool(int column) const { return ColumnInt64(column) != 0; }

std::string Statement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);  // after _text, per SQLite's rules
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(size));
}

std::string Statement::ColumnBlob(int column) const {
  const void* blob = sqlite3_column_blob(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  if (blob == nullptr) return {};
  return std::string(static_cast<const char*>(blob), static_cast<size_t>(size));
}

std::optional<int64_t> Statement::ColumnOptionalInt64(int column) const {
  if (ColumnIsNull(column)) return std::nullopt;
  return ColumnInt64(column);
}

std::optional<std::string> Statement::ColumnOptionalText(int column) const {
  if (ColumnIsNull(column)) return std::nullopt;
  return ColumnText(column);
}

const char* Statement::sql() const { return stmt_ != nullptr ? sqlite3_sql(stmt_) : ""; }

// ---- Transaction ----

Transaction::Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }

Transaction::~Transaction() {
  if (db_ != nullptr) (void)Rollback();
}

Status Transaction::Commit() {
  if (db_ == nullptr) return FailedPrecondition("transaction is no longer active");
  Status status = db_->Exec("COMMIT");
  if (status.ok() || !db_->InTransaction()) db_ = nullptr;  // else the destructor rolls back
  return status;
}

Status Transaction::Rollback() {
  if (db_ == nullptr) return FailedPrecondition("transaction is no longer active");
  Database* db = db_;
  db_ = nullptr;
  // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL or an I/O error).
  if (!db->InTransaction()) return Status::Ok();
  return db->Exec("ROLLBACK");
}

}  // namespace palyra::store
