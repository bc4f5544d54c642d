#pragma once
// A clock a test moves by hand, for code that takes a `std::function<int64_t()>` clock (Unix ms).
// Starts at the real time. Shared by every test suite.

#include <atomic>
#include <cstdint>
#include <functional>

#include "common/time.h"

namespace palyra::testing {

class FakeClock {
 public:
  FakeClock() : now_(NowUnixMs()) {}
  int64_t Now() const { return now_.load(); }
  void Advance(int64_t ms) { now_ += ms; }
  std::function<int64_t()> AsFunction() {
    return [this] { return now_.load(); };
  }

 private:
  std::atomic<int64_t> now_;
};

}  // namespace palyra::testing
