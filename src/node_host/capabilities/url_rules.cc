#include "node_host/capabilities/url_rules.h"

#include <arpa/inet.h>

#include <charconv>
#include <cstdint>

#include "common/endpoint_url.h"
#include "common/strings.h"

namespace palyra::node_host {
namespace {

constexpr size_t kMaxHostBytes = 253;  // the DNS limit on a name's text form
constexpr size_t kMaxLabelBytes = 63;  // and on one label
constexpr std::string_view kAbsoluteHint = "(expected http://host/... or https://host/...)";

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) {
  return IsAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string ToLowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Status Bad(std::string_view what, std::string_view problem) {
  return InvalidArgument(std::string(what) + ": " + std::string(problem));
}

// Every byte must be printable ASCII other than space and backslash. Browsers read '\' as '/' in
// http(s) URLs, so allowing it would let a URL mean one host to us and another to the browser.
Status CheckCharacters(std::string_view text, std::string_view what) {
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      return Bad(what, "URL must be ASCII (percent-encode the rest, hosts in punycode)");
    }
    if (byte <= 0x20 || byte == 0x7f) {
      return Bad(what, "URL must not contain spaces or control characters");
    }
    if (c == '\\') return Bad(what, "URL must not contain a backslash");
  }
  return Status::Ok();
}

bool IsSchemeText(std::string_view scheme) {
  if (scheme.empty() || !IsAsciiAlpha(scheme.front())) return false;
  for (char c : scheme) {
    if (!IsAsciiAlpha(c) && !IsAsciiDigit(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return true;
}

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!IsAsciiDigit(c)) return false;
  }
  return true;
}

// Browsers parse a host whose last label is a number ("10", "0x1f") as an IPv4 address and accept
// shorthand forms ("127.1", "0177.0.0.1"). We accept only the plain dotted quad, so the origin we
// compare against the allow-list is the address the browser will actually contact.
bool LooksNumeric(std::string_view label) {
  if (AllDigits(label)) return true;
  if (label.size() < 2 || label[0] != '0' || (label[1] != 'x' && label[1] != 'X')) return false;
  for (char c : label.substr(2)) {
    if (!IsHexDigit(c)) return false;
  }
  return true;
}

bool IsDottedQuad(std::string_view host) {
  int parts = 0;
  while (true) {
    const size_t dot = host.find('.');
    const std::string_view part = host.substr(0, dot);
    if (!AllDigits(part) || part.size() > 3 || (part.size() > 1 && part[0] == '0')) return false;
    int value = 0;
    std::from_chars(part.data(), part.data() + part.size(), value);
    if (value > 255) return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  return parts == 4;
}

bool IsLabelChar(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '-'; }

// `host` is lowercase and not bracketed. One trailing dot (a fully qualified name) is kept: to a
// browser "example.com." is a different origin from "example.com".
Status CheckHostName(std::string_view host, std::string_view what) {
  std::string_view name = host;
  if (name.size() > 1 && name.back() == '.') name.remove_suffix(1);
  if (name.size() > kMaxHostBytes) return Bad(what, "URL host is longer than 253 characters");
  const size_t last_dot = name.rfind('.');
  const std::string_view last_label =
      last_dot == std::string_view::npos ? name : name.substr(last_dot + 1);
  if (LooksNumeric(last_label)) {
    if (host.back() == '.' || !IsDottedQuad(name)) {
      return Bad(what, "URL host \"" + std::string(host) +
                           "\" is not a valid IPv4 address (expected four decimal numbers 0-255, "
                           "like 192.0.2.1)");
    }
    return Status::Ok();
  }
  while (true) {
    const size_t dot = name.find('.');
    const std::string_view label = name.substr(0, dot);
    if (label.empty()) {
      return Bad(what, "URL host \"" + std::string(host) + "\" has an empty label");
    }
    if (label.size() > kMaxLabelBytes) {
      return Bad(what, "URL host has a label longer than 63 characters");
    }
    for (char c : label) {
      if (!IsLabelChar(c)) {
        return Bad(what, "URL host \"" + std::string(host) + "\" contains '" + std::string(1, c) +
                             "' (allowed: letters, digits, '-', '.')");
      }
    }
    if (label.front() == '-' || label.back() == '-') {
      return Bad(what, "URL host \"" + std::string(host) +
                           "\" has a label that starts or ends "
                           "with '-'");
    }
    if (dot == std::string_view::npos) break;
    name.remove_prefix(dot + 1);
  }
  return Status::Ok();
}

// The text between '[' and ']', in its canonical form ("0:0::1" -> "::1"), so that equal
// addresses give equal origins.
Result<std::string> CanonicalIpv6(std::string_view text, std::string_view what) {
  const std::string literal(text);
  in6_addr address{};
  if (literal.size() >= INET6_ADDRSTRLEN || ::inet_pton(AF_INET6, literal.c_str(), &address) != 1) {
    return Bad(what, "URL host [" + literal + "] is not a valid IPv6 address");
  }
  char buffer[INET6_ADDRSTRLEN] = {};
  if (::inet_ntop(AF_INET6, &address, buffer, sizeof(buffer)) == nullptr) {
    return Bad(what, "URL host [" + literal + "] is not a valid IPv6 address");
  }
  return std::string(buffer);
}

struct Authority {
  std::string host;  // normalised; IPv6 with its brackets
  int port = 0;      // the default port when none was given
};

// Splitting host from port and checking the port is common/endpoint_url's job; what a browser
// needs on top is the host rules above, lowercase names and one spelling per IPv6 address.
Result<Authority> ParseAuthority(std::string_view authority, int default_port,
                                 std::string_view what) {
  if (authority.find('@') != std::string_view::npos) {
    return Bad(what, "URL must not contain a username or password");
  }
  if (authority.empty() || authority.front() == ':') {
    return Bad(what, "URL must have a host " + std::string(kAbsoluteHint));
  }
  PALYRA_ASSIGN_OR_RETURN(
      HostPortEndpoint endpoint,
      ParseHostPort(authority, /*tls=*/default_port == 443, default_port, what));
  Authority out;
  out.port = endpoint.port;
  if (authority.front() == '[') {
    PALYRA_ASSIGN_OR_RETURN(std::string ip, CanonicalIpv6(endpoint.host, what));
    out.host = "[" + ip + "]";
  } else {
    out.host = ToLowerAscii(endpoint.host);
    PALYRA_RETURN_IF_ERROR(CheckHostName(out.host, what));
  }
  return out;
}

}  // namespace

