#include "cli/exit_codes.h"

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

namespace palyra::cli {
namespace {

int ForGrpc(grpc::StatusCode code, StatusOrigin origin) {
  return ExitCodeForStatus(static_cast<StatusCode>(code), origin);
}

TEST(ExitCodesTest, StatusCodesMirrorGrpcNumbering) {
  EXPECT_EQ(static_cast<int>(StatusCode::kUnavailable), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(static_cast<int>(StatusCode::kUnauthenticated), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(static_cast<int>(StatusCode::kPermissionDenied), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(static_cast<int>(StatusCode::kDeadlineExceeded), grpc::StatusCode::DEADLINE_EXCEEDED);
}

TEST(ExitCodesTest, ConnectFailuresAreUnreachable) {
  EXPECT_EQ(ForGrpc(grpc::StatusCode::UNAVAILABLE, StatusOrigin::kNotConnected), kExitUnreachable);
  EXPECT_EQ(ForGrpc(grpc::StatusCode::DEADLINE_EXCEEDED, StatusOrigin::kNotConnected),
            kExitUnreachable);
  // Discovery failures (no run file) are reported as local UNAVAILABLE.
  EXPECT_EQ(ExitCodeForStatus(StatusCode::kUnavailable, StatusOrigin::kLocal), kExitUnreachable);
}

TEST(ExitCodesTest, TheDaemonsOwnAnswersAreOperationFailures) {
  EXPECT_EQ(ForGrpc(grpc::StatusCode::UNAVAILABLE, StatusOrigin::kDaemon), kExitFailed);
  EXPECT_EQ(ForGrpc(grpc::StatusCode::DEADLINE_EXCEEDED, StatusOrigin::kDaemon), kExitFailed);
  for (auto code : {grpc::StatusCode::NOT_FOUND, grpc::StatusCode::FAILED_PRECONDITION,
                    grpc::StatusCode::RESOURCE_EXHAUSTED, grpc::StatusCode::INVALID_ARGUMENT,
                    grpc::StatusCode::UNIMPLEMENTED, grpc::StatusCode::INTERNAL,
                    grpc::StatusCode::ALREADY_EXISTS, grpc::StatusCode::UNKNOWN}) {
    EXPECT_EQ(ForGrpc(code, StatusOrigin::kDaemon), kExitFailed) << code;
  }
}

TEST(ExitCodesTest, AuthRefusalsAreFourWhereverTheyComeFrom) {
  for (auto origin : {StatusOrigin::kLocal, StatusOrigin::kNotConnected, StatusOrigin::kDaemon}) {
    EXPECT_EQ(ForGrpc(grpc::StatusCode::UNAUTHENTICATED, origin), kExitAuth);
    EXPECT_EQ(ForGrpc(grpc::StatusCode::PERMISSION_DENIED, origin), kExitAuth);
  }
}

TEST(ExitCodesTest, LocalInvalidArgumentIsUsage) {
  EXPECT_EQ(ExitCodeForStatus(StatusCode::kInvalidArgument, StatusOrigin::kLocal), kExitUsage);
  EXPECT_EQ(ExitCodeForStatus(StatusCode::kOk, StatusOrigin::kDaemon), kExitOk);
  EXPECT_EQ(ExitCodeForStatus(StatusCode::kInternal, StatusOrigin::kLocal), kExitFailed);
}

}  // namespace
}  // namespace palyra::cli
