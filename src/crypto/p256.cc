#include "crypto/p256.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/params.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "crypto/hash.h"
#include "crypto/openssl_util.h"
#include "crypto/p256_access.h"
#include "crypto/pem.h"

namespace palyra::crypto {

using internal::ClearErrorsAnd;
using internal::OpenSslError;
using internal::UniqueEvpPkeyCtx;

namespace {

constexpr size_t kP256UncompressedPointBytes = 65;
// ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }, each at most 33 octets for P-256.
constexpr size_t kMaxP256SignatureDerBytes = 72;
// DER of SubjectPublicKeyInfo { AlgorithmIdentifier { id-ecPublicKey, prime256v1 },
// BIT STRING (65 bytes + the unused-bits octet) }, up to the point itself.
constexpr std::array<uint8_t, 26> kP256SpkiHeader = {
    0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01,
    0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00};

}  // namespace

namespace internal {

Status CheckP256(EVP_PKEY* pkey, std::string_view what) {
  char group[64] = {};
  size_t len = 0;
  // Keys with explicit curve parameters have no group name and are refused here too: P-256 is
  // always named in everything we produce or accept.
  if (EVP_PKEY_get_base_id(pkey) != EVP_PKEY_EC ||
      EVP_PKEY_get_group_name(pkey, group, sizeof(group), &len) != 1 ||
      std::strcmp(group, SN_X9_62_prime256v1) != 0) {
    return ClearErrorsAnd(InvalidArgument(std::string(what) + " is not ECDSA P-256"));
  }
  return Status::Ok();
}

Result<P256PublicKey> P256Access::PublicFromPkey(EVP_PKEY* pkey, std::string_view what) {
  PALYRA_RETURN_IF_ERROR(CheckP256(pkey, what));
  // The SPKI of a named-curve P-256 key is a fixed header plus the uncompressed point. Building
  // it by hand avoids OpenSSL 3.0's encoder framework, which costs ~1 ms per call and dominated
  // certificate issuance before.
  Bytes point(kP256UncompressedPointBytes);
  size_t len = 0;
  if (EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, point.data(),
                                      point.size(), &len) != 1 ||
      len != point.size() || point[0] != 0x04) {
    return OpenSslError("reading P-256 public point");
  }
  Bytes spki(kP256SpkiHeader.begin(), kP256SpkiHeader.end());
  spki.insert(spki.end(), point.begin(), point.end());
  if (EVP_PKEY_up_ref(pkey) != 1) return OpenSslError("referencing P-256 key");
  // Sharing the EVP_PKEY is safe: it is never mutated after construction, and a private key
  // verifies like its public half.
  return P256PublicKey(std::shared_ptr<EVP_PKEY>(pkey, EVP_PKEY_free), std::move(spki));
}

// Builds an EC key from an uncompressed P-256 point through the provider's import, which checks
// that the point is on the curve (and not at infinity).
Result<std::shared_ptr<EVP_PKEY>> PkeyFromP256Point(std::span<const uint8_t> point) {
  UniqueEvpPkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1) return OpenSslError("EC key import init");
  char group[] = SN_X9_62_prime256v1;
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0),
      OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY,
                                        const_cast<uint8_t*>(point.data()), point.size()),
      OSSL_PARAM_construct_end(),
  };
  EVP_PKEY* raw = nullptr;
  if (EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params) != 1 || raw == nullptr) {
    return ClearErrorsAnd(InvalidArgument("public key is not a valid P-256 point"));
  }
  return std::shared_ptr<EVP_PKEY>(raw, EVP_PKEY_free);
}

}  // namespace internal

Result<P256PublicKey> P256PublicKey::FromSpkiDer(std::span<const uint8_t> der) {
  // Fast path for the only encoding we produce: named curve, uncompressed point.
  if (der.size() == kP256SpkiHeader.size() + kP256UncompressedPointBytes &&
      std::equal(kP256SpkiHeader.begin(), kP256SpkiHeader.end(), der.begin())) {
    auto point = der.subspan(kP256SpkiHeader.size());
    if (point[0] != 0x04) {
      return InvalidArgument("public key DER (SubjectPublicKeyInfo) is malformed");
    }
    PALYRA_ASSIGN_OR_RETURN(auto pkey, internal::PkeyFromP256Point(point));
    return P256PublicKey(std::move(pkey), Bytes(der.begin(), der.end()));
  }
  // Anything else (compressed points, other algorithms) goes through OpenSSL's decoder, which is
  // slow but general; the result is re-encoded canonically.
  const unsigned char* p = der.data();
  std::shared_ptr<EVP_PKEY> pkey(d2i_PUBKEY(nullptr, &p, static_cast<long>(der.size())),
                                 EVP_PKEY_free);
  if (!pkey || p != der.data() + der.size()) {
    return ClearErrorsAnd(InvalidArgument("public key DER (SubjectPublicKeyInfo) is malformed"));
  }
  return internal::P256Access::PublicFromPkey(pkey.get(), "public key");
}

