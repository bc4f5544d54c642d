#pragma once
// Kernel CSPRNG (getrandom(2)). `common` sits below `crypto`, so identifiers and tokens made here
// do not need OpenSSL; key material is generated in src/crypto.

#include <cstdint>
#include <span>
#include <string>

namespace palyra {

// Fills `out` with cryptographically secure random bytes. Aborts the process if the kernel
// cannot supply them: continuing with weak randomness would be worse than stopping.
void FillRandom(std::span<uint8_t> out);

// `byte_count` random bytes as lowercase hex (2 * byte_count characters).
std::string RandomHex(size_t byte_count);

std::string HexEncode(std::span<const uint8_t> bytes);

}  // namespace palyra
