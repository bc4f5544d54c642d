#pragma once
// Turning result rows into values, written once for every SQLite repository: a mapper reads the
// current row of a statement (`Result<T>(const Statement&)`), and these step through the rows.

#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace palyra::store {

// The value a row mapper produces (mappers return Result<T>).
template <typename Mapper>
using MappedRow = std::remove_cvref_t<
    decltype(std::declval<std::invoke_result_t<const Mapper&, const Statement&>&>().value())>;

// Every remaining row, mapped, in order.
template <typename Mapper>
Result<std::vector<MappedRow<Mapper>>> CollectRows(Statement& stmt, const Mapper& map) {
  std::vector<MappedRow<Mapper>> out;
  while (true) {
    PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return out;
    PALYRA_ASSIGN_OR_RETURN(MappedRow<Mapper> value, map(stmt));
    out.push_back(std::move(value));
  }
}

// The first row, mapped; nullopt when there is none.
template <typename Mapper>
Result<std::optional<MappedRow<Mapper>>> FirstRow(Statement& stmt, const Mapper& map) {
  PALYRA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<MappedRow<Mapper>>();
  PALYRA_ASSIGN_OR_RETURN(MappedRow<Mapper> value, map(stmt));
  return std::optional<MappedRow<Mapper>>(std::move(value));
}

}  // namespace palyra::store
