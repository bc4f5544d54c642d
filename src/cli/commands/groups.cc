#include "cli/commands/groups.h"

#include "cli/commands/ca.h"
#include "cli/commands/devices.h"
#include "cli/commands/health.h"
#include "cli/commands/node.h"
#include "cli/commands/nodes.h"
#include "cli/commands/pairing.h"

namespace palyra::cli {
namespace {

// In the order `palyra --help` lists them.
constexpr CommandGroupRegistrar kCommandGroups[] = {
    RegisterPairingCommands, RegisterNodesCommands, RegisterDevicesCommands,
    RegisterHealthCommand,   RegisterCaCommands,      RegisterNodeHostCommands,
};

}  // namespace

std::span<const CommandGroupRegistrar> CommandGroups() { return kCommandGroups; }

}  // namespace palyra::cli
