#include "common/ulid.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <span>
#include <thread>

#include "common/random.h"
#include "common/time.h"

namespace palyra {
namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// Value of an uppercase Crockford base32 digit, or -1.
constexpr int DecodeChar(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  for (int i = 10; i < 32; ++i) {
    if (kAlphabet[i] == c) return i;
  }
  return -1;
}

void FillRandomBytes(uint8_t* out, size_t len) { FillRandom(std::span<uint8_t>(out, len)); }

// Adds one to a big-endian 80-bit number; returns false when it wraps to zero.
bool Increment(std::array<uint8_t, 10>& bytes) {
  for (size_t i = bytes.size(); i-- > 0;) {
    if (++bytes[i] != 0) return true;
  }
  return false;
}

bool IsBlank(std::string_view value) {
  for (char c : value) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

}  // namespace

std::string EncodeUlid(int64_t timestamp_ms, const std::array<uint8_t, 10>& randomness) {
  // 128 bits, big-endian: 6 timestamp bytes then 10 random bytes.
  uint8_t bytes[16];
  const uint64_t ts = static_cast<uint64_t>(timestamp_ms) & ((uint64_t{1} << 48) - 1);
  for (int i = 0; i < 6; ++i) bytes[i] = static_cast<uint8_t>(ts >> (8 * (5 - i)));
  for (int i = 0; i < 10; ++i) bytes[6 + i] = randomness[static_cast<size_t>(i)];

  // 26 chars * 5 bits = 130 bits: the value is left-padded with two zero bits.
  std::string out(kUlidLength, '0');
  for (size_t c = 0; c < kUlidLength; ++c) {
    int v = 0;
    for (size_t b = 0; b < 5; ++b) {
      const size_t stream_bit = c * 5 + b;  // bit index in the 130-bit stream
      int bit = 0;
      if (stream_bit >= 2) {
        const size_t bit_index = stream_bit - 2;
        bit = (bytes[bit_index / 8] >> (7 - bit_index % 8)) & 1;
      }
      v = (v << 1) | bit;
    }
    out[c] = kAlphabet[v];
  }
  return out;
}

bool IsCanonicalUlid(std::string_view value) {
  if (value.size() != kUlidLength) return false;
  if (value[0] < '0' || value[0] > '7') return false;
  for (char c : value) {
    if (DecodeChar(c) < 0) return false;
  }
  return true;
}

Status ValidateCanonicalUlid(std::string_view value, std::string_view field) {
  if (IsBlank(value)) return InvalidArgument(std::string(field) + " is required");
  if (!IsCanonicalUlid(value)) {
    return InvalidArgument(std::string(field) + " must be a canonical ULID");
  }
  return Status::Ok();
}

Result<int64_t> UlidTimestampMs(std::string_view ulid) {
  if (!IsCanonicalUlid(ulid)) return InvalidArgument("ulid must be a canonical ULID");
  // The first 10 characters are 50 bits: two padding zero bits and the 48-bit timestamp.
  int64_t ts = 0;
  for (size_t i = 0; i < 10; ++i) ts = (ts << 5) | DecodeChar(ulid[i]);
  return ts;
}

UlidGenerator::UlidGenerator() : UlidGenerator(NowUnixMs, FillRandomBytes) {}

UlidGenerator::UlidGenerator(Clock clock, RandomSource random)
    : clock_(std::move(clock)), random_(std::move(random)) {}

std::string UlidGenerator::Next() {
  std::lock_guard<std::mutex> lock(mu_);
  const int pid = static_cast<int>(getpid());
  if (pid != owner_pid_) {
    // First use, or we are a fork(2) child that inherited the parent's state: start afresh so
    // the two processes do not increment the same random part within one millisecond.
    owner_pid_ = pid;
    last_ms_ = -1;
  }
  int64_t now = clock_();
  if (now < 0) now = 0;
  if (now > kUlidMaxTimestampMs) now = kUlidMaxTimestampMs;

  if (now > last_ms_) {
    last_ms_ = now;
    random_(last_random_.data(), last_random_.size());
    return EncodeUlid(last_ms_, last_random_);
  }

  // Same millisecond (or the clock stepped back): keep the last timestamp and increment.
  if (Increment(last_random_)) return EncodeUlid(last_ms_, last_random_);

  // 2^80 ids in one millisecond is not going to happen with real randomness, but stay correct:
  // wait briefly for the clock to move on; if it is behind us, advance the timestamp ourselves.
  for (int i = 0; i < 20 && now <= last_ms_; ++i) {
    std::this_thread::sleep_for(std::chrono::microseconds(100));
    now = clock_();
  }
  last_ms_ = now > last_ms_ ? std::min(now, kUlidMaxTimestampMs) : last_ms_ + 1;
  random_(last_random_.data(), last_random_.size());
  return EncodeUlid(last_ms_, last_random_);
}

std::string NewUlid() {
  static UlidGenerator* generator = new UlidGenerator();  // never destroyed: usable at exit
  return generator->Next();
}

}  // namespace palyra
