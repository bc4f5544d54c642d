// The node host (`palyra node run`) against a real palyrad on loopback:
//
//   1. idle: RSS and CPU use of the host while it only sends heartbeats (poll interval 1 s)
//   2. recovery: kill -9 palyrad, wait, start it again on the same ports; time from the new
//      daemon being ready (run file written) to the host being registered with an open stream,
//      and the whole outage as the host sees it
//
// usage: node_host_load [--idle-seconds N] [--restarts N] [--down-ms MS]

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "load_support.h"
#include "support/node_client.h"
#include "support/palyrad_process.h"

namespace {

using palyra::bench::ArgValue;

using namespace palyra::testing;
using Clock = std::chrono::steady_clock;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// utime + stime of `pid` in clock ticks (fields 14 and 15 of /proc/<pid>/stat).
long long CpuTicks(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::istringstream fields(text.substr(text.rfind(')') + 2));
  std::string field;
  long long ticks = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i) {
    if (i >= 14) ticks += std::atoll(field.c_str());
  }
  return ticks;
}

struct Gateway {
  explicit Gateway(TempDir& dir) : temp(dir) {}
  TempDir& temp;
  int admin_port = FreeTcpPort();
  int node_port = FreeTcpPort();
  std::unique_ptr<PalyradProcess> daemon;
  std::unique_ptr<OperatorClient> op;

  Clock::time_point Start() {
    PalyradOptions options;
    options.state_dir = temp.path() / "gateway";
    options.grpc_port = admin_port;
    options.extra_args = {"--set", "gateway.node_rpc_port=" + std::to_string(node_port),
                          "--log-level", "warn"};
    daemon = PalyradProcess::Start(options);
    const auto ready = Clock::now();
    op = std::make_unique<OperatorClient>(daemon->admin_address(),
                                          ReadAdminToken(options.state_dir / "admin.token"));
    return ready;
  }
  void Kill() {
    daemon->process().Signal(SIGKILL);
    daemon->process().Wait(std::chrono::seconds(10));
    daemon.reset();
    op.reset();
  }
  bool Connected(const std::string& device_id) {
    adminv1::Node node;
    return op->GetNode(device_id, &node).ok() && node.connected();
  }
};

}  // namespace

int main(int argc, char** argv) {
  const int idle_seconds = ArgValue(argc, argv, "--idle-seconds", 30);
  const int restarts = ArgValue(argc, argv, "--restarts", 5);
  const int down_ms = ArgValue(argc, argv, "--down-ms", 2000);

  TempDir temp;
  Gateway gateway(temp);
  gateway.Start();
  adminv1::MintPairingCodeResponse code;
  if (!gateway.op->MintCode(adminv1::PAIRING_METHOD_KIND_PIN, true, &code).ok()) {
    std::fprintf(stderr, "mint failed\n");
    return 1;
  }
  SpawnOptions spawn;
  spawn.argv = {PALYRA_BENCH_PALYRA_PATH, "--state-dir", (temp.path() / "device").string(),
                "node", "run", "--pair-uri", code.pairing_uri()};
  spawn.env_unset = {"PALYRA_STATE_DIR", "PALYRA_CONFIG"};
  spawn.output_dir = temp.path() / "logs";
  spawn.name = "node-host";
  spawn.new_session = true;
  Subprocess host = Subprocess::Spawn(spawn);

  // The device id appears in the host's config once it has paired.
  std::string device_id;
  for (int i = 0; i < 400 && device_id.empty(); ++i) {
    std::ifstream in(temp.path() / "device" / "node-host" / "node-host.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_object() && json.contains("paired_at_unix_ms") &&
        !json["paired_at_unix_ms"].is_null()) {
      device_id = json["device_id"];
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  while (!device_id.empty() && !gateway.Connected(device_id)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (device_id.empty()) {
    std::fprintf(stderr, "the node host did not pair: %s\n", host.Stderr().c_str());
    return 1;
  }
  std::printf("== node_host_load: palyra node run pid %d, device %s\n", host.pid(),
              device_id.c_str());

  // ---- 1. idle ----
  std::this_thread::sleep_for(std::chrono::seconds(3));  // settle after start-up
  const long long ticks_before = CpuTicks(host.pid());
  const auto idle_begin = Clock::now();
  std::this_thread::sleep_for(std::chrono::seconds(idle_seconds));
  const double idle_s = Ms(Clock::now() - idle_begin) / 1000.0;
  const long long ticks = CpuTicks(host.pid()) - ticks_before;
  const double cpu_ms = static_cast<double>(ticks) * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
  std::printf("idle %.0f s (heartbeat every 1 s): CPU %.0f ms = %.3f %% of one core; RSS %.1f MB "
              "(peak %.1f MB); threads %ld\n",
              idle_s, cpu_ms, cpu_ms / (idle_s * 10.0), palyra::bench::ProcStatusValue(host.pid(), "VmRSS:") / 1024.0,
              palyra::bench::ProcStatusValue(host.pid(), "VmHWM:") / 1024.0, palyra::bench::ProcStatusValue(host.pid(), "Threads:"));

  // ---- 2. recovery after kill -9 ----
  std::vector<double> ready_to_registered;
  std::vector<double> outage;
  for (int i = 0; i < restarts; ++i) {
    const auto killed = Clock::now();
    gateway.Kill();
    std::this_thread::sleep_for(std::chrono::milliseconds(down_ms));
    const auto ready = gateway.Start();
    while (!gateway.Connected(device_id)) {
      if (Ms(Clock::now() - ready) > 60'000) {
        std::fprintf(stderr, "the host did not come back: %s\n", host.Stderr().c_str());
        return 1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    const auto back = Clock::now();
    ready_to_registered.push_back(Ms(back - ready));
    outage.push_back(Ms(back - killed));
  }
  std::sort(ready_to_registered.begin(), ready_to_registered.end());
  std::sort(outage.begin(), outage.end());
  std::printf("restart (kill -9, %d ms down), %d runs: daemon ready -> node registered median "
              "%.0f ms, max %.0f ms; whole outage median %.0f ms, max %.0f ms\n",
              down_ms, restarts, ready_to_registered[ready_to_registered.size() / 2],
              ready_to_registered.back(), outage[outage.size() / 2], outage.back());
  host.Signal(SIGTERM);
  host.Wait(std::chrono::seconds(15));
  return 0;
}
