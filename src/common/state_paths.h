#pragma once
// Where palyra keeps its local state. The daemon and the CLI resolve the same directory so that
// local use needs no configuration: flag, then PALYRA_STATE_DIR, then $XDG_STATE_HOME/palyra,
// then ~/.local/state/palyra.

#include <filesystem>
#include <optional>
#include <string>

#include "common/config.h"
#include "common/status.h"

namespace palyra {

Result<std::filesystem::path> ResolveStateDir(const std::optional<std::string>& flag_value,
                                              const Environment& env);

// Fixed file names inside the state dir, kept in one place.
struct StatePaths {
  std::filesystem::path root;

  std::filesystem::path database() const { return root / "palyra.db"; }
  std::filesystem::path admin_token() const { return root / "admin.token"; }
  std::filesystem::path config_file() const { return root / "palyra.toml"; }
  std::filesystem::path run_dir() const { return root / "run"; }
  std::filesystem::path run_file() const { return run_dir() / "palyrad.json"; }
  // The daemon's counters, rewritten every few seconds while it runs.
  std::filesystem::path metrics_file() const { return run_dir() / "metrics.json"; }
  // Gateway secrets, each 0600 in this 0700 directory.
  std::filesystem::path identity_dir() const { return root / "identity"; }
  std::filesystem::path gateway_ca_key() const { return identity_dir() / "gateway-ca.key.pem"; }
  std::filesystem::path pairing_code_key() const { return identity_dir() / "pairing-code.key"; }
};

}  // namespace palyra
