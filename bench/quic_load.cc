// palyra-quic-v1 over loopback with mTLS: a real palyrad's QUIC listener and our QUIC client,
// both on this machine. Measures node.health requests/s over one persistent connection
// (sequential, and from several threads sharing it), and new mTLS connections/s.
//
// Also: events/s on one node.stream_events stream (a replay of a long log), and the daemon's
// memory per idle connection with many open at once (a second daemon with a raised limit).
//
// usage: quic_load [--requests N] [--threads T] [--connections N] [--events N] [--idle N]
// Targets (issue 6): 1.5x upstream's 12,000 req/s (c=1), 74,000 req/s (c=32) and 2,400 new
// connections/s (c=4); >= 200,000 events/s on one stream; 10,000 idle connections at <= 64 KiB
// each.


#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <fstream>
#include <memory>
#include <mutex>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "load_support.h"
#include "support/node_client.h"
#include "support/palyrad_process.h"
#include "support/subprocess.h"
#include "support/temp_dir.h"
#include "common/files.h"
#include "daemon/quic_runtime/event_log.h"
#include "support/event_log_store.h"
#include "transport/quic/quic_client.h"

namespace {

using palyra::bench::ArgText;
using palyra::bench::ArgValue;

using namespace palyra::testing;
using palyra::transport::quic::ClientTlsCredentials;
using palyra::transport::quic::QuicClient;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;
using palyra::Status;

constexpr std::string_view kHealth = R"({"protocol_version":1,"method":"node.health"})";

// `threads` threads sharing `connections` connections, `total` requests in all.
void MeasureConcurrent(const char* what, std::vector<std::unique_ptr<QuicClient>>& clients,
                       int threads, int total) {
  std::atomic<int> failed{0};
  const int per_thread = total / threads;
  const auto begin = Clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    QuicClient* client = clients[static_cast<size_t>(t) % clients.size()].get();
    pool.emplace_back([&, client] {
      for (int i = 0; i < per_thread; ++i) {
        if (!client->Request(kHealth, 10s).ok()) ++failed;
      }
    });
  }
  for (auto& t : pool) t.join();
  const double s = std::chrono::duration<double>(Clock::now() - begin).count();
  const int done = per_thread * threads;
  std::printf("node.health, %s: %d in %.2f s = %.0f req/s, %d failed\n", what, done, s, done / s,
              failed.load());
}

// Request chains driven from the clients' own event loops (RequestAsync: each answer issues
// the next request), `per_connection` in flight on each connection, `total` in all.
void MeasureAsync(const char* what, std::vector<std::unique_ptr<QuicClient>>& clients,
                  int per_connection, int total) {
  std::atomic<int> remaining{total}, failed{0}, done{0}, chains_ended{0};
  std::mutex mu;
  std::condition_variable cv;
  std::function<void(QuicClient*)> next = [&](QuicClient* client) {
    if (remaining.fetch_sub(1) <= 0) {
      std::lock_guard lock(mu);
      ++chains_ended;
      cv.notify_all();
      return;
    }
    client->RequestAsync(kHealth, [&, client](palyra::Result<std::vector<std::string>> answer) {
      if (!answer.ok()) ++failed;
      ++done;
      next(client);
    });
  };
  const auto begin = Clock::now();
  for (auto& client : clients) {
    for (int i = 0; i < per_connection; ++i) next(client.get());
  }
  {
    std::unique_lock lock(mu);
    // Every chain has ended (nothing refers to this frame's locals any more).
    const int chains = per_connection * static_cast<int>(clients.size());
    cv.wait_for(lock, 120s, [&] { return chains_ended.load() >= chains; });
  }
  const double s = std::chrono::duration<double>(Clock::now() - begin).count();
  std::printf("node.health, %s: %d in %.2f s = %.0f req/s, %d failed\n", what, done.load(), s,
              done.load() / s, failed.load());
}

uint16_t PortOf(const std::string& address) {
  return static_cast<uint16_t>(std::stoi(address.substr(address.rfind(':') + 1)));
}

constexpr int kConnectionsPerHolder = 2'400;

