#pragma once
// Private helpers for the src/crypto implementation files: owning pointers for OpenSSL objects and
// the one place that turns OpenSSL's thread-local error queue into a Status. Not for use outside
// src/crypto (the rest of the project never includes OpenSSL headers).

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "common/status.h"
#include "crypto/bytes.h"

namespace palyra::crypto::internal {

template <auto Free>
struct Deleter {
  template <typename T>
  void operator()(T* p) const {
    Free(p);
  }
};

using UniqueEvpPkey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using UniqueEvpPkeyCtx = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX_free>>;
using UniqueEvpMdCtx = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX_free>>;
using UniqueEvpCipherCtx = std::unique_ptr<EVP_CIPHER_CTX, Deleter<EVP_CIPHER_CTX_free>>;
using UniqueEvpKdf = std::unique_ptr<EVP_KDF, Deleter<EVP_KDF_free>>;
using UniqueEvpKdfCtx = std::unique_ptr<EVP_KDF_CTX, Deleter<EVP_KDF_CTX_free>>;
using UniqueBio = std::unique_ptr<BIO, Deleter<BIO_free>>;
using UniqueBignum = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using UniqueX509 = std::unique_ptr<X509, Deleter<X509_free>>;
using UniqueX509Req = std::unique_ptr<X509_REQ, Deleter<X509_REQ_free>>;
using UniqueX509Name = std::unique_ptr<X509_NAME, Deleter<X509_NAME_free>>;
using UniqueX509Store = std::unique_ptr<X509_STORE, Deleter<X509_STORE_free>>;
using UniqueX509StoreCtx = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX_free>>;
using UniqueAsn1Integer = std::unique_ptr<ASN1_INTEGER, Deleter<ASN1_INTEGER_free>>;
using UniqueAsn1OctetString = std::unique_ptr<ASN1_OCTET_STRING, Deleter<ASN1_OCTET_STRING_free>>;
using UniqueAsn1BitString = std::unique_ptr<ASN1_BIT_STRING, Deleter<ASN1_BIT_STRING_free>>;
using UniqueBasicConstraints = std::unique_ptr<BASIC_CONSTRAINTS, Deleter<BASIC_CONSTRAINTS_free>>;
using UniqueAuthorityKeyId = std::unique_ptr<AUTHORITY_KEYID, Deleter<AUTHORITY_KEYID_free>>;
using UniqueGeneralNames = std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES_free>>;
using UniquePkcs8 = std::unique_ptr<PKCS8_PRIV_KEY_INFO, Deleter<PKCS8_PRIV_KEY_INFO_free>>;

// Frees a STACK_OF(ASN1_OBJECT) (an EXTENDED_KEY_USAGE) with its elements.
struct EkuDeleter {
  void operator()(EXTENDED_KEY_USAGE* p) const;
};
using UniqueEku = std::unique_ptr<EXTENDED_KEY_USAGE, EkuDeleter>;

// INTERNAL status "<what>: <every queued OpenSSL error>", and clears the queue. The queue is
// thread-local and shared with the TLS stack, so a stale entry left behind here could later be
// misread as the cause of an unrelated handshake failure.
Status OpenSslError(std::string_view what);

// A status of the caller's choosing (typically INVALID_ARGUMENT for malformed input) after
// clearing whatever OpenSSL queued while rejecting that input.
Status ClearErrorsAnd(Status status);

// For operations that can only fail when the process is out of memory or OpenSSL is broken
// (hashing, the CSPRNG): there is no sensible recovery, and returning a Result from every hash
// would push impossible error paths into every caller.
[[noreturn]] void FatalOpenSslError(std::string_view what);

// True when this thread's OpenSSL error queue is empty. Lets tests check that no code path leaves
// stale errors behind.
bool ErrorQueueIsEmpty();

// DER encoding through an i2d_* function; empty on failure (DER is never empty).
template <typename T, typename Fn>
Bytes DerOf(T* obj, Fn i2d) {
  int len = i2d(obj, nullptr);
  if (len <= 0) return {};
  Bytes out(static_cast<size_t>(len));
  unsigned char* p = out.data();
  if (i2d(obj, &p) != len) return {};
  return out;
}

}  // namespace palyra::crypto::internal
