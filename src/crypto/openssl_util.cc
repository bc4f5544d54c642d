#include "crypto/openssl_util.h"

#include <openssl/err.h>

#include <cstdio>
#include <cstdlib>

namespace palyra::crypto::internal {

void EkuDeleter::operator()(EXTENDED_KEY_USAGE* p) const {
  sk_ASN1_OBJECT_pop_free(p, ASN1_OBJECT_free);
}

namespace {

// Drains the thread's error queue into one line: "error:...; error:...".
std::string DrainErrors() {
  std::string out;
  unsigned long code = 0;
  while ((code = ERR_get_error()) != 0) {
    char buf[256];
    ERR_error_string_n(code, buf, sizeof(buf));
    if (!out.empty()) out += "; ";
    out += buf;
  }
  return out.empty() ? "no OpenSSL error recorded" : out;
}

}  // namespace

Status OpenSslError(std::string_view what) {
  std::string message(what);
  message += ": ";
  message += DrainErrors();
  return Internal(std::move(message));
}

Status ClearErrorsAnd(Status status) {
  ERR_clear_error();
  return status;
}

bool ErrorQueueIsEmpty() { return ERR_peek_error() == 0; }

void FatalOpenSslError(std::string_view what) {
  std::string details = DrainErrors();
  std::fprintf(stderr, "palyra: fatal OpenSSL failure in %.*s: %s\n", static_cast<int>(what.size()),
               what.data(), details.c_str());
  std::abort();
}

}  // namespace palyra::crypto::internal