// Holder mode: opens `count` connections (one node.health each), prints "held N failed F", and
// keeps them until killed.
int Hold(int argc, char** argv, int count) {
  palyra::transport::quic::ClientTlsOptions tls;
  tls.ca_pem = ReadTextFile(ArgText(argc, argv, "--ca"));
  tls.server_name = "localhost";
  tls.client_certificate_chain_pem = ReadTextFile(ArgText(argc, argv, "--cert"));
  tls.client_private_key_pem = ReadTextFile(ArgText(argc, argv, "--key"));
  auto credentials = ClientTlsCredentials::Create(tls);
  if (!credentials.ok()) return 1;
  const std::string addr = ArgText(argc, argv, "--addr");
  std::vector<std::unique_ptr<QuicClient>> open;
  std::mutex mu;
  std::atomic<int> next{0}, failed{0};
  std::string first_failure;
  std::vector<std::thread> pool;
  for (int t = 0; t < 2; ++t) {
    pool.emplace_back([&] {
      while (next++ < count) {
        auto c = QuicClient::Connect("127.0.0.1", PortOf(addr), *credentials, 10s);
        Status status = c.ok() ? (*c)->Request(kHealth, 10s).status() : c.status();
        std::lock_guard lock(mu);
        if (status.ok()) {
          open.push_back(std::move(*c));
        } else if (failed++ == 0) {
          first_failure = status.ToString();
        }
      }
    });
  }
  for (auto& t : pool) t.join();
  std::printf("held %zu failed %d%s%s\n", open.size(), failed.load(),
              first_failure.empty() ? "" : " first: ", first_failure.c_str());
  std::fflush(stdout);
  while (true) std::this_thread::sleep_for(1h);
}

}  // namespace

