#include "identity/store/gateway_ca.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <system_error>

#include "common/files.h"
#include "common/ulid.h"
#include "crypto/certificate_builder.h"
#include "crypto/csr.h"

namespace palyra::identity {
namespace {

std::string KeyFileLabel(const std::filesystem::path& key_path) {
  return "gateway CA key file " + key_path.string();
}

// Reads and parses the key file: NOT_FOUND when it does not exist, FAILED_PRECONDITION when it
// is unusable (wrong type, readable by others, unreadable, not a P-256 PKCS#8 key).
Result<crypto::P256PrivateKey> ReadKeyFile(const std::filesystem::path& key_path) {
  std::error_code ec;
  const auto status = std::filesystem::symlink_status(key_path, ec);
  if (ec || !std::filesystem::exists(status)) {
    return NotFound(KeyFileLabel(key_path) + " does not exist");
  }
  if (!std::filesystem::is_regular_file(status)) {
    return FailedPrecondition(KeyFileLabel(key_path) + " is not a regular file");
  }
  using std::filesystem::perms;
  const perms p = status.permissions();
  if ((p & (perms::group_all | perms::others_all)) != perms::none) {
    return FailedPrecondition(KeyFileLabel(key_path) +
                              " is accessible by group or others; it must be mode 0600 "
                              "(chmod 600 it, and consider the key exposed)");
  }
  Result<std::string> text = ReadFileBounded(key_path, kMaxCaKeyFileBytes);
  if (!text.ok()) {
    if (text.status().code() == StatusCode::kNotFound) return text.status();
    return FailedPrecondition(KeyFileLabel(key_path) +
                              " cannot be read: " + text.status().message());
  }
  crypto::SecretString secret(*text);
  std::fill(text->begin(), text->end(), '\0');
  Result<crypto::P256PrivateKey> key = crypto::P256PrivateKey::FromPkcs8Pem(secret.view());
  if (!key.ok()) {
    return FailedPrecondition(KeyFileLabel(key_path) +
                              " does not hold a usable key: " + key.status().message());
  }
  return key;
}

using CaMaterial = std::pair<crypto::Certificate, crypto::P256PrivateKey>;

Result<CaMaterial> MaterialFromStored(const store::StoredCa& row,
                                      const std::filesystem::path& key_path,
                                      const std::string& db_label) {
  Result<crypto::Certificate> cert = crypto::Certificate::FromPem(row.certificate_pem);
  if (!cert.ok()) {
    return DataLoss(db_label +
                    ": stored gateway CA certificate is unreadable: " + cert.status().message());
  }
  if (cert->FingerprintSha256Hex() != row.fingerprint) {
    return DataLoss(db_label + ": stored gateway CA certificate does not match its fingerprint");
  }
  if (!cert->IsCa()) {
    return DataLoss(db_label + ": stored gateway CA certificate is not a CA certificate");
  }
  Result<crypto::P256PrivateKey> key = ReadKeyFile(key_path);
  if (!key.ok()) {
    if (key.status().code() == StatusCode::kNotFound) {
      return FailedPrecondition(KeyFileLabel(key_path) + " is missing, but " + db_label +
                                " holds a gateway CA certificate: restore the key file from a "
                                "backup, or reset the gateway identity state (every device must "
                                "then pair again)");
    }
    return key.status();
  }
  Result<crypto::P256PublicKey> cert_key = cert->PublicKey();
  if (!cert_key.ok() || !(*cert_key == key->PublicKey())) {
    return FailedPrecondition(KeyFileLabel(key_path) +
                              " does not match the gateway CA certificate stored in " + db_label +
                              ": restore the matching key file");
  }
  return CaMaterial(std::move(*cert), std::move(*key));
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The 4 or 16 address bytes when `text` is an IPv4 / IPv6 literal.
std::optional<std::array<uint8_t, 17>> ParseIpLiteral(const std::string& text) {
  std::array<uint8_t, 17> out{};
  if (inet_pton(AF_INET, text.c_str(), out.data() + 1) == 1) {
    out[0] = 4;
    return out;
  }
  if (inet_pton(AF_INET6, text.c_str(), out.data() + 1) == 1) {
    out[0] = 6;
    return out;
  }
  return std::nullopt;
}

Status ValidateValidity(int64_t validity_ms) {
  if (validity_ms < kMinLeafValidityMs || validity_ms > kMaxLeafValidityMs) {
    return InvalidArgument("certificate validity must be between " +
                           std::to_string(kMinLeafValidityMs / 1000) + " s and " +
                           std::to_string(kMaxLeafValidityMs / 1000) + " s, got " +
                           std::to_string(validity_ms / 1000) + " s");
  }
  return Status::Ok();
}

}  // namespace

std::string DeviceSubjectLabel(std::string_view device_id) {
  return "device:" + std::string(device_id);
}
std::string ServerSubjectLabel(std::string_view common_name) {
  return "server:" + std::string(common_name);
}

Result<ResolvedLeafKey> ResolveLeafKey(const LeafKeySource& source) {
  if (source.public_key && source.csr_pem) {
    return InvalidArgument("give either a public key or a CSR for the certificate, not both");
  }
  if (source.public_key) return ResolvedLeafKey{*source.public_key, std::nullopt};
  if (source.csr_pem) {
    Result<crypto::CertificateSigningRequest> csr =
        crypto::CertificateSigningRequest::FromPem(*source.csr_pem);
    if (!csr.ok()) return csr.status().WithContext("device CSR");
    return ResolvedLeafKey{csr->PublicKey(), std::nullopt};
  }
  PALYRA_ASSIGN_OR_RETURN(crypto::P256PrivateKey key, crypto::P256PrivateKey::Generate());
  crypto::P256PublicKey public_key = key.PublicKey();
  return ResolvedLeafKey{std::move(public_key), std::move(key)};
}

Result<ServerSans> NormalizeServerSans(const ServerCertificateRequest& request) {
  if (request.dns_names.size() > kMaxExtraSanEntries ||
      request.ip_addresses.size() > kMaxExtraSanEntries) {
    return InvalidArgument("a server certificate takes at most " +
                           std::to_string(kMaxExtraSanEntries) + " extra DNS names and " +
                           std::to_string(kMaxExtraSanEntries) + " extra IP addresses");
  }
  ServerSans out;
  std::vector<std::array<uint8_t, 17>> seen_ips;
  auto add_ip = [&](const std::string& text, const std::array<uint8_t, 17>& bytes) {
    if (std::find(seen_ips.begin(), seen_ips.end(), bytes) != seen_ips.end()) return;
    seen_ips.push_back(bytes);
    out.ip_addresses.push_back(text);
  };
  auto add_dns = [&](std::string_view raw) {
    const std::string name(Trim(raw));
    if (name.empty()) return;
    if (auto ip = ParseIpLiteral(name)) {
      add_ip(name, *ip);
      return;
    }
    for (const std::string& existing : out.dns_names) {
      if (EqualsIgnoreCase(existing, name)) return;
    }
    out.dns_names.push_back(name);
  };
  add_dns("localhost");
  const std::string_view cn = Trim(request.common_name);
  if (cn.empty()) return InvalidArgument("server certificate common name is required");
  add_dns(cn);
  for (const std::string& name : request.dns_names) add_dns(name);
  for (const std::string& raw : request.ip_addresses) {
    const std::string text(Trim(raw));
    if (text.empty()) continue;
    auto ip = ParseIpLiteral(text);
    if (!ip) {
      return InvalidArgument("server certificate IP address \"" + text +
                             "\" is not a valid IPv4 or IPv6 address");
    }
    add_ip(text, *ip);
  }
  return out;
}

// ---- Loading and creation ----

Result<std::shared_ptr<const GatewayCa>> GatewayCa::Load(store::CaRepository& cas,
                                                         const std::filesystem::path& key_path) {
  PALYRA_ASSIGN_OR_RETURN(std::optional<store::StoredCa> row, cas.Get());
  if (!row) return NotFound(cas.label() + " holds no gateway CA yet");
  PALYRA_ASSIGN_OR_RETURN(CaMaterial material, MaterialFromStored(*row, key_path, cas.label()));
  return std::shared_ptr<const GatewayCa>(
      new GatewayCa(cas, std::move(material.first), std::move(material.second)));
}

Result<std::shared_ptr<const GatewayCa>> GatewayCa::LoadOrCreate(
    store::CaRepository& cas, const std::filesystem::path& key_path, int64_t now_unix_ms,
    const GatewayCaOptions& options) {
  if (key_path.empty() || !key_path.has_filename()) {
    return InvalidArgument("gateway CA key file path is required");
  }
  if (options.ca_validity_ms < kMinLeafValidityMs) {
    return InvalidArgument("gateway CA validity is too short");
  }
  // Fast path: the CA exists (every start after the first).
  {
    PALYRA_ASSIGN_OR_RETURN(std::optional<store::StoredCa> row, cas.Get());
    if (row) return Load(cas, key_path);
  }
  if (key_path.has_parent_path()) {
    PALYRA_RETURN_IF_ERROR(EnsurePrivateDirectory(key_path.parent_path()));
  }

  // Runs inside the repository's creation step, only when no CA is stored yet.
  std::optional<CaMaterial> created;
  auto make = [&]() -> Result<store::StoredCa> {
    // A key file without a stored CA is left over from a first start that crashed between
    // writing the key and committing the certificate: adopt it. A file that is not a usable key
    // is never overwritten; the operator decides what it is.
    bool write_key = false;
    std::optional<crypto::P256PrivateKey> key;
    Result<crypto::P256PrivateKey> existing = ReadKeyFile(key_path);
    if (existing.ok()) {
      key = std::move(*existing);
    } else if (existing.status().code() == StatusCode::kNotFound) {
      PALYRA_ASSIGN_OR_RETURN(crypto::P256PrivateKey generated,
                              crypto::P256PrivateKey::Generate());
      key = std::move(generated);
      write_key = true;
    } else {
      return existing.status().WithContext(
          "a key file exists but the database holds no gateway CA; move the file away to create "
          "a new CA");
    }
    crypto::CertificateBuilder builder;
    builder.SetSubjectCommonName(std::string(kGatewayCaCommonName))
        .SetValidity(now_unix_ms - kCaBackdateMs, now_unix_ms + options.ca_validity_ms)
        .SetCa(0)
        .SetKeyUsage({.digital_signature = true, .key_cert_sign = true, .crl_sign = true});
    PALYRA_ASSIGN_OR_RETURN(crypto::Certificate cert, builder.SelfSign(*key));
    if (write_key) {
      PALYRA_ASSIGN_OR_RETURN(crypto::SecretString pem, key->ToPkcs8Pem());
      PALYRA_RETURN_IF_ERROR(WriteFileAtomic(key_path, pem.view(), kPrivateFileMode)
                                 .WithContext("writing the gateway CA key"));
    }
    store::StoredCa stored{cert.ToPem(), cert.FingerprintSha256Hex()};
    created.emplace(std::move(cert), std::move(*key));
    return stored;
  };
  PALYRA_ASSIGN_OR_RETURN(store::CaCreation creation, cas.GetOrCreate(make, now_unix_ms));
  if (!creation.created) return Load(cas, key_path);
  return std::shared_ptr<const GatewayCa>(
      new GatewayCa(cas, std::move(created->first), std::move(created->second)));
}

// ---- Sequence ----

Result<int64_t> GatewayCa::Sequence() const { return cas_.Sequence(Fingerprint()); }

// ---- Signing ----

Result<crypto::Certificate> GatewayCa::SignDeviceCertificate(
    std::string_view device_id, const crypto::P256PublicKey& public_key, int64_t now_unix_ms,
    int64_t validity_ms) const {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  PALYRA_RETURN_IF_ERROR(ValidateValidity(validity_ms));
  if (now_unix_ms >= NotAfterUnixMs()) {
    return FailedPrecondition("the gateway CA expired; rotate the CA before issuing certificates");
  }
  const int64_t not_after = std::min(now_unix_ms + validity_ms, NotAfterUnixMs());
  crypto::CertificateBuilder builder;
  builder.SetSubjectCommonName(std::string(kDeviceCommonNamePrefix) + std::string(device_id))
      .SetSubjectOrganization(std::string(kDeviceCertificateOrganization))
      .SetValidity(now_unix_ms, not_after)
      .SetKeyUsage({.digital_signature = true})
      .AddExtendedKeyUsage(crypto::ExtendedKeyUsage::kClientAuth)
      .AddUri(std::string(kDeviceUriSanPrefix) + std::string(device_id))
      .SetSubjectPublicKey(public_key);
  return builder.Sign(certificate_, key_);
}

Result<crypto::Certificate> GatewayCa::SignServerCertificate(
    const ServerCertificateRequest& request, const crypto::P256PublicKey& public_key,
    int64_t now_unix_ms) const {
  PALYRA_RETURN_IF_ERROR(ValidateValidity(request.validity_ms));
  if (now_unix_ms >= NotAfterUnixMs()) {
    return FailedPrecondition("the gateway CA expired; rotate the CA before issuing certificates");
  }
  PALYRA_ASSIGN_OR_RETURN(ServerSans sans, NormalizeServerSans(request));
  const int64_t not_after = std::min(now_unix_ms + request.validity_ms, NotAfterUnixMs());
  crypto::CertificateBuilder builder;
  builder.SetSubjectCommonName(std::string(Trim(request.common_name)))
      .SetValidity(now_unix_ms, not_after)
      .SetKeyUsage({.digital_signature = true})
      .AddExtendedKeyUsage(crypto::ExtendedKeyUsage::kServerAuth)
      .SetSubjectPublicKey(public_key);
  for (std::string& name : sans.dns_names) builder.AddDnsName(std::move(name));
  for (std::string& ip : sans.ip_addresses) builder.AddIpAddress(std::move(ip));
  return builder.Sign(certificate_, key_);
}

// ---- Issuance ----

IssuedCertificate GatewayCa::MakeRecord(const crypto::Certificate& certificate, std::string subject,
                                        int64_t sequence, int64_t issued_at_unix_ms,
                                        std::optional<crypto::SecretString> private_key_pem) {
  return IssuedCertificate{
      .sequence = sequence,
      .subject = std::move(subject),
      .certificate_pem = certificate.ToPem(),
      .private_key_pem = std::move(private_key_pem),
      .fingerprint = certificate.FingerprintSha256Hex(),
      .issued_at_unix_ms = issued_at_unix_ms,
      .expires_at_unix_ms = certificate.NotAfterUnixMs(),
      .certificate = certificate,
  };
}

Result<IssuedCertificate> GatewayCa::IssueSigned(
    const crypto::Certificate& certificate, std::string subject, int64_t now_unix_ms,
    const std::optional<crypto::P256PrivateKey>& key) const {
  std::optional<crypto::SecretString> key_pem;
  if (key) {
    // Encode before touching the database, so a failure here changes nothing.
    PALYRA_ASSIGN_OR_RETURN(crypto::SecretString pem, key->ToPkcs8Pem());
    key_pem = std::move(pem);
  }
  PALYRA_ASSIGN_OR_RETURN(int64_t sequence, cas_.RecordIssuance(Fingerprint(), now_unix_ms));
  return MakeRecord(certificate, std::move(subject), sequence, now_unix_ms, std::move(key_pem));
}

Result<IssuedCertificate> GatewayCa::IssueDeviceCertificate(std::string_view device_id,
                                                            const LeafKeySource& key_source,
                                                            int64_t now_unix_ms,
                                                            int64_t validity_ms) const {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  PALYRA_ASSIGN_OR_RETURN(ResolvedLeafKey key, ResolveLeafKey(key_source));
  PALYRA_ASSIGN_OR_RETURN(
      crypto::Certificate cert,
      SignDeviceCertificate(device_id, key.public_key, now_unix_ms, validity_ms));
  return IssueSigned(cert, DeviceSubjectLabel(device_id), now_unix_ms,
                     key.generated_private_key);
}

Result<IssuedCertificate> GatewayCa::IssueServerCertificate(const ServerCertificateRequest& request,
                                                            int64_t now_unix_ms) const {
  PALYRA_ASSIGN_OR_RETURN(crypto::P256PrivateKey key, crypto::P256PrivateKey::Generate());
  PALYRA_ASSIGN_OR_RETURN(crypto::Certificate cert,
                          SignServerCertificate(request, key.PublicKey(), now_unix_ms));
  return IssueSigned(cert, ServerSubjectLabel(Trim(request.common_name)), now_unix_ms, key);
}

}  // namespace palyra::identity
