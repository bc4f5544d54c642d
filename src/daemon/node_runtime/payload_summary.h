#pragma once
// Operator-facing summaries of capability payloads. Payloads can carry credentials, so what is
// stored and shown next to a request is a redacted, bounded rendering, never the raw bytes:
//   - JSON: every value under a sensitive key (a key containing, case-insensitively, secret,
//     token, password, passwd, api_key, apikey, authorization, cookie, credential, private_key,
//     privatekey, proof, signature or pin) becomes "<redacted>"; inside string values,
//     "Bearer <x>" becomes "Bearer <redacted>" and URL query strings become "?<redacted>".
//   - not JSON: {"redacted":true,"reason":"not_json","bytes":N}.
//   - then trimmed, and cut to kMaxSummaryChars bytes: the first 237 bytes (backed off to a
//     UTF-8 boundary) followed by "...".
// An empty payload has no summary.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace palyra::node_runtime {

inline constexpr size_t kMaxSummaryChars = 240;
inline constexpr std::string_view kRedacted = "<redacted>";

// True when `key` names a value that must not be shown (see above).
bool IsSensitiveKey(std::string_view key);

// Redacts bearer tokens and URL query strings inside free text (error messages, string values).
std::string RedactText(std::string_view text);

// The summary of raw payload bytes (parses them). nullopt for an empty payload.
std::optional<std::string> SummarizePayload(std::string_view bytes);
// The summary of an already parsed payload (`bytes` = its encoded size, for messages only).
std::string SummarizeJson(const nlohmann::json& value);

// `text` cut to at most `max_bytes` bytes without splitting a UTF-8 sequence.
std::string_view TruncateUtf8(std::string_view text, size_t max_bytes);
// `text` bounded for storage as an error message: redacted and cut to `max_bytes`.
std::string BoundedError(std::string_view text, size_t max_bytes);

}  // namespace palyra::node_runtime
