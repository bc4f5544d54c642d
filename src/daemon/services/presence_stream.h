#pragma once
// OperatorService.WatchNodePresence: a callback-API write reactor that sends a snapshot of every
// node's presence, then each change the node runtime reports, until the operator cancels.

#include <deque>
#include <memory>
#include <mutex>
#include <optional>

#include <grpcpp/grpcpp.h>

#include "common/status.h"
#include "daemon/node_runtime/node_runtime.h"
#include "daemon/services/reactor_lifetime.h"
#include "palyra/admin/v1/operator.pb.h"

namespace palyra::daemon {

// Changes an operator may leave unread before the watch is ended.
inline constexpr size_t kMaxPendingPresenceWrites = 1024;

class PresenceStream final
    : public grpc::ServerWriteReactor<palyra::admin::v1::WatchNodePresenceResponse> {
 public:
  // `auth` is the admin-token check's outcome: an error ends the stream at once.
  static PresenceStream* Open(grpc::CallbackServerContext* context, const Status& auth,
                              node_runtime::NodeRuntime* runtime);

  void OnWriteDone(bool ok) override;
  void OnCancel() override;
  void OnDone() override;

 private:
  explicit PresenceStream(node_runtime::NodeRuntime* runtime) : runtime_(runtime) {}
  void Start(const Status& auth);
  void Push(palyra::admin::v1::WatchNodePresenceResponse message);  // locks mu_
  void MaybeWriteLocked();
  void FinishLocked(const Status& status);

  node_runtime::NodeRuntime* const runtime_;
  const std::shared_ptr<ReactorLifetime> lifetime_ =
      std::make_shared<ReactorLifetime>([this] { delete this; });
  std::recursive_mutex mu_;  // recursive: gRPC may run OnWriteDone inline from StartWrite
  std::deque<palyra::admin::v1::WatchNodePresenceResponse> writes_;
  bool writing_ = false;
  bool finished_ = false;
  std::optional<node_runtime::NodeRuntime::ListenerId> listener_;
};

}  // namespace palyra::daemon
