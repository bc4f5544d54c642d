#include "node_host/mediation/mediation_policy.h"

#include <algorithm>
#include <climits>
#include <filesystem>

#include "node_host/capabilities/url_rules.h"

namespace palyra::node_host {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kKnownKeys =
    "mode, allowed_url_origins, allowed_path_prefixes, prompt_timeout_ms";
constexpr size_t kMaxQuotedValueBytes = 64;

// A bad value as JSON text for an error message: never throws (invalid UTF-8 is replaced) and
// is cut short, since the value can be anything a config file holds.
std::string Quote(const nlohmann::json& value) {
  std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text.size() > kMaxQuotedValueBytes) {
    // Cut on a UTF-8 character boundary: the message may itself end up in JSON.
    size_t cut = kMaxQuotedValueBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "...";
  }
  return text;
}

Result<MediationMode> ParseMode(const nlohmann::json& item) {
  if (item.is_string()) {
    const std::string& text = item.get_ref<const std::string&>();
    for (MediationMode mode :
         {MediationMode::kDeny, MediationMode::kAllowList, MediationMode::kPrompt}) {
      if (text == MediationModeName(mode)) return mode;
    }
  }
  return InvalidArgument("mediation.mode must be one of deny, allow-list, prompt, got " +
                         Quote(item));
}

Result<int64_t> ParseTimeout(const nlohmann::json& item) {
  const std::string range = "an integer from " + std::to_string(kMinPromptTimeoutMs) + " to " +
                            std::to_string(kMaxPromptTimeoutMs);
  // An unsigned value above INT64_MAX would wrap in get<int64_t>(), so check it separately.
  const bool in_range =
      (item.is_number_unsigned() &&
       item.get<uint64_t>() <= static_cast<uint64_t>(kMaxPromptTimeoutMs) &&
       item.get<uint64_t>() >= static_cast<uint64_t>(kMinPromptTimeoutMs)) ||
      (item.is_number_integer() && !item.is_number_unsigned() &&
       item.get<int64_t>() >= kMinPromptTimeoutMs && item.get<int64_t>() <= kMaxPromptTimeoutMs);
  if (!in_range) {
    return InvalidArgument("mediation.prompt_timeout_ms must be " + range + ", got " + Quote(item));
  }
  return item.get<int64_t>();
}

// An allowed path prefix: absolute, lexically normal, no trailing '/' (except "/" itself). It is
// not resolved against the file system (it may not exist yet); a prefix that goes through a
// symlink therefore never matches, because mediated paths are canonical.
Result<std::string> NormalisePathPrefix(const std::string& text, const std::string& what) {
  if (text.size() > PATH_MAX) {
    return InvalidArgument(what + " is longer than " + std::to_string(PATH_MAX) + " bytes");
  }
  if (text.find('\0') != std::string::npos) {
    return InvalidArgument(what + " must not contain a NUL character");
  }
  if (text.empty() || text.front() != '/') {
    return InvalidArgument(what + " must be an absolute path, got \"" + text + "\"");
  }
  std::string normal = fs::path(text).lexically_normal().string();
  while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
  return normal;
}

template <typename Normalise>
Result<std::vector<std::string>> ParseList(const nlohmann::json& item, const std::string& key,
                                           Normalise normalise) {
  const std::string field = "mediation." + key;
  if (!item.is_array()) return InvalidArgument(field + " must be an array of strings");
  if (item.size() > kMaxAllowListEntries) {
    return InvalidArgument(field + " has " + std::to_string(item.size()) +
                           " entries; the limit is " + std::to_string(kMaxAllowListEntries));
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < item.size(); ++i) {
    const std::string what = field + "[" + std::to_string(i) + "]";
    if (!item[i].is_string()) return InvalidArgument(what + " must be a string");
    PALYRA_ASSIGN_OR_RETURN(std::string entry,
                            normalise(item[i].get_ref<const std::string&>(), what));
    out.push_back(std::move(entry));
  }
  return out;
}

bool IsUnderPrefix(const std::string& path, const std::string& prefix) {
  if (prefix == "/") return true;
  return path == prefix ||
         (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0 &&
          path[prefix.size()] == '/');
}

MediationDecision JudgeUrl(const MediationPolicy& policy, const MediationSubject& subject) {
  // Normalised again so that a subject built by hand is judged like one from Prepare().
  Result<std::string> origin = NormaliseWebOrigin(subject.url_origin, "URL origin");
  if (!origin.ok()) {
    return {false, "denied: the URL has no valid origin (mode=allow-list)"};
  }
  for (const std::string& allowed : policy.allowed_url_origins) {
    if (*origin == allowed) return {true, *origin + " is in allowed_url_origins (mode=allow-list)"};
  }
  return {false, *origin + " is not in allowed_url_origins (mode=allow-list)"};
}

