#pragma once
// Strict PEM (RFC 7468) framing, shared by certificates, CSRs and PKCS#8 keys.
//
// We frame PEM ourselves rather than through PEM_read_bio because OpenSSL silently skips text and
// blocks of other types; a "certificate" file that really holds a private key must be an error
// with a clear message, not an empty result or a partial one.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "crypto/bytes.h"

namespace palyra::crypto {

struct PemSection {
  std::string_view label;  // "CERTIFICATE", "PRIVATE KEY", ...
  std::string_view body;   // base64 lines, still with their line breaks
};

// Splits `text` into its BEGIN/END sections. Only whitespace may appear between sections. Fails
// (INVALID_ARGUMENT "<what> is malformed: ...", or "... is too large") when the text exceeds
// `max_bytes`, holds no section or more than `max_sections`, or a section is unterminated or has
// mismatched labels. `what` names the input in messages, e.g. "certificate PEM".
Result<std::vector<PemSection>> SplitPem(std::string_view text, std::string_view what,
                                         size_t max_bytes, size_t max_sections);

// Base64-decodes a section body (line breaks allowed, nothing else).
Result<Bytes> DecodePemBody(std::string_view body, std::string_view what);
Result<SecretBytes> DecodePemBodySecret(std::string_view body, std::string_view what);

// "-----BEGIN <label>-----\n", base64 in 64-character lines, "-----END <label>-----\n".
std::string EncodePem(std::string_view label, std::span<const uint8_t> der);
SecretString EncodePemSecret(std::string_view label, std::span<const uint8_t> der);

}  // namespace palyra::crypto
