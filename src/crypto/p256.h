#pragma once
// ECDSA P-256 keys: the gateway CA key and every TLS leaf key. Private keys travel as unencrypted
// PKCS#8 PEM ("BEGIN PRIVATE KEY"), the format the spec persists and TLS stacks load.

#include <memory>
#include <span>
#include <string_view>

#include "common/status.h"
#include "crypto/bytes.h"

struct evp_pkey_st;

namespace palyra::crypto {

namespace internal {
struct P256Access;
}

inline constexpr size_t kMaxPrivateKeyPemBytes = 16 * 1024;

// Immutable after construction; copies share the underlying key.
class P256PublicKey {
 public:
  // From a DER SubjectPublicKeyInfo. INVALID_ARGUMENT for malformed DER, trailing bytes, or a key
  // that is not EC on P-256.
  static Result<P256PublicKey> FromSpkiDer(std::span<const uint8_t> der);

  // Canonical DER SubjectPublicKeyInfo (uncompressed point).
  const Bytes& SpkiDer() const { return spki_der_; }
  // 0x04 || X || Y (65 bytes).
  Bytes UncompressedPoint() const;

  // Verifies a DER ECDSA signature over SHA-256(message). OK, or INVALID_ARGUMENT
  // "ecdsa p-256 signature does not verify" (also for signatures that are not valid DER).
  Status Verify(std::span<const uint8_t> message, std::span<const uint8_t> der_signature) const;

  friend bool operator==(const P256PublicKey& a, const P256PublicKey& b) {
    return a.spki_der_ == b.spki_der_;
  }

 private:
  friend struct internal::P256Access;
  P256PublicKey(std::shared_ptr<evp_pkey_st> pkey, Bytes spki_der)
      : pkey_(std::move(pkey)), spki_der_(std::move(spki_der)) {}
  std::shared_ptr<evp_pkey_st> pkey_;
  Bytes spki_der_;
};

class P256PrivateKey {
 public:
  static Result<P256PrivateKey> Generate();
  // Exactly one "PRIVATE KEY" PEM block (at most kMaxPrivateKeyPemBytes). INVALID_ARGUMENT
  // "private key PEM is malformed: ..." for bad framing, other block types (SEC1 "EC PRIVATE KEY",
  // encrypted PKCS#8) or bad DER, and "private key is not ECDSA P-256" for other key types.
  static Result<P256PrivateKey> FromPkcs8Pem(std::string_view pem);
  static Result<P256PrivateKey> FromPkcs8Der(std::span<const uint8_t> der);

  Result<SecretString> ToPkcs8Pem() const;
  Result<SecretBytes> ToPkcs8Der() const;

  const P256PublicKey& PublicKey() const { return public_key_; }

  // DER-encoded ECDSA signature over SHA-256(message).
  Result<Bytes> Sign(std::span<const uint8_t> message) const;

 private:
  friend struct internal::P256Access;
  P256PrivateKey(std::shared_ptr<evp_pkey_st> pkey, P256PublicKey public_key)
      : pkey_(std::move(pkey)), public_key_(std::move(public_key)) {}
  static Result<P256PrivateKey> FromPkey(std::shared_ptr<evp_pkey_st> pkey);
  // `what` names the input in errors ("private key PEM" / "private key DER").
  static Result<P256PrivateKey> FromPkcs8DerNamed(std::span<const uint8_t> der,
                                                  std::string_view what);
  std::shared_ptr<evp_pkey_st> pkey_;
  P256PublicKey public_key_;
};

}  // namespace palyra::crypto
