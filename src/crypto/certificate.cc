#include "crypto/certificate.h"

#include <arpa/inet.h>
#include <openssl/asn1.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <mutex>

#include "crypto/certificate_access.h"
#include "crypto/hash.h"
#include "crypto/openssl_util.h"
#include "crypto/p256_access.h"
#include "crypto/pem.h"

namespace palyra::crypto {

using internal::ClearErrorsAnd;
using internal::OpenSslError;

namespace {

constexpr std::string_view kCertificatePem = "certificate PEM";

int ExtensionNid(CertificateExtension extension) {
  switch (extension) {
    case CertificateExtension::kBasicConstraints:
      return NID_basic_constraints;
    case CertificateExtension::kKeyUsage:
      return NID_key_usage;
    case CertificateExtension::kExtendedKeyUsage:
      return NID_ext_key_usage;
    case CertificateExtension::kSubjectAltName:
      return NID_subject_alt_name;
    case CertificateExtension::kSubjectKeyIdentifier:
      return NID_subject_key_identifier;
    case CertificateExtension::kAuthorityKeyIdentifier:
      return NID_authority_key_identifier;
  }
  return NID_undef;
}

Result<int64_t> TimeToUnixMs(const ASN1_TIME* time, std::string_view which) {
  std::tm tm{};
  if (time == nullptr || ASN1_TIME_to_tm(time, &tm) != 1) {
    return ClearErrorsAnd(InvalidArgument("certificate " + std::string(which) + " is malformed"));
  }
  return static_cast<int64_t>(timegm(&tm)) * 1000;
}

// First value of `nid` in `name` as UTF-8, or empty.
Result<std::string> NameEntry(const X509_NAME* name, int nid) {
  int index = X509_NAME_get_index_by_NID(name, nid, -1);
  if (index < 0) return std::string();
  const ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
  unsigned char* utf8 = nullptr;
  int len = ASN1_STRING_to_UTF8(&utf8, data);
  if (len < 0) return ClearErrorsAnd(InvalidArgument("certificate name has an undecodable entry"));
  std::string out(reinterpret_cast<char*>(utf8), static_cast<size_t>(len));
  OPENSSL_free(utf8);
  return out;
}

Bytes StringBytes(const ASN1_STRING* s) {
  if (s == nullptr) return {};
  const unsigned char* data = ASN1_STRING_get0_data(s);
  return Bytes(data, data + ASN1_STRING_length(s));
}

std::string StringText(const ASN1_STRING* s) {
  const unsigned char* data = ASN1_STRING_get0_data(s);
  return std::string(reinterpret_cast<const char*>(data),
                     static_cast<size_t>(ASN1_STRING_length(s)));
}

Result<std::string> IpText(const ASN1_OCTET_STRING* ip) {
  Bytes raw = StringBytes(ip);
  char text[INET6_ADDRSTRLEN] = {};
  int family = raw.size() == 4 ? AF_INET : raw.size() == 16 ? AF_INET6 : -1;
  if (family < 0 || inet_ntop(family, raw.data(), text, sizeof(text)) == nullptr) {
    return InvalidArgument("certificate has a malformed IP address SAN");
  }
  return std::string(text);
}

Status ReadSubjectAltNames(X509* x509, std::vector<std::string>* dns, std::vector<std::string>* ips,
                           std::vector<std::string>* uris) {
  int crit = -1;
  internal::UniqueGeneralNames names(
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(x509, NID_subject_alt_name, &crit, nullptr)));
  if (!names) {
    if (crit == -1) return ClearErrorsAnd(Status::Ok());  // absent
    return ClearErrorsAnd(InvalidArgument("certificate has a malformed subjectAltName"));
  }
  for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(names.get(), i);
    switch (name->type) {
      case GEN_DNS:
        dns->push_back(StringText(name->d.dNSName));
        break;
      case GEN_URI:
        uris->push_back(StringText(name->d.uniformResourceIdentifier));
        break;
      case GEN_IPADD: {
        PALYRA_ASSIGN_OR_RETURN(std::string ip, IpText(name->d.iPAddress));
        ips->push_back(std::move(ip));
        break;
      }
      default:
        break;  // e-mail, directory names, ...: not used by Palyra
    }
  }
  return Status::Ok();
}

std::string SerialText(const ASN1_INTEGER* serial) {
  std::string hex = HexEncode(StringBytes(serial));
  size_t first = hex.find_first_not_of('0');
  hex = first == std::string::npos ? "0" : hex.substr(first);
  if (ASN1_STRING_type(serial) == V_ASN1_NEG_INTEGER) hex.insert(0, "-");
  return hex;
}

}  // namespace

