// palyra-quic-v1 over loopback with mTLS: a real palyrad's QUIC listener and our QUIC client,
// both on this machine. Measures node.health requests/s over one persistent connection
// (sequential, and from several threads sharing it), and new mTLS connections/s.
//
// usage: quic_load [--requests N] [--threads T] [--connections N]
// Targets (issue 6): 1.5x upstream's 12,000 req/s (c=1), 74,000 req/s (c=32) and 2,400 new
// connections/s (c=4).

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "support/node_client.h"
#include "support/palyrad_process.h"
#include "support/temp_dir.h"
#include "transport/quic/quic_client.h"

namespace {

using namespace palyra::testing;
using palyra::transport::quic::ClientTlsCredentials;
using palyra::transport::quic::QuicClient;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;
using palyra::Status;

int ArgValue(int argc, char** argv, const char* name, int fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], name) == 0) return std::atoi(argv[i + 1]);
  }
  return fallback;
}

constexpr std::string_view kHealth = R"({"protocol_version":1,"method":"node.health"})";

}  // namespace

int main(int argc, char** argv) {
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
    std::atomic<int> failed{0};
    const auto begin = Clock::now();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
      pool.emplace_back([&] {
        for (int i = 0; i < requests / threads; ++i) {
          if (!(*client)->Request(kHealth, 10s).ok()) ++failed;
        }
      });
    }
    for (auto& t : pool) t.join();
    const double s = std::chrono::duration<double>(Clock::now() - begin).count();
    const int done = (requests / threads) * threads;
    std::printf("node.health, 1 connection, %d threads: %d in %.2f s = %.0f req/s, %d failed\n",
                threads, done, s, done / s, failed.load());
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
  return 0;
}
