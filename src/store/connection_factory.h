#pragma once
// The one way the daemon reaches its database. Built once (it opens the file, creating it 0600,
// and applies the migrations), then handed down to every repository, each of which takes the
// connections it needs from here. No component opens the database by path on its own.
//
// A second backend (PostgreSQL, see README.md) gets a factory of its own; the repository
// interfaces above it do not change.

#include <filesystem>
#include <memory>
#include <string>

#include "common/status.h"
#include "store/database.h"

namespace palyra::store {

class ConnectionFactory {
 public:
  // Opens `path`, applies PalyraMigrations() and keeps the path for later connections.
  static Result<std::unique_ptr<ConnectionFactory>> Open(const std::filesystem::path& path,
                                                         const DatabaseOptions& options = {});
  ConnectionFactory(const ConnectionFactory&) = delete;
  ConnectionFactory& operator=(const ConnectionFactory&) = delete;

  // A new connection to the migrated database. Each repository owns the connections it takes
  // (SQLite connections are not to be shared across threads doing units of work).
  Result<std::unique_ptr<Database>> Connect() const;

  const std::filesystem::path& path() const { return path_; }

 private:
  ConnectionFactory(std::filesystem::path path, DatabaseOptions options)
      : path_(std::move(path)), options_(options) {}

  const std::filesystem::path path_;
  const DatabaseOptions options_;
};

}  // namespace palyra::store
