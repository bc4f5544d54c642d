#pragma once
// palyra nodes ...: pairing requests, registered nodes, capability invocation, presence.

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"

namespace palyra::cli {

void RegisterNodesCommands(CLI::App& root, CliContext& context);

}  // namespace palyra::cli
