#pragma once
// The SQLite backend's repositories, each on a connection of its own from `factory`.

#include "common/status.h"
#include "store/connection_factory.h"
#include "store/repositories.h"

namespace palyra::store {

Result<Repositories> OpenSqliteRepositories(const ConnectionFactory& factory);

}  // namespace palyra::store
