#include "identity/device_identity.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "common/files.h"
#include "crypto/bytes.h"
#include "identity_test_util.h"

namespace palyra::identity {
namespace {

namespace fs = std::filesystem;
using testing::FailsWith;
using testing::Sequence;
using testing::TempDir;

constexpr std::string_view kDeviceId = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

mode_t ModeOf(const fs::path& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void Write(const fs::path& path, std::string_view text) {
  ASSERT_TRUE(WriteFileAtomic(path, text, 0600).ok());
}

class DeviceIdentityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto identity = DeviceIdentity::FromKeyMaterial(std::string(kDeviceId), Sequence(0x00, 32),
                                                    Sequence(0x20, 32));
    ASSERT_TRUE(identity.ok()) << identity.status().ToString();
    path_ = dir_.path() / "device" / std::string(kDeviceId) / "identity.json";
    ASSERT_TRUE(identity->Save(path_).ok());
    doc_ = nlohmann::json::parse(Read(path_));
  }

  // Writes `doc_` (after the test changed it) and loads it back.
  Result<DeviceIdentity> LoadModified() {
    Write(path_, doc_.dump());
    return DeviceIdentity::Load(path_);
  }

  TempDir dir_;
  fs::path path_;
  nlohmann::json doc_;
};

TEST(DeviceIdentityGenerateTest, RequiresCanonicalId) {
  EXPECT_TRUE(FailsWith(DeviceIdentity::Generate(""), StatusCode::kInvalidArgument,
                        "device_id is required"));
  EXPECT_TRUE(FailsWith(DeviceIdentity::Generate("01arz3ndektsv4rrffq69g5fav"),
                        StatusCode::kInvalidArgument, "device_id must be a canonical ULID"));
  EXPECT_TRUE(FailsWith(DeviceIdentity::Generate("device-1"), StatusCode::kInvalidArgument,
                        "device_id must be a canonical ULID"));
  auto a = DeviceIdentity::Generate(std::string(kDeviceId));
  auto b = DeviceIdentity::Generate(std::string(kDeviceId));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->device_id(), kDeviceId);
  EXPECT_NE(a->FingerprintHex(), b->FingerprintHex());
  EXPECT_NE(a->x25519_public_key(), b->x25519_public_key());
}

TEST(DeviceIdentityGenerateTest, FromKeyMaterialChecksLengths) {
  EXPECT_TRUE(FailsWith(
      DeviceIdentity::FromKeyMaterial(std::string(kDeviceId), Sequence(0, 31), Sequence(0, 32)),
      StatusCode::kInvalidArgument, "Ed25519 seed) must be 32 bytes (got 31)"));
  EXPECT_TRUE(FailsWith(
      DeviceIdentity::FromKeyMaterial(std::string(kDeviceId), Sequence(0, 32), Sequence(0, 33)),
      StatusCode::kInvalidArgument, "X25519 secret must be 32 bytes (got 33)"));
  EXPECT_TRUE(FailsWith(DeviceIdentity::FromKeyMaterial("nope", Sequence(0, 32), Sequence(0, 32)),
                        StatusCode::kInvalidArgument, "device_id must be a canonical ULID"));
}

TEST_F(DeviceIdentityTest, SaveLoadRoundTrip) {
  auto generated = DeviceIdentity::Generate(std::string(kDeviceId));
  ASSERT_TRUE(generated.ok());
  fs::path path = dir_.path() / "fresh" / "identity.json";
  ASSERT_TRUE(generated->Save(path).ok());
  auto loaded = DeviceIdentity::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->device_id(), generated->device_id());
  EXPECT_EQ(loaded->FingerprintHex(), generated->FingerprintHex());
  EXPECT_EQ(loaded->signing_public_key(), generated->signing_public_key());
  EXPECT_EQ(loaded->x25519_public_key(), generated->x25519_public_key());

  auto with_expected = DeviceIdentity::Load(path, kDeviceId);
  ASSERT_TRUE(with_expected.ok()) << with_expected.status().ToString();
  EXPECT_EQ(with_expected->FingerprintHex(), generated->FingerprintHex());

  // Saving again replaces the file.
  ASSERT_TRUE(generated->Save(path).ok());
  EXPECT_TRUE(DeviceIdentity::Load(path).ok());
}

