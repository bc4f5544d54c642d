#pragma once
// The gateway CA: an ECDSA P-256 certificate authority that issues the mTLS client certificates
// of paired devices and the node-RPC server certificate.
//
// Persistence: the CA certificate and its issuance `sequence` live in the CA repository
// (store/ca_repository.h); the private key is a separate PKCS#8 PEM file, mode 0600, whose path
// the caller chooses (the daemon uses <state>/gateway-ca.key.pem). Creation is one atomic
// repository step, so when two processes create the CA at the same time exactly one wins and the
// other reads the winner's CA.
//
// Differences from upstream (spec §4, §11.10): finite 10-year CA validity, pathLen 0, random
// 128-bit serials, AKI in every leaf, a URI SAN carrying the device id, and device-side key
// generation (issuing for a public key taken from a verified CSR).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "crypto/bytes.h"
#include "crypto/certificate.h"
#include "crypto/p256.h"
// Header only: the name the node server certificate is issued for.
#include "node_protocol/server_name.h"
#include "store/ca_repository.h"

namespace palyra::identity {

inline constexpr std::string_view kGatewayCaCommonName = "Palyra Gateway CA";
inline constexpr std::string_view kDeviceCertificateOrganization = "Palyra";
inline constexpr std::string_view kDeviceCommonNamePrefix = "Palyra Device ";
inline constexpr std::string_view kDeviceUriSanPrefix = "urn:palyra:device:";

inline constexpr int64_t kDefaultLeafValidityMs = int64_t{24} * 60 * 60 * 1000;  // 24 h
// Bounds for a requested leaf validity: at least one minute, at most 398 days (the CA/Browser
// Forum ceiling; nothing here should live that long, but operators may have their reasons).
inline constexpr int64_t kMinLeafValidityMs = int64_t{60} * 1000;
inline constexpr int64_t kMaxLeafValidityMs = int64_t{398} * 24 * 60 * 60 * 1000;
inline constexpr int64_t kDefaultCaValidityMs = int64_t{3653} * 24 * 60 * 60 * 1000;  // 10 years
// The CA's notBefore is set this far in the past, so verifiers whose clocks lag slightly still
// accept it. Leaves start at "now" (spec §12 measures their span).
inline constexpr int64_t kCaBackdateMs = int64_t{60} * 60 * 1000;
inline constexpr size_t kMaxExtraSanEntries = 64;
inline constexpr size_t kMaxCaKeyFileBytes = 16 * 1024;

// "device:<id>" / "server:<cn>".
std::string DeviceSubjectLabel(std::string_view device_id);
std::string ServerSubjectLabel(std::string_view common_name);

// What an issuance produced. `private_key_pem` is set only when the gateway generated the key;
// it is handed to the caller once and never stored.
struct IssuedCertificate {
  int64_t sequence = 0;  // the CA sequence after this issuance
  std::string subject;   // "device:<id>" or "server:<cn>"
  std::string certificate_pem;
  std::optional<crypto::SecretString> private_key_pem;
  std::string fingerprint;  // lowercase hex SHA-256 of the DER
  int64_t issued_at_unix_ms = 0;
  int64_t expires_at_unix_ms = 0;  // == the certificate's notAfter (whole seconds)
  crypto::Certificate certificate;
};

// Where a leaf's key pair comes from.
struct LeafKeySource {
  // Device-side key generation: the public key from a CSR the caller has parsed (and thereby
  // verified). The gateway never sees the private key.
  std::optional<crypto::P256PublicKey> public_key;
  // Alternatively a PEM CSR, parsed and verified here (its signature proves possession of the
  // key). Its subject and requested extensions are ignored: the gateway decides every field.
  std::optional<std::string> csr_pem;
  // Neither set: the gateway generates a P-256 key and returns it once as PKCS#8 PEM.

