#pragma once
// Generic layered configuration. A program declares a schema (its table of keys); values are then
// resolved as: schema default < TOML file < environment < command-line overrides. Every layer is
// validated against the schema; any problem is an INVALID_ARGUMENT Status that names the source
// and the key, for example
//   config file palyra.toml: line 3: unknown key 'gateway.grcp_port'
//   env PALYRA_GATEWAY_GRPC_PORT: gateway.grpc_port must be an integer between 0 and 65535, got
//   "abc"
// Values of keys flagged `secret` are never echoed in errors or dumps.
//
// This file is deliberately program-agnostic: palyrad's key table lives in src/daemon.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/status.h"

namespace palyra {

enum class ConfigType { kString, kBool, kInt, kStringList };
enum class ConfigSource { kDefault, kFile, kEnv, kFlag };

std::string_view ConfigTypeName(ConfigType type);        // "string", "bool", "int", "string list"
std::string_view ConfigSourceName(ConfigSource source);  // "default", "file", "env", "flag"

using ConfigValue = std::variant<std::string, bool, int64_t, std::vector<std::string>>;

// Extra validation after the type (and, for ints, range) check. Return OK, or INVALID_ARGUMENT
// with a phrase that reads after the key name, e.g. InvalidArgument("must be a loopback
// address"). The loader prefixes the source and key and, for non-secret keys, appends the value:
//   env PALYRA_GATEWAY_BIND: gateway.bind must be a loopback address, got "0.0.0.0"
using ConfigValidator = std::function<Status(const ConfigValue& value)>;

struct ConfigKey {
  std::string name;  // dotted: "gateway.grpc_port"; segments are [a-z0-9_]+
  ConfigType type = ConfigType::kString;
  ConfigValue default_value = std::string();
  std::string env;  // e.g. "PALYRA_GATEWAY_GRPC_PORT"; empty = no environment variable
  int64_t min = std::numeric_limits<int64_t>::min();  // kInt only, inclusive
  int64_t max = std::numeric_limits<int64_t>::max();  // kInt only, inclusive
  bool secret = false;                                // never printed
  std::string description;
  ConfigValidator validator;

  static ConfigKey String(std::string name, std::string default_value, std::string env = "");
  static ConfigKey Bool(std::string name, bool default_value, std::string env = "");
  static ConfigKey Int(std::string name, int64_t default_value, int64_t min, int64_t max,
                       std::string env = "");
  static ConfigKey StringList(std::string name, std::vector<std::string> default_value,
                              std::string env = "");

  // Fluent modifiers: ConfigKey::String(...).Secret().Describe("...").Validate(fn)
  ConfigKey Secret() &&;
  ConfigKey Describe(std::string text) &&;
  ConfigKey Validate(ConfigValidator fn) &&;
};

// An immutable, checked set of keys.
class ConfigSchema {
 public:
  ConfigSchema() = default;  // empty; use Create() to build a real one
  // Checks the table itself (a programming error yields INTERNAL): valid unique names, no key
  // that is also a table prefix of another ("a" and "a.b"), unique env names, defaults that have
  // the declared type, lie in range and pass the validator.
  static Result<ConfigSchema> Create(std::vector<ConfigKey> keys);

  const ConfigKey* Find(std::string_view name) const;
  const std::vector<ConfigKey>& keys() const { return keys_; }
  // True if some key's name starts with "<prefix>." (i.e. `prefix` names a TOML table).
  bool IsTablePrefix(std::string_view prefix) const;

 private:
  std::vector<ConfigKey> keys_;
  std::map<std::string, size_t, std::less<>> index_;
};

// One command-line override, e.g. from `--set gateway.grpc_port=0` or a dedicated flag. The value
// is text and is parsed like an environment value. `origin` names it in errors ("--grpc-port");
// when empty, errors say "flag <key>".
struct ConfigOverride {
  std::string key;
  std::string value;
  std::string origin;
};

// Parses "key=value" (as given to --set). INVALID_ARGUMENT if there is no '=' or no key.
Result<ConfigOverride> ParseConfigOverride(std::string_view text);

using Environment = std::map<std::string, std::string, std::less<>>;

// A snapshot of the real process environment (environ), for production callers. Tests pass their
// own map instead of mutating the process environment.
Environment ReadProcessEnvironment();

inline constexpr size_t kMaxConfigFileBytes = 1 << 20;  // 1 MiB

struct ConfigLoadOptions {
  std::optional<std::filesystem::path> file;  // no file layer when unset; must exist when set
  Environment env;
  std::vector<ConfigOverride> overrides;  // applied in order; later ones win
  size_t max_file_bytes = kMaxConfigFileBytes;
};

// The resolved configuration. Getters take a key from the schema; asking for an unknown key or
// with the wrong type is a programming error and aborts with a message naming the key.
class Config {
 public:
  static Result<Config> Load(const ConfigSchema& schema, const ConfigLoadOptions& options);

  const std::string& GetString(std::string_view key) const;
  bool GetBool(std::string_view key) const;
  int64_t GetInt(std::string_view key) const;
  const std::vector<std::string>& GetStringList(std::string_view key) const;

  ConfigSource Source(std::string_view key) const;
  // Where the value came from, for humans: "default", "file palyra.toml", "env PALYRA_X",
  // "flag --grpc-port".
  std::string SourceDescription(std::string_view key) const;

  // The value as text, "<redacted>" for secrets (lists as ["a", "b"]).
  std::string DisplayValue(std::string_view key) const;
  // One "key = value  (source)" line per key, in schema order, secrets redacted.
  std::string DebugString() const;

 private:
  struct Entry {
    ConfigValue value;
    ConfigSource source = ConfigSource::kDefault;
    std::string origin;  // "file palyra.toml", "env PALYRA_X", "flag --x"
  };

  const Entry& EntryOrDie(std::string_view key, std::optional<ConfigType> type) const;

  ConfigSchema schema_;
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace palyra
