// The SQL layer's batches and savepoints: a failed mutation leaves no trace in the batch it
// shared with others, and nothing is visible to other connections before the batch commits.

#include "store/node_runtime_storage.h"

#include <gtest/gtest.h>

#include "node_runtime_test_util.h"

namespace palyra::node_runtime::testing {
namespace {

CapabilityRequestRecord Row(const std::string& request_id, const std::string& device_id) {
  CapabilityRequestRecord r;
  r.request_id = request_id;
  r.device_id = device_id;
  r.capability = "echo";
  r.state = CapabilityRequestState::kQueued;
  r.input_json = "{}";
  r.max_payload_bytes = 1;
  r.timeout_ms = 1;
  r.deadline_at_unix_ms = 1;
  r.created_at_unix_ms = 1;
  r.updated_at_unix_ms = 1;
  return r;
}

class GroupCommitTransactionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto connections = store::ConnectionFactory::Open(dir_ / "palyra.db");
    ASSERT_TRUE(connections.ok()) << connections.status().ToString();
    connections_ = std::move(connections).value();
    auto opened = store::NodeRuntimeStorage::Open(*connections_, 0);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    storage_ = std::move(opened).value();
    batch_ = &storage_->transaction();
    requests_ = &storage_->requests();
    auto db = store::Database::Open(dir_ / "palyra.db");
    ASSERT_TRUE(db.ok());
    other_ = std::move(db).value();
  }
  int64_t CountOnDisk() {
    auto stmt = other_->Prepare("SELECT COUNT(*) FROM capability_requests");
    EXPECT_TRUE(stmt.ok());
    auto row = stmt->Step();
    return row.ok() && *row ? stmt->ColumnInt64(0) : -1;
  }

  TempDir dir_;
  std::unique_ptr<store::ConnectionFactory> connections_;
  std::unique_ptr<store::NodeRuntimeStorage> storage_;
  store::GroupCommitTransaction* batch_ = nullptr;
  store::CapabilityRequestRepository* requests_ = nullptr;
  std::unique_ptr<store::Database> other_;  // another connection, as another process would see
};

TEST_F(GroupCommitTransactionTest, FailedMutationIsUndoneAndTheBatchGoesOn) {
  const std::string device = NewUlid();
  const std::string a = NewUlid();
  {
    auto op = batch_->BeginOp();
    ASSERT_TRUE(op.ok());
    ASSERT_TRUE(requests_->Insert(Row(a, device)).ok());
    ASSERT_TRUE(op->Commit().ok());
  }
  {
    // Two writes, the second fails (duplicate key): neither stays.
    auto op = batch_->BeginOp();
    ASSERT_TRUE(op.ok());
    ASSERT_TRUE(requests_->Insert(Row(NewUlid(), device)).ok());
    EXPECT_EQ(requests_->Insert(Row(a, device)).code(), StatusCode::kAlreadyExists);
  }
  EXPECT_TRUE(batch_->batch_open());
  EXPECT_EQ(batch_->ops_in_batch(), 1u);
  EXPECT_EQ(CountOnDisk(), 0);  // not committed yet
  ASSERT_TRUE(batch_->CommitBatch().ok());
  EXPECT_FALSE(batch_->batch_open());
  EXPECT_EQ(CountOnDisk(), 1);
}

TEST_F(GroupCommitTransactionTest, FailedFirstMutationRollsBackItsBatch) {
  const std::string device = NewUlid();
  const std::string a = NewUlid();
  {
    auto op = batch_->BeginOp();
    ASSERT_TRUE(requests_->Insert(Row(a, device)).ok());
    ASSERT_TRUE(op->Commit().ok());
  }
  ASSERT_TRUE(batch_->CommitBatch().ok());
  {
    auto op = batch_->BeginOp();  // opens a new batch
    ASSERT_TRUE(op.ok());
    ASSERT_TRUE(requests_->Insert(Row(NewUlid(), device)).ok());
    EXPECT_FALSE(requests_->Insert(Row(a, device)).ok());
  }
  EXPECT_FALSE(batch_->batch_open());
  EXPECT_EQ(CountOnDisk(), 1);
  // Guarded transitions refuse rows in another state.
  {
    auto op = batch_->BeginOp();
    EXPECT_EQ(requests_->MarkAwaitingMediation(a, 5).code(), StatusCode::kFailedPrecondition);
  }
  EXPECT_FALSE(batch_->batch_open());
}

}  // namespace
}  // namespace palyra::node_runtime::testing
