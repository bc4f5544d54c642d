#include "daemon/services/presence_stream.h"

#include "common/time.h"
#include "daemon/grpc_status.h"
#include "daemon/services/operator_convert.h"

namespace palyra::daemon {
namespace adminv1 = palyra::admin::v1;

namespace {

adminv1::NodePresence PresenceOf(node_runtime::PresenceEventKind kind) {
  switch (kind) {
    case node_runtime::PresenceEventKind::kOnline: return adminv1::NODE_PRESENCE_ONLINE;
    case node_runtime::PresenceEventKind::kStale: return adminv1::NODE_PRESENCE_STALE;
    case node_runtime::PresenceEventKind::kOffline:
    case node_runtime::PresenceEventKind::kRemoved: return adminv1::NODE_PRESENCE_OFFLINE;
  }
  return adminv1::NODE_PRESENCE_UNSPECIFIED;
}

}  // namespace

PresenceStream* PresenceStream::Open(grpc::CallbackServerContext*, const Status& auth,
                                     node_runtime::NodeRuntime* runtime) {
  auto* stream = new PresenceStream(runtime);
  stream->Start(auth);
  return stream;
}

void PresenceStream::Start(const Status& auth) {
  ReactorLifetime::Entry entry(lifetime_);
  if (!auth.ok()) {
    std::lock_guard lock(mu_);
    FinishLocked(auth);
    return;
  }
  // Subscribe first, then snapshot: a change between the two shows up after the snapshot, never
  // lost (at worst a node is reported twice).
  std::weak_ptr<ReactorLifetime> weak = lifetime_;
  const node_runtime::NodeRuntime::ListenerId id =
      runtime_->SubscribePresence([this, weak](const node_runtime::PresenceEvent& event) {
        auto lifetime = weak.lock();
        if (!lifetime) return;
        ReactorLifetime::Entry inner(lifetime);
        if (!inner.alive()) return;
        adminv1::WatchNodePresenceResponse message;
        message.set_device_id(event.device_id);
        message.set_presence(PresenceOf(event.kind));
        message.set_last_seen_at_unix_ms(event.last_seen_at_unix_ms);
        message.set_at_unix_ms(event.at_unix_ms);
        message.set_removed(event.kind == node_runtime::PresenceEventKind::kRemoved);
        Push(std::move(message));
      });
  {
    std::lock_guard lock(mu_);
    listener_ = id;
  }
  const int64_t now = NowUnixMs();
  for (const node_runtime::NodeRecord& node : runtime_->ListNodes()) {
    adminv1::WatchNodePresenceResponse message;
    message.set_device_id(node.device_id);
    message.set_presence(ToProto(node.presence));
    message.set_last_seen_at_unix_ms(node.last_seen_at_unix_ms);
    message.set_at_unix_ms(now);
    message.set_snapshot(true);
    Push(std::move(message));
  }
}

void PresenceStream::Push(adminv1::WatchNodePresenceResponse message) {
  std::lock_guard lock(mu_);
  if (finished_) return;
  if (writes_.size() >= kMaxPendingPresenceWrites) {
    FinishLocked(ResourceExhausted("the presence watch is not being read"));
    return;
  }
  writes_.push_back(std::move(message));
  MaybeWriteLocked();
}

void PresenceStream::MaybeWriteLocked() {
  if (writing_ || finished_ || writes_.empty()) return;
  writing_ = true;
  StartWrite(&writes_.front());
}

void PresenceStream::OnWriteDone(bool ok) {
  ReactorLifetime::Entry entry(lifetime_);
  std::lock_guard lock(mu_);
  writing_ = false;
  if (!writes_.empty()) writes_.pop_front();
  if (!ok) {
    FinishLocked(Unavailable("the presence watch broke"));
    return;
  }
  MaybeWriteLocked();
}

void PresenceStream::OnCancel() {
  ReactorLifetime::Entry entry(lifetime_);
  std::lock_guard lock(mu_);
  FinishLocked(Cancelled("the watch was cancelled"));
}

void PresenceStream::FinishLocked(const Status& status) {
  if (finished_) return;
  finished_ = true;
  Finish(ToGrpcStatus(status));
}

void PresenceStream::OnDone() {
  std::optional<node_runtime::NodeRuntime::ListenerId> listener;
  {
    std::lock_guard lock(mu_);
    listener = listener_;
  }
  if (listener) runtime_->UnsubscribePresence(*listener);
  lifetime_->Done();
}

}  // namespace palyra::daemon
