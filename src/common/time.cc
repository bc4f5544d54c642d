#include "common/time.h"

#include <cstdio>

namespace palyra {
namespace {

using Ms = std::chrono::milliseconds;

// Parses exactly `width` ASCII digits at `pos`, advancing it.
bool ParseDigits(std::string_view text, size_t& pos, size_t width, int& out) {
  if (pos + width > text.size()) return false;
  int value = 0;
  for (size_t i = 0; i < width; ++i) {
    char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  pos += width;
  out = value;
  return true;
}

bool Expect(std::string_view text, size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

int64_t NowUnixMs() { return ToUnixMs(std::chrono::system_clock::now()); }

SystemTimePoint FromUnixMs(int64_t unix_ms) {
  return SystemTimePoint(std::chrono::duration_cast<SystemTimePoint::duration>(Ms(unix_ms)));
}

int64_t ToUnixMs(SystemTimePoint time) {
  return std::chrono::floor<Ms>(time.time_since_epoch()).count();
}

std::string FormatRfc3339Ms(int64_t unix_ms) {
  using namespace std::chrono;
  // Clamp to 0000-01-01T00:00:00.000Z .. 9999-12-31T23:59:59.999Z.
  constexpr int64_t kMin = -62167219200000;
  constexpr int64_t kMax = 253402300799999;
  if (unix_ms < kMin) unix_ms = kMin;
  if (unix_ms > kMax) unix_ms = kMax;

  const sys_time<Ms> tp{Ms(unix_ms)};
  const sys_days day = floor<days>(tp);
  const year_month_day ymd{day};
  const hh_mm_ss<Ms> tod{tp - day};

  char buf[48];
  std::snprintf(buf, sizeof(buf), "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(tod.hours().count()),
                static_cast<int>(tod.minutes().count()), static_cast<int>(tod.seconds().count()),
                static_cast<int>(tod.subseconds().count()));
  return buf;
}

Result<int64_t> ParseRfc3339Ms(std::string_view text, std::string_view field) {
  using namespace std::chrono;
  auto invalid = [&] {
    return InvalidArgument(std::string(field) +
                           " must be an RFC 3339 date-time such as 2024-05-06T07:08:09Z");
  };
  if (text.size() > 64) return invalid();
  size_t pos = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!ParseDigits(text, pos, 4, y) || !Expect(text, pos, '-') || !ParseDigits(text, pos, 2, mo) ||
      !Expect(text, pos, '-') || !ParseDigits(text, pos, 2, d)) {
    return invalid();
  }
  if (pos >= text.size() || (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ')) {
    return invalid();
  }
  ++pos;
  if (!ParseDigits(text, pos, 2, h) || !Expect(text, pos, ':') || !ParseDigits(text, pos, 2, mi) ||
      !Expect(text, pos, ':') || !ParseDigits(text, pos, 2, s)) {
    return invalid();
  }
  int millis = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    size_t digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (digits < 3) millis = millis * 10 + (text[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return invalid();
    for (size_t i = digits; i < 3; ++i) millis *= 10;
  }
  int offset_minutes = 0;
  if (pos >= text.size()) return invalid();
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    const int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    int oh = 0, om = 0;
    if (!ParseDigits(text, pos, 2, oh) || !Expect(text, pos, ':') ||
        !ParseDigits(text, pos, 2, om) || oh > 23 || om > 59) {
      return invalid();
    }
    offset_minutes = sign * (oh * 60 + om);
  } else {
    return invalid();
  }
  if (pos != text.size()) return invalid();

  // Leap seconds (":60") are accepted and folded into the next second, as most systems do.
  if (h > 23 || mi > 59 || s > 60) return invalid();
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)},
                           day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return invalid();

  const int64_t days_since_epoch = sys_days(ymd).time_since_epoch().count();
  const int64_t seconds = days_since_epoch * 86400 + h * 3600 + mi * 60 + s - offset_minutes * 60;
  return seconds * 1000 + millis;
}

}  // namespace palyra
