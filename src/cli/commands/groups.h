#pragma once
// The command groups of `palyra`. A group is one file under commands/ with one registration
// function; adding a group means adding its entry to kCommandGroups in groups.cc.

#include <CLI/CLI.hpp>
#include <span>

#include "cli/cli_context.h"

namespace palyra::cli {

// Adds the group's subcommands (and their flags) to the root command.
using CommandGroupRegistrar = void (*)(CLI::App& root, CliContext& context);

std::span<const CommandGroupRegistrar> CommandGroups();

}  // namespace palyra::cli
