#include "identity/device_identity.h"

#include <nlohmann/json.hpp>
#include <ostream>
#include <utility>

#include "common/files.h"
#include "common/ulid.h"

namespace palyra::identity {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kDeviceIdField = "device_id";
constexpr std::string_view kSigningKeyField = "signing_key_b64";
constexpr std::string_view kX25519SecretField = "x25519_secret_b64";
constexpr size_t kKeyBytes = 32;

// Wipes a std::string holding secret text when it goes out of scope (best effort: the bytes a
// std::string may have left behind when it grew are out of reach, so callers reserve up front).
class StringWiper {
 public:
  explicit StringWiper(std::string& s) : s_(s) {}
  ~StringWiper() { crypto::SecureZero(s_.data(), s_.size()); }
  StringWiper(const StringWiper&) = delete;
  StringWiper& operator=(const StringWiper&) = delete;

 private:
  std::string& s_;
};

// Wipes every string value inside a parsed document (the base64 secrets) on scope exit.
class JsonWiper {
 public:
  explicit JsonWiper(nlohmann::json& doc) : doc_(doc) {}
  ~JsonWiper() { Wipe(doc_); }
  JsonWiper(const JsonWiper&) = delete;
  JsonWiper& operator=(const JsonWiper&) = delete;

 private:
  static void Wipe(nlohmann::json& value) {
    if (value.is_string()) {
      auto& s = value.get_ref<std::string&>();
      crypto::SecureZero(s.data(), s.size());
    } else if (value.is_structured()) {
      for (auto& child : value) Wipe(child);
    }
  }
  nlohmann::json& doc_;
};

Result<const std::string*> StringField(const nlohmann::json& doc, std::string_view field) {
  auto it = doc.find(field);
  if (it == doc.end()) {
    return InvalidArgument("field \"" + std::string(field) + "\" is missing");
  }
  if (!it->is_string()) {
    return InvalidArgument("field \"" + std::string(field) + "\" must be a string");
  }
  return &it->get_ref<const std::string&>();
}

Result<crypto::SecretBytes> DecodeKeyField(const nlohmann::json& doc, std::string_view field) {
  PALYRA_ASSIGN_OR_RETURN(const std::string* text, StringField(doc, field));
  auto decoded = crypto::Base64DecodeSecret(*text, crypto::Base64Padding::kUnpadded);
  if (!decoded.ok()) {
    return InvalidArgument(
        "field \"" + std::string(field) +
        "\" is not standard base64 without padding: " + decoded.status().message());
  }
  if (decoded->size() != kKeyBytes) {
    return InvalidArgument("field \"" + std::string(field) + "\" must decode to " +
                           std::to_string(kKeyBytes) + " bytes (got " +
                           std::to_string(decoded->size()) + ")");
  }
  return std::move(decoded).value();
}

Result<DeviceIdentity> ParseIdentity(std::string_view text,
                                     std::optional<std::string_view> expected_device_id) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  JsonWiper wipe_doc(doc);
  if (doc.is_discarded()) return InvalidArgument("not valid JSON");
  if (!doc.is_object()) return InvalidArgument("must be a JSON object");

  PALYRA_ASSIGN_OR_RETURN(const std::string* device_id, StringField(doc, kDeviceIdField));
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(*device_id, kDeviceIdField));
  if (expected_device_id.has_value() && *device_id != *expected_device_id) {
    return FailedPrecondition("holds device_id " + *device_id + " but " +
                              std::string(*expected_device_id) + " was expected");
  }
  PALYRA_ASSIGN_OR_RETURN(crypto::SecretBytes seed, DecodeKeyField(doc, kSigningKeyField));
  PALYRA_ASSIGN_OR_RETURN(crypto::SecretBytes x25519, DecodeKeyField(doc, kX25519SecretField));
  return DeviceIdentity::FromKeyMaterial(*device_id, seed, x25519);
}

}  // namespace

