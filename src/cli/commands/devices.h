#pragma once
// palyra devices list|rotate|revoke|remove: paired devices and their certificates.

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"

namespace palyra::cli {

void RegisterDevicesCommands(CLI::App& root, CliContext& context);

}  // namespace palyra::cli
