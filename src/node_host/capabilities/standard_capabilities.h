#pragma once
// Constructors for the standard capabilities, one per capability file, so StandardCapabilities()
// can list them without the classes being visible anywhere else.

#include <memory>

#include "node_host/capabilities/capability.h"

namespace palyra::node_host {

std::unique_ptr<Capability> MakeEchoCapability();
std::unique_ptr<Capability> MakeSystemHealthCapability();
std::unique_ptr<Capability> MakeSystemIdentityCapability();
std::unique_ptr<Capability> MakeDesktopOpenUrlCapability();
std::unique_ptr<Capability> MakeDesktopOpenPathCapability();

}  // namespace palyra::node_host