Result<WebUrl> ParseWebUrl(std::string_view raw, std::string_view what) {
  if (raw.size() > kMaxUrlBytes) {
    return Bad(what, "URL is longer than " + std::to_string(kMaxUrlBytes) + " bytes");
  }
  const std::string_view text = TrimAsciiWhitespace(raw);
  if (text.empty()) return Bad(what, "URL must not be blank");
  PALYRA_RETURN_IF_ERROR(CheckCharacters(text, what));

  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || !IsSchemeText(text.substr(0, colon))) {
    return Bad(
        what, "\"" + std::string(text) + "\" is not an absolute URL " + std::string(kAbsoluteHint));
  }
  const std::string scheme = ToLowerAscii(text.substr(0, colon));
  if (scheme != "http" && scheme != "https") {
    return InvalidArgument(std::string(what) + " only allows http/https URLs, got scheme \"" +
                           scheme + "\"");
  }
  if (text.find('#') != std::string_view::npos) {
    return Bad(what, "URL must not contain a fragment ('#')");
  }
  std::string_view rest = text.substr(colon + 1);
  if (rest.substr(0, 2) != "//") {
    return Bad(what, "URL must have \"//\" and a host after \"" + scheme + ":\" " +
                         std::string(kAbsoluteHint));
  }
  rest.remove_prefix(2);
  const size_t authority_end = rest.find_first_of("/?");
  const int default_port = scheme == "http" ? 80 : 443;
  PALYRA_ASSIGN_OR_RETURN(Authority authority,
                          ParseAuthority(rest.substr(0, authority_end), default_port, what));
  const std::string_view tail =
      authority_end == std::string_view::npos ? std::string_view() : rest.substr(authority_end);

  WebUrl url;
  url.origin = scheme + "://" + authority.host;
  if (authority.port != default_port) {
    url.origin += ":" + std::to_string(authority.port);
  }
  // An empty path is "/" (as browsers write it), so "https://a.test" and "https://a.test/" are
  // the same URL to the mediation prompt and in the result.
  url.normalised = url.origin;
  if (tail.empty() || tail.front() == '?') url.normalised += '/';
  url.normalised += tail;
  return url;
}

Result<std::string> NormaliseWebOrigin(std::string_view text, std::string_view what) {
  PALYRA_ASSIGN_OR_RETURN(WebUrl url, ParseWebUrl(text, what));
  if (url.normalised != url.origin + "/") {
    return Bad(what, "an origin has no path or query (like https://example.com), got \"" +
                         std::string(TrimAsciiWhitespace(text)) + "\"");
  }
  return url.origin;
}

}  // namespace palyra::node_host