Result<Certificate> Certificate::FromPem(std::string_view pem) {
  PALYRA_ASSIGN_OR_RETURN(auto sections,
                          SplitPem(pem, kCertificatePem, kMaxCertificatePemBytes, 1));
  if (sections[0].label != "CERTIFICATE") {
    return InvalidArgument(
        "certificate PEM is malformed: expected a \"CERTIFICATE\" block, found \"" +
        std::string(sections[0].label) + "\"");
  }
  PALYRA_ASSIGN_OR_RETURN(Bytes der, DecodePemBody(sections[0].body, kCertificatePem));
  return FromDer(der);
}

Result<Certificate> Certificate::FromDer(std::span<const uint8_t> der) {
  if (der.size() > kMaxCertificateDerBytes) {
    return InvalidArgument("certificate DER is too large (" + std::to_string(der.size()) +
                           " bytes, limit " + std::to_string(kMaxCertificateDerBytes) + ")");
  }
  const unsigned char* p = der.data();
  std::shared_ptr<X509> x509(d2i_X509(nullptr, &p, static_cast<long>(der.size())), X509_free);
  if (!x509 || p != der.data() + der.size()) {
    return ClearErrorsAnd(InvalidArgument("certificate DER is malformed"));
  }
  return FromX509(std::move(x509), Bytes(der.begin(), der.end()));
}

Result<Certificate> Certificate::FromX509(std::shared_ptr<X509> x509, Bytes der) {
  // Runs OpenSSL's extension decoding once; it flags bad encodings, duplicate extensions and
  // inconsistent BasicConstraints that the accessors below would otherwise silently skip.
  if (X509_check_purpose(x509.get(), -1, 0) != 1 ||
      (X509_get_extension_flags(x509.get()) & EXFLAG_INVALID) != 0) {
    return ClearErrorsAnd(InvalidArgument("certificate has invalid or duplicate extensions"));
  }

  auto state = std::make_shared<State>();
  state->x509 = x509;
  state->fingerprint = Sha256Hex(der);
  state->der = std::move(der);
  PALYRA_ASSIGN_OR_RETURN(state->not_before_ms,
                          TimeToUnixMs(X509_get0_notBefore(x509.get()), "notBefore"));
  PALYRA_ASSIGN_OR_RETURN(state->not_after_ms,
                          TimeToUnixMs(X509_get0_notAfter(x509.get()), "notAfter"));
  PALYRA_ASSIGN_OR_RETURN(state->subject_cn,
                          NameEntry(X509_get_subject_name(x509.get()), NID_commonName));
  PALYRA_ASSIGN_OR_RETURN(state->subject_o,
                          NameEntry(X509_get_subject_name(x509.get()), NID_organizationName));
  PALYRA_ASSIGN_OR_RETURN(state->issuer_cn,
                          NameEntry(X509_get_issuer_name(x509.get()), NID_commonName));
  state->serial_hex = SerialText(X509_get0_serialNumber(x509.get()));
  {
    const unsigned char* name_der = nullptr;
    size_t name_len = 0;
    if (X509_NAME_get0_der(X509_get_subject_name(x509.get()), &name_der, &name_len) != 1) {
      return OpenSslError("encoding certificate subject name");
    }
    state->subject_name_der.assign(name_der, name_der + name_len);
  }
  PALYRA_RETURN_IF_ERROR(
      ReadSubjectAltNames(x509.get(), &state->dns_names, &state->ip_addresses, &state->uris));

  const uint32_t flags = X509_get_extension_flags(x509.get());
  if ((flags & EXFLAG_XKUSAGE) != 0) {
    const uint32_t eku = X509_get_extended_key_usage(x509.get());
    state->has_eku = true;
    state->client_auth = (eku & XKU_SSL_CLIENT) != 0;
    state->server_auth = (eku & XKU_SSL_SERVER) != 0;
  }
  state->is_ca = (flags & EXFLAG_BCONS) != 0 && (flags & EXFLAG_CA) != 0;
  if (state->is_ca) {
    long path_len = X509_get_pathlen(x509.get());
    if (path_len >= 0) state->path_length = static_cast<int>(path_len);
  }
  if ((flags & EXFLAG_KUSAGE) != 0) {
    const uint32_t ku = X509_get_key_usage(x509.get());
    state->key_usage = KeyUsage{
        .digital_signature = (ku & KU_DIGITAL_SIGNATURE) != 0,
        .key_agreement = (ku & KU_KEY_AGREEMENT) != 0,
        .key_cert_sign = (ku & KU_KEY_CERT_SIGN) != 0,
        .crl_sign = (ku & KU_CRL_SIGN) != 0,
    };
  }
  state->subject_key_id = StringBytes(X509_get0_subject_key_id(x509.get()));
  state->authority_key_id = StringBytes(X509_get0_authority_key_id(x509.get()));
  state->spki_der = internal::DerOf(X509_get_X509_PUBKEY(x509.get()), i2d_X509_PUBKEY);
  if (state->spki_der.empty()) return OpenSslError("encoding certificate public key");
  return Certificate(std::move(state));
}

