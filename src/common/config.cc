#include "common/config.h"

#include "common/strings.h"

#include <toml++/toml.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "common/files.h"

extern char** environ;  // NOLINT: POSIX

namespace palyra {
namespace {

constexpr size_t kMaxEchoedValueChars = 80;

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// "abc" with quotes, control characters escaped, long values truncated.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  size_t n = 0;
  for (char c : s) {
    if (++n > kMaxEchoedValueChars) {
      out += "...";
      break;
    }
    const auto uc = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (uc < 0x20 || uc == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\x%02x", uc);
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

std::string RenderList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += Quote(items[i]);
  }
  out += "]";
  return out;
}

std::string RenderValue(const ConfigValue& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return Quote(*s);
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const auto* i = std::get_if<int64_t>(&value)) return std::to_string(*i);
  return RenderList(std::get<std::vector<std::string>>(value));
}

// How a TOML value is echoed after "got".
std::string RenderNode(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return Quote(node.as_string()->get());
    case toml::node_type::integer:
      return std::to_string(node.as_integer()->get());
    case toml::node_type::floating_point: {
      char buf[64];
      std::snprintf(buf, sizeof(buf), "%g", node.as_floating_point()->get());
      return buf;
    }
    case toml::node_type::boolean:
      return node.as_boolean()->get() ? "true" : "false";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time:
      return "a date/time";
    case toml::node_type::none:
      break;
  }
  return "a value of unknown type";
}

std::string RangePhrase(const ConfigKey& key) {
  constexpr int64_t kLo = std::numeric_limits<int64_t>::min();
  constexpr int64_t kHi = std::numeric_limits<int64_t>::max();
  if (key.min == kLo && key.max == kHi) return "must be an integer";
  if (key.max == kHi) return "must be an integer >= " + std::to_string(key.min);
  if (key.min == kLo) return "must be an integer <= " + std::to_string(key.max);
  return "must be an integer between " + std::to_string(key.min) + " and " +
         std::to_string(key.max);
}

// "<prefix>: <key> <phrase>, got <rendered>" (no value for secrets).
Status ValueError(std::string_view prefix, const ConfigKey& key, std::string_view phrase,
                  const std::string& rendered) {
  std::string m(prefix);
  m += ": ";
  m += key.name;
  m += ' ';
  m += phrase;
  if (!key.secret) {
    m += ", got ";
    m += rendered;
  }
  return InvalidArgument(std::move(m));
}

Status RunValidator(std::string_view prefix, const ConfigKey& key, const ConfigValue& value) {
  if (key.type == ConfigType::kInt) {
    const int64_t v = std::get<int64_t>(value);
    if (v < key.min || v > key.max) {
      return ValueError(prefix, key, RangePhrase(key), std::to_string(v));
    }
  }
  if (!key.validator) return Status::Ok();
  Status s = key.validator(value);
  if (s.ok()) return s;
  return ValueError(prefix, key, s.message(), RenderValue(value));
}

