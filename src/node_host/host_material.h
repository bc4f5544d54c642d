#pragma once
// What the node host holds after pairing, in its identity directory (0700, every file 0600,
// every write atomic):
//   device-identity.json   the device's Ed25519 + X25519 keys (identity/device_identity.h)
//   node-mtls-client.json  {certificate_pem, private_key_pem, cert_expires_at_unix_ms}
//   gateway-ca.pem         the gateway CA the node listener's certificate must chain to
// "Paired" means the client material and the CA both load, parse and fit together: the key
// belongs to the certificate, the certificate names this device and is signed by the CA.

#include <cstdint>
#include <filesystem>
#include <string>

#include "common/status.h"
#include "crypto/bytes.h"
#include "identity/device_identity.h"

namespace palyra::node_host {

inline constexpr size_t kMaxClientMaterialBytes = 64 * 1024;
inline constexpr size_t kMaxCaPemBytes = 64 * 1024;

struct ClientMaterial {
  std::string certificate_pem;
  crypto::SecretString private_key_pem;  // PKCS#8 P-256
  int64_t cert_not_before_unix_ms = 0;   // from the certificate (not stored separately)
  int64_t cert_expires_at_unix_ms = 0;
};

class HostMaterialStore {
 public:
  explicit HostMaterialStore(std::filesystem::path dir) : dir_(std::move(dir)) {}
  const std::filesystem::path& dir() const { return dir_; }

  Result<identity::DeviceIdentity> LoadIdentity(std::string_view device_id) const;
  Status SaveIdentity(const identity::DeviceIdentity& identity) const;

  // Checks everything "paired" means (see above) against `ca_pem`. INVALID_ARGUMENT naming the
  // file for material that does not fit; NOT_FOUND when absent.
  Result<ClientMaterial> LoadClient(std::string_view device_id) const;
  // Validates `material` against the stored CA the same way, then writes it.
  Status SaveClient(std::string_view device_id, const ClientMaterial& material) const;

  Result<std::string> LoadCa() const;
  // Must be one CA certificate.
  Status SaveCa(std::string_view ca_pem) const;

  // True when LoadClient and LoadCa both succeed.
  bool IsPaired(std::string_view device_id) const;
  // Removes the directory and everything in it (refusing "/" and empty paths).
  Status DeleteAll() const;

  std::filesystem::path identity_path() const { return dir_ / "device-identity.json"; }
  std::filesystem::path client_path() const { return dir_ / "node-mtls-client.json"; }
  std::filesystem::path ca_path() const { return dir_ / "gateway-ca.pem"; }

 private:
  Status CheckClient(std::string_view device_id, const std::string& certificate_pem,
                     std::string_view private_key_pem, ClientMaterial* out) const;

  std::filesystem::path dir_;
};

}  // namespace palyra::node_host
