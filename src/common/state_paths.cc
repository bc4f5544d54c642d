#include "common/state_paths.h"

namespace palyra {
namespace {

std::optional<std::string> NonEmpty(const Environment& env, const std::string& key) {
  auto it = env.find(key);
  if (it == env.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

}  // namespace

Result<std::filesystem::path> ResolveStateDir(const std::optional<std::string>& flag_value,
                                              const Environment& env) {
  std::filesystem::path chosen;
  if (flag_value && !flag_value->empty()) {
    chosen = *flag_value;
  } else if (auto v = NonEmpty(env, "PALYRA_STATE_DIR")) {
    chosen = *v;
  } else if (auto xdg = NonEmpty(env, "XDG_STATE_HOME")) {
    chosen = std::filesystem::path(*xdg) / "palyra";
  } else if (auto home = NonEmpty(env, "HOME")) {
    chosen = std::filesystem::path(*home) / ".local" / "state" / "palyra";
  } else {
    return InvalidArgument(
        "cannot find a state dir: pass --state-dir or set PALYRA_STATE_DIR (HOME is unset)");
  }
  std::error_code ec;
  auto absolute = std::filesystem::absolute(chosen, ec);
  if (ec) return InvalidArgument("state dir '" + chosen.string() + "': " + ec.message());
  return absolute.lexically_normal();
}

}  // namespace palyra
