#pragma once
// End-to-end fixture for the node host: a real palyrad on fixed free ports (so that a restarted
// daemon is found again at the same address), the real `palyra` binary as operator console and
// as node host (`palyra node ...`), each with its own state dir, and the C++ operator client for
// what the CLI does not need to prove.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "support/node_client.h"
#include "support/palyrad_process.h"
#include "support/subprocess.h"
#include "support/temp_dir.h"

namespace palyra::testing {

std::string PalyraPath();

class NodeHostTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Starts (or restarts) palyrad on the fixture's ports; `extra` are --set KEY=VALUE pairs.
  void StartDaemon(const std::vector<std::string>& extra_sets = {});
  void KillDaemon();  // SIGKILL, no clean shutdown

  OperatorClient& op() { return *operator_; }
  std::string node_rpc_address() const { return "127.0.0.1:" + std::to_string(node_port_); }
  std::filesystem::path gateway_ca_path() const { return gateway_state_ / "gateway-ca.pem"; }
  const std::filesystem::path& node_state() const { return node_state_; }
  std::filesystem::path node_host_dir() const { return node_state_ / "node-host"; }
  const std::filesystem::path& work_dir() const { return dir_.path(); }

  // A fresh code; returns the MintPairingCodeResponse.
  adminv1::MintPairingCodeResponse Mint(bool auto_approve,
                                        adminv1::PairingMethodKind method =
                                            adminv1::PAIRING_METHOD_KIND_PIN);

  // `palyra --state-dir <node state> <args...>` in the background.
  std::unique_ptr<Subprocess> StartPalyra(const std::vector<std::string>& args,
                                          const std::string& name = "node");
  // Runs `palyra <args...>` to completion against the node state dir (or, with
  // `operator_side`, the gateway's).
  ExitInfo RunPalyra(const std::vector<std::string>& args, std::string* out = nullptr,
                     std::string* err = nullptr, bool operator_side = false);

  // `palyra nodes invoke <device> <capability> --input-json <input> --json`, parsed.
  nlohmann::json InvokeCli(const std::string& device_id, const std::string& capability,
                           const std::string& input_json,
                           const std::vector<std::string>& extra = {});

  // node-host.json's device_id once it exists.
  std::string WaitForDeviceId(std::chrono::milliseconds timeout = std::chrono::seconds(20));
  // Until the node has an open event stream at the daemon.
  bool WaitForConnected(const std::string& device_id,
                        std::chrono::milliseconds timeout = std::chrono::seconds(30));
  // Until the child's stderr contains `text`.
  static bool WaitForStderr(Subprocess& process, const std::string& text,
                            std::chrono::milliseconds timeout = std::chrono::seconds(30));
  // The oldest pending pairing request's id, once there is one.
  std::string WaitForPendingRequest(std::chrono::milliseconds timeout = std::chrono::seconds(20));

  // Pairs and runs a node host in the foreground with an auto-approved pairing URI; returns it
  // once its stream is open. `extra` are more flags for `node run`.
  std::unique_ptr<Subprocess> StartPairedHost(const std::vector<std::string>& extra = {},
                                              std::string* device_id = nullptr);

  TempDir dir_;
  std::filesystem::path gateway_state_;
  std::filesystem::path node_state_;
  int admin_port_ = 0;
  int node_port_ = 0;
  std::vector<std::string> daemon_sets_;
  std::unique_ptr<PalyradProcess> daemon_;
  std::unique_ptr<OperatorClient> operator_;
};

}  // namespace palyra::testing
