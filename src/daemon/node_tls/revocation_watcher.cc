#include "daemon/node_tls/revocation_watcher.h"

#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace palyra::daemon::node_tls {

struct RevocationWatcher::Subscription::State {
  struct Entry {
    GenerationListener on_generation;  // set for Subscribe()
    std::string fingerprint;           // set for WatchFingerprint()
    RevokedListener on_revoked;
  };

  identity::RevocationIndex* index = nullptr;

  std::mutex mu;  // guards the fields below
  std::map<uint64_t, std::shared_ptr<Entry>> entries;
  uint64_t next_id = 1;
  std::thread::id notifying_thread;

  // Held while listeners run, so that Cancel() from another thread waits for a running
  // notification to finish.
  std::mutex notify_mu;

  bool Alive(uint64_t id) {
    std::lock_guard lock(mu);
    return entries.count(id) != 0;
  }

  void Remove(uint64_t id) {
    bool wait_for_notification = false;
    {
      std::lock_guard lock(mu);
      entries.erase(id);
      wait_for_notification = notifying_thread != std::this_thread::get_id();
    }
    if (wait_for_notification) std::lock_guard wait(notify_mu);
  }

  void Notify(int64_t generation) {
    std::lock_guard notify_lock(notify_mu);
    std::vector<std::pair<uint64_t, std::shared_ptr<Entry>>> snapshot;
    {
      std::lock_guard lock(mu);
      notifying_thread = std::this_thread::get_id();
      snapshot.assign(entries.begin(), entries.end());
    }
    for (auto& [id, entry] : snapshot) {
      if (!Alive(id)) continue;  // cancelled by an earlier listener of this round
      if (entry->on_generation) {
        entry->on_generation(generation);
      } else if (index->IsRevokedHex(entry->fingerprint)) {
        bool fire = false;
        {
          std::lock_guard lock(mu);
          fire = entries.erase(id) != 0;  // fires once, whoever erases first
        }
        if (fire) entry->on_revoked(entry->fingerprint);
      }
    }
    std::lock_guard lock(mu);
    notifying_thread = std::thread::id();
  }
};

RevocationWatcher::Subscription::Subscription(Subscription&& other) noexcept
    : state_(std::move(other.state_)), id_(other.id_) {
  other.state_.reset();
}

RevocationWatcher::Subscription& RevocationWatcher::Subscription::operator=(
    Subscription&& other) noexcept {
  if (this != &other) {
    Cancel();
    state_ = std::move(other.state_);
    id_ = other.id_;
    other.state_.reset();
  }
  return *this;
}

void RevocationWatcher::Subscription::Cancel() {
  if (std::shared_ptr<State> state = state_.lock()) state->Remove(id_);
  state_.reset();
}

RevocationWatcher::RevocationWatcher(identity::RevocationIndex& index)
    : index_(index), state_(std::make_shared<Subscription::State>()) {
  state_->index = &index_;
  std::weak_ptr<Subscription::State> weak = state_;
  index_.SetChangeCallback([weak](int64_t generation) {
    if (std::shared_ptr<Subscription::State> state = weak.lock()) state->Notify(generation);
  });
}

RevocationWatcher::~RevocationWatcher() {
  index_.SetChangeCallback(nullptr);
  // A notification that started before the callback was removed may still be running.
  std::lock_guard wait(state_->notify_mu);
}

RevocationWatcher::Subscription RevocationWatcher::Subscribe(GenerationListener listener) {
  auto entry = std::make_shared<Subscription::State::Entry>();
  entry->on_generation = std::move(listener);
  std::lock_guard lock(state_->mu);
  const uint64_t id = state_->next_id++;
  state_->entries.emplace(id, std::move(entry));
  return Subscription(state_, id);
}

RevocationWatcher::Subscription RevocationWatcher::WatchFingerprint(std::string fingerprint_hex,
                                                                    RevokedListener on_revoked) {
  auto entry = std::make_shared<Subscription::State::Entry>();
  entry->fingerprint = std::move(fingerprint_hex);
  entry->on_revoked = std::move(on_revoked);
  uint64_t id = 0;
  {
    std::lock_guard lock(state_->mu);
    id = state_->next_id++;
    state_->entries.emplace(id, entry);
  }
  // Registered first, checked second: a revocation landing in between is seen either here or by
  // the next notification, and the erase below makes sure the listener fires only once.
  if (index_.IsRevokedHex(entry->fingerprint)) {
    bool fire = false;
    {
      std::lock_guard lock(state_->mu);
      fire = state_->entries.erase(id) != 0;
    }
    if (fire) entry->on_revoked(entry->fingerprint);
    return Subscription();
  }
  return Subscription(state_, id);
}

size_t RevocationWatcher::listener_count() const {
  std::lock_guard lock(state_->mu);
  return state_->entries.size();
}

}  // namespace palyra::daemon::node_tls
