#pragma once
// Byte containers and text encodings shared by every crypto wrapper.
//
// Secret material (private keys, seeds, shared secrets, decrypted plaintext) travels in
// SecretBytes / SecretString, whose buffers are wiped with OPENSSL_cleanse when released, so that
// freed heap blocks do not keep key bytes around for a later allocation or a core dump to expose.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/random.h"
#include "common/status.h"

namespace palyra::crypto {

using Bytes = std::vector<uint8_t>;

// Overwrites `size` bytes at `p` in a way the optimiser may not remove (OPENSSL_cleanse).
void SecureZero(void* p, size_t size);

// std::allocator that wipes every block before returning it, so a container using it leaves no
// copy behind even when it grows and reallocates.
template <typename T>
struct ZeroizingAllocator {
  using value_type = T;
  ZeroizingAllocator() = default;
  template <typename U>
  ZeroizingAllocator(const ZeroizingAllocator<U>&) noexcept {}  // NOLINT: rebinding
  T* allocate(size_t n) { return std::allocator<T>().allocate(n); }
  void deallocate(T* p, size_t n) noexcept {
    SecureZero(p, n * sizeof(T));
    std::allocator<T>().deallocate(p, n);
  }
  template <typename U>
  bool operator==(const ZeroizingAllocator<U>&) const noexcept {
    return true;
  }
};

// A byte buffer for secrets. Deliberately has no operator== (compare with ConstantTimeEquals)
// and no implicit conversion from Bytes (copying a secret should be visible at the call site).
class SecretBytes {
 public:
  SecretBytes() = default;
  explicit SecretBytes(size_t size) : data_(size) {}
  explicit SecretBytes(std::span<const uint8_t> bytes) : data_(bytes.begin(), bytes.end()) {}

  uint8_t* data() { return data_.data(); }
  const uint8_t* data() const { return data_.data(); }
  size_t size() const { return data_.size(); }
  bool empty() const { return data_.empty(); }
  void resize(size_t size) { data_.resize(size); }
  uint8_t& operator[](size_t i) { return data_[i]; }
  uint8_t operator[](size_t i) const { return data_[i]; }
  auto begin() const { return data_.begin(); }
  auto end() const { return data_.end(); }

  std::span<uint8_t> span() { return data_; }
  std::span<const uint8_t> span() const { return data_; }
  operator std::span<const uint8_t>() const { return data_; }  // NOLINT: read-only view
  std::string_view AsStringView() const {
    return {reinterpret_cast<const char*>(data_.data()), data_.size()};
  }

 private:
  std::vector<uint8_t, ZeroizingAllocator<uint8_t>> data_;
};

// Text that is secret (a PKCS#8 PEM private key). Read-only once built; wiped when released.
class SecretString {
 public:
  SecretString() = default;
  explicit SecretString(std::string_view text)
      : bytes_(
            std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(text.data()), text.size())) {}
  explicit SecretString(SecretBytes bytes) : bytes_(std::move(bytes)) {}

  std::string_view view() const { return bytes_.AsStringView(); }
  size_t size() const { return bytes_.size(); }
  bool empty() const { return bytes_.empty(); }

 private:
  SecretBytes bytes_;
};

// Views text as bytes (no copy), e.g. Sha256(AsBytes("abc")).
inline std::span<const uint8_t> AsBytes(std::string_view text) {
  return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}
inline std::string ToString(std::span<const uint8_t> bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// Lowercase hex, two characters per byte (the one implementation lives in common/random.h).
using ::palyra::HexEncode;
// Accepts upper- and lowercase digits; an odd length or any other character is INVALID_ARGUMENT.
Result<Bytes> HexDecode(std::string_view hex);

// Standard base64 alphabet (RFC 4648 §4; not the URL-safe one).
enum class Base64Padding { kPadded, kUnpadded };

std::string Base64Encode(std::span<const uint8_t> bytes,
                         Base64Padding padding = Base64Padding::kPadded);
// Strict: no whitespace, no characters outside the alphabet, padding exactly as `padding` says
// (kPadded requires it, kUnpadded forbids '='), and the unused low bits of the final character
// must be zero, so every byte string has exactly one accepted encoding.
Result<Bytes> Base64Decode(std::string_view text, Base64Padding padding = Base64Padding::kPadded);
// Same rules, decoding straight into wiped memory (for stored keys and seeds).
Result<SecretBytes> Base64DecodeSecret(std::string_view text,
                                       Base64Padding padding = Base64Padding::kPadded);

}  // namespace palyra::crypto
