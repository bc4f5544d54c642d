// desktop.open_url: input checks, the mediation subject, and opening through a fake xdg-open.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "capability_fake_opener.h"
#include "node_host/capabilities/capability.h"

namespace palyra::node_host {
namespace {

using ::testing::HasSubstr;

std::unique_ptr<Capability> OpenUrl() {
  for (auto& capability : StandardCapabilities()) {
    if (capability->name() == "desktop.open_url") return std::move(capability);
  }
  return nullptr;
}

TEST(DesktopOpenUrlTest, PrepareNamesTheNormalisedUrlAndItsOrigin) {
  Result<MediationSubject> subject =
      OpenUrl()->Prepare({{"url", "HTTPS://Example.COM:443/docs?q=1"}});
  ASSERT_TRUE(subject.ok()) << subject.status().ToString();
  EXPECT_EQ(subject->kind, MediationSubject::Kind::kUrl);
  EXPECT_EQ(subject->value, "https://example.com/docs?q=1");
  EXPECT_EQ(subject->url_origin, "https://example.com");
}

TEST(DesktopOpenUrlTest, PrepareHasNoSideEffects) {
  testing::FakeOpener opener;
  ASSERT_TRUE(OpenUrl()->Prepare({{"url", "https://example.com/"}}).ok());
  EXPECT_FALSE(opener.called());
}

// Spec case 17.
TEST(DesktopOpenUrlTest, FileUrlsAreRefused) {
  testing::FakeOpener opener;
  const nlohmann::json input = {{"url", "file:///etc/passwd"}};
  Result<MediationSubject> subject = OpenUrl()->Prepare(input);
  ASSERT_FALSE(subject.ok());
  EXPECT_THAT(subject.status().message(), HasSubstr("only allows http/https"));
  Result<nlohmann::json> out = OpenUrl()->Execute(input, HostFacts{});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(out.status().message(), HasSubstr("only allows http/https"));
  EXPECT_FALSE(opener.called());
}

TEST(DesktopOpenUrlTest, MalformedInputIsInvalidArgumentNotACrash) {
  testing::FakeOpener opener;
  const struct {
    nlohmann::json input;
    std::string message;
  } cases[] = {
      {nullptr, "must be a JSON object"},
      {"https://example.com/", "must be a JSON object"},
      {nlohmann::json::array({"https://example.com/"}), "must be a JSON object"},
      {nlohmann::json::object(), "missing the string field \"url\""},
      {{{"uri", "https://example.com/"}}, "missing the string field \"url\""},
      {{{"url", 42}}, "\"url\" must be a string"},
      {{{"url", nullptr}}, "\"url\" must be a string"},
      {{{"url", {{"href", "https://example.com/"}}}}, "\"url\" must be a string"},
      {{{"url", "  "}}, "must not be blank"},
      {{{"url", "https://example.com/#x"}}, "fragment"},
  };
  for (const auto& c : cases) {
    Result<MediationSubject> subject = OpenUrl()->Prepare(c.input);
    ASSERT_FALSE(subject.ok()) << c.input.dump();
    EXPECT_EQ(subject.status().code(), StatusCode::kInvalidArgument) << c.input.dump();
    EXPECT_THAT(subject.status().message(), HasSubstr(c.message)) << c.input.dump();
    EXPECT_THAT(subject.status().message(), HasSubstr("desktop.open_url")) << c.input.dump();
    Result<nlohmann::json> out = OpenUrl()->Execute(c.input, HostFacts{});
    ASSERT_FALSE(out.ok()) << c.input.dump();
    EXPECT_EQ(out.status().message(), subject.status().message());
  }
  EXPECT_FALSE(opener.called());
}

TEST(DesktopOpenUrlTest, ExecuteOpensExactlyTheNormalisedUrl) {
  testing::FakeOpener opener;
  Result<nlohmann::json> out =
      OpenUrl()->Execute({{"url", "  HTTP://Example.com:80/a b"}}, HostFacts{});
  ASSERT_FALSE(out.ok()) << "a space inside the URL must be refused";

  out = OpenUrl()->Execute({{"url", "HTTP://Example.com:80/path?x=$(id)&y='z'"}}, HostFacts{});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out,
            (nlohmann::json{{"opened", true}, {"url", "http://example.com/path?x=$(id)&y='z'"}}));
  EXPECT_EQ(opener.argument(), "http://example.com/path?x=$(id)&y='z'");
  EXPECT_EQ(opener.argument_count(), "1");
}

TEST(DesktopOpenUrlTest, AFailingOpenerIsAnError) {
  testing::FakeOpener opener(/*exit_code=*/3);
  Result<nlohmann::json> out = OpenUrl()->Execute({{"url", "https://example.com/"}}, HostFacts{});
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(out.status().message(), HasSubstr("xdg-open exited with status 3"));
  EXPECT_THAT(out.status().message(), HasSubstr("desktop.open_url"));
  EXPECT_EQ(opener.argument(), "https://example.com/");
}

}  // namespace
}  // namespace palyra::node_host
