#pragma once
// palyra ca show: the gateway CA that devices pin.

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"

namespace palyra::cli {

void RegisterCaCommands(CLI::App& root, CliContext& context);

}  // namespace palyra::cli
