#pragma once
// Domain records -> palyra.admin.v1 messages, and the enums both ways.

#include <optional>

#include "daemon/node_runtime/capability_request.h"
#include "daemon/node_runtime/node_record.h"
#include "identity/pairing/pairing_code_store.h"
#include "identity/pairing/pairing_request_store.h"
#include "identity/store/device_registry.h"
#include "palyra/admin/v1/operator.pb.h"

namespace palyra::daemon {

palyra::admin::v1::PairingMethodKind ToProto(identity::PairingMethod::Kind kind);
// UNSPECIFIED -> nullopt.
std::optional<identity::PairingMethod::Kind> FromProto(palyra::admin::v1::PairingMethodKind kind);

palyra::admin::v1::PairingRequestState ToProto(identity::PairingRequestState state);
std::optional<identity::PairingRequestState> FromProto(
    palyra::admin::v1::PairingRequestState state);

palyra::admin::v1::NodePresence ToProto(node_runtime::NodePresence presence);
palyra::admin::v1::CapabilityRequestState ToProto(node_runtime::CapabilityRequestState state);

void FillPairingCode(const identity::PairingCodeRecord& record, palyra::admin::v1::PairingCode* out);
void FillPairingRequest(const identity::PairingRequest& request,
                        palyra::admin::v1::PairingRequest* out);
void FillCapabilityRequest(const node_runtime::CapabilityRequestRecord& record,
                           palyra::admin::v1::CapabilityRequest* out);
void FillDevice(const identity::PairedDevice& device, palyra::admin::v1::Device* out);

// "local_mediation" for the desktop capabilities (they ask the device's user or policy first),
// "automatic" for everything else.
std::string_view ExecutionModeOf(std::string_view capability);

}  // namespace palyra::daemon
