#pragma once
// Safe deletion of a gRPC callback reactor that other threads call into.
//
// gRPC may run a reaction (OnDone included) inline, on the thread that called StartWrite or
// Finish, and callbacks from elsewhere (runtime dispatches, presence changes, revocations) may
// arrive at any moment. So each entry into the reactor holds an Entry for its duration, and the
// reactor is destroyed by whoever leaves last once OnDone has been reported (Done()).
//
//   class MyStream : public grpc::ServerBidiReactor<...> {
//     std::shared_ptr<ReactorLifetime> lifetime_ =
//         std::make_shared<ReactorLifetime>([this] { delete this; });
//     void OnReadDone(bool ok) override { ReactorLifetime::Entry entry(lifetime_); ... }
//     void OnDone() override { ...cleanup...; lifetime_->Done(); }
//   };
//   // From another thread, with a weak_ptr captured earlier:
//   if (auto l = weak.lock()) { ReactorLifetime::Entry entry(l); if (entry.alive()) ...; }
//
// Declare the Entry first in a function (so that it is destroyed last) and touch nothing of the
// reactor after it is gone.

#include <functional>
#include <memory>
#include <mutex>

namespace palyra::daemon {

class ReactorLifetime {
 public:
  explicit ReactorLifetime(std::function<void()> destroy) : destroy_(std::move(destroy)) {}

  class Entry {
   public:
    explicit Entry(std::shared_ptr<ReactorLifetime> lifetime) : lifetime_(std::move(lifetime)) {
      std::lock_guard lock(lifetime_->mu_);
      if (lifetime_->done_) return;
      ++lifetime_->active_;
      alive_ = true;
    }
    ~Entry() {
      if (!alive_) return;
      std::function<void()> destroy;
      {
        std::lock_guard lock(lifetime_->mu_);
        if (--lifetime_->active_ == 0 && lifetime_->done_) destroy = std::move(lifetime_->destroy_);
      }
      if (destroy) destroy();
    }
    Entry(const Entry&) = delete;
    Entry& operator=(const Entry&) = delete;
    // False once OnDone has been reported: the reactor must not be used.
    bool alive() const { return alive_; }

   private:
    std::shared_ptr<ReactorLifetime> lifetime_;
    bool alive_ = false;
  };

  // Called from OnDone, after the reactor's own cleanup. Destroys it now, or when the last
  // Entry leaves.
  void Done() {
    std::function<void()> destroy;
    {
      std::lock_guard lock(mu_);
      done_ = true;
      if (active_ == 0) destroy = std::move(destroy_);
    }
    if (destroy) destroy();
  }

 private:
  std::mutex mu_;
  std::function<void()> destroy_;
  int active_ = 0;
  bool done_ = false;
};

}  // namespace palyra::daemon
