#pragma once
// The whole `palyra` command line as a library call, so that tests can run it in-process with
// their own environment and streams. main() only forwards to RunCli.

#include <string>
#include <vector>

#include "cli/cli_context.h"
#include "common/config.h"

namespace palyra::cli {

// args[0] is the program name. Returns the exit code (see exit_codes.h); never throws.
int RunCli(const std::vector<std::string>& args, const Environment& env, CliIo io);

}  // namespace palyra::cli
