#include "crypto/pem.h"

#include <algorithm>

namespace palyra::crypto {

namespace {

constexpr std::string_view kBegin = "-----BEGIN ";
constexpr std::string_view kEnd = "-----END ";
constexpr std::string_view kDashes = "-----";

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool OnlySpace(std::string_view s) { return std::all_of(s.begin(), s.end(), IsSpace); }

Status Malformed(std::string_view what, std::string_view why) {
  return InvalidArgument(std::string(what) + " is malformed: " + std::string(why));
}

// Copies the body without line breaks into wiped memory (the body may encode a private key).
Result<SecretBytes> CompactBody(std::string_view body, std::string_view what) {
  SecretBytes compact(body.size());
  size_t n = 0;
  for (char c : body) {
    if (c == '\r' || c == '\n') continue;
    if (c == ' ' || c == '\t') {
      return Malformed(what, "whitespace inside a base64 line");
    }
    compact[n++] = static_cast<uint8_t>(c);
  }
  compact.resize(n);
  if (n == 0) return Malformed(what, "empty PEM section");
  return compact;
}

// Reserves the exact final size up front so the string never reallocates (a reallocation would
// leave an unwiped copy of a private key's base64 in freed memory).
std::string EncodeInto(std::string_view label, std::span<const uint8_t> der) {
  std::string b64 = Base64Encode(der);
  std::string out;
  out.reserve(b64.size() + b64.size() / 64 + 2 * label.size() + 40);
  out.append(kBegin).append(label).append(kDashes).push_back('\n');
  for (size_t i = 0; i < b64.size(); i += 64) {
    out.append(b64, i, 64).push_back('\n');
  }
  out.append(kEnd).append(label).append(kDashes).push_back('\n');
  SecureZero(b64.data(), b64.size());
  return out;
}

}  // namespace

Result<std::vector<PemSection>> SplitPem(std::string_view text, std::string_view what,
                                         size_t max_bytes, size_t max_sections) {
  if (text.size() > max_bytes) {
    return InvalidArgument(std::string(what) + " is too large (" + std::to_string(text.size()) +
                           " bytes, limit " + std::to_string(max_bytes) + ")");
  }
  std::vector<PemSection> sections;
  size_t pos = 0;
  while (true) {
    size_t begin = text.find(kBegin, pos);
    if (begin == std::string_view::npos) {
      if (!OnlySpace(text.substr(pos)))
        return Malformed(what, "unexpected text outside PEM blocks");
      break;
    }
    if (!OnlySpace(text.substr(pos, begin - pos))) {
      return Malformed(what, "unexpected text outside PEM blocks");
    }
    size_t label_start = begin + kBegin.size();
    size_t label_end = text.find(kDashes, label_start);
    size_t line_end = text.find('\n', label_start);
    if (label_end == std::string_view::npos ||
        (line_end != std::string_view::npos && label_end > line_end)) {
      return Malformed(what, "BEGIN line is not terminated");
    }
    std::string_view label = text.substr(label_start, label_end - label_start);
    if (label.empty()) return Malformed(what, "BEGIN line has an empty label");
    size_t body_start = label_end + kDashes.size();
    if (body_start < text.size() && text[body_start] == '\r') ++body_start;
    if (body_start >= text.size() || text[body_start] != '\n') {
      return Malformed(what, "BEGIN line is followed by text");
    }
    ++body_start;
    size_t end = text.find(kEnd, body_start);
    if (end == std::string_view::npos) return Malformed(what, "missing END line");
    size_t end_label_start = end + kEnd.size();
    size_t end_label_end = text.find(kDashes, end_label_start);
    if (end_label_end == std::string_view::npos ||
        text.substr(end_label_start, end_label_end - end_label_start) != label) {
      return Malformed(what, "END label does not match BEGIN label");
    }
    if (sections.size() >= max_sections) {
      return InvalidArgument(std::string(what) + " has more than " + std::to_string(max_sections) +
                             " PEM blocks");
    }
    sections.push_back({label, text.substr(body_start, end - body_start)});
    pos = end_label_end + kDashes.size();
  }
  if (sections.empty()) return Malformed(what, "no PEM block found");
  return sections;
}

Result<Bytes> DecodePemBody(std::string_view body, std::string_view what) {
  PALYRA_ASSIGN_OR_RETURN(SecretBytes compact, CompactBody(body, what));
  auto decoded = Base64Decode(compact.AsStringView());
  if (!decoded.ok()) return Malformed(what, decoded.status().message());
  return decoded;
}

Result<SecretBytes> DecodePemBodySecret(std::string_view body, std::string_view what) {
  PALYRA_ASSIGN_OR_RETURN(SecretBytes compact, CompactBody(body, what));
  auto decoded = Base64DecodeSecret(compact.AsStringView());
  if (!decoded.ok()) return Malformed(what, decoded.status().message());
  return decoded;
}

std::string EncodePem(std::string_view label, std::span<const uint8_t> der) {
  return EncodeInto(label, der);
}

SecretString EncodePemSecret(std::string_view label, std::span<const uint8_t> der) {
  std::string pem = EncodeInto(label, der);
  SecretString out(pem);
  SecureZero(pem.data(), pem.size());
  return out;
}

}  // namespace palyra::crypto