Bytes P256PublicKey::UncompressedPoint() const {
  // The canonical SPKI ends with the 65-byte point; no need to ask OpenSSL again.
  return Bytes(spki_der_.end() - static_cast<std::ptrdiff_t>(kP256UncompressedPointBytes),
               spki_der_.end());
}

Status P256PublicKey::Verify(std::span<const uint8_t> message,
                             std::span<const uint8_t> der_signature) const {
  internal::UniqueEvpMdCtx ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, pkey_.get()) != 1) {
    return OpenSslError("ecdsa verify init");
  }
  if (EVP_DigestVerify(ctx.get(), der_signature.data(), der_signature.size(), message.data(),
                       message.size()) != 1) {
    return ClearErrorsAnd(InvalidArgument("ecdsa p-256 signature does not verify"));
  }
  return Status::Ok();
}

Result<P256PrivateKey> P256PrivateKey::FromPkey(std::shared_ptr<EVP_PKEY> pkey) {
  PALYRA_RETURN_IF_ERROR(internal::CheckP256(pkey.get(), "private key"));
  PALYRA_ASSIGN_OR_RETURN(P256PublicKey pub,
                          internal::P256Access::PublicFromPkey(pkey.get(), "private key"));
  return P256PrivateKey(std::move(pkey), std::move(pub));
}

Result<P256PrivateKey> P256PrivateKey::Generate() {
  // Key generation from a shared parameters object copies its prepared curve group instead of
  // building P-256 from its name each time (EVP_EC_gen), which was a tenth of issuance time.
  static EVP_PKEY* const kParameters = [] {
    EVP_PKEY* params = nullptr;
    UniqueEvpPkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    if (!ctx || EVP_PKEY_paramgen_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_group_name(ctx.get(), SN_X9_62_prime256v1) != 1 ||
        EVP_PKEY_paramgen(ctx.get(), &params) != 1) {
      internal::FatalOpenSslError("preparing P-256 parameters");
    }
    return params;
  }();
  // A keygen context can generate any number of keys; one per thread saves OpenSSL 3.0's
  // per-context provider lookups (EVP_PKEY_CTX objects are not thread-safe, hence thread_local).
  thread_local UniqueEvpPkeyCtx keygen;
  if (!keygen) {
    UniqueEvpPkeyCtx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, kParameters, nullptr));
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1) return OpenSslError("P-256 keygen init");
    keygen = std::move(ctx);
  }
  EVP_PKEY* raw = nullptr;
  if (EVP_PKEY_generate(keygen.get(), &raw) != 1) return OpenSslError("generating P-256 key");
  return FromPkey(std::shared_ptr<EVP_PKEY>(raw, EVP_PKEY_free));
}

Result<P256PrivateKey> P256PrivateKey::FromPkcs8Pem(std::string_view pem) {
  constexpr std::string_view kWhat = "private key PEM";
  PALYRA_ASSIGN_OR_RETURN(auto sections, SplitPem(pem, kWhat, kMaxPrivateKeyPemBytes, 1));
  if (sections[0].label != "PRIVATE KEY") {
    return InvalidArgument(
        "private key PEM is malformed: expected a PKCS#8 \"PRIVATE KEY\" block, "
        "found \"" +
        std::string(sections[0].label) + "\"");
  }
  PALYRA_ASSIGN_OR_RETURN(SecretBytes der, DecodePemBodySecret(sections[0].body, kWhat));
  return FromPkcs8DerNamed(der, kWhat);
}

Result<P256PrivateKey> P256PrivateKey::FromPkcs8Der(std::span<const uint8_t> der) {
  return FromPkcs8DerNamed(der, "private key DER");
}

Result<P256PrivateKey> P256PrivateKey::FromPkcs8DerNamed(std::span<const uint8_t> der,
                                                         std::string_view what) {
  const unsigned char* p = der.data();
  internal::UniquePkcs8 p8(d2i_PKCS8_PRIV_KEY_INFO(nullptr, &p, static_cast<long>(der.size())));
  if (!p8 || p != der.data() + der.size()) {
    return ClearErrorsAnd(InvalidArgument(std::string(what) + " is malformed: bad PKCS#8 DER"));
  }
  std::shared_ptr<EVP_PKEY> pkey(EVP_PKCS82PKEY(p8.get()), EVP_PKEY_free);
  if (!pkey) {
    return ClearErrorsAnd(
        InvalidArgument(std::string(what) + " is malformed: unusable PKCS#8 key"));
  }
  return FromPkey(std::move(pkey));
}

