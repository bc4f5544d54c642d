#include "crypto/aead.h"

#include <openssl/evp.h>

#include <climits>

#include "crypto/openssl_util.h"
#include "crypto/random.h"

namespace palyra::crypto {

using internal::ClearErrorsAnd;
using internal::OpenSslError;

namespace {

const EVP_CIPHER* Cipher(AeadAlgorithm algorithm) {
  return algorithm == AeadAlgorithm::kAes256Gcm ? EVP_aes_256_gcm() : EVP_chacha20_poly1305();
}

Status CheckSizes(std::span<const uint8_t> key, std::span<const uint8_t> nonce, size_t data_size,
                  size_t aad_size) {
  if (key.size() != kAeadKeyBytes) return InvalidArgument("AEAD key must be 32 bytes");
  if (nonce.size() != kAeadNonceBytes) return InvalidArgument("AEAD nonce must be 12 bytes");
  // EVP update calls take int lengths.
  if (data_size > INT_MAX / 2 || aad_size > INT_MAX / 2) {
    return InvalidArgument("AEAD input is too large");
  }
  return Status::Ok();
}

}  // namespace

Result<Bytes> AeadSealWithNonce(AeadAlgorithm algorithm, std::span<const uint8_t> key,
                                std::span<const uint8_t> nonce, std::span<const uint8_t> plaintext,
                                std::span<const uint8_t> aad) {
  PALYRA_RETURN_IF_ERROR(CheckSizes(key, nonce, plaintext.size(), aad.size()));
  internal::UniqueEvpCipherCtx ctx(EVP_CIPHER_CTX_new());
  // 12 bytes is the default IV length for both ciphers, so no SET_IVLEN is needed.
  if (!ctx ||
      EVP_EncryptInit_ex(ctx.get(), Cipher(algorithm), nullptr, key.data(), nonce.data()) != 1) {
    return OpenSslError("AEAD encrypt init");
  }
  int len = 0;
  if (!aad.empty() &&
      EVP_EncryptUpdate(ctx.get(), nullptr, &len, aad.data(), static_cast<int>(aad.size())) != 1) {
    return OpenSslError("AEAD encrypt (AAD)");
  }
  Bytes out(plaintext.size() + kAeadTagBytes);
  int written = 0;
  if (!plaintext.empty()) {
    if (EVP_EncryptUpdate(ctx.get(), out.data(), &len, plaintext.data(),
                          static_cast<int>(plaintext.size())) != 1) {
      return OpenSslError("AEAD encrypt");
    }
    written = len;
  }
  if (EVP_EncryptFinal_ex(ctx.get(), out.data() + written, &len) != 1) {
    return OpenSslError("AEAD encrypt final");
  }
  written += len;
  if (static_cast<size_t>(written) != plaintext.size() ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, kAeadTagBytes, out.data() + written) !=
          1) {
    return OpenSslError("AEAD get tag");
  }
  return out;
}

Result<SecretBytes> AeadOpenWithNonce(AeadAlgorithm algorithm, std::span<const uint8_t> key,
                                      std::span<const uint8_t> nonce,
                                      std::span<const uint8_t> ciphertext_and_tag,
                                      std::span<const uint8_t> aad) {
  PALYRA_RETURN_IF_ERROR(CheckSizes(key, nonce, ciphertext_and_tag.size(), aad.size()));
  if (ciphertext_and_tag.size() < kAeadTagBytes) {
    return InvalidArgument("AEAD authentication failed (input too short)");
  }
  const size_t ct_size = ciphertext_and_tag.size() - kAeadTagBytes;
  std::span<const uint8_t> ciphertext = ciphertext_and_tag.first(ct_size);
  std::span<const uint8_t> tag = ciphertext_and_tag.subspan(ct_size);

  internal::UniqueEvpCipherCtx ctx(EVP_CIPHER_CTX_new());
  if (!ctx ||
      EVP_DecryptInit_ex(ctx.get(), Cipher(algorithm), nullptr, key.data(), nonce.data()) != 1) {
    return OpenSslError("AEAD decrypt init");
  }
  // OpenSSL takes a non-const tag pointer for SET_TAG but only reads it.
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, kAeadTagBytes,
                          const_cast<uint8_t*>(tag.data())) != 1) {
    return OpenSslError("AEAD set tag");
  }
  int len = 0;
  if (!aad.empty() &&
      EVP_DecryptUpdate(ctx.get(), nullptr, &len, aad.data(), static_cast<int>(aad.size())) != 1) {
    return OpenSslError("AEAD decrypt (AAD)");
  }
  // Decrypt into wiped memory, and wipe it again if the tag then fails: unauthenticated
  // plaintext must never reach the caller.
  SecretBytes plaintext(ct_size);
  int written = 0;
  if (ct_size > 0) {
    if (EVP_DecryptUpdate(ctx.get(), plaintext.data(), &len, ciphertext.data(),
                          static_cast<int>(ct_size)) != 1) {
      return OpenSslError("AEAD decrypt");
    }
    written = len;
  }
  if (EVP_DecryptFinal_ex(ctx.get(), plaintext.data() + written, &len) != 1) {
    SecureZero(plaintext.data(), plaintext.size());
    return ClearErrorsAnd(InvalidArgument("AEAD authentication failed"));
  }
  return plaintext;
}

Result<Bytes> AeadSeal(AeadAlgorithm algorithm, std::span<const uint8_t> key,
                       std::span<const uint8_t> plaintext, std::span<const uint8_t> aad) {
  Bytes nonce = RandomBytes(kAeadNonceBytes);
  PALYRA_ASSIGN_OR_RETURN(Bytes sealed, AeadSealWithNonce(algorithm, key, nonce, plaintext, aad));
  sealed.insert(sealed.begin(), nonce.begin(), nonce.end());
  return sealed;
}

Result<SecretBytes> AeadOpen(AeadAlgorithm algorithm, std::span<const uint8_t> key,
                             std::span<const uint8_t> sealed, std::span<const uint8_t> aad) {
  if (key.size() != kAeadKeyBytes) return InvalidArgument("AEAD key must be 32 bytes");
  if (sealed.size() < kAeadNonceBytes + kAeadTagBytes) {
    return InvalidArgument("AEAD authentication failed (input too short)");
  }
  return AeadOpenWithNonce(algorithm, key, sealed.first(kAeadNonceBytes),
                           sealed.subspan(kAeadNonceBytes), aad);
}

}  // namespace palyra::crypto
