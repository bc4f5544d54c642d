#include "store/sqlite_revocation_repository.h"

#include <algorithm>

namespace palyra::store {
namespace {

Result<RevocationGenerations> ReadGenerations(Database& db) {
  PALYRA_ASSIGN_OR_RETURN(
      Statement gen,
      db.Prepare("SELECT revocation_generation, removal_generation FROM identity_generation "
                 "WHERE id = 1"));
  PALYRA_ASSIGN_OR_RETURN(bool row, gen.Step());
  if (!row) return DataLoss(db.label() + ": identity_generation row is missing");
  return RevocationGenerations{gen.ColumnInt64(0), gen.ColumnInt64(1)};
}

}  // namespace

Result<int64_t> SqliteRevocationRepository::ChangeCounter() {
  PALYRA_ASSIGN_OR_RETURN(Statement version, db_->Prepare("PRAGMA data_version"));
  PALYRA_ASSIGN_OR_RETURN(bool has_version, version.Step());
  if (!has_version) return Internal("PRAGMA data_version returned no row");
  return version.ColumnInt64(0);
}

Result<RevocationGenerations> SqliteRevocationRepository::Generations() {
  PALYRA_ASSIGN_OR_RETURN(
      Statement gen,
      db_->Prepare("SELECT revocation_generation FROM identity_generation WHERE id = 1"));
  PALYRA_ASSIGN_OR_RETURN(bool row, gen.Step());
  if (!row) return DataLoss(db_->label() + ": identity_generation row is missing");
  // Only the generation is compared on the polling path; the removal counter comes with Load().
  return RevocationGenerations{gen.ColumnInt64(0), 0};
}

Result<RevokedFingerprints> SqliteRevocationRepository::Load(
    const std::optional<RevocationGenerations>& since) {
  PALYRA_ASSIGN_OR_RETURN(Transaction txn, db_->Begin(TransactionMode::kDeferred));
  RevokedFingerprints out;
  PALYRA_ASSIGN_OR_RETURN(out.generations, ReadGenerations(*db_));
  out.incremental = since && since->removal_generation == out.generations.removal_generation &&
                    since->generation < out.generations.generation;
  if (!out.incremental) {
    PALYRA_ASSIGN_OR_RETURN(Statement count,
                            db_->Prepare("SELECT count(*) FROM revoked_certificates"));
    PALYRA_ASSIGN_OR_RETURN(bool row, count.Step());
    if (row) {
      out.fingerprints.reserve(static_cast<size_t>(std::max<int64_t>(0, count.ColumnInt64(0))));
    }
  }
  {
    PALYRA_ASSIGN_OR_RETURN(
        Statement stmt,
        db_->Prepare(out.incremental
                         ? "SELECT fingerprint FROM revoked_certificates WHERE generation > ?1"
                         : "SELECT fingerprint FROM revoked_certificates"));
    if (out.incremental) PALYRA_RETURN_IF_ERROR(stmt.BindInt64(1, since->generation));
    while (true) {
      PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      Result<identity::FingerprintBytes> f = identity::ParseFingerprintHex(stmt.ColumnText(0));
      if (!f.ok()) {
        return DataLoss(db_->label() + ": revoked_certificates holds a malformed fingerprint");
      }
      out.fingerprints.push_back(*f);
    }
  }
  PALYRA_RETURN_IF_ERROR(txn.Commit());
  return out;
}

}  // namespace palyra::store
