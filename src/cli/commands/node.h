#pragma once
// `palyra node ...`: the node host (install, run, start, stop, restart, status, uninstall).

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"

namespace palyra::cli {

void RegisterNodeHostCommands(CLI::App& root, CliContext& context);

}  // namespace palyra::cli
