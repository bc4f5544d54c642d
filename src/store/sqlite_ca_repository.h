#pragma once
// CaRepository on SQLite (table gateway_ca, one row).

#include <memory>
#include <mutex>

#include "store/ca_repository.h"
#include "store/database.h"

namespace palyra::store {

class SqliteCaRepository final : public CaRepository {
 public:
  // Owns its connection (take it from the ConnectionFactory).
  explicit SqliteCaRepository(std::unique_ptr<Database> connection);
  // Works on a connection the caller owns and may share (tests that wrap calls in their own
  // transaction). `connection` must outlive the repository.
  explicit SqliteCaRepository(Database& connection);

  Result<std::optional<StoredCa>> Get() override;
  Result<CaCreation> GetOrCreate(const std::function<Result<StoredCa>()>& make,
                                 int64_t now_unix_ms) override;
  Result<int64_t> Sequence(std::string_view ca_fingerprint) override;
  // Inside the caller's transaction on this connection it joins it (as a savepoint), so the bump
  // commits or rolls back with the caller's work.
  Result<int64_t> RecordIssuance(std::string_view ca_fingerprint, int64_t now_unix_ms) override;
  std::string label() const override { return db_.label(); }

  // Advances the sequence inside the transaction already open on `db` (the device repository
  // records device certificates this way). FAILED_PRECONDITION outside a transaction.
  static Result<int64_t> AdvanceSequenceInTransaction(Database& db,
                                                      std::string_view ca_fingerprint,
                                                      int64_t now_unix_ms);
  Result<int64_t> AdvanceSequenceInTransaction(std::string_view ca_fingerprint,
                                               int64_t now_unix_ms);

  Database& database() { return db_; }

 private:
  std::unique_ptr<Database> owned_;
  Database& db_;
  std::mutex mu_;  // one unit of work at a time on the connection
};

}  // namespace palyra::store