// PKCS#8 PrivateKeyInfo for a named-curve P-256 key is fixed apart from the scalar and the point
// (RFC 5915 ECPrivateKey inside RFC 5208), so it is assembled here, like the SPKI above, instead
// of through OpenSSL 3.0's encoder framework (which cost as much as the key generation). The
// layout is what OpenSSL writes itself: version 1, the 32-byte scalar, no [0] parameters (they
// are in the AlgorithmIdentifier), and the [1] public key.
Result<SecretBytes> P256PrivateKey::ToPkcs8Der() const {
  static constexpr uint8_t kPrefix[] = {
      0x30, 0x81, 0x87,                                            // PrivateKeyInfo, 135 bytes
      0x02, 0x01, 0x00,                                            // version 0
      0x30, 0x13,                                                  // AlgorithmIdentifier
      0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01,        //   id-ecPublicKey
      0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07,  //   prime256v1
      0x04, 0x6d,                                                  // OCTET STRING, 109 bytes
      0x30, 0x6b,                                                  //   ECPrivateKey, 107 bytes
      0x02, 0x01, 0x01,                                            //     version 1
      0x04, 0x20};                                                 //     privateKey, 32 bytes
  static constexpr uint8_t kPublicKeyPrefix[] = {0xa1, 0x44, 0x03, 0x42, 0x00};  // [1] BIT STRING
  constexpr size_t kScalarBytes = 32;
  BIGNUM* scalar = nullptr;
  if (EVP_PKEY_get_bn_param(pkey_.get(), OSSL_PKEY_PARAM_PRIV_KEY, &scalar) != 1) {
    return OpenSslError("reading P-256 private scalar");
  }
  SecretBytes der(sizeof(kPrefix) + kScalarBytes + sizeof(kPublicKeyPrefix) +
                  kP256UncompressedPointBytes);
  uint8_t* out = der.data();
  std::memcpy(out, kPrefix, sizeof(kPrefix));
  out += sizeof(kPrefix);
  const int written = BN_bn2binpad(scalar, out, static_cast<int>(kScalarBytes));
  BN_clear_free(scalar);
  if (written != static_cast<int>(kScalarBytes)) return OpenSslError("encoding P-256 scalar");
  out += kScalarBytes;
  std::memcpy(out, kPublicKeyPrefix, sizeof(kPublicKeyPrefix));
  out += sizeof(kPublicKeyPrefix);
  const Bytes point = public_key_.UncompressedPoint();
  std::memcpy(out, point.data(), point.size());
  return der;
}

Result<SecretString> P256PrivateKey::ToPkcs8Pem() const {
  PALYRA_ASSIGN_OR_RETURN(SecretBytes der, ToPkcs8Der());
  return EncodePemSecret("PRIVATE KEY", der);
}

Result<Bytes> P256PrivateKey::Sign(std::span<const uint8_t> message) const {
  // ECDSA over SHA-256 is "sign the digest", so the digest is taken here and signed with a
  // signing context kept per thread for the key last used on it (a CA signs with one key over
  // and over). The context holds a reference to its key, so a cached pointer can never name a
  // different, newly allocated key.
  struct CachedSigner {
    const EVP_PKEY* key = nullptr;
    UniqueEvpPkeyCtx ctx;
  };
  thread_local CachedSigner signer;
  if (signer.key != pkey_.get()) {
    signer = {};
    UniqueEvpPkeyCtx ctx(EVP_PKEY_CTX_new(pkey_.get(), nullptr));
    if (!ctx || EVP_PKEY_sign_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_signature_md(ctx.get(), EVP_sha256()) != 1) {
      return OpenSslError("ecdsa sign init");
    }
    signer = {pkey_.get(), std::move(ctx)};
  }
  const Sha256Digest digest = Sha256(message);
  Bytes signature(kMaxP256SignatureDerBytes);
  size_t len = signature.size();
  if (EVP_PKEY_sign(signer.ctx.get(), signature.data(), &len, digest.data(), digest.size()) != 1) {
    signer = {};  // do not reuse a context in an unknown state
    return OpenSslError("ecdsa sign");
  }
  signature.resize(len);
  return signature;
}

}  // namespace palyra::crypto
