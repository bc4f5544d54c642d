// RunDispatch: a dispatch becomes exactly one capability.result payload, whatever it carries.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "node_host/dispatch_runner.h"

namespace palyra::node_host {
namespace {

using ::testing::HasSubstr;

class DispatchTest : public ::testing::Test {
 protected:
  DispatchTest() : capabilities_(StandardCapabilities()) {
    facts_.device_id = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
    context_.capabilities = &capabilities_;
    context_.facts = &facts_;
    context_.policy = &policy_;
    context_.report_mediation = [this](const std::string& payload) {
      mediation_events_.push_back(nlohmann::json::parse(payload));
    };
  }
  nlohmann::json Run(const std::string& capability, const std::string& input,
                     uint64_t limit = 0) {
    // Through the producer codec, as the payload leaves the host.
    return nlohmann::json::parse(node_protocol::EncodeCapabilityResult(
        RunDispatch({"01ARZ3NDEKTSV4RRFFQ69G5FAW", capability, input, limit}, context_)));
  }

  std::vector<std::unique_ptr<Capability>> capabilities_;
  HostFacts facts_;
  MediationPolicy policy_;
  DispatchContext context_;
  std::vector<nlohmann::json> mediation_events_;
};

TEST_F(DispatchTest, EchoSucceedsWithUpstreamResultShape) {
  nlohmann::json result = Run("echo", R"({"a":1})");
  EXPECT_EQ(result["request_id"], "01ARZ3NDEKTSV4RRFFQ69G5FAW");
  EXPECT_EQ(result["success"], true);
  EXPECT_EQ(result["error"], "");
  EXPECT_EQ(result["output_json"]["echo"]["a"], 1);
  EXPECT_EQ(Run("echo", "")["output_json"]["echo"], nullptr);  // empty input is null
  EXPECT_TRUE(mediation_events_.empty());
}

TEST_F(DispatchTest, BadInputUnknownCapabilityAndOversizeOutputFail) {
  nlohmann::json bad_json = Run("echo", "{nope");
  EXPECT_EQ(bad_json["success"], false);
  EXPECT_EQ(bad_json["output_json"], nullptr);
  EXPECT_THAT(bad_json["error"].get<std::string>(), HasSubstr("not valid JSON"));
  EXPECT_EQ(Run("camera.snap", "null")["error"], "unsupported capability `camera.snap`");
  nlohmann::json big = Run("echo", nlohmann::json(std::string(100, 'x')).dump(), 50);
  EXPECT_EQ(big["error"], "capability output exceeds max_payload_bytes=50");
  // 0 means the default limit (64 KiB), not upstream's 1 byte.
  EXPECT_EQ(Run("echo", "\"small\"", 0)["success"], true);
}

TEST_F(DispatchTest, MediatedCapabilityReportsThenIsDeniedByDefault) {
  nlohmann::json denied = Run("desktop.open_url", R"({"url":"https://example.com/"})");
  ASSERT_EQ(mediation_events_.size(), 1u);
  // Spec case 16: the mediation payload carries the request id and the state.
  EXPECT_EQ(mediation_events_[0]["request_id"], "01ARZ3NDEKTSV4RRFFQ69G5FAW");
  EXPECT_EQ(mediation_events_[0]["state"], "awaiting_local_mediation");
  EXPECT_EQ(mediation_events_[0]["capability"], "desktop.open_url");
  EXPECT_EQ(denied["success"], false);
  EXPECT_EQ(denied["denied_by_local_mediation"], true);
  EXPECT_THAT(denied["error"].get<std::string>(), HasSubstr("mode=deny"));
}

TEST_F(DispatchTest, InvalidMediatedInputFailsWithoutAskingAnyone) {
  nlohmann::json failed = Run("desktop.open_url", R"({"url":"file:///etc/passwd"})");
  EXPECT_TRUE(mediation_events_.empty());
  EXPECT_EQ(failed["success"], false);
  EXPECT_FALSE(failed.contains("denied_by_local_mediation"));
  EXPECT_THAT(failed["error"].get<std::string>(), HasSubstr("only allows http/https"));
  EXPECT_THAT(Run("desktop.open_path", R"({"path":"relative/file.txt"})")["error"].get<std::string>(),
              HasSubstr("requires an absolute path"));
  EXPECT_EQ(Run("desktop.open_path", "[1,2]")["success"], false);
}

TEST_F(DispatchTest, CapabilitySummaryFlagsTheDesktopCapabilities) {
  nlohmann::json summary = CapabilitySummary(capabilities_);
  ASSERT_EQ(summary.size(), 5u);
  for (const auto& entry : summary) {
    const std::string name = entry["name"];
    EXPECT_EQ(entry["requires_local_mediation"], name.starts_with("desktop.")) << name;
  }
}

}  // namespace
}  // namespace palyra::node_host
