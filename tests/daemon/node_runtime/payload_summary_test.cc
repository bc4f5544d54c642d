#include "daemon/node_runtime/payload_summary.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace palyra::node_runtime {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(PayloadSummaryTest, EmptyPayloadHasNoSummary) {
  EXPECT_FALSE(SummarizePayload("").has_value());
}

TEST(PayloadSummaryTest, PlainJsonIsRenderedCompactly) {
  EXPECT_EQ(SummarizePayload(R"({"status":"ok"})"), R"({"status":"ok"})");
  EXPECT_EQ(SummarizePayload(" [1, 2.5, true, null, \"x\"] "), R"([1,2.5,true,null,"x"])");
  EXPECT_EQ(SummarizePayload("42"), "42");
}

TEST(PayloadSummaryTest, SensitiveKeysAreRedactedAtAnyDepth) {
  const std::string summary = *SummarizePayload(R"({"secret":"value","ok":true})");
  EXPECT_EQ(summary, R"({"ok":true,"secret":"<redacted>"})");
  EXPECT_THAT(summary, Not(HasSubstr("value")));

  const std::string nested = *SummarizePayload(
      R"({"outer":{"Api_Key":"k1","list":[{"AUTHORIZATION":"Basic abc"},{"user_pin":1234}]},)"
      R"("refresh_token":{"deep":"t"},"Cookie":"c","credentials":["x"],"private_key":"pk",)"
      R"("proof":"p","signature":"s","password":"pw","apiKey":"k2","AAsafe":"kept"})");
  for (const char* leaked : {"k1", "abc", "1234", "\"t\"", "\"c\"", "\"x\"", "pk", "\"p\"",
                             "\"s\"", "pw", "k2"}) {
    EXPECT_THAT(nested, Not(HasSubstr(leaked))) << leaked;
  }
  EXPECT_THAT(nested, HasSubstr(R"("AAsafe":"kept")"));
  EXPECT_THAT(nested, HasSubstr(R"("Api_Key":"<redacted>")"));
}

TEST(PayloadSummaryTest, SensitiveKeyMatchIsCaseInsensitiveSubstring) {
  EXPECT_TRUE(IsSensitiveKey("clientSecret"));
  EXPECT_TRUE(IsSensitiveKey("X-AUTHORIZATION"));
  EXPECT_TRUE(IsSensitiveKey("session_token"));
  EXPECT_TRUE(IsSensitiveKey("PIN"));
  EXPECT_FALSE(IsSensitiveKey("url"));
  EXPECT_FALSE(IsSensitiveKey("status"));
}

TEST(PayloadSummaryTest, BearerTokensAndUrlQueriesInStringsAreRedacted) {
  const std::string summary = *SummarizePayload(
      R"({"header":"Bearer abc.def","url":"https://example.com/cb?code=xyz&state=1","x":"plain"})");
  EXPECT_THAT(summary, Not(HasSubstr("abc.def")));
  EXPECT_THAT(summary, Not(HasSubstr("xyz")));
  EXPECT_THAT(summary, HasSubstr("Bearer <redacted>"));
  EXPECT_THAT(summary, HasSubstr("https://example.com/cb?<redacted>"));
  EXPECT_EQ(RedactText("no secrets here"), "no secrets here");
  EXPECT_EQ(RedactText("failed: bearer tok123 rejected"), "failed: bearer <redacted> rejected");
  EXPECT_EQ(RedactText("see http://h/p?a=1 now"), "see http://h/p?<redacted> now");
  EXPECT_EQ(RedactText("see http://h/p now"), "see http://h/p now");
}

TEST(PayloadSummaryTest, NonJsonBecomesAMarker) {
  EXPECT_EQ(SummarizePayload("not json at all"),
            R"({"redacted":true,"reason":"not_json","bytes":15})");
  EXPECT_EQ(SummarizePayload("{\"a\":"), R"({"redacted":true,"reason":"not_json","bytes":5})");
}

TEST(PayloadSummaryTest, LongSummariesAreCutTo240) {
  const std::string long_value(1000, 'a');
  const std::string summary = *SummarizePayload(nlohmann::json{{"v", long_value}}.dump());
  EXPECT_EQ(summary.size(), 240u);
  EXPECT_EQ(summary.substr(237), "...");
  EXPECT_EQ(summary.substr(0, 6), R"({"v":")");
  // Exactly 240 is kept whole.
  const std::string exact = nlohmann::json{{"v", std::string(232, 'b')}}.dump();
  ASSERT_EQ(exact.size(), 240u);
  EXPECT_EQ(SummarizePayload(exact), exact);
}

TEST(PayloadSummaryTest, CutNeverSplitsAUtf8Character) {
  std::string value;
  for (int i = 0; i < 200; ++i) value += "\xc3\xa9";  // U+00E9, two bytes
  const std::string summary = *SummarizePayload(nlohmann::json{{"v", value}}.dump());
  EXPECT_LE(summary.size(), 240u);
  EXPECT_EQ(summary.substr(summary.size() - 3), "...");
  EXPECT_TRUE(nlohmann::json::accept("\"" + summary.substr(6) + "\"")) << "valid UTF-8 prefix";
  EXPECT_EQ(TruncateUtf8("a\xc3\xa9", 2), "a");
  EXPECT_EQ(TruncateUtf8("a\xc3\xa9", 3), "a\xc3\xa9");
}

TEST(PayloadSummaryTest, DeepNestingIsBounded) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const std::optional<std::string> summary = SummarizePayload(deep);
  ASSERT_TRUE(summary.has_value());
  EXPECT_THAT(*summary, HasSubstr("<nested>"));
  EXPECT_LE(summary->size(), 240u);
}

TEST(PayloadSummaryTest, BoundedErrorCutsAndRedacts) {
  EXPECT_EQ(BoundedError(std::string(5000, 'e'), 1024).size(), 1024u);
  EXPECT_EQ(BoundedError("auth failed for Bearer zzz", 1024), "auth failed for Bearer <redacted>");
}

}  // namespace
}  // namespace palyra::node_runtime
