// The standard capability set, echo and system.identity.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "node_host/capabilities/capability.h"

namespace palyra::node_host {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

HostFacts Facts() {
  HostFacts facts;
  facts.device_id = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
  facts.grpc_url = "https://127.0.0.1:7444";
  facts.poll_interval_ms = 250;
  facts.identity_fingerprint = std::string(64, 'a');
  facts.platform = "linux-x86_64";
  return facts;
}

const Capability& Find(const std::vector<std::unique_ptr<Capability>>& all, std::string_view name) {
  for (const auto& capability : all) {
    if (capability->name() == name) return *capability;
  }
  ADD_FAILURE() << "no capability " << name;
  return *all.front();
}

TEST(StandardCapabilitiesTest, ListsTheFiveInRegistrationOrder) {
  const auto all = StandardCapabilities();
  std::vector<std::string> names;
  for (const auto& capability : all) names.emplace_back(capability->name());
  EXPECT_THAT(names, ElementsAre("echo", "system.health", "system.identity", "desktop.open_url",
                                 "desktop.open_path"));
}

// Spec case 15: only the desktop capabilities need local mediation.
TEST(StandardCapabilitiesTest, OnlyTheDesktopCapabilitiesRequireLocalMediation) {
  const auto all = StandardCapabilities();
  EXPECT_TRUE(Find(all, "desktop.open_url").requires_local_mediation());
  EXPECT_TRUE(Find(all, "desktop.open_path").requires_local_mediation());
  EXPECT_FALSE(Find(all, "system.health").requires_local_mediation());
  EXPECT_FALSE(Find(all, "echo").requires_local_mediation());
  EXPECT_FALSE(Find(all, "system.identity").requires_local_mediation());
}

TEST(StandardCapabilitiesTest, UnmediatedCapabilitiesRefuseToPrepare) {
  const auto all = StandardCapabilities();
  for (const char* name : {"echo", "system.health", "system.identity"}) {
    Result<MediationSubject> subject = Find(all, name).Prepare(nlohmann::json::object());
    ASSERT_FALSE(subject.ok()) << name;
    EXPECT_EQ(subject.status().code(), StatusCode::kFailedPrecondition) << name;
    EXPECT_THAT(subject.status().message(), HasSubstr(name));
  }
}

TEST(EchoCapabilityTest, ReturnsTheInputAndTheDeviceId) {
  const auto all = StandardCapabilities();
  const nlohmann::json input = {{"hello", "world"}, {"n", 3}, {"list", {1, 2, nullptr}}};
  Result<nlohmann::json> out = Find(all, "echo").Execute(input, Facts());
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, (nlohmann::json{{"echo", input}, {"device_id", "01ARZ3NDEKTSV4RRFFQ69G5FAV"}}));
}

TEST(EchoCapabilityTest, EchoesNullAndScalars) {
  const auto all = StandardCapabilities();
  for (const nlohmann::json& input : {nlohmann::json(nullptr), nlohmann::json("text"),
                                      nlohmann::json(42), nlohmann::json::array()}) {
    Result<nlohmann::json> out = Find(all, "echo").Execute(input, Facts());
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    EXPECT_EQ((*out)["echo"], input);
    EXPECT_EQ((*out)["device_id"], "01ARZ3NDEKTSV4RRFFQ69G5FAV");
  }
}

TEST(SystemIdentityCapabilityTest, ReportsIdentityWithNullPairingTimeWhenUnpaired) {
  const auto all = StandardCapabilities();
  Result<nlohmann::json> out =
      Find(all, "system.identity").Execute(nlohmann::json{{"ignored", true}}, Facts());
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, (nlohmann::json{{"device_id", "01ARZ3NDEKTSV4RRFFQ69G5FAV"},
                                  {"identity_fingerprint", std::string(64, 'a')},
                                  {"grpc_url", "https://127.0.0.1:7444"},
                                  {"paired_at_unix_ms", nullptr}}));
}

TEST(SystemIdentityCapabilityTest, ReportsThePairingTime) {
  const auto all = StandardCapabilities();
  HostFacts facts = Facts();
  facts.paired_at_unix_ms = 1'700'000'000'123;
  Result<nlohmann::json> out = Find(all, "system.identity").Execute(nullptr, facts);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ((*out)["paired_at_unix_ms"], 1'700'000'000'123);
}

}  // namespace
}  // namespace palyra::node_host
