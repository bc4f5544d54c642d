#pragma once
// Local mediation: whether this device's user consents to a desktop capability acting on a URL
// or a path. The policy lives in node-host.json under "mediation":
//   {"mode": "deny" | "allow-list" | "prompt",
//    "allowed_url_origins": ["https://example.com", ...],
//    "allowed_path_prefixes": ["/home/me/Documents", ...],
//    "prompt_timeout_ms": 30000}
// `deny` is the default (a background host has nobody to ask). `allow-list` allows a URL whose
// origin equals a listed origin, and a path equal to or below a listed prefix (whole path
// components: "/srv/a" does not allow "/srv/ab"). `prompt` asks y/N on the controlling terminal
// and denies on timeout, on anything but y/yes, and when there is no terminal.

#include <chrono>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/status.h"
#include "node_host/capabilities/capability.h"

namespace palyra::node_host {

enum class MediationMode { kDeny, kAllowList, kPrompt };

inline constexpr int64_t kDefaultPromptTimeoutMs = 30'000;
inline constexpr int64_t kMinPromptTimeoutMs = 1'000;
inline constexpr int64_t kMaxPromptTimeoutMs = 10 * 60'000;
inline constexpr size_t kMaxAllowListEntries = 256;

struct MediationPolicy {
  MediationMode mode = MediationMode::kDeny;
  std::vector<std::string> allowed_url_origins;    // normalised like MediationSubject::url_origin
  std::vector<std::string> allowed_path_prefixes;  // absolute, lexically normalised
  int64_t prompt_timeout_ms = kDefaultPromptTimeoutMs;
};

// From the "mediation" JSON value (absent/null => the default policy). INVALID_ARGUMENT naming
// the field for an unknown mode or key, a bad origin or prefix, a timeout out of range, or more
// than kMaxAllowListEntries entries.
Result<MediationPolicy> ParseMediationPolicy(const nlohmann::json& value);
nlohmann::json MediationPolicyToJson(const MediationPolicy& policy);
std::string_view MediationModeName(MediationMode mode);

struct MediationDecision {
  bool allowed = false;
  std::string reason;  // e.g. "denied by local mediation policy (mode=deny)"; sent to the gateway
};

// Asks a human. Returns true only for an explicit yes within `timeout`.
using PromptFunction = std::function<bool(const std::string& question,
                                          std::chrono::milliseconds timeout)>;

// Judges `subject` for `capability`. `prompt` is only called in kPrompt mode; when it is empty
// (no terminal), prompt mode denies with a reason that says so.
MediationDecision Mediate(const MediationPolicy& policy, std::string_view capability,
                          const MediationSubject& subject, const PromptFunction& prompt);

// The terminal prompt: writes the question to /dev/tty and reads one line from it, with the
// timeout. Empty function when the process has no controlling terminal.
PromptFunction TerminalPrompt();

}  // namespace palyra::node_host
