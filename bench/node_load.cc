// Load driver for palyrad's node side, over loopback with real TLS/mTLS, against a real daemon:
//
//   1. pairings over the wire: mint (auto-approve) + begin + complete + collect, several clients
//   2. operator invoke -> pushed dispatch -> node result for `echo`, one node: latency
//   3. aggregate invocations/s across many connected nodes
//   4. revoke -> the node's live stream closed: latency
//   5. many concurrently connected node streams: daemon RSS
//
// usage: node_load [--pairings N] [--pair-clients C] [--latency-calls N] [--nodes N]
//                  [--aggregate-calls N] [--inflight N] [--revokes N] [--streams N]
// Targets (issue 4): p50 <= 1 ms / p99 <= 5 ms; >= 10,000 invocations/s across 100 nodes;
// >= 500 pairings/s; revoke p99 <= 100 ms; 1,000 streams with RSS <= 200 MB.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "load_support.h"
#include "support/node_client.h"
#include "support/palyrad_process.h"

namespace {

using palyra::bench::ArgValue;

using namespace palyra::testing;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<size_t>(p * static_cast<double>(values.size() - 1))];
}

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// A connected node stream driven by the callback API (no thread per stream): sends node.started
// and then just reads.
class IdleStream final : public grpc::ClientBidiReactor<nodev1::NodeEventRequest,
                                                        nodev1::NodeEventResponse> {
 public:
  IdleStream(NodeClient& client, const std::string& device_id) {
    request_.set_v(1);
    request_.mutable_device_id()->set_ulid(device_id);
    request_.set_event_name("node.started");
    request_.set_payload_json("{}");
    client.stub().async()->StreamNodeEvents(&context_, this);
    StartWrite(&request_);
    StartRead(&response_);
    StartCall();
  }
  void OnReadDone(bool ok) override {
    if (!ok) return;
    acked_ = true;
    StartRead(&response_);
  }
  void OnWriteDone(bool) override {}
  void OnDone(const grpc::Status&) override {
    std::lock_guard lock(mu_);
    done_ = true;
    cv_.notify_all();
  }
  bool acked() const { return acked_; }
  void Cancel() { context_.TryCancel(); }
  void WaitDone() {
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, 10s, [this] { return done_; });
  }

 private:
  grpc::ClientContext context_;
  nodev1::NodeEventRequest request_;
  nodev1::NodeEventResponse response_;
  std::atomic<bool> acked_{false};
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
};

}  // namespace

