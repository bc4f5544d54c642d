#include "identity/pairing_uri.h"

#include <map>

#include "common/strings.h"
#include "identity/pairing_method.h"

namespace palyra::identity {
namespace {

bool IsUnreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    if (IsUnreserved(c)) {
      out += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    }
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<std::string> PercentDecode(std::string_view text, std::string_view name) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    const bool complete = i + 2 < text.size();
    const int high = complete ? HexValue(text[i + 1]) : -1;
    const int low = complete ? HexValue(text[i + 2]) : -1;
    if (high < 0 || low < 0) {
      return InvalidArgument("pairing URI parameter " + std::string(name) +
                             " has bad percent-encoding");
    }
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

bool IsLowerHex64(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// host:port with a numeric port 1-65535; the host is a name, an IPv4 literal or [IPv6].
bool IsHostPort(std::string_view text) {
  const size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) return false;
  const std::string_view host = text.substr(0, colon);
  const std::string_view port = text.substr(colon + 1);
  if (port.size() > 5) return false;
  int value = 0;
  for (char c : port) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  if (value < 1 || value > 65535) return false;
  if (host.front() == '[') return host.back() == ']' && host.size() > 2;
  for (char c : host) {
    if (!(IsUnreserved(c))) return false;
  }
  return true;
}

}  // namespace

std::string BuildPairingUri(const PairingUri& uri) {
  return std::string(kPairingUriPrefix) + "v=1&addr=" + PercentEncode(uri.address) +
         "&method=" + std::string(PairingMethodKindName(uri.method)) +
         "&code=" + PercentEncode(uri.code.view()) + "&ca_sha256=" + uri.ca_fingerprint;
}

Result<PairingUri> ParsePairingUri(std::string_view text) {
  text = TrimAsciiWhitespace(text);
  if (text.size() > kMaxPairingUriBytes) {
    return InvalidArgument("pairing URI is too long (" + std::to_string(text.size()) +
                           " bytes; at most " + std::to_string(kMaxPairingUriBytes) + ")");
  }
  if (!text.starts_with(kPairingUriPrefix)) {
    return InvalidArgument("pairing URI must start with " + std::string(kPairingUriPrefix));
  }
  std::map<std::string, std::string, std::less<>> params;
  std::string_view rest = text.substr(kPairingUriPrefix.size());
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    const size_t eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      return InvalidArgument("pairing URI has a malformed parameter (expected name=value)");
    }
    const std::string name(pair.substr(0, eq));
    if (name != "v" && name != "addr" && name != "method" && name != "code" &&
        name != "ca_sha256") {
      return InvalidArgument("pairing URI has an unknown parameter '" + name + "'");
    }
    PALYRA_ASSIGN_OR_RETURN(std::string value, PercentDecode(pair.substr(eq + 1), name));
    if (!params.emplace(name, std::move(value)).second) {
      return InvalidArgument("pairing URI repeats parameter " + name);
    }
  }
  for (const char* required : {"v", "addr", "method", "code", "ca_sha256"}) {
    if (params.find(required) == params.end()) {
      return InvalidArgument(std::string("pairing URI lacks parameter ") + required);
    }
  }
  if (params["v"] != "1") {
    return InvalidArgument("pairing URI version " + params["v"] + " is not supported (only 1)");
  }
  PairingUri uri;
  uri.address = params["addr"];
  if (!IsHostPort(uri.address)) {
    return InvalidArgument("pairing URI addr must be host:port");
  }
  PALYRA_ASSIGN_OR_RETURN(uri.method, ParsePairingMethodKind(params["method"]));
  const PairingMethod method = uri.method == PairingMethod::Kind::kPin
                                   ? PairingMethod::Pin(params["code"])
                                   : PairingMethod::Qr(params["code"]);
  PALYRA_RETURN_IF_ERROR(method.Validate());
  uri.code = crypto::SecretString(params["code"]);
  uri.ca_fingerprint = params["ca_sha256"];
  if (!IsLowerHex64(uri.ca_fingerprint)) {
    return InvalidArgument("pairing URI ca_sha256 must be 64 lowercase hex digits");
  }
  return uri;
}

}  // namespace palyra::identity