std::string Certificate::ToPem() const { return EncodePem("CERTIFICATE", state_->der); }

std::optional<bool> Certificate::IsExtensionCritical(CertificateExtension extension) const {
  X509* x509 = internal::CertificateAccess::Get(*this);
  int index = X509_get_ext_by_NID(x509, ExtensionNid(extension), -1);
  if (index < 0) return std::nullopt;
  return X509_EXTENSION_get_critical(X509_get_ext(x509, index)) != 0;
}

Result<P256PublicKey> Certificate::PublicKey() const {
  // From the SPKI bytes rather than the X509's decoded key: certificates built in this process
  // carry no decoded key (see CertificateAccess::FromBuilt), and the SPKI fast path is cheap.
  auto key = P256PublicKey::FromSpkiDer(state_->spki_der);
  if (!key.ok()) {
    if (key.status().code() == StatusCode::kInvalidArgument) {
      return InvalidArgument("certificate public key is not ECDSA P-256");
    }
    return key.status();
  }
  return key;
}

Status Certificate::VerifySignedBy(const Certificate& issuer) const {
  X509* self = internal::CertificateAccess::Get(*this);
  X509* parent = internal::CertificateAccess::Get(issuer);
  if (X509_NAME_cmp(X509_get_issuer_name(self), X509_get_subject_name(parent)) != 0) {
    return InvalidArgument("certificate issuer name does not match the issuer's subject");
  }
  auto key = issuer.PublicKey();
  if (!key.ok() || X509_verify(self, internal::P256Access::Pkey(*key)) != 1) {
    return ClearErrorsAnd(InvalidArgument("certificate signature does not verify"));
  }
  return Status::Ok();
}

namespace internal {

X509* CertificateAccess::Get(const Certificate& cert) {
  const Certificate::State& state = *cert.state_;
  return state.x509 ? state.x509.get() : GetWithDecodedKey(cert);
}

X509* CertificateAccess::GetWithDecodedKey(const Certificate& cert) {
  const Certificate::State& state = *cert.state_;
  if (state.x509) {
    ERR_set_mark();
    bool decoded = X509_get0_pubkey(state.x509.get()) != nullptr;
    ERR_pop_to_mark();
    if (decoded) return state.x509.get();
  }
  std::call_once(state.reparse_once, [&state] {
    const unsigned char* p = state.der.data();
    state.reparsed.reset(d2i_X509(nullptr, &p, static_cast<long>(state.der.size())), X509_free);
    ERR_clear_error();
  });
  if (state.reparsed) return state.reparsed.get();
  // Only reachable for a certificate this process encoded itself and OpenSSL cannot read back:
  // a bug in the encoder, not bad input.
  if (!state.x509) internal::FatalOpenSslError("parsing a certificate this process built");
  return state.x509.get();
}

Certificate CertificateAccess::FromBuilt(std::shared_ptr<Certificate::State> state) {
  state->fingerprint = Sha256Hex(state->der);
  return Certificate(std::move(state));
}

}  // namespace internal

Result<std::vector<Certificate>> ParseCertificateBundlePem(std::string_view pem,
                                                           size_t max_certificates) {
  constexpr std::string_view kWhat = "certificate bundle PEM";
  PALYRA_ASSIGN_OR_RETURN(auto sections,
                          SplitPem(pem, kWhat, kMaxCertificateBundleBytes, max_certificates));
  std::vector<Certificate> out;
  out.reserve(sections.size());
  for (size_t i = 0; i < sections.size(); ++i) {
    const std::string context = "certificate " + std::to_string(i + 1) + " of the bundle";
    if (sections[i].label != "CERTIFICATE") {
      return InvalidArgument("certificate bundle PEM is malformed: block " + std::to_string(i + 1) +
                             " is \"" + std::string(sections[i].label) + "\", not \"CERTIFICATE\"");
    }
    auto der = DecodePemBody(sections[i].body, kWhat);
    if (!der.ok()) return der.status().WithContext(context);
    auto cert = Certificate::FromDer(*der);
    if (!cert.ok()) return cert.status().WithContext(context);
    out.push_back(std::move(cert).value());
  }
  return out;
}

std::string ToPemBundle(std::span<const Certificate> certificates) {
  std::string out;
  for (const Certificate& cert : certificates) out += cert.ToPem();
  return out;
}

}  // namespace palyra::crypto
