#pragma once
// The OpenSSL CSPRNG, for key material and secrets. Failure to produce randomness aborts the
// process: every caller would otherwise have to handle an error that leaves it unable to do
// anything safe, and silently continuing with weak bytes would be far worse.

#include <cstddef>
#include <cstdint>
#include <span>

#include "crypto/bytes.h"

namespace palyra::crypto {

void RandomFill(std::span<uint8_t> out);
Bytes RandomBytes(size_t count);
SecretBytes RandomSecretBytes(size_t count);

// Uniform in [0, bound) by rejection sampling (no modulo bias), e.g. RandomUniform(1000000) for
// a 6-digit PIN. `bound` must be at least 1; 0 is a programming error and aborts.
uint32_t RandomUniform(uint32_t bound);

}  // namespace palyra::crypto
