// The mediation policy: parsing, round trip, and the decisions of each mode.

#include "node_host/mediation/mediation_policy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

namespace palyra::node_host {
namespace {

using ::testing::HasSubstr;

MediationSubject Url(const std::string& url, const std::string& origin) {
  return {MediationSubject::Kind::kUrl, url, origin};
}
MediationSubject Path(const std::string& path) { return {MediationSubject::Kind::kPath, path, ""}; }

MediationPolicy Parsed(const nlohmann::json& value) {
  Result<MediationPolicy> policy = ParseMediationPolicy(value);
  EXPECT_TRUE(policy.ok()) << value.dump() << ": " << policy.status().ToString();
  return policy.ok() ? *policy : MediationPolicy{};
}

TEST(MediationPolicyParseTest, AbsentMeansDeny) {
  const MediationPolicy policy = Parsed(nullptr);
  EXPECT_EQ(policy.mode, MediationMode::kDeny);
  EXPECT_TRUE(policy.allowed_url_origins.empty());
  EXPECT_TRUE(policy.allowed_path_prefixes.empty());
  EXPECT_EQ(policy.prompt_timeout_ms, kDefaultPromptTimeoutMs);
  EXPECT_EQ(Parsed(nlohmann::json::object()).mode, MediationMode::kDeny);
}

TEST(MediationPolicyParseTest, NormalisesOriginsAndPrefixes) {
  const MediationPolicy policy = Parsed({
      {"mode", "allow-list"},
      {"allowed_url_origins", {"HTTPS://Example.COM:443", "http://Intranet.test:8080/"}},
      {"allowed_path_prefixes", {"/srv/a/../b/", "//home//me/Documents/", "/"}},
      {"prompt_timeout_ms", 5000},
  });
  EXPECT_EQ(policy.mode, MediationMode::kAllowList);
  EXPECT_EQ(policy.allowed_url_origins,
            (std::vector<std::string>{"https://example.com", "http://intranet.test:8080"}));
  EXPECT_EQ(policy.allowed_path_prefixes,
            (std::vector<std::string>{"/srv/b", "/home/me/Documents", "/"}));
  EXPECT_EQ(policy.prompt_timeout_ms, 5000);
}

TEST(MediationPolicyParseTest, RoundTripsThroughJson) {
  for (const char* mode : {"deny", "allow-list", "prompt"}) {
    const nlohmann::json json = {{"mode", mode},
                                 {"allowed_url_origins", {"https://example.com"}},
                                 {"allowed_path_prefixes", {"/home/me"}},
                                 {"prompt_timeout_ms", 1000}};
    const MediationPolicy policy = Parsed(json);
    EXPECT_EQ(MediationModeName(policy.mode), mode);
    EXPECT_EQ(MediationPolicyToJson(policy), json);
    const MediationPolicy again = Parsed(MediationPolicyToJson(policy));
    EXPECT_EQ(MediationPolicyToJson(again), json);
  }
  EXPECT_EQ(MediationPolicyToJson(MediationPolicy{}),
            (nlohmann::json{{"mode", "deny"},
                            {"allowed_url_origins", nlohmann::json::array()},
                            {"allowed_path_prefixes", nlohmann::json::array()},
                            {"prompt_timeout_ms", kDefaultPromptTimeoutMs}}));
}

TEST(MediationPolicyParseTest, RejectsBadPoliciesNamingTheField) {
  const struct {
    nlohmann::json value;
    std::string message;
  } cases[] = {
      {"deny", "mediation must be a JSON object"},
      {nlohmann::json::array(), "mediation must be a JSON object"},
      {{{"mode", "allow"}}, "mediation.mode must be one of deny, allow-list, prompt"},
      {{{"mode", "DENY"}}, "mediation.mode must be one of"},
      {{{"mode", 1}}, "mediation.mode must be one of"},
      {{{"modes", "deny"}}, "unknown key \"modes\""},
      {{{"allowed_url_origins", "https://example.com"}}, "mediation.allowed_url_origins must be"},
      {{{"allowed_url_origins", {42}}}, "mediation.allowed_url_origins[0] must be a string"},
      {{{"allowed_url_origins", {"https://ok.test", "https://example.com/path"}}},
       "mediation.allowed_url_origins[1]"},
      {{{"allowed_url_origins", {"file:///etc"}}}, "only allows http/https"},
      {{{"allowed_url_origins", {"example.com"}}}, "not an absolute URL"},
      {{{"allowed_path_prefixes", {"relative/dir"}}},
       "mediation.allowed_path_prefixes[0] must be an absolute path"},
      {{{"allowed_path_prefixes", {""}}}, "must be an absolute path"},
      {{{"allowed_path_prefixes", {std::string("/a\0b", 4)}}}, "NUL"},
      {{{"allowed_path_prefixes", {nullptr}}}, "must be a string"},
      {{{"prompt_timeout_ms", 999}}, "mediation.prompt_timeout_ms must be an integer from 1000"},
      {{{"prompt_timeout_ms", 600001}}, "mediation.prompt_timeout_ms"},
      {{{"prompt_timeout_ms", -5}}, "mediation.prompt_timeout_ms"},
      {{{"prompt_timeout_ms", 5000.5}}, "mediation.prompt_timeout_ms"},
      {{{"prompt_timeout_ms", "5000"}}, "mediation.prompt_timeout_ms"},
      {{{"prompt_timeout_ms", true}}, "mediation.prompt_timeout_ms"},
      {{{"prompt_timeout_ms", 18446744073709551615ull}}, "mediation.prompt_timeout_ms"},
  };
  for (const auto& c : cases) {
    Result<MediationPolicy> policy = ParseMediationPolicy(c.value);
    ASSERT_FALSE(policy.ok()) << c.value.dump();
    EXPECT_EQ(policy.status().code(), StatusCode::kInvalidArgument) << c.value.dump();
    EXPECT_THAT(policy.status().message(), HasSubstr(c.message)) << c.value.dump();
  }
}

TEST(MediationPolicyParseTest, BoundsTheAllowLists) {
  nlohmann::json origins = nlohmann::json::array();
  for (size_t i = 0; i < kMaxAllowListEntries; ++i) {
    origins.push_back("https://host" + std::to_string(i) + ".test");
  }
  EXPECT_TRUE(ParseMediationPolicy({{"allowed_url_origins", origins}}).ok());
  origins.push_back("https://one-too-many.test");
  Result<MediationPolicy> policy = ParseMediationPolicy({{"allowed_url_origins", origins}});
  ASSERT_FALSE(policy.ok());
  EXPECT_THAT(policy.status().message(), HasSubstr("the limit is 256"));

  nlohmann::json prefixes = nlohmann::json::array();
  for (size_t i = 0; i <= kMaxAllowListEntries; ++i) prefixes.push_back("/p" + std::to_string(i));
  EXPECT_FALSE(ParseMediationPolicy({{"allowed_path_prefixes", prefixes}}).ok());
}

TEST(MediationPolicyParseTest, ErrorMessagesStayShortAndSafe) {
  // Invalid UTF-8 and a huge value must neither throw nor flood the message.
  Result<MediationPolicy> policy =
      ParseMediationPolicy({{"mode", std::string("\xff\xfe", 2) + std::string(10000, 'x')}});
  ASSERT_FALSE(policy.ok());
  EXPECT_LT(policy.status().message().size(), 300u);
}

TEST(MediateTest, DenyModeDeniesEverything) {
  const MediationPolicy policy;  // the default
  bool asked = false;
  const PromptFunction prompt = [&](const std::string&, std::chrono::milliseconds) {
    asked = true;
    return true;
  };
  for (const MediationSubject& subject :
       {Url("https://example.com/", "https://example.com"), Path("/home/me/file.txt")}) {
    const MediationDecision decision = Mediate(policy, "desktop.open_url", subject, prompt);
    EXPECT_FALSE(decision.allowed);
    EXPECT_EQ(decision.reason, "denied by local mediation policy (mode=deny)");
  }
  EXPECT_FALSE(asked);
}

TEST(MediateTest, AllowListMatchesOriginsExactly) {
  const MediationPolicy policy =
      Parsed({{"mode", "allow-list"}, {"allowed_url_origins", {"https://Example.com:443"}}});
  MediationDecision decision = Mediate(policy, "desktop.open_url",
                                       Url("https://example.com/a?b", "https://example.com"), {});
  EXPECT_TRUE(decision.allowed) << decision.reason;
  EXPECT_THAT(decision.reason, HasSubstr("https://example.com is in allowed_url_origins"));

  for (const auto& [url, origin] : std::vector<std::pair<std::string, std::string>>{
           {"http://example.com/", "http://example.com"},
           {"https://example.com:8443/", "https://example.com:8443"},
           {"https://sub.example.com/", "https://sub.example.com"},
           {"https://example.com.evil.test/", "https://example.com.evil.test"},
           {"https://x.test/", "https://x.test"}}) {
    decision = Mediate(policy, "desktop.open_url", Url(url, origin), {});
    EXPECT_FALSE(decision.allowed) << origin;
    EXPECT_EQ(decision.reason, origin + " is not in allowed_url_origins (mode=allow-list)");
  }
  // An origin written differently but meaning the same is normalised before matching.
  decision =
      Mediate(policy, "desktop.open_url", Url("https://example.com/", "HTTPS://EXAMPLE.COM"), {});
  EXPECT_TRUE(decision.allowed) << decision.reason;
  decision = Mediate(policy, "desktop.open_url", Url("https://example.com/", ""), {});
  EXPECT_FALSE(decision.allowed);
  EXPECT_THAT(decision.reason, HasSubstr("no valid origin"));
}

TEST(MediateTest, AllowListMatchesPathPrefixesOnWholeComponents) {
  const MediationPolicy policy =
      Parsed({{"mode", "allow-list"}, {"allowed_path_prefixes", {"/srv/a/", "/home/me/Docs"}}});
  for (const char* allowed : {"/srv/a", "/srv/a/b", "/srv/a/b/c.txt", "/home/me/Docs/x.pdf"}) {
    const MediationDecision decision = Mediate(policy, "desktop.open_path", Path(allowed), {});
    EXPECT_TRUE(decision.allowed) << allowed << ": " << decision.reason;
    EXPECT_THAT(decision.reason, HasSubstr("allowed_path_prefixes"));
  }
  for (const char* denied : {"/srv/ab", "/srv", "/", "/home/me/Docsx/y", "/etc/passwd"}) {
    const MediationDecision decision = Mediate(policy, "desktop.open_path", Path(denied), {});
    EXPECT_FALSE(decision.allowed) << denied;
    EXPECT_EQ(decision.reason,
              std::string(denied) + " is not under any of allowed_path_prefixes (mode=allow-list)");
  }
  // Only canonical paths are judged: ".." cannot climb out of an allowed prefix.
  for (const char* sneaky : {"/srv/a/../../etc/passwd", "/srv/a/./b", "srv/a/b", "/srv/a/"}) {
    const MediationDecision decision = Mediate(policy, "desktop.open_path", Path(sneaky), {});
    EXPECT_FALSE(decision.allowed) << sneaky;
    EXPECT_THAT(decision.reason, HasSubstr("not a canonical absolute path")) << sneaky;
  }
}

TEST(MediateTest, RootPrefixAllowsEveryPath) {
  const MediationPolicy policy = Parsed({{"mode", "allow-list"}, {"allowed_path_prefixes", {"/"}}});
  EXPECT_TRUE(Mediate(policy, "desktop.open_path", Path("/"), {}).allowed);
  EXPECT_TRUE(Mediate(policy, "desktop.open_path", Path("/etc/hosts"), {}).allowed);
}

TEST(MediateTest, EmptyAllowListDeniesEverything) {
  const MediationPolicy policy = Parsed({{"mode", "allow-list"}});
  EXPECT_FALSE(
      Mediate(policy, "desktop.open_url", Url("https://x.test/", "https://x.test"), {}).allowed);
  EXPECT_EQ(
      Mediate(policy, "desktop.open_url", Url("https://x.test/", "https://x.test"), {}).reason,
      "https://x.test is not in allowed_url_origins (mode=allow-list)");
  EXPECT_FALSE(Mediate(policy, "desktop.open_path", Path("/tmp"), {}).allowed);
}

TEST(MediateTest, PromptModeAsksWithTheCapabilityTheSubjectAndTheTimeout) {
  const MediationPolicy policy = Parsed({{"mode", "prompt"}, {"prompt_timeout_ms", 1500}});
  std::string question;
  std::chrono::milliseconds timeout{0};
  bool answer = true;
  const PromptFunction prompt = [&](const std::string& q, std::chrono::milliseconds t) {
    question = q;
    timeout = t;
    return answer;
  };
  MediationDecision decision =
      Mediate(policy, "desktop.open_url", Url("https://x.test/a", "https://x.test"), prompt);
  EXPECT_TRUE(decision.allowed);
  EXPECT_EQ(decision.reason, "allowed at the terminal prompt (mode=prompt)");
  EXPECT_EQ(question, "Allow desktop.open_url to open https://x.test/a?");
  EXPECT_EQ(timeout, std::chrono::milliseconds(1500));

  answer = false;
  decision = Mediate(policy, "desktop.open_path", Path("/home/me/a.txt"), prompt);
  EXPECT_FALSE(decision.allowed);
  EXPECT_EQ(decision.reason, "denied at the terminal prompt (mode=prompt)");
  EXPECT_EQ(question, "Allow desktop.open_path to open /home/me/a.txt?");
}

TEST(MediateTest, PromptModeWithoutATerminalDenies) {
  const MediationPolicy policy = Parsed({{"mode", "prompt"}});
  const MediationDecision decision =
      Mediate(policy, "desktop.open_url", Url("https://x.test/", "https://x.test"), {});
  EXPECT_FALSE(decision.allowed);
  EXPECT_THAT(decision.reason, HasSubstr("no terminal to prompt on"));
}

TEST(MediateTest, APromptThatRunsOutOfTimeIsReportedAsATimeout) {
  const MediationPolicy policy = Parsed({{"mode", "prompt"}, {"prompt_timeout_ms", 1000}});
  const PromptFunction slow = [](const std::string&, std::chrono::milliseconds timeout) {
    std::this_thread::sleep_for(timeout);
    return false;
  };
  const MediationDecision decision =
      Mediate(policy, "desktop.open_url", Url("https://x.test/", "https://x.test"), slow);
  EXPECT_FALSE(decision.allowed);
  EXPECT_EQ(decision.reason, "prompt timed out after 1000 ms (mode=prompt)");
}

TEST(MediateTest, AHandBuiltTimeoutIsClampedToTheAllowedRange) {
  MediationPolicy policy;
  policy.mode = MediationMode::kPrompt;
  policy.prompt_timeout_ms = 5;
  std::chrono::milliseconds seen{0};
  Mediate(policy, "desktop.open_path", Path("/x"),
          [&](const std::string&, std::chrono::milliseconds timeout) {
            seen = timeout;
            return false;
          });
  EXPECT_EQ(seen, std::chrono::milliseconds(kMinPromptTimeoutMs));
}

}  // namespace
}  // namespace palyra::node_host
