#pragma once
// The URL rules of desktop.open_url, shared with the mediation policy (whose allowed origins must
// be normalised exactly like a URL's origin, or an exact-match allow-list would be meaningless).
//
// Accepted: absolute http/https URLs with a non-empty host (DNS name, dotted-quad IPv4, or
// bracketed IPv6), an optional port 1-65535, any path and query. Refused: other schemes,
// userinfo (user:pass@), fragments (even an empty trailing '#'), control characters, spaces,
// backslashes, non-ASCII characters and anything longer than kMaxUrlBytes. The strictness is
// deliberate: whatever we accept is shown to a human and handed to a browser, so there must be no
// room for the two to read the same text differently.

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace palyra::node_host {

inline constexpr size_t kMaxUrlBytes = 8 * 1024;

struct WebUrl {
  std::string normalised;  // lowercase scheme and host, default port dropped, path at least "/"
  std::string origin;      // "scheme://host[:port]", normalised the same way
};

// Parses and normalises `text` (surrounding ASCII whitespace is ignored). INVALID_ARGUMENT saying
// what is wrong; the message names `what` ("desktop.open_url", "mediation.allowed_url_origins").
Result<WebUrl> ParseWebUrl(std::string_view text, std::string_view what);

// An origin as written in an allow-list ("HTTPS://Example.com:443" -> "https://example.com"):
// the URL rules above, plus no path other than "/" and no query.
Result<std::string> NormaliseWebOrigin(std::string_view text, std::string_view what);

}  // namespace palyra::node_host
