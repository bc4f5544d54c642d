#pragma once
// The y/N question of prompt-mode mediation, over any pair of descriptors: TerminalPrompt() uses
// it on /dev/tty, the tests on pipes.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace palyra::node_host {

inline constexpr size_t kMaxPromptQuestionBytes = 16 * 1024;  // longer questions are cut short
inline constexpr size_t kMaxPromptAnswerBytes = 256;          // a longer answer is a no

enum class PromptReply {
  kYes,       // "y" or "yes", any case, surrounding whitespace ignored
  kNo,        // any other answer
  kTimedOut,  // no complete answer within the timeout
  kNoAnswer,  // end of input with nothing typed, or a read/write error
};

// Writes SafeForTerminal(question) + " [y/N] " to `out_fd`, then reads one line from `in_fd`
// within `timeout`. Input typed before the question was shown is discarded when `in_fd` is a
// terminal, so a stray "y" typed earlier cannot answer a question the user never saw.
PromptReply PromptOnFds(int in_fd, int out_fd, std::string_view question,
                        std::chrono::milliseconds timeout);

// `text` safe to write to a terminal: control characters (C0, DEL, C1) and the Unicode bidi and
// direction marks become visible escapes (\x1b, \u202e), and '\' becomes "\\", so a hostile path
// cannot rewrite the question or disguise itself. At most kMaxPromptQuestionBytes of `text`.
std::string SafeForTerminal(std::string_view text);

}  // namespace palyra::node_host
