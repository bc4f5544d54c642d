#pragma once
// Live-teardown support (DESIGN key decision 3): tells the daemon, right after the revocation
// index installs a new snapshot, that revocations changed, and which watched certificate
// fingerprints are now revoked, so it can close the affected streams at once instead of waiting
// for their next message.
//
// RevocationIndex has one change-callback slot; the watcher takes it and fans the notification
// out to any number of subscribers. Notifications run on the thread that refreshed the index
// (normally its polling thread, so they arrive within one poll interval of the commit, from any
// process). Listeners must be quick and must not call back into the index's Refresh/StartPolling/
// StopPolling; posting work elsewhere (cancelling a gRPC reactor, waking a loop) is the intent.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "common/status.h"
#include "identity/store/revocation_index.h"

namespace palyra::daemon::node_tls {

class RevocationWatcher {
 public:
  // Cancels its listener on destruction or Cancel(). After Cancel() returns (from any thread but
  // the notifying one) the listener is not running and will not be called again; a listener may
  // also cancel its own subscription from inside the call.
  class Subscription {
   public:
    Subscription() = default;
    Subscription(Subscription&& other) noexcept;
    Subscription& operator=(Subscription&& other) noexcept;
    Subscription(const Subscription&) = delete;
    Subscription& operator=(const Subscription&) = delete;
    ~Subscription() { Cancel(); }

    void Cancel();
    bool active() const { return !state_.expired(); }

   private:
    friend class RevocationWatcher;
    struct State;
    Subscription(std::weak_ptr<State> state, uint64_t id) : state_(std::move(state)), id_(id) {}
    std::weak_ptr<State> state_;
    uint64_t id_ = 0;
  };

  // Installs the watcher as `index`'s change callback (replacing any other). `index` must
  // outlive the watcher; the destructor removes the callback again (do not destroy the watcher
  // from inside one of its listeners).
  explicit RevocationWatcher(identity::RevocationIndex& index);
  ~RevocationWatcher();
  RevocationWatcher(const RevocationWatcher&) = delete;
  RevocationWatcher& operator=(const RevocationWatcher&) = delete;

  // Called with the new revocation generation after every snapshot change.
  using GenerationListener = std::function<void(int64_t generation)>;
  [[nodiscard]] Subscription Subscribe(GenerationListener listener);

  // Calls `on_revoked` once, when `fingerprint_hex` (a certificate fingerprint, e.g. of a live
  // stream's peer) is revoked; the watch then ends by itself. If it is revoked already, or the
  // index is failing closed, `on_revoked` runs before this call returns, on the calling thread,
  // so no revocation can slip in between a handshake and the start of the watch.
  using RevokedListener = std::function<void(const std::string& fingerprint_hex)>;
  [[nodiscard]] Subscription WatchFingerprint(std::string fingerprint_hex,
                                              RevokedListener on_revoked);

  // Number of active generation listeners and fingerprint watches (for tests and metrics).
  size_t listener_count() const;

 private:
  identity::RevocationIndex& index_;
  std::shared_ptr<Subscription::State> state_;
};

}  // namespace palyra::daemon::node_tls
