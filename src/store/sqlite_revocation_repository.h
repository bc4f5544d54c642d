#pragma once
// RevocationRepository on SQLite: ChangeCounter is PRAGMA data_version on this repository's own
// connection; the generations are the identity_generation row that triggers bump on every change
// to revoked_certificates; rows carry the generation that added them.

#include <memory>

#include "store/database.h"
#include "store/revocation_repository.h"

namespace palyra::store {

class SqliteRevocationRepository final : public RevocationRepository {
 public:
  // The connection must be its own: data_version only reports other connections' commits.
  explicit SqliteRevocationRepository(std::unique_ptr<Database> connection)
      : db_(std::move(connection)) {}

  Result<int64_t> ChangeCounter() override;
  Result<RevocationGenerations> Generations() override;
  Result<RevokedFingerprints> Load(const std::optional<RevocationGenerations>& since) override;

 private:
  std::unique_ptr<Database> db_;
};

}  // namespace palyra::store
