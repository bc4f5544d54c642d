#include "transport/quic/connection_slots.h"

namespace palyra::transport::quic {

void ConnectionSlots::Slot::Release() {
  if (owner_ == nullptr) return;
  owner_->in_use_.fetch_sub(1);
  owner_ = nullptr;
}

ConnectionSlots::Slot ConnectionSlots::TryAcquire() {
  size_t current = in_use_.load();
  while (current < capacity_) {
    if (in_use_.compare_exchange_weak(current, current + 1)) return Slot(this);
  }
  refused_.fetch_add(1);
  return Slot();
}

}  // namespace palyra::transport::quic
