#include "crypto/p256.h"

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>

#include <cstring>

#include "crypto/openssl_util.h"
#include "crypto/p256_access.h"
#include "crypto/pem.h"

namespace palyra::crypto {

using internal::ClearErrorsAnd;
using internal::OpenSslError;

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
  // Round-trip through SPKI DER: the result holds only public material, in canonical form.
  Bytes spki = DerOf(pkey, i2d_PUBKEY);
  if (spki.empty()) return OpenSslError("encoding P-256 public key");
  return P256PublicKey::FromSpkiDer(spki);
}

}  // namespace internal

Result<P256PublicKey> P256PublicKey::FromSpkiDer(std::span<const uint8_t> der) {
  const unsigned char* p = der.data();
  std::shared_ptr<EVP_PKEY> pkey(d2i_PUBKEY(nullptr, &p, static_cast<long>(der.size())),
                                 EVP_PKEY_free);
  if (!pkey || p != der.data() + der.size()) {
    return ClearErrorsAnd(InvalidArgument("public key DER (SubjectPublicKeyInfo) is malformed"));
  }
  PALYRA_RETURN_IF_ERROR(internal::CheckP256(pkey.get(), "public key"));
  Bytes canonical = internal::DerOf(pkey.get(), i2d_PUBKEY);
  if (canonical.empty()) return OpenSslError("encoding P-256 public key");
  return P256PublicKey(std::move(pkey), std::move(canonical));
}

Bytes P256PublicKey::UncompressedPoint() const {
  Bytes point(65);
  size_t len = 0;
  if (EVP_PKEY_get_octet_string_param(pkey_.get(), OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, point.data(),
                                      point.size(), &len) != 1 ||
      len != point.size()) {
    internal::FatalOpenSslError("reading P-256 public point");
  }
  return point;
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
  std::shared_ptr<EVP_PKEY> pkey(EVP_EC_gen(SN_X9_62_prime256v1), EVP_PKEY_free);
  if (!pkey) return OpenSslError("generating P-256 key");
  return FromPkey(std::move(pkey));
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

Result<SecretBytes> P256PrivateKey::ToPkcs8Der() const {
  internal::UniquePkcs8 p8(EVP_PKEY2PKCS8(pkey_.get()));
  if (!p8) return OpenSslError("converting key to PKCS#8");
  int len = i2d_PKCS8_PRIV_KEY_INFO(p8.get(), nullptr);
  if (len <= 0) return OpenSslError("encoding PKCS#8");
  SecretBytes der(static_cast<size_t>(len));
  unsigned char* out = der.data();
  if (i2d_PKCS8_PRIV_KEY_INFO(p8.get(), &out) != len) return OpenSslError("encoding PKCS#8");
  return der;
}

Result<SecretString> P256PrivateKey::ToPkcs8Pem() const {
  PALYRA_ASSIGN_OR_RETURN(SecretBytes der, ToPkcs8Der());
  return EncodePemSecret("PRIVATE KEY", der);
}

Result<Bytes> P256PrivateKey::Sign(std::span<const uint8_t> message) const {
  internal::UniqueEvpMdCtx ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, pkey_.get()) != 1) {
    return OpenSslError("ecdsa sign init");
  }
  size_t len = 0;
  if (EVP_DigestSign(ctx.get(), nullptr, &len, message.data(), message.size()) != 1) {
    return OpenSslError("ecdsa sign (size)");
  }
  Bytes signature(len);
  if (EVP_DigestSign(ctx.get(), signature.data(), &len, message.data(), message.size()) != 1) {
    return OpenSslError("ecdsa sign");
  }
  signature.resize(len);
  return signature;
}

}  // namespace palyra::crypto
