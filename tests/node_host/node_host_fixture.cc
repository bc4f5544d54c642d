#include "node_host_fixture.h"

#include <signal.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

namespace palyra::testing {

std::string PalyraPath() { return PALYRA_TEST_PALYRA_PATH; }

void NodeHostTest::SetUp() {
  gateway_state_ = dir_ / "gateway";
  node_state_ = dir_ / "device";
  std::filesystem::create_directories(dir_ / "logs");
  admin_port_ = FreeTcpPort();
  node_port_ = FreeTcpPort();
  while (node_port_ == admin_port_) node_port_ = FreeTcpPort();
}

void NodeHostTest::TearDown() {
  operator_.reset();
  if (daemon_) daemon_->Stop();
}

void NodeHostTest::StartDaemon(const std::vector<std::string>& extra_sets) {
  if (!extra_sets.empty()) daemon_sets_ = extra_sets;
  PalyradOptions options;
  options.state_dir = gateway_state_;
  options.grpc_port = admin_port_;
  // QUIC on the node listener's port number (UDP beside TCP), upstream's default layout: a node
  // host on `auto` finds it from its --grpc-url alone and runs its event channel over QUIC.
  options.extra_args = {"--set", "gateway.node_rpc_port=" + std::to_string(node_port_), "--set",
                        "gateway.quic_port=" + std::to_string(node_port_)};
  for (const std::string& set : daemon_sets_) {
    options.extra_args.push_back("--set");
    options.extra_args.push_back(set);
  }
  daemon_ = PalyradProcess::Start(options);
  operator_ = std::make_unique<OperatorClient>(daemon_->admin_address(),
                                               ReadAdminToken((gateway_state_ / "admin.token").string()));
}

void NodeHostTest::KillDaemon() {
  daemon_->process().Signal(SIGKILL);
  daemon_->process().Wait(std::chrono::seconds(10));
  daemon_.reset();
  operator_.reset();
}

adminv1::MintPairingCodeResponse NodeHostTest::Mint(bool auto_approve,
                                                    adminv1::PairingMethodKind method) {
  adminv1::MintPairingCodeResponse code;
  grpc::Status status = op().MintCode(method, auto_approve, &code);
  if (!status.ok()) throw std::runtime_error("mint: " + status.error_message());
  return code;
}

namespace {

SpawnOptions PalyraSpawn(const std::filesystem::path& state, const std::vector<std::string>& args,
                         const std::filesystem::path& logs, const std::string& name) {
  SpawnOptions spawn;
  spawn.argv = {PalyraPath(), "--state-dir", state.string()};
  spawn.argv.insert(spawn.argv.end(), args.begin(), args.end());
  spawn.env_unset = {"PALYRA_CONFIG", "PALYRA_STATE_DIR", "PALYRA_ADMIN_TOKEN"};
  spawn.output_dir = logs;
  spawn.name = name;
  spawn.new_session = true;  // never the developer's terminal: prompt mode must see none
  return spawn;
}

}  // namespace

std::unique_ptr<Subprocess> NodeHostTest::StartPalyra(const std::vector<std::string>& args,
                                                      const std::string& name) {
  return std::make_unique<Subprocess>(
      Subprocess::Spawn(PalyraSpawn(node_state_, args, dir_ / "logs", name)));
}

ExitInfo NodeHostTest::RunPalyra(const std::vector<std::string>& args, std::string* out,
                                 std::string* err, bool operator_side) {
  static int counter = 0;
  return RunToCompletion(PalyraSpawn(operator_side ? gateway_state_ : node_state_, args,
                                     dir_ / "logs", "palyra-" + std::to_string(++counter)),
                         std::chrono::seconds(60), out, err);
}

nlohmann::json NodeHostTest::InvokeCli(const std::string& device_id,
                                       const std::string& capability,
                                       const std::string& input_json,
                                       const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"nodes",       "invoke", device_id, capability,
                                   "--input-json", input_json, "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  std::string out, err;
  RunPalyra(args, &out, &err, /*operator_side=*/true);
  nlohmann::json parsed = nlohmann::json::parse(out, nullptr, false);
  if (!parsed.is_object()) {
    throw std::runtime_error("nodes invoke printed no JSON; stdout: " + out + " stderr: " + err);
  }
  return parsed;
}

std::string NodeHostTest::WaitForDeviceId(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    auto json = nlohmann::json::parse(ReadWholeFile(node_host_dir() / "node-host.json"), nullptr,
                                      false);
    if (json.is_object() && json.contains("device_id")) return json["device_id"];
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("node-host.json did not appear");
}

bool NodeHostTest::WaitForConnected(const std::string& device_id,
                                    std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    adminv1::Node node;
    if (op().GetNode(device_id, &node).ok() && node.connected()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

bool NodeHostTest::WaitForStderr(Subprocess& process, const std::string& text,
                                 std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (process.Stderr().find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

std::string NodeHostTest::WaitForPendingRequest(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    adminv1::ListPairingRequestsResponse list;
    if (op().ListRequests(adminv1::PAIRING_REQUEST_STATE_PENDING_APPROVAL, &list).ok() &&
        list.requests_size() > 0) {
      return list.requests(0).request_id();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("no pending pairing request appeared");
}

std::unique_ptr<Subprocess> NodeHostTest::StartPairedHost(const std::vector<std::string>& extra,
                                                          std::string* device_id) {
  adminv1::MintPairingCodeResponse code = Mint(/*auto_approve=*/true);
  std::vector<std::string> args = {"node", "run", "--pair-uri", code.pairing_uri(), "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto host = StartPalyra(args);
  std::string id = WaitForDeviceId();
  if (!WaitForConnected(id)) {
    throw std::runtime_error("the node host did not connect; its stderr: " + host->Stderr());
  }
  if (device_id != nullptr) *device_id = id;
  return host;
}

}  // namespace palyra::testing
