#include "node_host/host_material.h"

#include <nlohmann/json.hpp>
#include <system_error>

#include "common/files.h"
#include "crypto/certificate.h"
#include "crypto/p256.h"

namespace palyra::node_host {
namespace {

Status Bad(const std::filesystem::path& path, std::string_view what) {
  return InvalidArgument(path.string() + ": " + std::string(what));
}

}  // namespace

Result<identity::DeviceIdentity> HostMaterialStore::LoadIdentity(
    std::string_view device_id) const {
  return identity::DeviceIdentity::Load(identity_path(), device_id);
}

Status HostMaterialStore::SaveIdentity(const identity::DeviceIdentity& identity) const {
  return identity.Save(identity_path());
}

Result<std::string> HostMaterialStore::LoadCa() const {
  PALYRA_ASSIGN_OR_RETURN(std::string pem, ReadFileBounded(ca_path(), kMaxCaPemBytes));
  auto ca = crypto::Certificate::FromPem(pem);
  if (!ca.ok()) return Bad(ca_path(), ca.status().message());
  if (!ca->IsCa()) return Bad(ca_path(), "is not a CA certificate");
  return pem;
}

Status HostMaterialStore::SaveCa(std::string_view ca_pem) const {
  auto ca = crypto::Certificate::FromPem(ca_pem);
  if (!ca.ok()) return ca.status().WithContext("gateway CA");
  if (!ca->IsCa()) return InvalidArgument("the gateway CA certificate is not a CA certificate");
  PALYRA_RETURN_IF_ERROR(EnsurePrivateDirectory(dir_));
  return WriteFileAtomic(ca_path(), ca_pem, kPrivateFileMode);
}

Status HostMaterialStore::CheckClient(std::string_view device_id,
                                      const std::string& certificate_pem,
                                      std::string_view private_key_pem,
                                      ClientMaterial* out) const {
  const std::filesystem::path where = client_path();
  auto cert = crypto::Certificate::FromPem(certificate_pem);
  if (!cert.ok()) return Bad(where, cert.status().message());
  auto key = crypto::P256PrivateKey::FromPkcs8Pem(private_key_pem);
  if (!key.ok()) return Bad(where, "private key: " + std::string(key.status().message()));
  auto cert_key = cert->PublicKey();
  if (!cert_key.ok() || !(*cert_key == key->PublicKey())) {
    return Bad(where, "the private key does not belong to the certificate");
  }
  const std::string expected_cn = "Palyra Device " + std::string(device_id);
  if (cert->SubjectCommonName() != expected_cn) {
    return Bad(where, "the certificate is for '" + cert->SubjectCommonName().substr(0, 80) +
                          "', not device " + std::string(device_id));
  }
  PALYRA_ASSIGN_OR_RETURN(std::string ca_pem, LoadCa());
  PALYRA_ASSIGN_OR_RETURN(crypto::Certificate ca, crypto::Certificate::FromPem(ca_pem));
  if (Status signed_by = cert->VerifySignedBy(ca); !signed_by.ok()) {
    return Bad(where, "the certificate is not issued by the stored gateway CA");
  }
  if (out != nullptr) {
    out->certificate_pem = certificate_pem;
    out->private_key_pem = crypto::SecretString(private_key_pem);
    out->cert_not_before_unix_ms = cert->NotBeforeUnixMs();
    out->cert_expires_at_unix_ms = cert->NotAfterUnixMs();
  }
  return Status::Ok();
}

Result<ClientMaterial> HostMaterialStore::LoadClient(std::string_view device_id) const {
  PALYRA_ASSIGN_OR_RETURN(std::string text, ReadFileBounded(client_path(), kMaxClientMaterialBytes));
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  std::fill(text.begin(), text.end(), '\0');
  if (!json.is_object()) return Bad(client_path(), "not a JSON object");
  auto cert_it = json.find("certificate_pem");
  auto key_it = json.find("private_key_pem");
  if (cert_it == json.end() || !cert_it->is_string() || key_it == json.end() ||
      !key_it->is_string()) {
    return Bad(client_path(), "needs string fields certificate_pem and private_key_pem");
  }
  std::string& key_text = key_it->get_ref<std::string&>();
  ClientMaterial material;
  Status checked = CheckClient(device_id, cert_it->get<std::string>(), key_text, &material);
  std::fill(key_text.begin(), key_text.end(), '\0');
  PALYRA_RETURN_IF_ERROR(checked);
  return material;
}

Status HostMaterialStore::SaveClient(std::string_view device_id,
                                     const ClientMaterial& material) const {
  PALYRA_RETURN_IF_ERROR(
      CheckClient(device_id, material.certificate_pem, material.private_key_pem.view(), nullptr));
  nlohmann::ordered_json json;
  json["certificate_pem"] = material.certificate_pem;
  json["private_key_pem"] = std::string(material.private_key_pem.view());
  json["cert_expires_at_unix_ms"] = material.cert_expires_at_unix_ms;
  crypto::SecretString text(json.dump(2) + "\n");
  std::string& stored_key = json["private_key_pem"].get_ref<std::string&>();
  std::fill(stored_key.begin(), stored_key.end(), '\0');
  PALYRA_RETURN_IF_ERROR(EnsurePrivateDirectory(dir_));
  return WriteFileAtomic(client_path(), text.view(), kPrivateFileMode);
}

bool HostMaterialStore::IsPaired(std::string_view device_id) const {
  return LoadCa().ok() && LoadClient(device_id).ok();
}

Status HostMaterialStore::DeleteAll() const {
  if (dir_.empty() || dir_ == dir_.root_path()) {
    return InvalidArgument("refusing to delete '" + dir_.string() + "'");
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
  if (ec) return Internal("cannot delete " + dir_.string() + ": " + ec.message());
  return Status::Ok();
}

}  // namespace palyra::node_host
