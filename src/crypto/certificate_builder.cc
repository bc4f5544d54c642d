#include "crypto/certificate_builder.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "common/utf8.h"
#include "crypto/certificate_access.h"
#include "crypto/der_writer.h"
#include "crypto/hash.h"
#include "crypto/random.h"

namespace palyra::crypto {

namespace der = internal::der;

namespace {

// Encoded OBJECT IDENTIFIER arcs (X.690 §8.19).
constexpr uint8_t kOidEcdsaWithSha256[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02};
constexpr uint8_t kOidCommonName[] = {0x55, 0x04, 0x03};
constexpr uint8_t kOidOrganization[] = {0x55, 0x04, 0x0a};
constexpr uint8_t kOidBasicConstraints[] = {0x55, 0x1d, 0x13};
constexpr uint8_t kOidKeyUsage[] = {0x55, 0x1d, 0x0f};
constexpr uint8_t kOidExtendedKeyUsage[] = {0x55, 0x1d, 0x25};
constexpr uint8_t kOidSubjectAltName[] = {0x55, 0x1d, 0x11};
constexpr uint8_t kOidSubjectKeyId[] = {0x55, 0x1d, 0x0e};
constexpr uint8_t kOidAuthorityKeyId[] = {0x55, 0x1d, 0x23};
constexpr uint8_t kOidServerAuth[] = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01};
constexpr uint8_t kOidClientAuth[] = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02};

// GeneralName choices (RFC 5280 §4.2.1.6), IMPLICIT primitive tags.
constexpr uint8_t kGeneralNameDns = der::kContextPrimitive | 2;
constexpr uint8_t kGeneralNameUri = der::kContextPrimitive | 6;
constexpr uint8_t kGeneralNameIp = der::kContextPrimitive | 7;

constexpr size_t kMaxNameBytes = 64;  // ub-common-name / ub-organization-name (RFC 5280)
constexpr size_t kMaxDnsNameBytes = 253;
constexpr size_t kMaxUriBytes = 2048;
constexpr size_t kKeyIdBytes = 20;
constexpr size_t kSerialBytes = 16;

Status CheckNameField(const std::string& value, std::string_view field) {
  if (value.empty() || value.size() > kMaxNameBytes) {
    return InvalidArgument("certificate " + std::string(field) + " must be 1.." +
                           std::to_string(kMaxNameBytes) + " bytes");
  }
  for (unsigned char c : value) {
    if (c < 0x20 || c == 0x7f) {
      return InvalidArgument("certificate " + std::string(field) + " contains a control character");
    }
  }
  if (!IsValidUtf8(value)) {
    return InvalidArgument("certificate subject name \"" + value + "\" is not valid UTF-8");
  }
  return Status::Ok();
}

// Hostname syntax (RFC 1123 labels, plus '_' which real deployments use), with an optional
// leading "*." wildcard. Converting IP-looking names to IP SANs is the caller's policy.
Status CheckDnsName(const std::string& name) {
  if (name.empty() || name.size() > kMaxDnsNameBytes) {
    return InvalidArgument("SAN DNS name must be 1.." + std::to_string(kMaxDnsNameBytes) +
                           " characters");
  }
  std::string_view rest = name;
  if (rest.starts_with("*.")) rest.remove_prefix(2);
  while (true) {
    size_t dot = rest.find('.');
    std::string_view label = rest.substr(0, dot);
    if (label.empty() || label.size() > 63) {
      return InvalidArgument("SAN DNS name \"" + name + "\" has an empty or over-long label");
    }
    for (char c : label) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) {
        return InvalidArgument("SAN DNS name \"" + name + "\" contains an invalid character");
      }
    }
    if (label.front() == '-' || label.back() == '-') {
      return InvalidArgument("SAN DNS name \"" + name + "\" has a label starting or ending in '-'");
    }
    if (dot == std::string_view::npos) break;
    rest.remove_prefix(dot + 1);
  }
  return Status::Ok();
}

// 4 or 16 address bytes, or INVALID_ARGUMENT.
Result<Bytes> ParseIp(const std::string& text) {
  std::array<uint8_t, 16> buf{};
  if (inet_pton(AF_INET, text.c_str(), buf.data()) == 1) return Bytes(buf.begin(), buf.begin() + 4);
  if (inet_pton(AF_INET6, text.c_str(), buf.data()) == 1) return Bytes(buf.begin(), buf.end());
  return InvalidArgument("SAN IP address \"" + text + "\" is not a valid IPv4 or IPv6 address");
}