TEST_F(DeviceIdentityTest, FileFormat) {
  ASSERT_TRUE(doc_.is_object());
  EXPECT_EQ(doc_.size(), 3u);
  EXPECT_EQ(doc_["device_id"], kDeviceId);
  // Standard base64 without padding: 32 bytes -> 43 characters.
  EXPECT_EQ(doc_["signing_key_b64"],
            crypto::Base64Encode(Sequence(0x00, 32), crypto::Base64Padding::kUnpadded));
  EXPECT_EQ(doc_["x25519_secret_b64"],
            crypto::Base64Encode(Sequence(0x20, 32), crypto::Base64Padding::kUnpadded));
  EXPECT_EQ(doc_["signing_key_b64"].get<std::string>().size(), 43u);
  EXPECT_EQ(doc_["signing_key_b64"].get<std::string>().find('='), std::string::npos);
}

TEST_F(DeviceIdentityTest, FileIs0600InA0700Directory) {
  EXPECT_EQ(ModeOf(path_), 0600);
  EXPECT_EQ(ModeOf(path_.parent_path()), 0700);

  // An existing, too-open directory is tightened; the umask does not loosen the file.
  fs::path open_dir = dir_.path() / "open";
  fs::create_directory(open_dir);
  fs::permissions(open_dir, fs::perms::owner_all | fs::perms::group_all | fs::perms::others_read |
                                fs::perms::others_exec);
  mode_t old_umask = ::umask(0);
  auto identity = DeviceIdentity::Generate(std::string(kDeviceId));
  ASSERT_TRUE(identity.ok());
  Status saved = identity->Save(open_dir / "identity.json");
  ::umask(old_umask);
  ASSERT_TRUE(saved.ok()) << saved.ToString();
  EXPECT_EQ(ModeOf(open_dir / "identity.json"), 0600);
  EXPECT_EQ(ModeOf(open_dir), 0700);
}

TEST_F(DeviceIdentityTest, DebugOutputHasNoSecrets) {
  auto loaded = DeviceIdentity::Load(path_);
  ASSERT_TRUE(loaded.ok());
  std::ostringstream os;
  os << *loaded;
  std::string debug = os.str();
  EXPECT_NE(debug.find(std::string(kDeviceId)), std::string::npos);
  EXPECT_NE(debug.find(loaded->FingerprintHex()), std::string::npos);
  EXPECT_EQ(debug.find(doc_["signing_key_b64"].get<std::string>()), std::string::npos);
  EXPECT_EQ(debug.find(doc_["x25519_secret_b64"].get<std::string>()), std::string::npos);
  EXPECT_EQ(debug.find(crypto::HexEncode(Sequence(0x00, 32))), std::string::npos);
}

TEST_F(DeviceIdentityTest, ExpectedIdMismatch) {
  auto loaded = DeviceIdentity::Load(path_, "01ARZ3NDEKTSV4RRFFQ69G5FB0");
  EXPECT_TRUE(FailsWith(loaded, StatusCode::kFailedPrecondition,
                        "holds device_id 01ARZ3NDEKTSV4RRFFQ69G5FAV but "
                        "01ARZ3NDEKTSV4RRFFQ69G5FB0 was expected"));
}

TEST_F(DeviceIdentityTest, MissingFile) {
  EXPECT_TRUE(FailsWith(DeviceIdentity::Load(dir_.path() / "absent.json"), StatusCode::kNotFound,
                        "loading device identity"));
}

TEST_F(DeviceIdentityTest, NonCanonicalId) {
  doc_["device_id"] = "01arz3ndektsv4rrffq69g5fav";
  EXPECT_TRUE(FailsWith(LoadModified(), StatusCode::kInvalidArgument,
                        "device_id must be a canonical ULID"));
  doc_["device_id"] = "";
  EXPECT_TRUE(FailsWith(LoadModified(), StatusCode::kInvalidArgument, "device_id is required"));
}

