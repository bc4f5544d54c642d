#pragma once
// ULIDs (https://github.com/ulid/spec): 48-bit Unix-millisecond timestamp + 80 random bits,
// written as 26 characters of Crockford base32. Palyra uses them for every identifier (devices,
// requests, events, ...), always in canonical form: uppercase, no I/L/O/U, first char 0-7.

#include <array>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

#include "common/status.h"

namespace palyra {

inline constexpr size_t kUlidLength = 26;
// The largest timestamp a ULID can carry (2^48 - 1 ms, in the year 10889).
inline constexpr int64_t kUlidMaxTimestampMs = (int64_t{1} << 48) - 1;

// A new ULID from the process-wide generator. Thread-safe. Strictly increasing within the
// process: ids minted in the same millisecond increment the random part by one, and if the clock
// steps backwards the last timestamp is reused, so string order equals creation order.
// Randomness comes from getrandom(2); if the kernel cannot supply it the process aborts (fail
// closed) rather than minting predictable ids.
std::string NewUlid();

// True when `value` is exactly 26 uppercase Crockford base32 characters whose first character is
// 0-7 (anything larger overflows 128 bits). Lowercase is rejected on purpose: one canonical
// spelling per id, so ids can be compared byte for byte.
bool IsCanonicalUlid(std::string_view value);

// INVALID_ARGUMENT "<field> is required" for an empty or all-whitespace value, and
// "<field> must be a canonical ULID" for anything else that is not canonical.
Status ValidateCanonicalUlid(std::string_view value, std::string_view field);

// The Unix-millisecond timestamp carried by a ULID (INVALID_ARGUMENT if not canonical).
Result<int64_t> UlidTimestampMs(std::string_view ulid);

// Encodes raw parts into a canonical ULID. `timestamp_ms` must be within [0, kUlidMaxTimestampMs]
// (it is masked to 48 bits otherwise). Exposed for tests and tools.
std::string EncodeUlid(int64_t timestamp_ms, const std::array<uint8_t, 10>& randomness);

// A monotonic ULID generator with an injectable clock (for tests). NewUlid() uses one shared
// instance with the real clock.
class UlidGenerator {
 public:
  using Clock = std::function<int64_t()>;  // Unix milliseconds
  using RandomSource = std::function<void(uint8_t* out, size_t len)>;

  UlidGenerator();  // real clock, getrandom(2)
  UlidGenerator(Clock clock, RandomSource random);

  std::string Next();

 private:
  Clock clock_;
  RandomSource random_;
  std::mutex mu_;
  int64_t last_ms_ = -1;
  std::array<uint8_t, 10> last_random_{};
  int owner_pid_ = -1;  // state is discarded in a forked child so parent and child never collide
};

}  // namespace palyra
