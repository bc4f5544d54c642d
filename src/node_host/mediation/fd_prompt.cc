#include "node_host/mediation/fd_prompt.h"

#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "common/strings.h"

namespace palyra::node_host {
namespace {

std::string HexEscape(unsigned value, int digits, const char* prefix) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%s%0*x", prefix, digits, value);
  return buffer;
}

// Code point of the 2- or 3-byte UTF-8 sequence at `text[i]` when it is one we escape (C1
// controls, LRM/RLM, bidi embeddings/overrides/isolates), and its length; 0 otherwise.
unsigned DangerousCodePoint(std::string_view text, size_t i, size_t* length) {
  const auto at = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  if (i + 1 < text.size() && at(i) == 0xC2 && at(i + 1) >= 0x80 && at(i + 1) <= 0x9F) {
    *length = 2;
    return at(i + 1);  // U+0080..U+009F
  }
  if (i + 2 < text.size() && at(i) == 0xE2 && (at(i + 1) == 0x80 || at(i + 1) == 0x81)) {
    const unsigned cp = 0x2000 | ((at(i + 1) & 0x3Fu) << 6) | (at(i + 2) & 0x3Fu);
    if (cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
        (cp >= 0x2066 && cp <= 0x2069)) {
      *length = 3;
      return cp;
    }
  }
  return 0;
}

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

PromptReply Judge(std::string_view line) {
  std::string answer(TrimAsciiWhitespace(line));
  for (char& c : answer) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return answer == "y" || answer == "yes" ? PromptReply::kYes : PromptReply::kNo;
}

}  // namespace

std::string SafeForTerminal(std::string_view text) {
  const bool cut = text.size() > kMaxPromptQuestionBytes;
  if (cut) text = text.substr(0, kMaxPromptQuestionBytes);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    size_t length = 0;
    if (byte < 0x20 || byte == 0x7f) {
      out += HexEscape(byte, 2, "\\x");
    } else if (byte == '\\') {
      out += "\\\\";
    } else if (const unsigned cp = DangerousCodePoint(text, i, &length); cp != 0) {
      out += HexEscape(cp, 4, "\\u");
      i += length - 1;
    } else {
      out += text[i];
    }
  }
  if (cut) out += "...";
  return out;
}

PromptReply PromptOnFds(int in_fd, int out_fd, std::string_view question,
                        std::chrono::milliseconds timeout) {
  if (::isatty(in_fd)) ::tcflush(in_fd, TCIFLUSH);
  if (!WriteAll(out_fd, SafeForTerminal(question) + " [y/N] ")) return PromptReply::kNoAnswer;

  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string line;
  while (true) {
    const auto remaining =
        std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (remaining.count() <= 0) break;
    pollfd waiting{in_fd, POLLIN, 0};
    const int ready = ::poll(&waiting, 1, static_cast<int>(remaining.count()));
    if (ready < 0) {
      if (errno == EINTR) continue;
      return PromptReply::kNoAnswer;
    }
    if (ready == 0) break;
    if ((waiting.revents & (POLLIN | POLLHUP)) == 0) return PromptReply::kNoAnswer;
    char buffer[64];
    const ssize_t n = ::read(in_fd, buffer, sizeof(buffer));
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return PromptReply::kNoAnswer;
    }
    if (n == 0) return line.empty() ? PromptReply::kNoAnswer : Judge(line);
    line.append(buffer, static_cast<size_t>(n));
    const size_t newline = line.find('\n');
    if (newline != std::string::npos) return Judge(std::string_view(line).substr(0, newline));
    if (line.size() > kMaxPromptAnswerBytes) return PromptReply::kNo;
  }
  // Say so on the terminal: otherwise the question sits there looking unanswered.
  WriteAll(out_fd, "\nno answer within " + std::to_string(timeout.count()) + " ms; denied\n");
  return PromptReply::kTimedOut;
}

}  // namespace palyra::node_host