Status CheckUri(const std::string& uri) {
  if (uri.empty() || uri.size() > kMaxUriBytes) {
    return InvalidArgument("SAN URI must be 1.." + std::to_string(kMaxUriBytes) + " characters");
  }
  size_t colon = uri.find(':');
  bool scheme_ok =
      colon != std::string::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(uri[0]));
  for (size_t i = 0; scheme_ok && i < colon; ++i) {
    char c = uri[i];
    scheme_ok = std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  }
  if (!scheme_ok) return InvalidArgument("SAN URI \"" + uri + "\" has no valid scheme");
  for (unsigned char c : uri) {
    if (c <= 0x20 || c >= 0x7f) {
      return InvalidArgument("SAN URI \"" + uri + "\" contains a space or non-ASCII character");
    }
  }
  return Status::Ok();
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// Seconds for X.509, rounding toward negative infinity.
time_t FloorSeconds(int64_t ms) {
  return static_cast<time_t>(ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000));
}

// A random positive 128-bit serial (RFC 5280 §4.1.2.2 allows up to 20 octets), never zero.
Bytes RandomSerial() {
  Bytes serial;
  do {
    serial = RandomBytes(kSerialBytes);
    serial[0] &= 0x7f;  // positive: DER INTEGER is two's complement
  } while (std::all_of(serial.begin(), serial.end(), [](uint8_t b) { return b == 0; }));
  return serial;
}

std::string SerialHex(std::span<const uint8_t> serial) {
  std::string hex = HexEncode(serial);
  size_t first = hex.find_first_not_of('0');
  return first == std::string::npos ? "0" : hex.substr(first);
}

// Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
void AppendExtension(Bytes& extensions, std::span<const uint8_t> oid, bool critical,
                     std::span<const uint8_t> value) {
  const Bytes id = der::Oid(oid);
  const Bytes wrapped = der::OctetString(value);
  if (critical) {
    der::Append(extensions, der::Sequence({id, der::Boolean(true), wrapped}));
  } else {
    der::Append(extensions, der::Sequence({id, wrapped}));
  }
}

// Name ::= SEQUENCE OF RelativeDistinguishedName, one attribute per RDN, UTF8String values (what
// OpenSSL's default "utf8only" string mask produced for the certificates issued before).
Bytes EncodeName(const std::string& organization, const std::string& common_name) {
  Bytes rdns;
  auto add = [&rdns](std::span<const uint8_t> oid, const std::string& value) {
    der::Append(rdns, der::Constructed(der::kSet,
                                       {der::Sequence({der::Oid(oid), der::Utf8String(value)})}));
  };
  if (!organization.empty()) add(kOidOrganization, organization);
  add(kOidCommonName, common_name);
  return der::Tlv(der::kSequence, rdns);
}

std::string IpText(const Bytes& ip) {
  char text[INET6_ADDRSTRLEN] = {};
  inet_ntop(ip.size() == 4 ? AF_INET : AF_INET6, ip.data(), text, sizeof(text));
  return text;
}

}  // namespace

CertificateBuilder& CertificateBuilder::SetSubjectCommonName(std::string common_name) {
  common_name_ = std::move(common_name);
  return *this;
}
CertificateBuilder& CertificateBuilder::SetSubjectOrganization(std::string organization) {
  organization_ = std::move(organization);
  return *this;
}
CertificateBuilder& CertificateBuilder::SetValidity(int64_t not_before_unix_ms,
                                                    int64_t not_after_unix_ms) {
  not_before_ms_ = not_before_unix_ms;
  not_after_ms_ = not_after_unix_ms;
  return *this;
}
CertificateBuilder& CertificateBuilder::SetCa(std::optional<int> path_length) {
  is_ca_ = true;
  path_length_ = path_length;
  return *this;
}
CertificateBuilder& CertificateBuilder::SetKeyUsage(KeyUsage usage) {
  key_usage_ = usage;
  return *this;
}
CertificateBuilder& CertificateBuilder::AddExtendedKeyUsage(ExtendedKeyUsage usage) {
  if (std::find(extended_key_usages_.begin(), extended_key_usages_.end(), usage) ==
      extended_key_usages_.end()) {
    extended_key_usages_.push_back(usage);
  }
  return *this;
}
CertificateBuilder& CertificateBuilder::AddDnsName(std::string dns_name) {
  dns_names_.push_back(std::move(dns_name));
  return *this;
}
CertificateBuilder& CertificateBuilder::AddIpAddress(std::string ip_address) {
  ip_addresses_.push_back(std::move(ip_address));
  return *this;
}
CertificateBuilder& CertificateBuilder::AddUri(std::string uri) {
  uris_.push_back(std::move(uri));
  return *this;
}
CertificateBuilder& CertificateBuilder::SetSubjectPublicKey(P256PublicKey key) {
  subject_public_key_ = std::move(key);
  return *this;
}

