#include "crypto/certificate_builder.h"

#include <arpa/inet.h>
#include <openssl/asn1.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "crypto/certificate_access.h"
#include "crypto/hash.h"
#include "crypto/openssl_util.h"
#include "crypto/p256_access.h"
#include "crypto/random.h"

namespace palyra::crypto {

using internal::OpenSslError;

namespace {

// Sets the SubjectPublicKeyInfo from the key's (canonical, uncompressed) point directly.
// X509_set_pubkey would re-encode the key through OpenSSL 3.0's encoder framework, which costs
// about a millisecond per certificate.
Status SetP256PublicKey(X509* x509, const P256PublicKey& key) {
  Bytes point = key.UncompressedPoint();
  auto* copy = static_cast<unsigned char*>(OPENSSL_memdup(point.data(), point.size()));
  if (copy == nullptr) return OpenSslError("copying public key");
  X509_PUBKEY* spki = X509_get_X509_PUBKEY(x509);
  if (spki == nullptr ||
      X509_PUBKEY_set0_param(spki, OBJ_nid2obj(NID_X9_62_id_ecPublicKey), V_ASN1_OBJECT,
                             OBJ_nid2obj(NID_X9_62_prime256v1), copy,
                             static_cast<int>(point.size())) != 1) {
    OPENSSL_free(copy);
    return OpenSslError("setting certificate public key");
  }
  return Status::Ok();
}

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

Status SetRandomSerial(X509* x509) {
  Bytes serial;
  do {
    serial = RandomBytes(kSerialBytes);
    serial[0] &= 0x7f;  // positive: DER INTEGER is two's complement
  } while (std::all_of(serial.begin(), serial.end(), [](uint8_t b) { return b == 0; }));
  internal::UniqueBignum bn(BN_bin2bn(serial.data(), static_cast<int>(serial.size()), nullptr));
  if (!bn) return OpenSslError("building serial");
  internal::UniqueAsn1Integer integer(BN_to_ASN1_INTEGER(bn.get(), nullptr));
  if (!integer || X509_set_serialNumber(x509, integer.get()) != 1) {
    return OpenSslError("setting serial");
  }
  return Status::Ok();
}

Status AddNameEntry(X509_NAME* name, int nid, const std::string& value) {
  if (X509_NAME_add_entry_by_NID(name, nid, MBSTRING_UTF8,
                                 reinterpret_cast<const unsigned char*>(value.data()),
                                 static_cast<int>(value.size()), -1, 0) != 1) {
    // The only realistic cause is input OpenSSL cannot encode, i.e. invalid UTF-8.
    return internal::ClearErrorsAnd(
        InvalidArgument("certificate subject name \"" + value + "\" is not valid UTF-8"));
  }
  return Status::Ok();
}

Status AddExtension(X509* x509, int nid, void* value, bool critical, std::string_view what) {
  if (X509_add1_ext_i2d(x509, nid, value, critical ? 1 : 0, X509V3_ADD_DEFAULT) != 1) {
    return OpenSslError("adding " + std::string(what) + " extension");
  }
  return Status::Ok();
}

Result<internal::UniqueAsn1OctetString> OctetString(std::span<const uint8_t> bytes) {
  internal::UniqueAsn1OctetString s(ASN1_OCTET_STRING_new());
  if (!s || ASN1_OCTET_STRING_set(s.get(), bytes.data(), static_cast<int>(bytes.size())) != 1) {
    return OpenSslError("building octet string");
  }
  return s;
}

Status AddGeneralName(GENERAL_NAMES* names, int type, std::span<const uint8_t> value) {
  // dNSName and URI are IA5String, iPAddress an OCTET STRING; both are ASN1_STRINGs.
  ASN1_STRING* s = type == GEN_IPADD ? ASN1_OCTET_STRING_new() : ASN1_IA5STRING_new();
  if (s == nullptr || ASN1_STRING_set(s, value.data(), static_cast<int>(value.size())) != 1) {
    ASN1_STRING_free(s);
    return OpenSslError("building subjectAltName entry");
  }
  GENERAL_NAME* name = GENERAL_NAME_new();
  if (name == nullptr) {
    ASN1_STRING_free(s);
    return OpenSslError("building subjectAltName entry");
  }
  GENERAL_NAME_set0_value(name, type, s);
  if (sk_GENERAL_NAME_push(names, name) <= 0) {
    GENERAL_NAME_free(name);
    return OpenSslError("building subjectAltName");
  }
  return Status::Ok();
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

  internal::UniqueX509 x509(X509_new());
  if (!x509 || X509_set_version(x509.get(), X509_VERSION_3) != 1) {
    return OpenSslError("creating certificate");
  }
  PALYRA_RETURN_IF_ERROR(SetRandomSerial(x509.get()));

  internal::UniqueX509Name subject(X509_NAME_new());
  if (!subject) return OpenSslError("creating subject name");
  if (!organization_.empty()) {
    PALYRA_RETURN_IF_ERROR(AddNameEntry(subject.get(), NID_organizationName, organization_));
  }
  PALYRA_RETURN_IF_ERROR(AddNameEntry(subject.get(), NID_commonName, common_name_));
  X509_NAME* issuer_name =
      issuer ? X509_get_subject_name(internal::CertificateAccess::Get(*issuer)) : subject.get();
  if (X509_set_subject_name(x509.get(), subject.get()) != 1 ||
      X509_set_issuer_name(x509.get(), issuer_name) != 1) {
    return OpenSslError("setting certificate names");
  }
  if (ASN1_TIME_set(X509_getm_notBefore(x509.get()), FloorSeconds(*not_before_ms_)) == nullptr ||
      ASN1_TIME_set(X509_getm_notAfter(x509.get()), FloorSeconds(*not_after_ms_)) == nullptr) {
    return OpenSslError("setting certificate validity");
  }
  PALYRA_RETURN_IF_ERROR(SetP256PublicKey(x509.get(), subject_key));

  // BasicConstraints, always present and critical.
  internal::UniqueBasicConstraints bc(BASIC_CONSTRAINTS_new());
  if (!bc) return OpenSslError("building basicConstraints");
  bc->ca = is_ca_ ? 0xff : 0;
  if (is_ca_ && path_length_) {
    bc->pathlen = ASN1_INTEGER_new();
    if (bc->pathlen == nullptr || ASN1_INTEGER_set(bc->pathlen, *path_length_) != 1) {
      return OpenSslError("building basicConstraints pathLen");
    }
  }
  PALYRA_RETURN_IF_ERROR(
      AddExtension(x509.get(), NID_basic_constraints, bc.get(), true, "basicConstraints"));

  // KeyUsage, critical.
  KeyUsage usage = key_usage_.value_or(
      is_ca_ ? KeyUsage{.digital_signature = true, .key_cert_sign = true, .crl_sign = true}
             : KeyUsage{.digital_signature = true});
  internal::UniqueAsn1BitString ku(ASN1_BIT_STRING_new());
  if (!ku) return OpenSslError("building keyUsage");
  // Bit numbers from RFC 5280 §4.2.1.3.
  const std::pair<bool, int> bits[] = {{usage.digital_signature, 0},
                                       {usage.key_agreement, 4},
                                       {usage.key_cert_sign, 5},
                                       {usage.crl_sign, 6}};
  bool any_bit = false;
  for (auto [set, bit] : bits) {
    if (!set) continue;
    any_bit = true;
    if (ASN1_BIT_STRING_set_bit(ku.get(), bit, 1) != 1) return OpenSslError("building keyUsage");
  }
  if (!any_bit) return InvalidArgument("certificate key usage must name at least one usage");
  PALYRA_RETURN_IF_ERROR(AddExtension(x509.get(), NID_key_usage, ku.get(), true, "keyUsage"));

  if (!extended_key_usages_.empty()) {
    internal::UniqueEku eku(sk_ASN1_OBJECT_new_null());
    if (!eku) return OpenSslError("building extendedKeyUsage");
    for (ExtendedKeyUsage e : extended_key_usages_) {
      int nid = e == ExtendedKeyUsage::kClientAuth ? NID_client_auth : NID_server_auth;
      if (sk_ASN1_OBJECT_push(eku.get(), OBJ_nid2obj(nid)) <= 0) {
        return OpenSslError("building extendedKeyUsage");
      }
    }
    PALYRA_RETURN_IF_ERROR(
        AddExtension(x509.get(), NID_ext_key_usage, eku.get(), false, "extendedKeyUsage"));
  }

  if (!dns.empty() || !ips.empty() || !uris.empty()) {
    internal::UniqueGeneralNames names(GENERAL_NAMES_new());
    if (!names) return OpenSslError("building subjectAltName");
    for (const std::string& name : dns) {
      PALYRA_RETURN_IF_ERROR(AddGeneralName(names.get(), GEN_DNS, AsBytes(name)));
    }
    for (const Bytes& ip : ips) PALYRA_RETURN_IF_ERROR(AddGeneralName(names.get(), GEN_IPADD, ip));
    for (const std::string& uri : uris) {
      PALYRA_RETURN_IF_ERROR(AddGeneralName(names.get(), GEN_URI, AsBytes(uri)));
    }
    PALYRA_RETURN_IF_ERROR(
        AddExtension(x509.get(), NID_subject_alt_name, names.get(), false, "subjectAltName"));
  }

  // SKI per spec §4: the first 20 bytes of SHA-256 over the whole SPKI DER.
  Sha256Digest spki_hash = Sha256(subject_key.SpkiDer());
  PALYRA_ASSIGN_OR_RETURN(auto ski, OctetString(std::span(spki_hash).first(kKeyIdBytes)));
  PALYRA_RETURN_IF_ERROR(AddExtension(x509.get(), NID_subject_key_identifier, ski.get(), false,
                                      "subjectKeyIdentifier"));

  if (issuer != nullptr && !issuer->SubjectKeyId().empty()) {
    internal::UniqueAuthorityKeyId aki(AUTHORITY_KEYID_new());
    if (!aki) return OpenSslError("building authorityKeyIdentifier");
    PALYRA_ASSIGN_OR_RETURN(auto keyid, OctetString(issuer->SubjectKeyId()));
    aki->keyid = keyid.release();
    PALYRA_RETURN_IF_ERROR(AddExtension(x509.get(), NID_authority_key_identifier, aki.get(), false,
                                        "authorityKeyIdentifier"));
  }

  if (X509_sign(x509.get(), internal::P256Access::Pkey(signing_key), EVP_sha256()) <= 0) {
    return OpenSslError("signing certificate");
  }
  Bytes der = internal::DerOf(x509.get(), i2d_X509);
  if (der.empty()) return OpenSslError("encoding certificate");
  return internal::CertificateAccess::FromBuilt(
      std::shared_ptr<X509>(x509.release(), X509_free), std::move(der));
}

}  // namespace palyra::crypto
