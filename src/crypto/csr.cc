#include "crypto/csr.h"

#include <openssl/x509.h>

#include "crypto/openssl_util.h"
#include "crypto/p256_access.h"
#include "crypto/pem.h"

namespace palyra::crypto {

using internal::ClearErrorsAnd;
using internal::OpenSslError;

namespace {

constexpr std::string_view kCsrPem = "CSR PEM";

Result<internal::UniqueX509Req> ParseDer(std::span<const uint8_t> der) {
  if (der.size() > kMaxCsrDerBytes) {
    return InvalidArgument("CSR DER is too large (" + std::to_string(der.size()) +
                           " bytes, limit " + std::to_string(kMaxCsrDerBytes) + ")");
  }
  const unsigned char* p = der.data();
  internal::UniqueX509Req req(d2i_X509_REQ(nullptr, &p, static_cast<long>(der.size())));
  if (!req || p != der.data() + der.size()) {
    return ClearErrorsAnd(InvalidArgument("CSR DER is malformed"));
  }
  return req;
}

Status VerifyReq(X509_REQ* req) {
  EVP_PKEY* key = X509_REQ_get0_pubkey(req);
  if (key == nullptr || X509_REQ_verify(req, key) != 1) {
    return ClearErrorsAnd(InvalidArgument("CSR signature does not verify"));
  }
  return Status::Ok();
}

}  // namespace

Result<CertificateSigningRequest> CertificateSigningRequest::FromPem(std::string_view pem) {
  PALYRA_ASSIGN_OR_RETURN(auto sections, SplitPem(pem, kCsrPem, kMaxCsrPemBytes, 1));
  // "NEW CERTIFICATE REQUEST" is the label older tools (Netscape, some openssl versions) write.
  if (sections[0].label != "CERTIFICATE REQUEST" &&
      sections[0].label != "NEW CERTIFICATE REQUEST") {
    return InvalidArgument(
        "CSR PEM is malformed: expected a \"CERTIFICATE REQUEST\" block, found \"" +
        std::string(sections[0].label) + "\"");
  }
  PALYRA_ASSIGN_OR_RETURN(Bytes der, DecodePemBody(sections[0].body, kCsrPem));
  return FromDer(der);
}

Result<CertificateSigningRequest> CertificateSigningRequest::FromDer(std::span<const uint8_t> der) {
  PALYRA_ASSIGN_OR_RETURN(internal::UniqueX509Req req, ParseDer(der));
  EVP_PKEY* key = X509_REQ_get0_pubkey(req.get());
  if (key == nullptr) return ClearErrorsAnd(InvalidArgument("CSR public key is malformed"));
  PALYRA_ASSIGN_OR_RETURN(P256PublicKey public_key,
                          internal::P256Access::PublicFromPkey(key, "CSR public key"));
  PALYRA_RETURN_IF_ERROR(VerifyReq(req.get()));

  std::string cn;
  const X509_NAME* subject = X509_REQ_get_subject_name(req.get());
  int index = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
  if (index >= 0) {
    unsigned char* utf8 = nullptr;
    int len =
        ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, index)));
    if (len < 0) return ClearErrorsAnd(InvalidArgument("CSR subject CN is undecodable"));
    cn.assign(reinterpret_cast<char*>(utf8), static_cast<size_t>(len));
    OPENSSL_free(utf8);
  }
  return CertificateSigningRequest(Bytes(der.begin(), der.end()), std::move(cn),
                                   std::move(public_key));
}

std::string CertificateSigningRequest::ToPem() const {
  return EncodePem("CERTIFICATE REQUEST", der_);
}

Status CertificateSigningRequest::VerifySignature() const {
  PALYRA_ASSIGN_OR_RETURN(internal::UniqueX509Req req, ParseDer(der_));
  return VerifyReq(req.get());
}

CsrBuilder& CsrBuilder::SetSubjectCommonName(std::string common_name) {
  common_name_ = std::move(common_name);
  return *this;
}

Result<CertificateSigningRequest> CsrBuilder::Sign(const P256PrivateKey& key) const {
  if (common_name_.empty() || common_name_.size() > 64) {
    return InvalidArgument("CSR common name must be 1..64 bytes");
  }
  internal::UniqueX509Req req(X509_REQ_new());
  if (!req || X509_REQ_set_version(req.get(), X509_REQ_VERSION_1) != 1) {
    return OpenSslError("creating CSR");
  }
  X509_NAME* subject = X509_REQ_get_subject_name(req.get());
  if (X509_NAME_add_entry_by_NID(subject, NID_commonName, MBSTRING_UTF8,
                                 reinterpret_cast<const unsigned char*>(common_name_.data()),
                                 static_cast<int>(common_name_.size()), -1, 0) != 1) {
    return ClearErrorsAnd(InvalidArgument("CSR common name is not valid UTF-8"));
  }
  if (X509_REQ_set_pubkey(req.get(), internal::P256Access::Pkey(key)) != 1 ||
      X509_REQ_sign(req.get(), internal::P256Access::Pkey(key), EVP_sha256()) <= 0) {
    return OpenSslError("signing CSR");
  }
  Bytes der = internal::DerOf(req.get(), i2d_X509_REQ);
  if (der.empty()) return OpenSslError("encoding CSR");
  return CertificateSigningRequest::FromDer(der);
}

}  // namespace palyra::crypto
