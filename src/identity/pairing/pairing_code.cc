#include "identity/pairing/pairing_code.h"

#include <sys/stat.h>

#include <algorithm>

#include "common/files.h"
#include "common/time.h"
#include "common/ulid.h"
#include "crypto/hash.h"
#include "crypto/random.h"

namespace palyra::identity {

int64_t ClampPairingCodeTtlMs(int64_t requested_ms) {
  if (requested_ms <= 0) return kDefaultPairingCodeTtlMs;
  return std::clamp(requested_ms, kMinPairingCodeTtlMs, kMaxPairingCodeTtlMs);
}

crypto::SecretString GeneratePairingCode(PairingMethod::Kind kind) {
  if (kind == PairingMethod::Kind::kPin) {
    const uint32_t value = crypto::RandomUniform(1'000'000);
    std::array<char, kPairingPinLength> digits{};
    uint32_t rest = value;
    for (size_t i = digits.size(); i-- > 0;) {
      digits[i] = static_cast<char>('0' + rest % 10);
      rest /= 10;
    }
    crypto::SecretString pin(std::string_view(digits.data(), digits.size()));
    crypto::SecureZero(digits.data(), digits.size());
    return pin;
  }
  std::array<uint8_t, 10> randomness{};
  crypto::RandomFill(randomness);
  crypto::SecretString token(EncodeUlid(NowUnixMs(), randomness));
  crypto::SecureZero(randomness.data(), randomness.size());
  return token;
}

Result<PairingCodeHasher> PairingCodeHasher::FromKey(std::span<const uint8_t> key) {
  if (key.size() != kPairingCodeKeyBytes) {
    return InvalidArgument("pairing code key must be exactly 32 bytes");
  }
  return PairingCodeHasher(crypto::SecretBytes(key));
}

Result<PairingCodeHasher> PairingCodeHasher::LoadOrCreate(const std::filesystem::path& key_path) {
  const std::string label = "pairing code key file " + key_path.string();
  if (key_path.has_parent_path()) {
    PALYRA_RETURN_IF_ERROR(EnsurePrivateDirectory(key_path.parent_path()));
  }
  struct stat st {};
  if (::lstat(key_path.c_str(), &st) != 0) {
    crypto::SecretBytes fresh = crypto::RandomSecretBytes(kPairingCodeKeyBytes);
    PALYRA_ASSIGN_OR_RETURN(bool created,
                            WriteFileIfAbsent(key_path, fresh.AsStringView(), kPrivateFileMode));
    if (created) return PairingCodeHasher(std::move(fresh));
    if (::lstat(key_path.c_str(), &st) != 0) {
      return ErrnoStatus(errno, key_path, "stat failed");
    }
  }
  if (!S_ISREG(st.st_mode)) return FailedPrecondition(label + " is not a regular file");
  if ((st.st_mode & 0077) != 0) {
    return FailedPrecondition(label + " is readable by group or others; chmod 600 it");
  }
  Result<std::string> bytes = ReadFileBounded(key_path, kPairingCodeKeyBytes + 1);
  if (!bytes.ok()) return bytes.status();
  crypto::SecretBytes key(crypto::AsBytes(*bytes));
  crypto::SecureZero(bytes->data(), bytes->size());
  if (key.size() != kPairingCodeKeyBytes) {
    return FailedPrecondition(label + " must hold exactly 32 bytes; move it away to start afresh "
                              "(live pairing codes then stop working)");
  }
  return PairingCodeHasher(std::move(key));
}

PairingCodeHash PairingCodeHasher::Hash(PairingMethod::Kind kind, std::string_view code) const {
  // Domain-separated and method-bound, so a PIN never matches a QR token and the scheme can be
  // versioned.
  std::string message(kPairingCodeHashDomain);
  message.push_back('\0');
  message.append(PairingMethodKindName(kind));
  message.push_back('\0');
  message.append(code);
  const crypto::Sha256Digest digest = crypto::HmacSha256(key_.span(), crypto::AsBytes(message));
  crypto::SecureZero(message.data(), message.size());
  return digest;
}

}  // namespace palyra::identity
