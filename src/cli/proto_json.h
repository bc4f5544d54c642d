#pragma once
// The JSON documents `--json` prints, built from operator-service messages. Scripts rely on these
// keys: enums are lowercase names ("pending_approval", "online", "pin"), times are unix
// milliseconds with 0 (unset) written as null, and JSON payloads are embedded parsed.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "palyra/admin/v1/operator.pb.h"

namespace palyra::cli {

namespace adminv1 = ::palyra::admin::v1;

std::string_view PairingMethodName(adminv1::PairingMethodKind method);
std::optional<adminv1::PairingMethodKind> ParsePairingMethod(std::string_view name);
std::string_view PairingRequestStateName(adminv1::PairingRequestState state);
std::string_view NodePresenceName(adminv1::NodePresence presence);
std::string_view CapabilityRequestStateName(adminv1::CapabilityRequestState state);
// A request that ended: succeeded, failed, timed_out or rejected.
bool IsTerminalCapabilityState(adminv1::CapabilityRequestState state);

// Unix milliseconds, or null for 0.
nlohmann::json UnixMsOrNull(int64_t unix_ms);
// A JSON payload from the wire: null when empty, the parsed value when it is JSON, otherwise
// {"raw_utf8": "<the bytes, invalid UTF-8 replaced>"}.
nlohmann::json PayloadJson(std::string_view bytes);

nlohmann::json PairingCodeJson(const adminv1::PairingCode& code);
// code, code_id, method, expires_at_unix_ms, auto_approve, uri, node_rpc_address,
// gateway_ca_fingerprint (plus created_at_unix_ms, issued_by, state).
nlohmann::json MintPairingCodeJson(const adminv1::MintPairingCodeResponse& response);
nlohmann::json PairingRequestJson(const adminv1::PairingRequest& request);
nlohmann::json NodeJson(const adminv1::Node& node);
nlohmann::json CapabilityRequestJson(const adminv1::CapabilityRequest& request);
nlohmann::json PresenceEventJson(const adminv1::WatchNodePresenceResponse& event);
nlohmann::json DeviceJson(const adminv1::Device& device);

}  // namespace palyra::cli
