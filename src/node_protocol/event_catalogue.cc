#include "node_protocol/event_catalogue.h"

#include <array>
#include <utility>

namespace palyra::node_protocol {
namespace {

constexpr std::array<std::pair<NodeEvent, std::string_view>, 5> kNodeEvents{{
    {NodeEvent::kStarted, "node.started"},
    {NodeEvent::kHeartbeat, "node.heartbeat"},
    {NodeEvent::kAwaitingLocalMediation, "capability.awaiting_local_mediation"},
    {NodeEvent::kCapabilityResult, "capability.result"},
    {NodeEvent::kStopping, "node.stopping"},
}};

constexpr std::array<std::pair<GatewayEvent, std::string_view>, 5> kGatewayEvents{{
    {GatewayEvent::kCapabilityDispatch, "capability.dispatch"},
    {GatewayEvent::kCapabilityGranted, "capability.granted"},
    {GatewayEvent::kCapabilityRevoked, "capability.revoked"},
    {GatewayEvent::kCertificateRotationDue, "certificate.rotation_due"},
    {GatewayEvent::kDaemonShutdown, "daemon.shutdown"},
}};

template <typename Event, size_t N>
std::string_view NameIn(const std::array<std::pair<Event, std::string_view>, N>& table,
                        Event event) {
  for (const auto& [candidate, name] : table) {
    if (candidate == event) return name;
  }
  return {};
}

template <typename Event, size_t N>
std::optional<Event> EventIn(const std::array<std::pair<Event, std::string_view>, N>& table,
                             std::string_view name) {
  for (const auto& [event, candidate] : table) {
    if (candidate == name) return event;
  }
  return std::nullopt;
}

}  // namespace

std::string_view EventName(NodeEvent event) { return NameIn(kNodeEvents, event); }
std::string_view EventName(GatewayEvent event) { return NameIn(kGatewayEvents, event); }

std::optional<NodeEvent> ParseNodeEvent(std::string_view name) {
  return EventIn(kNodeEvents, name);
}

std::optional<GatewayEvent> ParseGatewayEvent(std::string_view name) {
  return EventIn(kGatewayEvents, name);
}

}  // namespace palyra::node_protocol
