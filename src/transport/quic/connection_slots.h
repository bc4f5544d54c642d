#pragma once
// Admission control for the QUIC server: a connection takes a slot when its first Initial
// arrives and holds it until the connection is gone (a failed handshake gives it back). With
// every slot taken the attempt is refused before any handshake state is built; the endpoint
// answers it with a stateless CONNECTION_CLOSE carrying CONNECTION_REFUSED. Thread-safe.

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace palyra::transport::quic {

inline constexpr size_t kDefaultMaxConnections = 256;

class ConnectionSlots {
 public:
  explicit ConnectionSlots(size_t capacity = kDefaultMaxConnections) : capacity_(capacity) {}
  ConnectionSlots(const ConnectionSlots&) = delete;
  ConnectionSlots& operator=(const ConnectionSlots&) = delete;

  // Holds one slot while alive; moving transfers it.
  class Slot {
   public:
    Slot() = default;
    Slot(Slot&& other) noexcept : owner_(other.owner_) { other.owner_ = nullptr; }
    Slot& operator=(Slot&& other) noexcept {
      if (this != &other) {
        Release();
        owner_ = other.owner_;
        other.owner_ = nullptr;
      }
      return *this;
    }
    ~Slot() { Release(); }
    bool held() const { return owner_ != nullptr; }
    void Release();

   private:
    friend class ConnectionSlots;
    explicit Slot(ConnectionSlots* owner) : owner_(owner) {}
    ConnectionSlots* owner_ = nullptr;
  };

  // A held slot, or an empty one (counted as refused) when all are taken.
  Slot TryAcquire();

  size_t capacity() const { return capacity_; }
  size_t in_use() const { return in_use_.load(); }
  uint64_t refused() const { return refused_.load(); }

 private:
  const size_t capacity_;
  std::atomic<size_t> in_use_{0};
  std::atomic<uint64_t> refused_{0};
};

}  // namespace palyra::transport::quic