MediationDecision JudgePath(const MediationPolicy& policy, const MediationSubject& subject) {
  const std::string& path = subject.value;
  // Canonical paths only: "/srv/a/../../etc" must not pass as being under "/srv/a".
  Result<std::string> normal = NormalisePathPrefix(path, "path");
  if (!normal.ok() || *normal != path) {
    return {false, "denied: \"" + path + "\" is not a canonical absolute path (mode=allow-list)"};
  }
  for (const std::string& prefix : policy.allowed_path_prefixes) {
    if (IsUnderPrefix(path, prefix)) {
      return {true, path + " is under " + prefix + " in allowed_path_prefixes (mode=allow-list)"};
    }
  }
  return {false, path + " is not under any of allowed_path_prefixes (mode=allow-list)"};
}

MediationDecision AskPrompt(const MediationPolicy& policy, std::string_view capability,
                            const MediationSubject& subject, const PromptFunction& prompt) {
  if (!prompt) return {false, "no terminal to prompt on; denied (mode=prompt)"};
  // A policy built in code rather than parsed could hold any number.
  const int64_t timeout_ms =
      std::clamp(policy.prompt_timeout_ms, kMinPromptTimeoutMs, kMaxPromptTimeoutMs);
  const std::chrono::milliseconds timeout(timeout_ms);
  const std::string question =
      "Allow " + std::string(capability) + " to open " + subject.value + "?";
  const auto start = std::chrono::steady_clock::now();
  if (prompt(question, timeout)) return {true, "allowed at the terminal prompt (mode=prompt)"};
  // The prompt only answers yes or no; a "no" that took the whole timeout was no answer at all.
  if (std::chrono::steady_clock::now() - start >= timeout) {
    return {false, "prompt timed out after " + std::to_string(timeout_ms) + " ms (mode=prompt)"};
  }
  return {false, "denied at the terminal prompt (mode=prompt)"};
}

}  // namespace

std::string_view MediationModeName(MediationMode mode) {
  switch (mode) {
    case MediationMode::kDeny:
      return "deny";
    case MediationMode::kAllowList:
      return "allow-list";
    case MediationMode::kPrompt:
      return "prompt";
  }
  return "deny";
}

Result<MediationPolicy> ParseMediationPolicy(const nlohmann::json& value) {
  MediationPolicy policy;
  if (value.is_null()) return policy;
  if (!value.is_object()) {
    return InvalidArgument(std::string("mediation must be a JSON object, got ") +
                           value.type_name());
  }
  for (const auto& [key, item] : value.items()) {
    if (key == "mode") {
      PALYRA_ASSIGN_OR_RETURN(policy.mode, ParseMode(item));
    } else if (key == "allowed_url_origins") {
      PALYRA_ASSIGN_OR_RETURN(
          policy.allowed_url_origins,
          ParseList(item, key, [](const std::string& text, const std::string& what) {
            return NormaliseWebOrigin(text, what);
          }));
    } else if (key == "allowed_path_prefixes") {
      PALYRA_ASSIGN_OR_RETURN(policy.allowed_path_prefixes,
                              ParseList(item, key, NormalisePathPrefix));
    } else if (key == "prompt_timeout_ms") {
      PALYRA_ASSIGN_OR_RETURN(policy.prompt_timeout_ms, ParseTimeout(item));
    } else {
      return InvalidArgument("mediation has unknown key " + Quote(nlohmann::json(key)) +
                             " (known: " + std::string(kKnownKeys) + ")");
    }
  }
  return policy;
}

nlohmann::json MediationPolicyToJson(const MediationPolicy& policy) {
  return {{"mode", std::string(MediationModeName(policy.mode))},
          {"allowed_url_origins", policy.allowed_url_origins},
          {"allowed_path_prefixes", policy.allowed_path_prefixes},
          {"prompt_timeout_ms", policy.prompt_timeout_ms}};
}

MediationDecision Mediate(const MediationPolicy& policy, std::string_view capability,
                          const MediationSubject& subject, const PromptFunction& prompt) {
  switch (policy.mode) {
    case MediationMode::kDeny:
      return {false, "denied by local mediation policy (mode=deny)"};
    case MediationMode::kAllowList:
      return subject.kind == MediationSubject::Kind::kUrl ? JudgeUrl(policy, subject)
                                                          : JudgePath(policy, subject);
    case MediationMode::kPrompt:
      return AskPrompt(policy, capability, subject, prompt);
  }
  return {false, "denied by local mediation policy (unknown mode)"};
}

}  // namespace palyra::node_host
