#include "transport/quic/connection_slots.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace palyra::transport::quic {
namespace {

TEST(ConnectionSlotsTest, RefusesPastCapacityAndReusesReleasedSlots) {
  ConnectionSlots slots(2);
  EXPECT_EQ(slots.capacity(), 2u);
  auto a = slots.TryAcquire();
  auto b = slots.TryAcquire();
  auto c = slots.TryAcquire();
  EXPECT_TRUE(a.held());
  EXPECT_TRUE(b.held());
  EXPECT_FALSE(c.held());  // the third is refused
  EXPECT_EQ(slots.in_use(), 2u);
  EXPECT_EQ(slots.refused(), 1u);
  a.Release();
  a.Release();  // idempotent
  EXPECT_EQ(slots.in_use(), 1u);
  auto d = slots.TryAcquire();
  EXPECT_TRUE(d.held());
  {
    ConnectionSlots::Slot moved = std::move(d);  // ownership moves, the count does not
    EXPECT_FALSE(d.held());
    EXPECT_TRUE(moved.held());
    EXPECT_EQ(slots.in_use(), 2u);
  }
  EXPECT_EQ(slots.in_use(), 1u);  // released with the moved-to slot
  ConnectionSlots::Slot assigned;
  assigned = slots.TryAcquire();
  EXPECT_TRUE(assigned.held());
  assigned = ConnectionSlots::Slot();  // assigning releases the old one
  EXPECT_EQ(slots.in_use(), 1u);
}

TEST(ConnectionSlotsTest, NeverHandsOutMoreThanCapacityUnderContention) {
  ConnectionSlots slots(256);
  std::vector<std::thread> threads;
  std::atomic<size_t> granted{0};
  std::vector<std::vector<ConnectionSlots::Slot>> kept(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        auto slot = slots.TryAcquire();
        if (slot.held()) {
          ++granted;
          kept[static_cast<size_t>(t)].push_back(std::move(slot));
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(granted.load(), 256u);  // the 257th and later were refused
  EXPECT_EQ(slots.in_use(), 256u);
  EXPECT_EQ(slots.refused(), 800u - 256u);
  kept.clear();
  EXPECT_EQ(slots.in_use(), 0u);
}

}  // namespace
}  // namespace palyra::transport::quic