int main(int argc, char** argv) {
  if (const int hold = ArgValue(argc, argv, "--hold", 0); hold > 0) return Hold(argc, argv, hold);
  const int requests = ArgValue(argc, argv, "--requests", 5000);
  const int threads = ArgValue(argc, argv, "--threads", 4);
  const int connections = ArgValue(argc, argv, "--connections", 500);

  TempDir temp;
  PalyradOptions options;
  options.state_dir = temp.path() / "state";
  options.extra_args = {"--log-level", "warn"};
  auto daemon = PalyradProcess::Start(options);
  const auto& run = daemon->run_file();
  const std::string node_address = run.at("node_rpc_addr").get<std::string>();
  const std::string quic = run.at("quic_addr").get<std::string>();
  const auto port = static_cast<uint16_t>(std::stoi(quic.substr(quic.rfind(':') + 1)));
  const std::string ca_pem = ReadTextFile(run.at("gateway_ca_path").get<std::string>());
  OperatorClient op(daemon->admin_address(), ReadAdminToken(options.state_dir / "admin.token"));
  DeviceMaterial device = PairDevice(op, node_address, ca_pem, {});
  palyra::transport::quic::ClientTlsOptions tls_options;
  tls_options.ca_pem = ca_pem;
  tls_options.server_name = "localhost";
  tls_options.client_certificate_chain_pem = device.certificate_pem;
  tls_options.client_private_key_pem = device.private_key_pem;
  auto tls = *ClientTlsCredentials::Create(tls_options);
  std::printf("== quic_load: palyrad pid %d, QUIC %s\n", daemon->process().pid(), quic.c_str());

  auto client = QuicClient::Connect("127.0.0.1", port, tls, 10s);
  if (!client.ok()) {
    std::fprintf(stderr, "connect: %s\n", client.status().ToString().c_str());
    return 1;
  }
  {
    int failed = 0;
    const auto begin = Clock::now();
    for (int i = 0; i < requests; ++i) {
      if (!(*client)->Request(kHealth, 10s).ok()) ++failed;
    }
    const double s = std::chrono::duration<double>(Clock::now() - begin).count();
    std::printf("node.health, 1 connection, sequential: %d in %.2f s = %.0f req/s, %d failed\n",
                requests, s, requests / s, failed);
  }
  {
    std::vector<std::unique_ptr<QuicClient>> one;
    one.push_back(std::move(*client));
    const std::string label = "1 connection, " + std::to_string(threads) + " threads";
    MeasureConcurrent(label.c_str(), one, threads, requests);
    client = std::move(one.front());
    std::vector<std::unique_ptr<QuicClient>> four;
    for (int i = 0; i < 4; ++i) {
      auto c = QuicClient::Connect("127.0.0.1", port, tls, 10s);
      if (!c.ok()) return 1;
      four.push_back(std::move(*c));
    }
    MeasureConcurrent("concurrency 32 (32 threads over 4 connections)", four, 32, requests * 2);
    // The same from the clients' event loops: no thread hand-over per request.
    std::vector<std::unique_ptr<QuicClient>> single;
    single.push_back(std::move(four.back()));
    four.pop_back();
    MeasureAsync("async, concurrency 1", single, 1, requests * 4);
    MeasureAsync("async, concurrency 32 on 1 connection", single, 32, requests * 10);
    four.push_back(std::move(single.front()));
    MeasureAsync("async, concurrency 32 over 4 connections", four, 8, requests * 10);
  }
  (*client)->Close();
  {
    std::atomic<int> failed{0};
    std::atomic<int> next{0};
    const auto begin = Clock::now();
    std::vector<std::thread> pool;
    for (int t = 0; t < 4; ++t) {
      pool.emplace_back([&] {
        while (next++ < connections) {
          auto c = QuicClient::Connect("127.0.0.1", port, tls, 10s);
          Status status = c.ok() ? (*c)->Request(kHealth, 10s).status() : c.status();
          if (!status.ok() && failed++ == 0) {
            std::fprintf(stderr, "first connection failure: %s\n", status.ToString().c_str());
          }
        }
      });
    }
    for (auto& t : pool) t.join();
    const double s = std::chrono::duration<double>(Clock::now() - begin).count();
    std::printf("new mTLS connections + node.health, 4 clients: %d in %.2f s = %.0f conn/s, "
                "%d failed\n",
                connections, s, connections / s, failed.load());
  }
  {
    // One stream replaying `events` logged events (appended before the daemon reads them).
    const int events = ArgValue(argc, argv, "--events", 200'000);
    DeviceMaterial streamer = PairDevice(op, node_address, ca_pem, {});
    {
      palyra::daemon::quic_runtime::EventLogOptions log_options;
      log_options.max_events_per_device = static_cast<size_t>(events) + 1;
      auto log = palyra::testing::OpenEventLog(log_options, options.state_dir / "palyra.db");
      if (!log.ok()) return 1;
      for (int i = 0; i < events; ++i) {
        if (!(*log)->Append(streamer.device_id, "telemetry", R"({"n":)" + std::to_string(i) + "}")
                 .ok()) {
          return 1;
        }
      }
    }
    palyra::transport::quic::ClientTlsOptions streamer_tls = tls_options;
    streamer_tls.client_certificate_chain_pem = streamer.certificate_pem;
    streamer_tls.client_private_key_pem = streamer.private_key_pem;
    auto c = QuicClient::Connect("127.0.0.1", port, *ClientTlsCredentials::Create(streamer_tls), 10s);
    if (!c.ok()) return 1;
    const auto begin = Clock::now();
    auto stream = (*c)->OpenStream(
        R"({"protocol_version":1,"method":"node.stream_events","resume_from":0})");
    int received = 0;
    while (stream.ok() && received < events) {
      auto frame = (*stream)->Next(10s);
      if (!frame.ok() || !frame->has_value()) break;
      if ((*frame)->find(R"("kind":"event")") != std::string::npos) ++received;
    }
    const double s = std::chrono::duration<double>(Clock::now() - begin).count();
    std::printf("node.stream_events, one stream: %d events in %.2f s = %.0f events/s\n",
                received, s, received / s);
  }
  daemon->Stop();

  const int idle = ArgValue(argc, argv, "--idle", 10'000);
  if (idle > 0) {
    PalyradOptions big = options;
    big.state_dir = temp.path() / "state-idle";
    big.extra_args = {"--log-level", "warn", "--set",
                      "gateway.quic_max_connections=" + std::to_string(idle + 16)};
    auto idle_daemon = PalyradProcess::Start(big);
    const auto& idle_run = idle_daemon->run_file();
    const std::string idle_quic = idle_run.at("quic_addr").get<std::string>();
    const std::string idle_ca_path = idle_run.at("gateway_ca_path").get<std::string>();
    const std::string idle_ca = ReadTextFile(idle_ca_path);
    OperatorClient idle_op(idle_daemon->admin_address(),
                           ReadAdminToken(big.state_dir / "admin.token"));
    DeviceMaterial idler =
        PairDevice(idle_op, idle_run.at("node_rpc_addr").get<std::string>(), idle_ca, {});
    // The holders read the device's material from files (the key 0600).
    const auto cert_path = temp.path() / "idle-cert.pem";
    const auto key_path = temp.path() / "idle-key.pem";
    if (!palyra::WriteFileAtomic(cert_path, idler.certificate_pem, 0600).ok() ||
        !palyra::WriteFileAtomic(key_path, idler.private_key_pem, 0600).ok()) {
      return 1;
    }
    {  // Warm up: the daemon's first-connection allocations are not per connection.
      palyra::transport::quic::ClientTlsOptions warm_tls = tls_options;
      warm_tls.ca_pem = idle_ca;
      warm_tls.client_certificate_chain_pem = idler.certificate_pem;
      warm_tls.client_private_key_pem = idler.private_key_pem;
      auto warm = QuicClient::Connect("127.0.0.1", PortOf(idle_quic),
                                      *ClientTlsCredentials::Create(warm_tls), 10s);
      if (warm.ok()) (void)(*warm)->Request(kHealth, 10s);
    }
    std::this_thread::sleep_for(2s);
    if (std::getenv("QUIC_LOAD_PAUSE_BEFORE") != nullptr) {
      std::printf("paused before: daemon pid %d\n", idle_daemon->process().pid());
      std::fflush(stdout);
      std::this_thread::sleep_for(
          std::chrono::seconds(std::atoi(std::getenv("QUIC_LOAD_PAUSE_BEFORE"))));
    }
    const long before = palyra::bench::ProcStatusValue(idle_daemon->process().pid(), "VmRSS:");
    // Each client has its own socket and event loop (4 descriptors), so a process holds at most
    // a few thousand: the connections are spread over holder processes (this program again).
    const int holders = (idle + kConnectionsPerHolder - 1) / kConnectionsPerHolder;
    std::vector<std::unique_ptr<Subprocess>> children;
    const auto begin = Clock::now();
    for (int h = 0; h < holders; ++h) {
      const int count = std::min(kConnectionsPerHolder, idle - h * kConnectionsPerHolder);
      SpawnOptions spawn;
      spawn.argv = {std::filesystem::read_symlink("/proc/self/exe").string(),
                    "--hold", std::to_string(count), "--addr", idle_quic, "--ca", idle_ca_path,
                    "--cert", cert_path.string(), "--key", key_path.string()};
      spawn.output_dir = temp.path() / "holders";
      spawn.name = "holder-" + std::to_string(h);
      children.push_back(std::make_unique<Subprocess>(Subprocess::Spawn(spawn)));
    }
    int held = 0, failed = 0;
    std::string first_failure;
    for (auto& child : children) {
      std::string out;
      for (int i = 0; i < 1200 && out.find("held") == std::string::npos; ++i) {
        std::this_thread::sleep_for(100ms);
        out = child->Stdout();
      }
      int h = 0, f = 0;
      if (std::sscanf(out.c_str(), "held %d failed %d", &h, &f) == 2) {
        held += h;
        failed += f;
      } else {
        failed += kConnectionsPerHolder;
      }
      if (first_failure.empty() && out.find("first: ") != std::string::npos) {
        first_failure = out.substr(out.find("first: ") + 7, 120);
      }
    }
    const double s = std::chrono::duration<double>(Clock::now() - begin).count();
    std::this_thread::sleep_for(6s);  // at least one keep-alive round on every connection
    const long after = palyra::bench::ProcStatusValue(idle_daemon->process().pid(), "VmRSS:");
    if (std::getenv("QUIC_LOAD_PAUSE") != nullptr) {
      std::printf("paused: daemon pid %d, rss %ld kB\n", idle_daemon->process().pid(), after);
      std::fflush(stdout);
      std::this_thread::sleep_for(std::chrono::seconds(std::atoi(std::getenv("QUIC_LOAD_PAUSE"))));
    }
    std::printf("idle connections: %d open over %d holder processes (%d failed%s%s) in %.1f s; "
                "daemon RSS %ld -> %ld kB = %.1f KiB per connection\n",
                held, holders, failed, first_failure.empty() ? "" : ", first: ",
                first_failure.c_str(), s, before, after,
                held > 0 ? static_cast<double>(after - before) / held : 0.0);
    children.clear();  // SIGKILL: the holders' connections end by idle timeout at the daemon
    idle_daemon->Stop();
  }
  return 0;
}