  static LeafKeySource GatewayGenerated() { return {}; }
  static LeafKeySource FromPublicKey(crypto::P256PublicKey key) { return {std::move(key), {}}; }
  static LeafKeySource FromCsrPem(std::string pem) { return {{}, std::move(pem)}; }
};

// The key a leaf certifies, resolved from a LeafKeySource: the public key, plus the private key
// when the gateway generated it.
struct ResolvedLeafKey {
  crypto::P256PublicKey public_key;
  std::optional<crypto::P256PrivateKey> generated_private_key;
};
// INVALID_ARGUMENT when both sources are set or the CSR is malformed / not P-256 / badly signed
// (the CSR parser's message, prefixed "device CSR: ").
Result<ResolvedLeafKey> ResolveLeafKey(const LeafKeySource& source);

struct ServerCertificateRequest {
  std::string common_name = std::string(node_protocol::kNodeServerName);
  // Extra DNS names: trimmed, blanks skipped, case-insensitive duplicates dropped (first
  // spelling wins); a name that parses as an IP address becomes an IP SAN.
  std::vector<std::string> dns_names;
  // Extra IP addresses (IPv4 or IPv6 text); duplicates skipped.
  std::vector<std::string> ip_addresses;
  int64_t validity_ms = kDefaultLeafValidityMs;
};

// The SAN lists a server certificate gets: DNS "localhost", the CN, then the extra names;
// IPs from IP-looking names first, then the extra IPs. Exposed for tests.
struct ServerSans {
  std::vector<std::string> dns_names;
  std::vector<std::string> ip_addresses;
};
Result<ServerSans> NormalizeServerSans(const ServerCertificateRequest& request);

struct GatewayCaOptions {
  int64_t ca_validity_ms = kDefaultCaValidityMs;
};

class GatewayCa {
 public:
  // Loads the CA from `cas` and `key_path`, creating both on first use. On creation the parent
  // directory of `key_path` is created 0700 if missing (group/other bits are removed if it
  // exists). `cas` must outlive the CA; issuances are recorded there. Errors:
  //   FAILED_PRECONDITION when a CA exists but its key file is missing, unreadable, not a
  //   P-256 PKCS#8 key, readable by group/other, or does not match the certificate's public key;
  //   or when a key file exists without a stored CA and is not a usable key (the operator must
  //   move it away; it is never overwritten).
  static Result<std::shared_ptr<const GatewayCa>> LoadOrCreate(
      store::CaRepository& cas, const std::filesystem::path& key_path, int64_t now_unix_ms,
      const GatewayCaOptions& options = {});
  // Loads an existing CA; NOT_FOUND when the store holds none. Key errors as above.
  static Result<std::shared_ptr<const GatewayCa>> Load(store::CaRepository& cas,
                                                       const std::filesystem::path& key_path);

  const crypto::Certificate& certificate() const { return certificate_; }
  std::string CertificatePem() const { return certificate_.ToPem(); }
  const std::string& Fingerprint() const { return certificate_.FingerprintSha256Hex(); }
  int64_t NotAfterUnixMs() const { return certificate_.NotAfterUnixMs(); }

  // The persisted issuance counter.
  Result<int64_t> Sequence() const;

  // ---- Pure signing (no store, no sequence) ----
  // A device client certificate: CN "Palyra Device <id>", O "Palyra", EKU clientAuth only,
  // URI SAN urn:palyra:device:<id>, KeyUsage digitalSignature, SKI/AKI, random serial,
  // notBefore = now, notAfter = now + validity (clamped to the CA's notAfter).
  // INVALID_ARGUMENT for a non-canonical device id or a validity outside the bounds;
  // FAILED_PRECONDITION when the CA has expired.
  Result<crypto::Certificate> SignDeviceCertificate(
      std::string_view device_id, const crypto::P256PublicKey& public_key, int64_t now_unix_ms,
      int64_t validity_ms = kDefaultLeafValidityMs) const;
  // A server certificate (EKU serverAuth, SANs from NormalizeServerSans).
  Result<crypto::Certificate> SignServerCertificate(const ServerCertificateRequest& request,
                                                    const crypto::P256PublicKey& public_key,
                                                    int64_t now_unix_ms) const;

  // ---- Issuance (signs and records one issuance in the repository) ----
  // A device certificate issued this way is not recorded with any device (DeviceRegistry does
  // that); tools and tests use it.
  Result<IssuedCertificate> IssueDeviceCertificate(
      std::string_view device_id, const LeafKeySource& key_source, int64_t now_unix_ms,
      int64_t validity_ms = kDefaultLeafValidityMs) const;
  Result<IssuedCertificate> IssueServerCertificate(const ServerCertificateRequest& request,
                                                   int64_t now_unix_ms) const;

  // Builds the IssuedCertificate record for an already signed certificate (no sequence change).
  static IssuedCertificate MakeRecord(const crypto::Certificate& certificate, std::string subject,
                                      int64_t sequence, int64_t issued_at_unix_ms,
                                      std::optional<crypto::SecretString> private_key_pem);

 private:
  GatewayCa(store::CaRepository& cas, crypto::Certificate certificate, crypto::P256PrivateKey key)
      : cas_(cas), certificate_(std::move(certificate)), key_(std::move(key)) {}

  Result<IssuedCertificate> IssueSigned(const crypto::Certificate& certificate,
                                        std::string subject, int64_t now_unix_ms,
                                        const std::optional<crypto::P256PrivateKey>& key) const;

  store::CaRepository& cas_;
  crypto::Certificate certificate_;
  crypto::P256PrivateKey key_;
};

}  // namespace palyra::identity