// Parses an environment / command-line text value.
Result<ConfigValue> ParseText(std::string_view prefix, const ConfigKey& key, std::string_view raw) {
  switch (key.type) {
    case ConfigType::kString:
      return ConfigValue(std::string(raw));
    case ConfigType::kBool: {
      const std::string v = AsciiLower(TrimAsciiWhitespace(raw));
      if (v == "true" || v == "1" || v == "yes") return ConfigValue(true);
      if (v == "false" || v == "0" || v == "no") return ConfigValue(false);
      return ValueError(prefix, key, "must be a boolean (true/false/1/0/yes/no)", Quote(raw));
    }
    case ConfigType::kInt: {
      std::string_view t = TrimAsciiWhitespace(raw);
      if (!t.empty() && t.front() == '+') t.remove_prefix(1);
      int64_t v = 0;
      const char* end = t.data() + t.size();
      auto [ptr, ec] = std::from_chars(t.data(), end, v);
      if (t.empty() || ec != std::errc() || ptr != end) {
        return ValueError(prefix, key, RangePhrase(key), Quote(raw));
      }
      return ConfigValue(v);
    }
    case ConfigType::kStringList: {
      std::vector<std::string> items;
      std::string_view rest = raw;
      while (true) {
        const size_t comma = rest.find(',');
        std::string_view item = TrimAsciiWhitespace(rest.substr(0, comma));
        if (!item.empty()) items.emplace_back(item);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
      return ConfigValue(std::move(items));
    }
  }
  return Internal("unhandled config type");
}

// Converts a TOML value to the key's type.
Result<ConfigValue> ParseNode(std::string_view prefix, const ConfigKey& key,
                              const toml::node& node) {
  switch (key.type) {
    case ConfigType::kString:
      if (const auto* s = node.as_string()) return ConfigValue(s->get());
      return ValueError(prefix, key, "must be a string", RenderNode(node));
    case ConfigType::kBool:
      if (const auto* b = node.as_boolean()) return ConfigValue(b->get());
      return ValueError(prefix, key, "must be a boolean (true or false)", RenderNode(node));
    case ConfigType::kInt:
      if (const auto* i = node.as_integer()) return ConfigValue(int64_t{i->get()});
      return ValueError(prefix, key, RangePhrase(key), RenderNode(node));
    case ConfigType::kStringList: {
      const auto* arr = node.as_array();
      std::vector<std::string> items;
      bool ok = arr != nullptr;
      if (ok) {
        for (const toml::node& item : *arr) {
          const auto* s = item.as_string();
          if (s == nullptr) {
            ok = false;
            break;
          }
          items.push_back(s->get());
        }
      }
      if (!ok) return ValueError(prefix, key, "must be an array of strings", RenderNode(node));
      return ConfigValue(std::move(items));
    }
  }
  return Internal("unhandled config type");
}

struct FileError {
  uint32_t line = 0;
  Status status;
};

std::string LinePrefix(const std::string& file_label, uint32_t line) {
  std::string p = "config file " + file_label;
  if (line > 0) p += ": line " + std::to_string(line);
  return p;
}

bool IsValidSegment(std::string_view seg) {
  if (seg.empty()) return false;
  for (char c : seg) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool IsValidKeyName(std::string_view name) {
  if (name.empty()) return false;
  size_t start = 0;
  while (true) {
    const size_t dot = name.find('.', start);
    if (!IsValidSegment(name.substr(start, dot == std::string_view::npos ? dot : dot - start))) {
      return false;
    }
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

bool IsValidEnvName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return !(name.front() >= '0' && name.front() <= '9');
}

[[noreturn]] void DieMisuse(std::string_view what, std::string_view key) {
  std::fprintf(stderr, "palyra: config: %.*s '%.*s'\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(key.size()), key.data());
  std::abort();
}

}  // namespace

std::string_view ConfigTypeName(ConfigType type) {
  switch (type) {
    case ConfigType::kString:
      return "string";
    case ConfigType::kBool:
      return "bool";
    case ConfigType::kInt:
      return "int";
    case ConfigType::kStringList:
      return "string list";
  }
  return "unknown";
}

std::string_view ConfigSourceName(ConfigSource source) {
  switch (source) {
    case ConfigSource::kDefault:
      return "default";
    case ConfigSource::kFile:
      return "file";
    case ConfigSource::kEnv:
      return "env";
    case ConfigSource::kFlag:
      return "flag";
  }
  return "unknown";
}

// ---- ConfigKey ----

ConfigKey ConfigKey::String(std::string name, std::string default_value, std::string env) {
  ConfigKey k;
  k.name = std::move(name);
  k.type = ConfigType::kString;
  k.default_value = std::move(default_value);
  k.env = std::move(env);
  return k;
}

ConfigKey ConfigKey::Bool(std::string name, bool default_value, std::string env) {
  ConfigKey k;
  k.name = std::move(name);
  k.type = ConfigType::kBool;
  k.default_value = default_value;
  k.env = std::move(env);
  return k;
}

ConfigKey ConfigKey::Int(std::string name, int64_t default_value, int64_t min, int64_t max,
                         std::string env) {
  ConfigKey k;
  k.name = std::move(name);
  k.type = ConfigType::kInt;
  k.default_value = default_value;
  k.min = min;
  k.max = max;
  k.env = std::move(env);
  return k;
}

ConfigKey ConfigKey::StringList(std::string name, std::vector<std::string> default_value,
                                std::string env) {
  ConfigKey k;
  k.name = std::move(name);
  k.type = ConfigType::kStringList;
  k.default_value = std::move(default_value);
  k.env = std::move(env);
  return k;
}

ConfigKey ConfigKey::Secret() && {
  secret = true;
  return std::move(*this);
}

ConfigKey ConfigKey::Describe(std::string text) && {
  description = std::move(text);
  return std::move(*this);
}

ConfigKey ConfigKey::Validate(ConfigValidator fn) && {
  validator = std::move(fn);
  return std::move(*this);
}

// ---- ConfigSchema ----

Result<ConfigSchema> ConfigSchema::Create(std::vector<ConfigKey> keys) {
  ConfigSchema schema;
  std::map<std::string, std::string, std::less<>> env_owner;
  for (size_t i = 0; i < keys.size(); ++i) {
    const ConfigKey& k = keys[i];
    if (!IsValidKeyName(k.name)) {
      return Internal("config schema: invalid key name '" + k.name +
                      "' (dotted segments of [a-z0-9_])");
    }
    if (!schema.index_.emplace(k.name, i).second) {
      return Internal("config schema: duplicate key '" + k.name + "'");
    }
    if (static_cast<size_t>(k.type) != k.default_value.index()) {
      return Internal("config schema: default of '" + k.name + "' is not a " +
                      std::string(ConfigTypeName(k.type)));
    }
    if (k.type == ConfigType::kInt && k.min > k.max) {
      return Internal("config schema: '" + k.name + "' has min > max");
    }
    if (!k.env.empty()) {
      if (!IsValidEnvName(k.env)) {
        return Internal("config schema: invalid env name '" + k.env + "' for '" + k.name + "'");
      }
      auto [it, inserted] = env_owner.emplace(k.env, k.name);
      if (!inserted) {
        return Internal("config schema: env " + k.env + " is used by both '" + it->second +
                        "' and '" + k.name + "'");
      }
    }
    if (Status s = RunValidator("config schema: default", k, k.default_value); !s.ok()) {
      return Internal(s.message());
    }
  }
  // A key may not also be a table: "a" and "a.b" cannot both exist.
  for (const ConfigKey& k : keys) {
    for (size_t dot = k.name.find('.'); dot != std::string::npos; dot = k.name.find('.', dot + 1)) {
      const std::string_view prefix = std::string_view(k.name).substr(0, dot);
      if (schema.index_.count(prefix) != 0) {
        return Internal("config schema: '" + std::string(prefix) +
                        "' is both a key and a table ('" + k.name + "')");
      }
    }
  }
  schema.keys_ = std::move(keys);
  return schema;
}

const ConfigKey* ConfigSchema::Find(std::string_view name) const {
  auto it = index_.find(name);
  return it == index_.end() ? nullptr : &keys_[it->second];
}

bool ConfigSchema::IsTablePrefix(std::string_view prefix) const {
  const std::string p = std::string(prefix) + ".";
  auto it = index_.lower_bound(p);
  return it != index_.end() && it->first.compare(0, p.size(), p) == 0;
}

// ---- Overrides / environment ----

Result<ConfigOverride> ParseConfigOverride(std::string_view text) {
  const size_t eq = text.find('=');
  if (eq == std::string_view::npos || TrimAsciiWhitespace(text.substr(0, eq)).empty()) {
    return InvalidArgument("config override must look like key=value, got " + Quote(text));
  }
  ConfigOverride o;
  o.key = std::string(TrimAsciiWhitespace(text.substr(0, eq)));
  o.value = std::string(text.substr(eq + 1));
  return o;
}

Environment ReadProcessEnvironment() {
  Environment env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string_view entry(*e);
    const size_t eq = entry.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    env.emplace(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
  }
  return env;
}

// ---- Config ----

namespace {

void WalkTable(const ConfigSchema& schema, const toml::table& table, const std::string& prefix,
               const std::string& file_label, std::map<std::string, ConfigValue>& values,
               std::vector<FileError>& errors) {
  for (const auto& [toml_key, node] : table) {
    const std::string segment(toml_key.str());
    const std::string full = prefix.empty() ? segment : prefix + "." + segment;
    uint32_t line = toml_key.source().begin.line;
    if (line == 0) line = node.source().begin.line;
    const std::string where = LinePrefix(file_label, line);

    const ConfigKey* key = IsValidSegment(segment) ? schema.Find(full) : nullptr;
    if (key != nullptr) {
      Result<ConfigValue> value = ParseNode(where, *key, node);
      if (value.ok()) {
        Status s = RunValidator(where, *key, *value);
        if (s.ok()) {
          values[full] = std::move(value).value();
          continue;
        }
        value = s;
      }
      errors.push_back({line, value.status()});
      continue;
    }
    if (IsValidSegment(segment) && schema.IsTablePrefix(full)) {
      if (const toml::table* sub = node.as_table()) {
        WalkTable(schema, *sub, full, file_label, values, errors);
      } else {
        errors.push_back({line, InvalidArgument(where + ": " + full + " must be a table, got " +
                                                RenderNode(node))});
      }
      continue;
    }
    errors.push_back({line, InvalidArgument(where + ": unknown key '" + full + "'")});
  }
}

}  // namespace

Result<Config> Config::Load(const ConfigSchema& schema, const ConfigLoadOptions& options) {
  Config config;
  config.schema_ = schema;
  for (const ConfigKey& k : schema.keys()) {
    config.entries_[k.name] = Entry{k.default_value, ConfigSource::kDefault, "default"};
  }

  // Layer 1: the TOML file.
  if (options.file.has_value()) {
    const std::string label = options.file->string();
    Result<std::string> text = ReadFileBounded(*options.file, options.max_file_bytes);
    if (!text.ok()) {
      // "config file palyra.toml: open failed: No such file or directory"; an oversized file is
      // INVALID_ARGUMENT like any other bad input.
      return Status(text.status().code(), "config file " + text.status().message());
    }
    toml::table root;
    try {
      root = toml::parse(*text, label);
    } catch (const toml::parse_error& e) {
      return InvalidArgument(LinePrefix(label, e.source().begin.line) + ": " +
                             std::string(e.description()));
    }
    std::map<std::string, ConfigValue> values;
    std::vector<FileError> errors;
    WalkTable(schema, root, "", label, values, errors);
    if (!errors.empty()) {
      // Report the first problem in file order.
      const FileError* first = &errors.front();
      for (const FileError& e : errors) {
        if (e.line < first->line) first = &e;
      }
      return first->status;
    }
    for (auto& [name, value] : values) {
      config.entries_[name] = Entry{std::move(value), ConfigSource::kFile, "file " + label};
    }
  }

  // Layer 2: the environment.
  for (const ConfigKey& k : schema.keys()) {
    if (k.env.empty()) continue;
    auto it = options.env.find(k.env);
    if (it == options.env.end()) continue;
    const std::string where = "env " + k.env;
    PALYRA_ASSIGN_OR_RETURN(ConfigValue value, ParseText(where, k, it->second));
    PALYRA_RETURN_IF_ERROR(RunValidator(where, k, value));
    config.entries_[k.name] = Entry{std::move(value), ConfigSource::kEnv, where};
  }

  // Layer 3: command-line overrides.
  for (const ConfigOverride& o : options.overrides) {
    const std::string where = "flag " + (o.origin.empty() ? o.key : o.origin);
    const ConfigKey* k = schema.Find(o.key);
    if (k == nullptr) return InvalidArgument(where + ": unknown key '" + o.key + "'");
    PALYRA_ASSIGN_OR_RETURN(ConfigValue value, ParseText(where, *k, o.value));
    PALYRA_RETURN_IF_ERROR(RunValidator(where, *k, value));
    config.entries_[k->name] = Entry{std::move(value), ConfigSource::kFlag, where};
  }
  return config;
}

const Config::Entry& Config::EntryOrDie(std::string_view key,
                                        std::optional<ConfigType> type) const {
  const ConfigKey* k = schema_.Find(key);
  if (k == nullptr) DieMisuse("no such key in the schema:", key);
  if (type.has_value() && k->type != *type) DieMisuse("getter of the wrong type for key", key);
  return entries_.find(key)->second;
}

const std::string& Config::GetString(std::string_view key) const {
  return std::get<std::string>(EntryOrDie(key, ConfigType::kString).value);
}

bool Config::GetBool(std::string_view key) const {
  return std::get<bool>(EntryOrDie(key, ConfigType::kBool).value);
}

int64_t Config::GetInt(std::string_view key) const {
  return std::get<int64_t>(EntryOrDie(key, ConfigType::kInt).value);
}

const std::vector<std::string>& Config::GetStringList(std::string_view key) const {
  return std::get<std::vector<std::string>>(EntryOrDie(key, ConfigType::kStringList).value);
}

ConfigSource Config::Source(std::string_view key) const {
  return EntryOrDie(key, std::nullopt).source;
}

std::string Config::SourceDescription(std::string_view key) const {
  return EntryOrDie(key, std::nullopt).origin;
}

std::string Config::DisplayValue(std::string_view key) const {
  const Entry& e = EntryOrDie(key, std::nullopt);
  if (schema_.Find(key)->secret) return "<redacted>";
  return RenderValue(e.value);
}

std::string Config::DebugString() const {
  std::string out;
  for (const ConfigKey& k : schema_.keys()) {
    out += k.name;
    out += " = ";
    out += DisplayValue(k.name);
    out += "  (";
    out += SourceDescription(k.name);
    out += ")\n";
  }
  return out;
}

}  // namespace palyra
