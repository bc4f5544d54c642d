#pragma once
// Small ASCII string helpers shared across the libraries (config parsing, identifiers, codes).

#include <string_view>

namespace palyra {

inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// `text` without leading and trailing ASCII whitespace (a view into `text`).
inline std::string_view TrimAsciiWhitespace(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace palyra