Result<Certificate> CertificateBuilder::SelfSign(const P256PrivateKey& key) const {
  if (subject_public_key_ && !(*subject_public_key_ == key.PublicKey())) {
    return InvalidArgument("self-signed certificate's subject public key must be the signing key");
  }
  return Build(nullptr, key);
}

Result<Certificate> CertificateBuilder::Sign(const Certificate& issuer,
                                             const P256PrivateKey& issuer_key) const {
  if (!subject_public_key_) {
    return InvalidArgument("certificate subject public key is not set");
  }
  if (issuer.PublicKeySpkiDer() != issuer_key.PublicKey().SpkiDer()) {
    return InvalidArgument("issuer private key does not match the issuer certificate");
  }
  return Build(&issuer, issuer_key);
}

Result<Certificate> CertificateBuilder::Build(const Certificate* issuer,
                                              const P256PrivateKey& signing_key) const {
  // Validate everything before touching OpenSSL, so errors name the offending input.
  PALYRA_RETURN_IF_ERROR(CheckNameField(common_name_, "common name"));
  if (!organization_.empty()) PALYRA_RETURN_IF_ERROR(CheckNameField(organization_, "organization"));
  if (!not_before_ms_ || !not_after_ms_) return InvalidArgument("certificate validity is not set");
  if (FloorSeconds(*not_before_ms_) >= FloorSeconds(*not_after_ms_)) {
    return InvalidArgument("certificate notBefore must be earlier than notAfter");
  }
  if (path_length_ && *path_length_ < 0) {
    return InvalidArgument("certificate path length must not be negative");
  }
  std::vector<std::string> dns;
  for (const std::string& name : dns_names_) {
    PALYRA_RETURN_IF_ERROR(CheckDnsName(name));
    if (std::none_of(dns.begin(), dns.end(),
                     [&](const auto& d) { return EqualsIgnoreCase(d, name); })) {
      dns.push_back(name);
    }
  }
  std::vector<Bytes> ips;
  for (const std::string& text : ip_addresses_) {
    PALYRA_ASSIGN_OR_RETURN(Bytes ip, ParseIp(text));
    if (std::find(ips.begin(), ips.end(), ip) == ips.end()) ips.push_back(std::move(ip));
  }
  std::vector<std::string> uris;
  for (const std::string& uri : uris_) {
    PALYRA_RETURN_IF_ERROR(CheckUri(uri));
    if (std::find(uris.begin(), uris.end(), uri) == uris.end()) uris.push_back(uri);
  }
  const P256PublicKey& subject_key =
      subject_public_key_ ? *subject_public_key_ : signing_key.PublicKey();

  KeyUsage usage = key_usage_.value_or(
      is_ca_ ? KeyUsage{.digital_signature = true, .key_cert_sign = true, .crl_sign = true}
             : KeyUsage{.digital_signature = true});
  if (!usage.digital_signature && !usage.key_agreement && !usage.key_cert_sign && !usage.crl_sign) {
    return InvalidArgument("certificate key usage must name at least one usage");
  }
  PALYRA_ASSIGN_OR_RETURN(Bytes not_before, der::Time(FloorSeconds(*not_before_ms_)));
  PALYRA_ASSIGN_OR_RETURN(Bytes not_after, der::Time(FloorSeconds(*not_after_ms_)));

  // The certificate is written as DER directly (see der_writer.h): building it through OpenSSL's
  // X509 object and re-deriving the facts below from it cost about as much as the signature.
  const Bytes serial = RandomSerial();
  const Bytes subject_name = EncodeName(organization_, common_name_);
  const Bytes& issuer_name =
      issuer ? internal::CertificateAccess::SubjectNameDer(*issuer) : subject_name;

  Bytes extensions;
  {
    // BasicConstraints, always present and critical; cA's DEFAULT FALSE is omitted.
    Bytes bc;
    if (is_ca_) {
      der::Append(bc, der::Boolean(true));
      if (path_length_) der::Append(bc, der::SmallInteger(static_cast<uint32_t>(*path_length_)));
    }
    AppendExtension(extensions, kOidBasicConstraints, true, der::Tlv(der::kSequence, bc));
  }
  // KeyUsage, critical. Bit numbers from RFC 5280 §4.2.1.3.
  {
    const int kUnset = -1;
    AppendExtension(
        extensions, kOidKeyUsage, true,
        der::NamedBitString({usage.digital_signature ? 0 : kUnset, usage.key_agreement ? 4 : kUnset,
                             usage.key_cert_sign ? 5 : kUnset, usage.crl_sign ? 6 : kUnset}));
  }
  if (!extended_key_usages_.empty()) {
    Bytes purposes;
    for (ExtendedKeyUsage e : extended_key_usages_) {
      der::Append(purposes,
                  der::Oid(e == ExtendedKeyUsage::kClientAuth ? std::span(kOidClientAuth)
                                                              : std::span(kOidServerAuth)));
    }
    AppendExtension(extensions, kOidExtendedKeyUsage, false, der::Tlv(der::kSequence, purposes));
  }
  if (!dns.empty() || !ips.empty() || !uris.empty()) {
    Bytes names;
    for (const std::string& name : dns) {
      der::Append(names, der::Tlv(kGeneralNameDns, AsBytes(name)));
    }
    for (const Bytes& ip : ips) der::Append(names, der::Tlv(kGeneralNameIp, ip));
    for (const std::string& uri : uris) der::Append(names, der::Tlv(kGeneralNameUri, AsBytes(uri)));
    AppendExtension(extensions, kOidSubjectAltName, false, der::Tlv(der::kSequence, names));
  }
  // SKI per spec §4: the first 20 bytes of SHA-256 over the whole SPKI DER.
  const Sha256Digest spki_hash = Sha256(subject_key.SpkiDer());
  const Bytes subject_key_id(spki_hash.begin(), spki_hash.begin() + kKeyIdBytes);
  AppendExtension(extensions, kOidSubjectKeyId, false, der::OctetString(subject_key_id));
  Bytes authority_key_id;
  if (issuer != nullptr && !issuer->SubjectKeyId().empty()) {
    authority_key_id = issuer->SubjectKeyId();
    // AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING }
    AppendExtension(extensions, kOidAuthorityKeyId, false,
                    der::Sequence({der::Tlv(der::kContextPrimitive | 0, authority_key_id)}));
  }

  const Bytes signature_algorithm = der::Sequence({der::Oid(kOidEcdsaWithSha256)});
  const Bytes tbs = der::Sequence({
      der::Constructed(der::kContextConstructed | 0, {der::SmallInteger(2)}),  // v3
      der::UnsignedInteger(serial),
      signature_algorithm,
      issuer_name,
      der::Sequence({not_before, not_after}),
      subject_name,
      subject_key.SpkiDer(),
      der::Constructed(der::kContextConstructed | 3, {der::Tlv(der::kSequence, extensions)}),
  });
  PALYRA_ASSIGN_OR_RETURN(Bytes signature, signing_key.Sign(tbs));
  Bytes der = der::Sequence({tbs, signature_algorithm, der::BitStringBytes(signature)});
  if (der.size() > kMaxCertificateDerBytes) {
    return InvalidArgument("certificate would be " + std::to_string(der.size()) +
                           " bytes of DER, over the " + std::to_string(kMaxCertificateDerBytes) +
                           "-byte limit");
  }

  // The facts a parse would extract, taken from what was just encoded.
  auto facts = internal::CertificateAccess::NewState();
  facts->der = std::move(der);
  facts->subject_name_der = subject_name;
  facts->not_before_ms = static_cast<int64_t>(FloorSeconds(*not_before_ms_)) * 1000;
  facts->not_after_ms = static_cast<int64_t>(FloorSeconds(*not_after_ms_)) * 1000;
  facts->subject_cn = common_name_;
  facts->subject_o = organization_;
  facts->issuer_cn = issuer ? issuer->SubjectCommonName() : common_name_;
  facts->serial_hex = SerialHex(serial);
  facts->dns_names = std::move(dns);
  for (const Bytes& ip : ips) facts->ip_addresses.push_back(IpText(ip));
  facts->uris = std::move(uris);
  facts->has_eku = !extended_key_usages_.empty();
  facts->client_auth = std::find(extended_key_usages_.begin(), extended_key_usages_.end(),
                                 ExtendedKeyUsage::kClientAuth) != extended_key_usages_.end();
  facts->server_auth = std::find(extended_key_usages_.begin(), extended_key_usages_.end(),
                                 ExtendedKeyUsage::kServerAuth) != extended_key_usages_.end();
  facts->is_ca = is_ca_;
  if (is_ca_) facts->path_length = path_length_;
  facts->key_usage = usage;
  facts->subject_key_id = subject_key_id;
  facts->authority_key_id = std::move(authority_key_id);
  facts->spki_der = subject_key.SpkiDer();
  return internal::CertificateAccess::FromBuilt(std::move(facts));
}

}  // namespace palyra::crypto
