#pragma once
// palyra health: the daemon's GetHealth.

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"

namespace palyra::cli {

void RegisterHealthCommand(CLI::App& root, CliContext& context);

}  // namespace palyra::cli
