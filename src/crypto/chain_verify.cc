#include "crypto/chain_verify.h"

#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include "crypto/certificate_access.h"
#include "crypto/openssl_util.h"

namespace palyra::crypto {

using internal::CertificateAccess;
using internal::OpenSslError;

namespace {

struct StackDeleter {
  // The stack only borrows the certificates (the Certificate objects own them).
  void operator()(STACK_OF(X509) * stack) const { sk_X509_free(stack); }
};

std::string_view PurposeName(CertificatePurpose purpose) {
  return purpose == CertificatePurpose::kClientAuth ? "client" : "server";
}

std::string Describe(X509* cert, int depth) {
  std::string cn = "?";
  if (cert != nullptr) {
    char buf[256] = {};
    if (X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, buf, sizeof(buf)) >=
        0) {
      cn = buf;
    }
  }
  return " (CN=" + cn + ", depth " + std::to_string(depth) + ")";
}

std::string ReasonFor(int error, CertificatePurpose purpose) {
  switch (error) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
      return "certificate has expired";
    case X509_V_ERR_CERT_NOT_YET_VALID:
      return "certificate is not yet valid";
    case X509_V_ERR_INVALID_PURPOSE:
      return "certificate is not valid for " + std::string(PurposeName(purpose)) +
             " authentication (extended key usage)";
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_CERT_UNTRUSTED:
      return "certificate is not issued by a trusted CA";
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
    case X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
      return "certificate signature does not verify";
    case X509_V_ERR_INVALID_CA:
      return "issuer certificate is not a CA";
    case X509_V_ERR_PATH_LENGTH_EXCEEDED:
      return "certificate chain exceeds an issuer's path length constraint";
    case X509_V_ERR_KEYUSAGE_NO_CERTSIGN:
      return "issuer certificate's key usage does not allow signing certificates";
    case X509_V_ERR_CERT_CHAIN_TOO_LONG:
      return "certificate chain is too long";
    case X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD:
    case X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD:
      return "certificate validity field is malformed";
    default:
      return "certificate verification failed: " +
             std::string(X509_verify_cert_error_string(error));
  }
}

}  // namespace

Status VerifyCertificateChain(const Certificate& leaf, std::span<const Certificate> intermediates,
                              const Certificate& trust_anchor, CertificatePurpose purpose,
                              int64_t at_unix_ms) {
  if (intermediates.size() > kMaxBundleCertificates) {
    return InvalidArgument("too many intermediate certificates (" +
                           std::to_string(intermediates.size()) + ", limit " +
                           std::to_string(kMaxBundleCertificates) + ")");
  }
  internal::UniqueX509Store store(X509_STORE_new());
  if (!store || X509_STORE_add_cert(store.get(), CertificateAccess::GetWithDecodedKey(trust_anchor)) != 1) {
    return OpenSslError("creating certificate store");
  }
  std::unique_ptr<STACK_OF(X509), StackDeleter> untrusted(sk_X509_new_null());
  if (!untrusted) return OpenSslError("creating certificate stack");
  for (const Certificate& cert : intermediates) {
    if (sk_X509_push(untrusted.get(), CertificateAccess::GetWithDecodedKey(cert)) <= 0) {
      return OpenSslError("creating certificate stack");
    }
  }
  internal::UniqueX509StoreCtx ctx(X509_STORE_CTX_new());
  if (!ctx || X509_STORE_CTX_init(ctx.get(), store.get(), CertificateAccess::GetWithDecodedKey(leaf),
                                  untrusted.get()) != 1) {
    return OpenSslError("initialising certificate verification");
  }
  const int openssl_purpose = purpose == CertificatePurpose::kClientAuth ? X509_PURPOSE_SSL_CLIENT
                                                                         : X509_PURPOSE_SSL_SERVER;
  if (X509_STORE_CTX_set_purpose(ctx.get(), openssl_purpose) != 1) {
    return OpenSslError("setting verification purpose");
  }
  // The caller's clock, not the system's: verifiers and tests decide what "now" is. The
  // division rounds toward zero, which is fine for any time after 1970.
  X509_STORE_CTX_set_time(ctx.get(), 0, static_cast<time_t>(at_unix_ms / 1000));
  // PARTIAL_CHAIN: the anchor is trusted because the caller says so, even if it is not
  // self-signed. X509_STRICT is not set: it would reject certificates other tools issue for
  // reasons unrelated to trust (e.g. leaves without AKI, which upstream issues).
  X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx.get());
  X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_PARTIAL_CHAIN);
  X509_VERIFY_PARAM_set_depth(param, static_cast<int>(kMaxBundleCertificates) + 1);

  if (X509_verify_cert(ctx.get()) != 1) {
    const int error = X509_STORE_CTX_get_error(ctx.get());
    const int depth = X509_STORE_CTX_get_error_depth(ctx.get());
    X509* current = X509_STORE_CTX_get_current_cert(ctx.get());
    std::string message = ReasonFor(error, purpose) + Describe(current, depth);
    return internal::ClearErrorsAnd(Unauthenticated(std::move(message)));
  }

  // OpenSSL accepts a leaf without EKU for any purpose; we require it to say what it is for.
  const bool has_purpose =
      purpose == CertificatePurpose::kClientAuth ? leaf.HasClientAuth() : leaf.HasServerAuth();
  if (!has_purpose) {
    return Unauthenticated(
        "certificate is not valid for " + std::string(PurposeName(purpose)) +
        " authentication (missing " +
        (purpose == CertificatePurpose::kClientAuth ? "clientAuth" : "serverAuth") +
        " extended key usage)" + Describe(CertificateAccess::Get(leaf), 0));
  }
  if (leaf.IsCa()) {
    return Unauthenticated("certificate is a CA certificate, not an end-entity certificate" +
                           Describe(CertificateAccess::Get(leaf), 0));
  }
  return Status::Ok();
}

}  // namespace palyra::crypto
