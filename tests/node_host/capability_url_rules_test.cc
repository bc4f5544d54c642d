// The URL rules of desktop.open_url (and of allow-listed origins), table by table.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "node_host/capabilities/url_rules.h"

namespace palyra::node_host {
namespace {

using ::testing::HasSubstr;

struct Accepted {
  std::string input;
  std::string normalised;
  std::string origin;
};

TEST(UrlRulesTest, AcceptsAndNormalisesHttpAndHttpsUrls) {
  const Accepted cases[] = {
      {"https://example.com", "https://example.com/", "https://example.com"},
      {"https://example.com/", "https://example.com/", "https://example.com"},
      {"HTTPS://Example.COM/Path/Keeps/Case", "https://example.com/Path/Keeps/Case",
       "https://example.com"},
      {"http://example.com:80/a", "http://example.com/a", "http://example.com"},
      {"https://example.com:443/a", "https://example.com/a", "https://example.com"},
      {"http://example.com:443/a", "http://example.com:443/a", "http://example.com:443"},
      {"https://example.com:8443", "https://example.com:8443/", "https://example.com:8443"},
      {"https://example.com:08443/", "https://example.com:8443/", "https://example.com:8443"},
      {"https://example.com?q=1&r=%20", "https://example.com/?q=1&r=%20", "https://example.com"},
      {"https://example.com/search?q=a/b?c", "https://example.com/search?q=a/b?c",
       "https://example.com"},
      {"  https://example.com/x  ", "https://example.com/x", "https://example.com"},
      {"https://127.0.0.1:7443/", "https://127.0.0.1:7443/", "https://127.0.0.1:7443"},
      {"http://192.0.2.255", "http://192.0.2.255/", "http://192.0.2.255"},
      {"https://[::1]:8080/x", "https://[::1]:8080/x", "https://[::1]:8080"},
      {"https://[2001:DB8:0:0::1]/", "https://[2001:db8::1]/", "https://[2001:db8::1]"},
      {"https://localhost/", "https://localhost/", "https://localhost"},
      {"https://example.com./", "https://example.com./", "https://example.com."},
      {"https://xn--bcher-kva.example/", "https://xn--bcher-kva.example/",
       "https://xn--bcher-kva.example"},
  };
  for (const Accepted& c : cases) {
    Result<WebUrl> url = ParseWebUrl(c.input, "desktop.open_url");
    ASSERT_TRUE(url.ok()) << c.input << ": " << url.status().ToString();
    EXPECT_EQ(url->normalised, c.normalised) << c.input;
    EXPECT_EQ(url->origin, c.origin) << c.input;
  }
}

struct Rejected {
  std::string input;
  std::string message;
};

TEST(UrlRulesTest, RejectsEverythingElseWithAClearMessage) {
  const Rejected cases[] = {
      {"file:///etc/passwd", "only allows http/https"},
      {"FILE://host/x", "only allows http/https"},
      {"javascript:alert(1)", "only allows http/https"},
      {"mailto:someone@example.com", "only allows http/https"},
      {"ftp://example.com/", "only allows http/https"},
      {"", "must not be blank"},
      {"   ", "must not be blank"},
      {"example.com/path", "not an absolute URL"},
      {"/relative/path", "not an absolute URL"},
      {"://example.com", "not an absolute URL"},
      {"https:example.com", "must have \"//\" and a host"},
      {"https:/example.com", "must have \"//\" and a host"},
      {"https://", "must have a host"},
      {"https:///path", "must have a host"},
      {"https://:443/", "must have a host"},
      {"https://user@example.com/", "username or password"},
      {"https://user:pass@example.com/", "username or password"},
      {"https://:@example.com/", "username or password"},
      {"https://example.com/#", "fragment"},
      {"https://example.com/#top", "fragment"},
      {"https://example.com#", "fragment"},
      {"https://exa mple.com/", "spaces or control characters"},
      {"https://example.com/a b", "spaces or control characters"},
      {"https://example.com/\ta", "spaces or control characters"},
      {std::string("https://example.com/\x01"), "spaces or control characters"},
      {"https://example.com/\x7f", "spaces or control characters"},
      {"https://example.com\\@evil.test/", "backslash"},
      {"https://b\xc3\xbc"
       "cher.example/",
       "must be ASCII"},
      {"https://example.com:0/", "port must be 1-65535"},
      {"https://example.com:65536/", "port must be 1-65535"},
      {"https://example.com:/", "bad port"},
      {"https://example.com:https/", "bad port"},
      {"https://example.com:1:2/", "write IPv6 addresses in brackets"},
      {"https://example.com:-1/", "bad port"},
      {"https://127.1/", "not a valid IPv4 address"},
      {"https://0177.0.0.1/", "not a valid IPv4 address"},
      {"https://0x7f.0.0.1/", "not a valid IPv4 address"},
      {"https://1.2.3.0x4/", "not a valid IPv4 address"},
      {"https://2130706433/", "not a valid IPv4 address"},
      {"https://256.0.0.1/", "not a valid IPv4 address"},
      {"https://1.2.3.4.5/", "not a valid IPv4 address"},
      {"https://1.2.3.4./", "not a valid IPv4 address"},
      {"https://[::1/", "unclosed '['"},
      {"https://[not-ipv6]/", "is not an IPv6 address"},
      {"https://[fe80::1%25eth0]/", "is not an IPv6 address"},
      {"https://[::1]x/", "bad address"},
      {"https://::1/", "must have a host"},
      {"https://exa..mple.com/", "empty label"},
      {"https://.example.com/", "is not a host name or address"},
      {"https://-example.com/", "is not a host name or address"},
      {"https://example-.com/", "starts or ends with '-'"},
      {"https://exam%70le.com/", "is not a host name or address"},
      {"https://exa_mple.com/", "is not a host name or address"},
      {"https://a.-b.com/", "starts or ends with '-'"},
      {"https://" + std::string(64, 'a') + ".com/", "label longer than 63"},
      {"https://" + std::string(200, 'a') + "." + std::string(60, 'b') + "/",
       "is not a host name or address"},
      {"https://example.com/" + std::string(kMaxUrlBytes, 'a'), "longer than 8192 bytes"},
  };
  for (const Rejected& c : cases) {
    Result<WebUrl> url = ParseWebUrl(c.input, "desktop.open_url");
    ASSERT_FALSE(url.ok()) << c.input << " was accepted as " << url->normalised;
    EXPECT_EQ(url.status().code(), StatusCode::kInvalidArgument) << c.input;
    EXPECT_THAT(url.status().message(), HasSubstr(c.message)) << c.input;
    EXPECT_THAT(url.status().message(), HasSubstr("desktop.open_url")) << c.input;
  }
}

TEST(UrlRulesTest, AcceptsAUrlAtTheLengthLimit) {
  const std::string prefix = "https://example.com/";
  const std::string text = prefix + std::string(kMaxUrlBytes - prefix.size(), 'a');
  EXPECT_TRUE(ParseWebUrl(text, "desktop.open_url").ok());
}

TEST(UrlRulesTest, NormalisesOriginsAndRefusesPathsAndQueries) {
  Result<std::string> origin = NormaliseWebOrigin("HTTPS://Example.COM:443", "origin");
  ASSERT_TRUE(origin.ok()) << origin.status().ToString();
  EXPECT_EQ(*origin, "https://example.com");
  origin = NormaliseWebOrigin("http://example.com:8080/", "origin");
  ASSERT_TRUE(origin.ok()) << origin.status().ToString();
  EXPECT_EQ(*origin, "http://example.com:8080");

  for (const char* bad : {"https://example.com/path", "https://example.com/?q", "file:///x",
                          "https://user@example.com"}) {
    origin = NormaliseWebOrigin(bad, "mediation.allowed_url_origins[0]");
    ASSERT_FALSE(origin.ok()) << bad;
    EXPECT_THAT(origin.status().message(), HasSubstr("mediation.allowed_url_origins[0]")) << bad;
  }
  EXPECT_THAT(NormaliseWebOrigin("https://example.com/path", "o").status().message(),
              HasSubstr("an origin has no path or query"));
}

}  // namespace
}  // namespace palyra::node_host
