// Load driver for a real palyrad: how long it takes to become ready, and how many GetHealth calls
// per second it serves to concurrent C++ clients over loopback h2c, with latency percentiles.
//
// usage: gateway_health_load [--calls N] [--clients C] [--startups S]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "load_support.h"
#include "palyra/v1/gateway.grpc.pb.h"
#include "support/palyrad_process.h"

namespace {

using palyra::bench::ArgValue;

using Clock = std::chrono::steady_clock;

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t index = static_cast<size_t>(p * static_cast<double>(values.size() - 1));
  return values[index];
}

}  // namespace

int main(int argc, char** argv) {
  const int calls = ArgValue(argc, argv, "--calls", 20000);
  const int clients = ArgValue(argc, argv, "--clients", 4);
  const int startups = ArgValue(argc, argv, "--startups", 5);
  palyra::testing::TempDir temp;

  std::vector<double> startup_ms;
  for (int i = 0; i < startups; ++i) {
    auto begin = Clock::now();
    auto daemon = palyra::testing::PalyradProcess::Start(temp.path() / ("startup-" + std::to_string(i)));
    startup_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
    daemon->Stop();
  }
  std::printf("palyrad start-up to ready (run file written), fresh state dir, %d runs: "
              "median %.1f ms, max %.1f ms\n",
              startups, Percentile(startup_ms, 0.5), Percentile(startup_ms, 1.0));

  auto daemon = palyra::testing::PalyradProcess::Start(temp.path() / "load");
  auto channel = grpc::CreateChannel(daemon->admin_address(), grpc::InsecureChannelCredentials());
  std::vector<std::vector<double>> latencies(static_cast<size_t>(clients));
  std::vector<int> failures(static_cast<size_t>(clients), 0);
  auto begin = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      auto stub = palyra::gateway::v1::GatewayService::NewStub(channel);
      auto& mine = latencies[static_cast<size_t>(c)];
      for (int i = c; i < calls; i += clients) {
        grpc::ClientContext context;
        palyra::gateway::v1::HealthRequest request;
        request.set_v(1);
        palyra::gateway::v1::HealthResponse response;
        auto start = Clock::now();
        grpc::Status status = stub->GetHealth(&context, request, &response);
        mine.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
        if (!status.ok()) ++failures[static_cast<size_t>(c)];
      }
    });
  }
  for (auto& t : threads) t.join();
  double seconds = std::chrono::duration<double>(Clock::now() - begin).count();
  std::vector<double> all;
  int failed = 0;
  for (int c = 0; c < clients; ++c) {
    all.insert(all.end(), latencies[static_cast<size_t>(c)].begin(),
               latencies[static_cast<size_t>(c)].end());
    failed += failures[static_cast<size_t>(c)];
  }
  std::printf("GetHealth, %d calls, %d client threads on one channel: %.0f calls/s, "
              "p50 %.0f us, p90 %.0f us, p99 %.0f us, failures %d\n",
              calls, clients, static_cast<double>(calls) / seconds, Percentile(all, 0.5),
              Percentile(all, 0.9), Percentile(all, 0.99), failed);
  daemon->Stop();
  return failed == 0 ? 0 : 1;
}
