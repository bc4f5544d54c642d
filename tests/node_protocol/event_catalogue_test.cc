// The event catalogue: every event has one name on the wire, and each name maps back.
#include "node_protocol/event_catalogue.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace palyra::node_protocol {
namespace {

TEST(EventCatalogueTest, NodeEventsRoundTripWithUpstreamsNames) {
  const std::pair<NodeEvent, std::string_view> expected[] = {
      {NodeEvent::kStarted, "node.started"},
      {NodeEvent::kHeartbeat, "node.heartbeat"},
      {NodeEvent::kAwaitingLocalMediation, "capability.awaiting_local_mediation"},
      {NodeEvent::kCapabilityResult, "capability.result"},
      {NodeEvent::kStopping, "node.stopping"},
  };
  for (const auto& [event, name] : expected) {
    EXPECT_EQ(EventName(event), name);
    EXPECT_EQ(ParseNodeEvent(name), event) << name;
    EXPECT_FALSE(ParseGatewayEvent(name).has_value()) << name;
  }
}

TEST(EventCatalogueTest, GatewayEventsRoundTrip) {
  const std::pair<GatewayEvent, std::string_view> expected[] = {
      {GatewayEvent::kCapabilityDispatch, "capability.dispatch"},
      {GatewayEvent::kCapabilityGranted, "capability.granted"},
      {GatewayEvent::kCapabilityRevoked, "capability.revoked"},
      {GatewayEvent::kCertificateRotationDue, "certificate.rotation_due"},
      {GatewayEvent::kDaemonShutdown, "daemon.shutdown"},
  };
  for (const auto& [event, name] : expected) {
    EXPECT_EQ(EventName(event), name);
    EXPECT_EQ(ParseGatewayEvent(name), event) << name;
    EXPECT_FALSE(ParseNodeEvent(name).has_value()) << name;
  }
}

TEST(EventCatalogueTest, UnknownNamesAreNotEvents) {
  using namespace std::string_view_literals;
  for (std::string_view name : {""sv, "node.Started"sv, "capability.result "sv,
                                "node.started\0x"sv, "daemon.shutdown.now"sv}) {
    EXPECT_FALSE(ParseNodeEvent(name).has_value()) << name;
    EXPECT_FALSE(ParseGatewayEvent(name).has_value()) << name;
  }
  EXPECT_FALSE(ParseNodeEvent(std::string(100'000, 'x')).has_value());
}

}  // namespace
}  // namespace palyra::node_protocol
