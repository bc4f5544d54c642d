#include "cli/json_input.h"

#include "common/strings.h"

namespace palyra::cli {

bool JsonNestsDeeperThan(std::string_view text, size_t max_depth) {
  size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

Result<nlohmann::json> ParseJsonText(std::string_view text, std::string_view what) {
  if (JsonNestsDeeperThan(text, kMaxJsonDepth)) {
    return InvalidArgument(std::string(what) + " nests deeper than " +
                           std::to_string(kMaxJsonDepth) + " levels");
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based; the library's own message repeats internals, so keep ours short.
    return InvalidArgument(std::string(what) + " is not valid JSON (error at byte " +
                           std::to_string(e.byte) + ")");
  }
}

Result<std::string> ReadStreamBounded(std::istream& in, size_t max_bytes, std::string_view what) {
  std::string out;
  char buffer[16 * 1024];
  while (in) {
    in.read(buffer, sizeof buffer);
    std::streamsize got = in.gcount();
    if (got <= 0) break;
    if (out.size() + static_cast<size_t>(got) > max_bytes) {
      return InvalidArgument(std::string(what) + " is larger than " + std::to_string(max_bytes) +
                             " bytes");
    }
    out.append(buffer, static_cast<size_t>(got));
  }
  if (in.bad()) return InvalidArgument("cannot read " + std::string(what));
  return out;
}

Result<nlohmann::json> ResolveInvokeInput(const std::optional<std::string>& input_json,
                                          bool input_stdin, std::istream& in) {
  if (input_json) return ParseJsonText(*input_json, "--input-json");
  if (!input_stdin) return nlohmann::json(nullptr);
  PALYRA_ASSIGN_OR_RETURN(std::string text,
                          ReadStreamBounded(in, kMaxStdinInputBytes, "the input on stdin"));
  if (TrimAsciiWhitespace(text).empty()) return nlohmann::json(nullptr);
  return ParseJsonText(text, "the input on stdin");
}

}  // namespace palyra::cli
