#pragma once
// Runs the palyra command line in-process with a given environment, stdin and captured output.

#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_app.h"

namespace palyra::cli::testing {

inline constexpr const char* kDeviceId = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
inline constexpr const char* kRequestId = "01BX5ZZKBKACTAV9WEVGEMMVRZ";
inline constexpr const char* kCodeId = "01HZZZZZZZZZZZZZZZZZZZZZZZ";

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

inline CliRun RunPalyra(std::vector<std::string> args, const Environment& env = {},
                        const std::string& stdin_text = "") {
  args.insert(args.begin(), "palyra");
  std::istringstream in(stdin_text);
  std::ostringstream out;
  std::ostringstream err;
  CliRun run;
  run.code = RunCli(args, env, {in, out, err});
  run.out = out.str();
  run.err = err.str();
  return run;
}

// Exactly one line, as every CLI error must be.
inline bool IsOneLine(const std::string& text) {
  return !text.empty() && text.back() == '\n' && text.find('\n') == text.size() - 1;
}

}  // namespace palyra::cli::testing
