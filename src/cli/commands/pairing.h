#pragma once
// palyra pairing code|codes|cancel: pairing codes for new devices.

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"

namespace palyra::cli {

void RegisterPairingCommands(CLI::App& root, CliContext& context);

}  // namespace palyra::cli