Result<DeviceIdentity> DeviceIdentity::Generate(std::string device_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, kDeviceIdField));
  PALYRA_ASSIGN_OR_RETURN(auto signing_key, crypto::Ed25519PrivateKey::Generate());
  PALYRA_ASSIGN_OR_RETURN(auto x25519_key, crypto::X25519PrivateKey::Generate());
  return DeviceIdentity(std::move(device_id), std::move(signing_key), std::move(x25519_key));
}

Result<DeviceIdentity> DeviceIdentity::FromKeyMaterial(std::string device_id,
                                                       std::span<const uint8_t> signing_seed,
                                                       std::span<const uint8_t> x25519_secret) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, kDeviceIdField));
  if (signing_seed.size() != kKeyBytes) {
    return InvalidArgument("device signing key (Ed25519 seed) must be 32 bytes (got " +
                           std::to_string(signing_seed.size()) + ")");
  }
  if (x25519_secret.size() != kKeyBytes) {
    return InvalidArgument("device X25519 secret must be 32 bytes (got " +
                           std::to_string(x25519_secret.size()) + ")");
  }
  PALYRA_ASSIGN_OR_RETURN(auto signing_key, crypto::Ed25519PrivateKey::FromSeed(signing_seed));
  PALYRA_ASSIGN_OR_RETURN(auto x25519_key, crypto::X25519PrivateKey::FromBytes(x25519_secret));
  return DeviceIdentity(std::move(device_id), std::move(signing_key), std::move(x25519_key));
}

Result<DeviceIdentity> DeviceIdentity::Load(const fs::path& path,
                                            std::optional<std::string_view> expected_device_id) {
  const std::string context = "loading device identity " + path.string();
  auto text = ReadFileBounded(path, kMaxDeviceIdentityFileBytes);
  if (!text.ok()) return text.status().WithContext(context);
  StringWiper wipe_text(*text);
  auto identity = ParseIdentity(*text, expected_device_id);
  if (!identity.ok()) return identity.status().WithContext(context);
  return identity;
}

Status DeviceIdentity::Save(const fs::path& path) const {
  const std::string context = "saving device identity " + path.string();
  if (path.filename().empty()) return InvalidArgument(context + ": path names no file");
  if (path.has_parent_path()) {
    Status dir = EnsurePrivateDirectory(path.parent_path());
    if (!dir.ok()) return dir.WithContext(context);
  }

  std::string seed_b64 =
      crypto::Base64Encode(signing_key_.ExportSeed(), crypto::Base64Padding::kUnpadded);
  StringWiper wipe_seed(seed_b64);
  std::string x25519_b64 =
      crypto::Base64Encode(x25519_key_.Export(), crypto::Base64Padding::kUnpadded);
  StringWiper wipe_x25519(x25519_b64);

  // Written by hand rather than through nlohmann::json so that the secrets are copied only into
  // buffers that are wiped afterwards. Every value is base64 or a canonical ULID, so no escaping
  // is needed.
  std::string json;
  json.reserve(128 + device_id_.size() + seed_b64.size() + x25519_b64.size());
  StringWiper wipe_json(json);
  json += "{\n  \"";
  json += kDeviceIdField;
  json += "\": \"" + device_id_ + "\",\n  \"";
  json += kSigningKeyField;
  json += "\": \"";
  json += seed_b64;
  json += "\",\n  \"";
  json += kX25519SecretField;
  json += "\": \"";
  json += x25519_b64;
  json += "\"\n}\n";

  Status written = WriteFileAtomic(path, json, kPrivateFileMode);
  if (!written.ok()) return written.WithContext(context);
  return Status::Ok();
}

std::string DeviceIdentity::DebugString() const {
  return "DeviceIdentity{device_id=" + device_id_ + ", fingerprint=" + FingerprintHex() + "}";
}

std::ostream& operator<<(std::ostream& os, const DeviceIdentity& identity) {
  return os << identity.DebugString();
}

}  // namespace palyra::identity
