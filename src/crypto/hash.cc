#include "crypto/hash.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <algorithm>

#include "crypto/openssl_util.h"

namespace palyra::crypto {

using internal::FatalOpenSslError;

Sha256Digest Sha256(std::span<const uint8_t> data) {
  Sha256Digest out{};
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out.data(), &len, EVP_sha256(), nullptr) != 1 ||
      len != out.size()) {
    FatalOpenSslError("EVP_Digest(SHA-256)");
  }
  return out;
}

std::string Sha256Hex(std::span<const uint8_t> data) { return HexEncode(Sha256(data)); }

void Sha256Hasher::CtxDeleter::operator()(evp_md_ctx_st* ctx) const { EVP_MD_CTX_free(ctx); }

Sha256Hasher::Sha256Hasher() : ctx_(EVP_MD_CTX_new()) {
  if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1) {
    FatalOpenSslError("EVP_DigestInit_ex(SHA-256)");
  }
}
Sha256Hasher::~Sha256Hasher() = default;
Sha256Hasher::Sha256Hasher(Sha256Hasher&&) noexcept = default;
Sha256Hasher& Sha256Hasher::operator=(Sha256Hasher&&) noexcept = default;

Sha256Hasher& Sha256Hasher::Update(std::span<const uint8_t> data) {
  if (EVP_DigestUpdate(ctx_.get(), data.data(), data.size()) != 1) {
    FatalOpenSslError("EVP_DigestUpdate");
  }
  return *this;
}

Sha256Digest Sha256Hasher::Finish() {
  Sha256Digest out{};
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(ctx_.get(), out.data(), &len) != 1 || len != out.size() ||
      EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1) {
    FatalOpenSslError("EVP_DigestFinal_ex");
  }
  return out;
}

Sha256Digest HmacSha256(std::span<const uint8_t> key, std::span<const uint8_t> data) {
  Sha256Digest out{};
  size_t len = 0;
  // EVP_Q_mac rejects a null key pointer even for an empty key.
  static const uint8_t kEmpty = 0;
  const uint8_t* key_ptr = key.empty() ? &kEmpty : key.data();
  if (EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, key_ptr, key.size(), data.data(),
                data.size(), out.data(), out.size(), &len) == nullptr ||
      len != out.size()) {
    FatalOpenSslError("EVP_Q_mac(HMAC-SHA256)");
  }
  return out;
}

Result<SecretBytes> HkdfSha256(std::span<const uint8_t> salt, std::span<const uint8_t> ikm,
                               std::span<const uint8_t> info, size_t length) {
  if (length == 0 || length > 255 * kSha256Bytes) {
    return InvalidArgument("HKDF-SHA256 output length must be between 1 and 8160 bytes");
  }
  internal::UniqueEvpKdf kdf(EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_HKDF, nullptr));
  if (!kdf) return internal::OpenSslError("fetching HKDF");
  internal::UniqueEvpKdfCtx ctx(EVP_KDF_CTX_new(kdf.get()));
  if (!ctx) return internal::OpenSslError("creating HKDF context");

  // OSSL_PARAM wants non-const pointers although nothing is written through them.
  char digest[] = "SHA256";
  static uint8_t kEmpty = 0;
  auto mut = [](std::span<const uint8_t> s) {
    return s.empty() ? &kEmpty : const_cast<uint8_t*>(s.data());
  };
  // An empty salt is passed as no salt, which RFC 5869 defines as HashLen zero bytes.
  OSSL_PARAM params[5];
  size_t n = 0;
  params[n++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
  params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, mut(ikm), ikm.size());
  if (!salt.empty()) {
    params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, mut(salt), salt.size());
  }
  params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, mut(info), info.size());
  params[n] = OSSL_PARAM_construct_end();

  SecretBytes out(length);
  if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1) {
    return internal::OpenSslError("HKDF-SHA256 derive");
  }
  return out;
}

bool ConstantTimeEquals(std::span<const uint8_t> a, std::span<const uint8_t> b) {
  // Always compare min(len) bytes, so a length mismatch costs the same as a content mismatch.
  size_t n = std::min(a.size(), b.size());
  int diff = n == 0 ? 0 : CRYPTO_memcmp(a.data(), b.data(), n);
  return diff == 0 && a.size() == b.size();
}

}  // namespace palyra::crypto
