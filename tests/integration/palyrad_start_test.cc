// palyrad starts on ephemeral ports, serves GetHealth, grpc.health.v1 and reflection, keeps its
// secrets private, and shuts down cleanly on SIGTERM.

#include <signal.h>
#include <sys/stat.h>

#include <regex>

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "palyra/v1/gateway.grpc.pb.h"
#include "proto/health.grpc.pb.h"
#include "proto/reflection_subset.grpc.pb.h"
#include "support/palyrad_process.h"

namespace palyra::testing {
namespace {

mode_t ModeOf(const std::filesystem::path& path) {
  struct stat info {};
  EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
  return info.st_mode & 0777;
}

std::shared_ptr<grpc::Channel> AdminChannel(const PalyradProcess& daemon) {
  return grpc::CreateChannel(daemon.admin_address(), grpc::InsecureChannelCredentials());
}

class PalyradStartTest : public ::testing::Test {
 protected:
  void SetUp() override {
    daemon_ = PalyradProcess::Start(temp_.path() / "state");
  }

  TempDir temp_;
  std::unique_ptr<PalyradProcess> daemon_;
};

TEST_F(PalyradStartTest, RunFileNamesTheBoundAddressAndPid) {
  const auto& run = daemon_->run_file();
  EXPECT_EQ(run.at("pid").get<long>(), daemon_->process().pid());
  std::smatch match;
  std::string address = daemon_->admin_address();
  ASSERT_TRUE(std::regex_match(address, match, std::regex(R"(127\.0\.0\.1:(\d+))"))) << address;
  EXPECT_NE(std::stoi(match[1]), 0);
  EXPECT_EQ(ModeOf(daemon_->run_file_path()), 0600u);
}

TEST_F(PalyradStartTest, StateDirAndSecretsArePrivate) {
  EXPECT_EQ(ModeOf(daemon_->state_dir()), 0700u);
  auto token_path = daemon_->state_dir() / "admin.token";
  EXPECT_EQ(ModeOf(token_path), 0600u);
  std::string token = ReadWholeFile(token_path);
  EXPECT_TRUE(std::regex_match(token, std::regex("[0-9a-f]{64}\n"))) << "unexpected token format";
  EXPECT_TRUE(std::filesystem::exists(daemon_->state_dir() / "palyra.db"));
  // The token never reaches the daemon's output.
  std::string token_value = token.substr(0, 64);
  EXPECT_EQ(daemon_->process().Stderr().find(token_value), std::string::npos);
  EXPECT_EQ(daemon_->process().Stdout().find(token_value), std::string::npos);
}

TEST_F(PalyradStartTest, GetHealthAnswersFromCppClient) {
  auto stub = palyra::gateway::v1::GatewayService::NewStub(AdminChannel(*daemon_));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  palyra::gateway::v1::HealthRequest request;
  request.set_v(1);
  palyra::gateway::v1::HealthResponse response;
  grpc::Status status = stub->GetHealth(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.v(), 1u);
  EXPECT_EQ(response.service(), "palyrad");
  EXPECT_EQ(response.status(), "ok");
  EXPECT_FALSE(response.version().empty());
  EXPECT_FALSE(response.git_hash().empty());
  EXPECT_FALSE(response.build_profile().empty());
}

TEST_F(PalyradStartTest, OtherGatewayRpcsAreUnimplemented) {
  auto stub = palyra::gateway::v1::GatewayService::NewStub(AdminChannel(*daemon_));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  palyra::gateway::v1::AbortRunRequest request;
  request.set_v(1);
  palyra::gateway::v1::AbortRunResponse response;
  grpc::Status status = stub->AbortRun(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNIMPLEMENTED);
}

TEST_F(PalyradStartTest, StandardHealthServiceReportsServing) {
  auto stub = grpc::health::v1::Health::NewStub(AdminChannel(*daemon_));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = stub->Check(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST_F(PalyradStartTest, ReflectionListsTheGatewayService) {
  auto stub = grpc::reflection::v1alpha::ServerReflection::NewStub(AdminChannel(*daemon_));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  auto stream = stub->ServerReflectionInfo(&context);
  grpc::reflection::v1alpha::ServerReflectionRequest request;
  request.set_list_services("");
  ASSERT_TRUE(stream->Write(request));
  stream->WritesDone();
  grpc::reflection::v1alpha::ServerReflectionResponse response;
  ASSERT_TRUE(stream->Read(&response));
  std::vector<std::string> names;
  for (const auto& service : response.list_services_response().service()) {
    names.push_back(service.name());
  }
  EXPECT_NE(std::find(names.begin(), names.end(), "palyra.gateway.v1.GatewayService"),
            names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "grpc.health.v1.Health"), names.end());
  EXPECT_TRUE(stream->Finish().ok());
}

TEST_F(PalyradStartTest, SigtermExitsCleanlyAndRemovesRunFile) {
  ExitInfo exit = daemon_->Stop();
  EXPECT_TRUE(exit.exited);
  EXPECT_EQ(exit.code, 0);
  EXPECT_FALSE(std::filesystem::exists(daemon_->run_file_path()));
  EXPECT_NE(daemon_->process().Stderr().find("shutting down"), std::string::npos);
}

TEST_F(PalyradStartTest, SigintExitsCleanlyToo) {
  daemon_->process().Signal(SIGINT);
  auto exit = daemon_->process().Wait(std::chrono::seconds(10));
  ASSERT_TRUE(exit.has_value());
  EXPECT_TRUE(exit->exited);
  EXPECT_EQ(exit->code, 0);
  EXPECT_FALSE(std::filesystem::exists(daemon_->run_file_path()));
}

TEST_F(PalyradStartTest, AdminTokenSurvivesRestart) {
  auto token_path = daemon_->state_dir() / "admin.token";
  std::string first = ReadWholeFile(token_path);
  ASSERT_EQ(daemon_->Stop().code, 0);
  auto second_daemon = PalyradProcess::Start(daemon_->state_dir());
  EXPECT_EQ(ReadWholeFile(token_path), first);
  EXPECT_EQ(second_daemon->Stop().code, 0);
}

}  // namespace
}  // namespace palyra::testing
