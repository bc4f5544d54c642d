#pragma once
// Helpers for the node runtime tests: temp state dirs, a clock the tests move by hand, a runtime
// factory on real SQLite, and raw database inspection through a second connection.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "support/fake_clock.h"
#include "support/status_assertions.h"
#include "support/temp_dir.h"
#include "common/status.h"
#include "common/time.h"
#include "common/ulid.h"
#include "daemon/node_runtime/node_runtime.h"
#include "store/connection_factory.h"
#include "store/database.h"

namespace palyra::node_runtime::testing {

inline constexpr int64_t kSecondMs = 1000;
inline constexpr int64_t kMinuteMs = 60 * kSecondMs;

using ::palyra::testing::FailsWith;
using ::palyra::testing::FakeClock;
using ::palyra::testing::TempDir;

inline InvokeRequest Invoke(std::string device_id, std::string capability,
                            std::string input_json = {}, uint64_t max_payload_bytes = 0,
                            int64_t timeout_ms = 0,
                            std::optional<std::string> idempotency_key = std::nullopt) {
  InvokeRequest r;
  r.device_id = std::move(device_id);
  r.capability = std::move(capability);
  r.input_json = std::move(input_json);
  r.max_payload_bytes = max_payload_bytes;
  r.timeout_ms = timeout_ms;
  r.idempotency_key = std::move(idempotency_key);
  return r;
}

inline CapabilityResult Success(std::string output_json = {}) {
  CapabilityResult r;
  r.success = true;
  r.output_json = std::move(output_json);
  return r;
}

inline CapabilityResult Failure(std::string error, std::string output_json = {}) {
  CapabilityResult r;
  r.success = false;
  r.error = std::move(error);
  r.output_json = std::move(output_json);
  return r;
}

inline CapabilityResult Denied(std::string error) {
  CapabilityResult r = Failure(std::move(error));
  r.denied_by_local_mediation = true;
  return r;
}

// Collects what the runtime pushes to a node's stream.
class DispatchSink {
 public:
  NodeRuntime::DispatchListener Listener() {
    return [this](const CapabilityDispatch& d) {
      std::lock_guard lock(mu_);
      dispatches_.push_back(d);
    };
  }
  std::vector<CapabilityDispatch> Take() {
    std::lock_guard lock(mu_);
    std::vector<CapabilityDispatch> out;
    out.swap(dispatches_);
    return out;
  }
  size_t size() {
    std::lock_guard lock(mu_);
    return dispatches_.size();
  }

 private:
  std::mutex mu_;
  std::vector<CapabilityDispatch> dispatches_;
};

class PresenceSink {
 public:
  NodeRuntime::PresenceListener Listener() {
    return [this](const PresenceEvent& e) {
      std::lock_guard lock(mu_);
      events_.push_back(e);
    };
  }
  std::vector<PresenceEvent> Take() {
    std::lock_guard lock(mu_);
    std::vector<PresenceEvent> out;
    out.swap(events_);
    return out;
  }

 private:
  std::mutex mu_;
  std::vector<PresenceEvent> events_;
};

// A runtime on a fresh database in a temp dir, driven by a fake clock.
class RuntimeTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Reopen().ok()); }

  NodeRuntimeOptions Options() {
    NodeRuntimeOptions options = options_;
    options.connections = connections_.get();
    options.clock = clock_.AsFunction();
    return options;
  }

  // Closes the runtime (flushing presence) and opens a new one on the same database.
  Status Reopen() {
    runtime_.reset();
    if (connections_ == nullptr) {
      PALYRA_ASSIGN_OR_RETURN(connections_, store::ConnectionFactory::Open(dir_ / "palyra.db"));
    }
    Result<std::unique_ptr<NodeRuntime>> opened = NodeRuntime::Open(Options());
    if (!opened.ok()) return opened.status();
    runtime_ = std::move(opened).value();
    return Status::Ok();
  }

  std::string RegisterNode(std::vector<NodeCapability> capabilities = {{"echo", true},
                                                                       {"system.health", true}},
                           std::string platform = "linux-x86_64") {
    std::string device_id = NewUlid();
    Result<NodeRecord> node =
        runtime_->Register({device_id, std::move(platform), std::move(capabilities)});
    EXPECT_TRUE(node.ok()) << node.status().ToString();
    return device_id;
  }

  CapabilityRequestRecord MustEnqueue(const InvokeRequest& request) {
    Result<CapabilityRequestRecord> record = runtime_->Enqueue(request);
    EXPECT_TRUE(record.ok()) << record.status().ToString();
    return record.ok() ? *record : CapabilityRequestRecord{};
  }

  CapabilityRequestRecord MustGet(const std::string& request_id) {
    Result<CapabilityRequestRecord> record = runtime_->GetRequest(request_id);
    EXPECT_TRUE(record.ok()) << record.status().ToString();
    return record.ok() ? *record : CapabilityRequestRecord{};
  }

  // Enqueues `capability` and dispatches it (pull).
  CapabilityRequestRecord Dispatched(const std::string& device_id,
                                     const std::string& capability = "echo") {
    CapabilityRequestRecord r = MustEnqueue(Invoke(device_id, capability, R"({"n":1})"));
    Result<std::optional<CapabilityDispatch>> d = runtime_->NextDispatch(device_id);
    EXPECT_TRUE(d.ok() && d->has_value());
    if (d.ok() && d->has_value()) {
      EXPECT_EQ((*d)->request_id, r.request_id);
    }
    return MustGet(r.request_id);
  }

  // A second connection to the same database, for checking what is on disk.
  std::unique_ptr<store::Database> Inspect() {
    auto db = store::Database::Open(dir_ / "palyra.db");
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(db).value() : nullptr;
  }
  std::optional<int64_t> QueryInt(const std::string& sql) {
    auto db = Inspect();
    if (db == nullptr) return std::nullopt;
    auto stmt = db->Prepare(sql);
    EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
    if (!stmt.ok()) return std::nullopt;
    auto row = stmt->Step();
    if (!row.ok() || !*row || stmt->ColumnIsNull(0)) return std::nullopt;
    return stmt->ColumnInt64(0);
  }

  TempDir dir_;
  FakeClock clock_;
  NodeRuntimeOptions options_;
  std::unique_ptr<store::ConnectionFactory> connections_;  // palyra.db in dir_, migrated once
  std::unique_ptr<NodeRuntime> runtime_;
};

}  // namespace palyra::node_runtime::testing
