#pragma once
// `palyra node run`: the node host's foreground loop.
//
//   connect (client certificate) -> RegisterNode -> StreamNodeEvents + node.started
//   -> run pushed dispatches (up to max_concurrent_dispatches at once), heartbeat when idle
//   -> on a lost connection: jittered exponential backoff (0.5 s .. 30 s), then again
//   -> before the certificate expires: RotateDeviceCertificate (new key, CSR), reconnect
//   -> on stop (SIGTERM/SIGINT): node.stopping, finish or fail the work in flight, exit 0
//
// A certificate the gateway refuses while the gateway itself answers (checked with a
// certificate-less probe, twice) means this device was revoked: the loop stops with kRevoked
// instead of retrying forever. Results of work that finishes while disconnected are kept and
// sent on the next stream.

#include <atomic>
#include <chrono>
#include <functional>
#include <string>

#include "node_host/host_config.h"
#include "node_host/host_material.h"
#include "node_host/mediation/mediation_policy.h"

namespace palyra::node_host {

// Which transport carries the event channel (dispatches down, results and events up). Pairing,
// registration and certificate rotation always use gRPC.
enum class NodeTransport {
  kAuto,  // QUIC, falling back to gRPC only when QUIC is unreachable (logged), and back again
  kGrpc,
  kQuic,  // QUIC only: while it cannot connect the host retries, as on a lost connection
};

enum class RunOutcome {
  kStopped,  // asked to stop; exit 0
  kRevoked,  // the gateway refuses this device's certificate
  kFailed,   // local problem (material unreadable, ...)
};

struct RunLoopOptions {
  NodeHostConfig config;
  NodeHostPaths paths;
  std::string ca_pem;
  PromptFunction prompt;  // empty when there is no terminal
  std::chrono::milliseconds initial_backoff{500};
  std::chrono::milliseconds max_backoff{30'000};
  std::chrono::milliseconds stop_grace{5'000};
  // Rotate when less than min(10 min, lifetime / 2) of the certificate is left.
  std::chrono::milliseconds rotation_threshold{std::chrono::minutes(10)};
  NodeTransport transport = NodeTransport::kAuto;
  // The gateway's QUIC endpoint; empty host: the gRPC URL's host; port 0: the gRPC URL's port
  // (upstream's default shares 7444 between node RPC over TCP and QUIC over UDP).
  std::string quic_host;
  uint16_t quic_port = 0;
  // With kAuto: how long a QUIC attempt may take before gRPC is used, and how often a host that
  // fell back tries QUIC again.
  std::chrono::milliseconds quic_handshake_timeout{3'000};
  std::chrono::milliseconds quic_retry_interval{30'000};
  // Called once per successful registration (the first, and after every reconnect).
  std::function<void(int registration_count)> on_registered;
};

struct RunResult {
  RunOutcome outcome = RunOutcome::kStopped;
  std::string detail;  // why it ended
  // True when capability work was still running after the stop grace (its threads are left
  // detached; the caller should exit the process promptly).
  bool abandoned_work = false;
};

// Runs until `stop` becomes true or the device is revoked.
RunResult RunNodeHost(const RunLoopOptions& options, const std::atomic<bool>& stop);

// When a certificate valid [not_before, not_after] should be rotated.
int64_t RotationDueAtUnixMs(int64_t not_before_ms, int64_t not_after_ms,
                            std::chrono::milliseconds threshold);

}  // namespace palyra::node_host
