#pragma once
// <state>/run/palyrad.json: how local clients (the CLI, tests) find a running daemon. It holds the
// pid and the addresses actually bound, which matters because port 0 means "pick one".

#include <filesystem>

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace palyra::daemon {

class RunFile {
 public:
  explicit RunFile(std::filesystem::path path) : path_(std::move(path)) {}

  // Refuses to start a second daemon on the same state dir while the first is alive.
  Status CheckNoLiveDaemon() const;
  Status Write(const nlohmann::json& contents) const;
  void Remove() const;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace palyra::daemon
