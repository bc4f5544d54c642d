#include "daemon/node_runtime/payload_summary.h"

#include <array>
#include <cctype>

#include <nlohmann/json.hpp>

namespace palyra::node_runtime {
namespace {

constexpr std::array<std::string_view, 14> kSensitiveFragments = {
    "secret",     "token",       "password",   "passwd", "api_key", "apikey",    "authorization",
    "cookie",     "credential",  "private_key", "privatekey", "proof", "signature", "pin",
};
// Deeper structure is summarised as a marker: the summary is 240 bytes long anyway, and this
// keeps the renderer's recursion bounded whatever the payload.
constexpr int kMaxRenderDepth = 16;
constexpr std::string_view kEllipsis = "...";

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool ContainsIgnoreCase(std::string_view haystack, std::string_view lower_needle) {
  if (lower_needle.size() > haystack.size()) return false;
  for (size_t i = 0; i + lower_needle.size() <= haystack.size(); ++i) {
    size_t j = 0;
    while (j < lower_needle.size() && LowerAscii(haystack[i + j]) == lower_needle[j]) ++j;
    if (j == lower_needle.size()) return true;
  }
  return false;
}

size_t FindIgnoreCase(std::string_view haystack, std::string_view lower_needle, size_t from) {
  for (size_t i = from; i + lower_needle.size() <= haystack.size(); ++i) {
    size_t j = 0;
    while (j < lower_needle.size() && LowerAscii(haystack[i + j]) == lower_needle[j]) ++j;
    if (j == lower_needle.size()) return i;
  }
  return std::string_view::npos;
}

bool EndsToken(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == ',' ||
         c == ';' || c == '<' || c == '>';
}

// Appends until more than `limit` bytes are held; later appends are dropped.
class BoundedWriter {
 public:
  explicit BoundedWriter(size_t limit) : limit_(limit) {}
  void Append(std::string_view text) {
    if (full()) return;
    out_.append(text);
  }
  bool full() const { return out_.size() > limit_; }
  std::string& out() { return out_; }

 private:
  size_t limit_;
  std::string out_;
};

void AppendJsonString(BoundedWriter& w, std::string_view text) {
  // dump() escapes; invalid UTF-8 (which the parser never produces) is replaced, not thrown.
  w.Append(nlohmann::json(std::string(text)).dump(-1, ' ', false,
                                                  nlohmann::json::error_handler_t::replace));
}

void Render(const nlohmann::json& value, BoundedWriter& w, int depth) {
  if (w.full()) return;
  if (depth > kMaxRenderDepth && (value.is_object() || value.is_array())) {
    w.Append("\"<nested>\"");
    return;
  }
  if (value.is_object()) {
    w.Append("{");
    bool first = true;
    for (auto it = value.begin(); it != value.end() && !w.full(); ++it) {
      if (!first) w.Append(",");
      first = false;
      AppendJsonString(w, it.key());
      w.Append(":");
      if (IsSensitiveKey(it.key())) {
        AppendJsonString(w, kRedacted);
      } else {
        Render(it.value(), w, depth + 1);
      }
    }
    w.Append("}");
  } else if (value.is_array()) {
    w.Append("[");
    bool first = true;
    for (auto it = value.begin(); it != value.end() && !w.full(); ++it) {
      if (!first) w.Append(",");
      first = false;
      Render(*it, w, depth + 1);
    }
    w.Append("]");
  } else if (value.is_string()) {
    AppendJsonString(w, RedactText(value.get_ref<const std::string&>()));
  } else {
    w.Append(value.dump());
  }
}

std::string Finish(std::string text) {
  std::string_view trimmed = text;
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front())) != 0) {
    trimmed.remove_prefix(1);
  }
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back())) != 0) {
    trimmed.remove_suffix(1);
  }
  if (trimmed.size() <= kMaxSummaryChars) return std::string(trimmed);
  std::string out(TruncateUtf8(trimmed, kMaxSummaryChars - kEllipsis.size()));
  out.append(kEllipsis);
  return out;
}

}  // namespace

bool IsSensitiveKey(std::string_view key) {
  for (std::string_view fragment : kSensitiveFragments) {
    if (ContainsIgnoreCase(key, fragment)) return true;
  }
  return false;
}

std::string RedactText(std::string_view text) {
  const bool maybe_bearer = FindIgnoreCase(text, "bearer", 0) != std::string_view::npos;
  const bool maybe_url = text.find("://") != std::string_view::npos;
  if (!maybe_bearer && !maybe_url) return std::string(text);

  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    // "Bearer <token>": keep the word, hide the token.
    if (maybe_bearer && (i == 0 || EndsToken(text[i - 1]) || text[i - 1] == '=' ||
                         text[i - 1] == ':') &&
        FindIgnoreCase(text.substr(i, 7), "bearer ", 0) == 0) {
      out.append(text.substr(i, 7));
      size_t j = i + 7;
      while (j < text.size() && text[j] == ' ') ++j;
      size_t end = j;
      while (end < text.size() && !EndsToken(text[end])) ++end;
      if (end > j) out.append(kRedacted);
      i = end;
      continue;
    }
    // "scheme://host/path?query": keep up to the '?', hide the query (and any fragment).
    if (maybe_url && text.compare(i, 3, "://") == 0) {
      size_t end = i;
      while (end < text.size() && !EndsToken(text[end])) ++end;
      const std::string_view url = text.substr(i, end - i);
      const size_t q = url.find('?');
      if (q != std::string_view::npos && q + 1 < url.size()) {
        out.append(url.substr(0, q + 1));
        out.append(kRedacted);
      } else {
        out.append(url);
      }
      i = end;
      continue;
    }
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

std::string SummarizeJson(const nlohmann::json& value) {
  BoundedWriter writer(kMaxSummaryChars);
  Render(value, writer, 0);
  return Finish(std::move(writer.out()));
}

std::optional<std::string> SummarizePayload(std::string_view bytes) {
  if (bytes.empty()) return std::nullopt;
  const nlohmann::json parsed = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return Finish(R"({"redacted":true,"reason":"not_json","bytes":)" +
                  std::to_string(bytes.size()) + "}");
  }
  return SummarizeJson(parsed);
}

std::string_view TruncateUtf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

std::string BoundedError(std::string_view text, size_t max_bytes) {
  const std::string redacted = RedactText(text);
  return std::string(TruncateUtf8(redacted, max_bytes));
}

}  // namespace palyra::node_runtime