int main(int argc, char** argv) {
  const int pairings = ArgValue(argc, argv, "--pairings", 1000);
  const int pair_clients = ArgValue(argc, argv, "--pair-clients", 4);
  const int latency_calls = ArgValue(argc, argv, "--latency-calls", 3000);
  const int nodes = ArgValue(argc, argv, "--nodes", 100);
  const int aggregate_calls = ArgValue(argc, argv, "--aggregate-calls", 20000);
  const int inflight = ArgValue(argc, argv, "--inflight", 64);
  const int revokes = ArgValue(argc, argv, "--revokes", 50);
  const int streams = std::min(ArgValue(argc, argv, "--streams", 1000), pairings);

  TempDir temp;
  PalyradOptions options;
  options.state_dir = temp.path() / "state";
  options.extra_args = {"--set", "gateway.quic_enabled=false", "--log-level", "warn"};
  auto daemon = PalyradProcess::Start(options);
  const std::string node_address = daemon->run_file().at("node_rpc_addr").get<std::string>();
  const std::string ca_pem =
      ReadTextFile(daemon->run_file().at("gateway_ca_path").get<std::string>());
  OperatorClient op(daemon->admin_address(),
                    ReadAdminToken(options.state_dir / "admin.token"));
  std::printf("== node_load: palyrad pid %d, node listener %s\n", daemon->process().pid(),
              node_address.c_str());

  // ---- 1. pairings over the wire ----
  std::vector<DeviceMaterial> devices(static_cast<size_t>(pairings));
  {
    std::atomic<int> next{0};
    std::atomic<int> failures{0};
    const auto begin = Clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < pair_clients; ++c) {
      threads.emplace_back([&] {
        for (int i = next++; i < pairings; i = next++) {
          try {
            devices[static_cast<size_t>(i)] = PairDevice(
                op, node_address, ca_pem,
                {.method = adminv1::PAIRING_METHOD_KIND_QR, .auto_approve = true,
                 .use_csr = false});
          } catch (const std::exception& e) {
            if (failures++ == 0) std::fprintf(stderr, "pairing failed: %s\n", e.what());
          }
        }
      });
    }
    for (auto& t : threads) t.join();
    const double seconds = Ms(Clock::now() - begin) / 1000.0;
    std::printf("pairings: %d over TLS (auto-approve, gateway key, %d clients) in %.2f s = %.0f/s, "
                "%d failed\n",
                pairings, pair_clients, seconds, pairings / seconds, failures.load());
  }

  // ---- 2. latency, one node ----
  {
    EchoNode node(node_address, devices[0]);
    adminv1::InvokeCapabilityRequest request;
    request.set_device_id(devices[0].device_id);
    request.set_capability("echo");
    request.set_input_json(R"({"ping":1})");
    request.set_timeout_ms(10'000);
    std::vector<double> latencies;
    int failed = 0;
    for (int i = 0; i < latency_calls + 100; ++i) {
      adminv1::CapabilityRequest out;
      const auto t0 = Clock::now();
      grpc::Status status = op.Invoke(request, &out);
      const double ms = Ms(Clock::now() - t0);
      if (!status.ok() || out.state() != adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED) ++failed;
      if (i >= 100) latencies.push_back(ms);  // the first 100 warm up
    }
    std::printf("invoke->node->result (echo, 1 node, sequential, %d calls): p50 %.3f ms, "
                "p90 %.3f ms, p99 %.3f ms, max %.3f ms, %d failed\n",
                latency_calls, Percentile(latencies, 0.5), Percentile(latencies, 0.9),
                Percentile(latencies, 0.99), Percentile(latencies, 1.0), failed);
  }

  // ---- 3. aggregate across many nodes ----
  {
    std::vector<std::unique_ptr<EchoNode>> echo_nodes;
    for (int n = 0; n < nodes && n < pairings; ++n) {
      echo_nodes.push_back(std::make_unique<EchoNode>(node_address, devices[static_cast<size_t>(n)]));
    }
    std::atomic<int> issued{0};
    std::atomic<int> completed{0};
    std::atomic<int> failed{0};
    std::mutex mu;
    std::condition_variable cv;
    struct Call {
      std::unique_ptr<grpc::ClientContext> context;
      adminv1::InvokeCapabilityRequest request;
      adminv1::InvokeCapabilityResponse response;
    };
    std::function<void()> issue_one = [&] {
      const int i = issued++;
      if (i >= aggregate_calls) return;
      auto call = std::make_shared<Call>();
      call->context = op.Context();
      call->request.set_device_id(echo_nodes[static_cast<size_t>(i) % echo_nodes.size()]->device_id());
      call->request.set_capability("echo");
      call->request.set_input_json(R"({"n":1})");
      call->request.set_timeout_ms(10'000);
      op.stub().async()->InvokeCapability(
          call->context.get(), &call->request, &call->response, [&, call](grpc::Status status) {
            if (!status.ok() || call->response.request().state() !=
                                    adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED) {
              ++failed;
            }
            if (++completed == aggregate_calls) {
              std::lock_guard lock(mu);
              cv.notify_all();
            }
            issue_one();
          });
    };
    const auto begin = Clock::now();
    for (int i = 0; i < inflight; ++i) issue_one();
    {
      std::unique_lock lock(mu);
      cv.wait_for(lock, 300s, [&] { return completed.load() >= aggregate_calls; });
    }
    const double seconds = Ms(Clock::now() - begin) / 1000.0;
    std::printf("aggregate: %d invocations across %zu nodes, %d in flight, in %.2f s = %.0f/s, "
                "%d failed\n",
                completed.load(), echo_nodes.size(), inflight, seconds,
                completed.load() / seconds, failed.load());
  }

  // ---- 5. many connected streams (before the revokes use up devices) ----
  {
    std::vector<std::unique_ptr<NodeClient>> clients;
    std::vector<std::unique_ptr<IdleStream>> idle;
    const long rss_before = palyra::bench::ProcStatusValue(daemon->process().pid(), "VmRSS:");
    for (int i = 0; i < streams; ++i) {
      const DeviceMaterial& d = devices[static_cast<size_t>(i)];
      clients.push_back(std::make_unique<NodeClient>(node_address, d));
      (void)clients.back()->Register(d.device_id, {"echo"});
      idle.push_back(std::make_unique<IdleStream>(*clients.back(), d.device_id));
    }
    const auto deadline = Clock::now() + 60s;
    int acked = 0;
    while (Clock::now() < deadline) {
      acked = 0;
      for (const auto& s : idle) acked += s->acked() ? 1 : 0;
      if (acked == streams) break;
      std::this_thread::sleep_for(50ms);
    }
    const long rss = palyra::bench::ProcStatusValue(daemon->process().pid(), "VmRSS:");
    std::printf("streams: %d concurrently connected node streams (%d acknowledged); daemon RSS "
                "%.1f MB (before: %.1f MB)\n",
                streams, acked, rss / 1024.0, rss_before / 1024.0);
    for (auto& s : idle) s->Cancel();
    for (auto& s : idle) s->WaitDone();
  }

  // ---- 4. revoke -> stream closed ----
  {
    std::vector<double> latencies;
    int missed = 0;
    for (int i = 0; i < revokes && i < pairings; ++i) {
      const DeviceMaterial& d = devices[static_cast<size_t>(pairings - 1 - i)];
      NodeClient client(node_address, d);
      if (!client.Register(d.device_id, {"echo"}).ok()) {
        ++missed;
        continue;
      }
      EventStream stream(client, d.device_id);
      stream.Send("node.started", "{}");
      if (!stream.Next(10s)) {
        ++missed;
        continue;
      }
      const auto t0 = Clock::now();
      (void)op.Revoke(d.device_id, "bench");
      auto ended = stream.WaitEnded(10s);
      if (!ended) {
        ++missed;
        continue;
      }
      latencies.push_back(Ms(Clock::now() - t0));
    }
    std::printf("revoke->stream closed (%zu revokes): p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
                "%d missed\n",
                latencies.size(), Percentile(latencies, 0.5), Percentile(latencies, 0.99),
                Percentile(latencies, 1.0), missed);
  }
  daemon->Stop();
  return 0;
}