TEST_F(DeviceIdentityTest, BadBase64) {
  std::string key = doc_["signing_key_b64"];
  doc_["signing_key_b64"] = "!" + key.substr(1);
  EXPECT_TRUE(FailsWith(LoadModified(), StatusCode::kInvalidArgument,
                        "field \"signing_key_b64\" is not standard base64 without padding"));

  // Padded is refused too (the format is unpadded, one encoding per key).
  doc_["signing_key_b64"] =
      crypto::Base64Encode(Sequence(0x00, 32), crypto::Base64Padding::kPadded);
  EXPECT_TRUE(FailsWith(LoadModified(), StatusCode::kInvalidArgument,
                        "field \"signing_key_b64\" is not standard base64 without padding"));

  doc_["signing_key_b64"] = key;
  doc_["x25519_secret_b64"] = "AAAA AAAA";
  auto result = LoadModified();
  EXPECT_TRUE(FailsWith(result, StatusCode::kInvalidArgument,
                        "field \"x25519_secret_b64\" is not standard base64 without padding"));
  EXPECT_EQ(result.status().message().find(key), std::string::npos);
}

TEST_F(DeviceIdentityTest, WrongKeyLengths) {
  doc_["signing_key_b64"] =
      crypto::Base64Encode(Sequence(0x00, 31), crypto::Base64Padding::kUnpadded);
  EXPECT_TRUE(FailsWith(LoadModified(), StatusCode::kInvalidArgument,
                        "field \"signing_key_b64\" must decode to 32 bytes (got 31)"));
  doc_["signing_key_b64"] =
      crypto::Base64Encode(Sequence(0x00, 32), crypto::Base64Padding::kUnpadded);
  doc_["x25519_secret_b64"] =
      crypto::Base64Encode(Sequence(0x00, 64), crypto::Base64Padding::kUnpadded);
  EXPECT_TRUE(FailsWith(LoadModified(), StatusCode::kInvalidArgument,
                        "field \"x25519_secret_b64\" must decode to 32 bytes (got 64)"));
  doc_["x25519_secret_b64"] = "";
  EXPECT_TRUE(FailsWith(LoadModified(), StatusCode::kInvalidArgument,
                        "field \"x25519_secret_b64\" must decode to 32 bytes (got 0)"));
}

TEST_F(DeviceIdentityTest, MissingOrMistypedFields) {
  nlohmann::json original = doc_;
  doc_.erase("x25519_secret_b64");
  EXPECT_TRUE(FailsWith(LoadModified(), StatusCode::kInvalidArgument,
                        "field \"x25519_secret_b64\" is missing"));
  doc_ = original;
  doc_["signing_key_b64"] = 42;
  EXPECT_TRUE(FailsWith(LoadModified(), StatusCode::kInvalidArgument,
                        "field \"signing_key_b64\" must be a string"));
  doc_ = original;
  doc_["device_id"] = nullptr;
  EXPECT_TRUE(FailsWith(LoadModified(), StatusCode::kInvalidArgument,
                        "field \"device_id\" must be a string"));
  // Unknown fields are tolerated (forward compatibility).
  doc_ = original;
  doc_["comment"] = "hello";
  EXPECT_TRUE(LoadModified().ok());
}

TEST_F(DeviceIdentityTest, MalformedJson) {
  Write(path_, "{\"device_id\": \"01ARZ3NDEKTSV4RRFFQ69G5FAV\", ");
  EXPECT_TRUE(
      FailsWith(DeviceIdentity::Load(path_), StatusCode::kInvalidArgument, "not valid JSON"));
  Write(path_, "");
  EXPECT_TRUE(
      FailsWith(DeviceIdentity::Load(path_), StatusCode::kInvalidArgument, "not valid JSON"));
  Write(path_, "[1, 2, 3]");
  EXPECT_TRUE(FailsWith(DeviceIdentity::Load(path_), StatusCode::kInvalidArgument,
                        "must be a JSON object"));
}

TEST_F(DeviceIdentityTest, OversizeFile) {
  doc_["padding"] = std::string(kMaxDeviceIdentityFileBytes, 'x');
  EXPECT_TRUE(FailsWith(LoadModified(), StatusCode::kInvalidArgument,
                        "larger than the limit of 4096 bytes"));
}

TEST_F(DeviceIdentityTest, SaveRefusesAPathWithoutAFileName) {
  auto identity = DeviceIdentity::Load(path_);
  ASSERT_TRUE(identity.ok());
  EXPECT_TRUE(FailsWith(identity->Save(dir_.path() / ""), StatusCode::kInvalidArgument,
                        "path names no file"));
}

}  // namespace
}  // namespace palyra::identity
