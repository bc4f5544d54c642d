#include "crypto/random.h"

#include <openssl/rand.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "crypto/openssl_util.h"

namespace palyra::crypto {

void RandomFill(std::span<uint8_t> out) {
  // RAND_bytes takes an int length; fill in chunks so huge requests cannot overflow it.
  constexpr size_t kChunk = 1 << 20;
  for (size_t offset = 0; offset < out.size(); offset += kChunk) {
    size_t n = std::min(kChunk, out.size() - offset);
    if (RAND_bytes(out.data() + offset, static_cast<int>(n)) != 1) {
      internal::FatalOpenSslError("RAND_bytes");
    }
  }
}

Bytes RandomBytes(size_t count) {
  Bytes out(count);
  RandomFill(out);
  return out;
}

SecretBytes RandomSecretBytes(size_t count) {
  SecretBytes out(count);
  RandomFill(out.span());
  return out;
}

uint32_t RandomUniform(uint32_t bound) {
  if (bound == 0) {
    std::fprintf(stderr, "palyra: RandomUniform called with bound 0\n");
    std::abort();
  }
  // Accept only values below the largest multiple of `bound` that fits in 2^32; each residue is
  // then equally likely. At most half the draws are rejected, usually far fewer.
  const uint32_t limit = UINT32_MAX - (UINT32_MAX % bound + 1) % bound;
  while (true) {
    uint8_t raw[4];
    RandomFill(raw);
    uint32_t v =
        (uint32_t{raw[0]} << 24) | (uint32_t{raw[1]} << 16) | (uint32_t{raw[2]} << 8) | raw[3];
    if (v <= limit) return v % bound;
  }
}

}  // namespace palyra::crypto
