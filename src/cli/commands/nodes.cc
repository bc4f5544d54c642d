#include "cli/commands/nodes.h"

#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <thread>

#include "cli/command_support.h"
#include "cli/duration.h"
#include "cli/json_input.h"
#include "cli/proto_json.h"
#include "cli/text_format.h"
#include "common/time.h"
#include "palyra/admin/v1/operator.grpc.pb.h"

namespace palyra::cli {
namespace {

using nlohmann::json;

constexpr size_t kMaxReasonBytes = 512;
constexpr size_t kMaxCapabilityNameBytes = 128;
constexpr size_t kMaxIdempotencyKeyBytes = 128;
// OperatorService.InvokeCapability's documented bounds and default for timeout_ms.
constexpr int64_t kMinInvokeTimeoutMs = 1'000;
constexpr int64_t kMaxInvokeTimeoutMs = 120'000;
constexpr int64_t kDefaultInvokeTimeoutMs = 30'000;

std::unique_ptr<adminv1::OperatorService::Stub> Stub(const AdminConnection& connection) {
  return adminv1::OperatorService::NewStub(connection.channel());
}

std::string YesNo(bool value) { return value ? "yes" : "no"; }

// ---- pending / approve / reject ----

int RunPending(CliContext& context, bool all) {
  auto connection = context.Connect(TokenUse::kRequired);
  if (!connection.ok()) return context.Fail(connection.status());
  grpc::ClientContext call;
  connection->PrepareCall(call);
  adminv1::ListPairingRequestsRequest request;
  if (!all) request.set_state(adminv1::PAIRING_REQUEST_STATE_PENDING_APPROVAL);
  adminv1::ListPairingRequestsResponse response;
  grpc::Status status = Stub(*connection)->ListPairingRequests(&call, request, &response);
  if (!status.ok()) return context.FailRpc(*connection, status, "listing pairing requests");

  if (context.ndjson()) {
    for (const auto& item : response.requests()) {
      context.PrintJsonLine(
          {{"type", "node_pairing_request"}, {"request", PairingRequestJson(item)}});
    }
    return kExitOk;
  }
  if (context.json()) {
    json list = json::array();
    for (const auto& item : response.requests()) list.push_back(PairingRequestJson(item));
    context.PrintJson(list);
    return kExitOk;
  }
  if (response.requests().empty()) {
    context.out() << (all ? "no pairing requests\n" : "no pairing requests await approval\n");
    return kExitOk;
  }
  const int64_t now = NowUnixMs();
  std::vector<std::vector<std::string>> rows;
  for (const auto& item : response.requests()) {
    rows.push_back({item.request_id(), item.device_id(), item.client_kind(),
                    std::string(PairingRequestStateName(item.state())), item.method_label(),
                    FormatTimestamp(item.expires_at_unix_ms(), now), item.identity_fingerprint()});
  }
  context.out() << FormatTable(
      {"REQUEST_ID", "DEVICE_ID", "KIND", "STATE", "METHOD", "EXPIRES", "IDENTITY_FINGERPRINT"},
      rows);
  return kExitOk;
}

struct DecisionOptions {
  std::string request_id;
  std::optional<std::string> reason;
  bool confirm_identity_change = false;
};

void PrintDecision(CliContext& context, const adminv1::PairingRequest& decided) {
  if (context.json()) {
    context.PrintJson(PairingRequestJson(decided));
    return;
  }
  context.out() << "pairing request " << SanitizeForTerminal(decided.request_id()) << " for device "
                << SanitizeForTerminal(decided.device_id()) << ": "
                << PairingRequestStateName(decided.state()) << "\n";
  if (!decided.reason().empty()) {
    context.out() << "  reason " << SanitizeForTerminal(decided.reason()) << "\n";
  }
}

int RunApprove(CliContext& context, const DecisionOptions& options) {
  auto connection = context.Connect(TokenUse::kRequired);
  if (!connection.ok()) return context.Fail(connection.status());
  grpc::ClientContext call;
  connection->PrepareCall(call);
  adminv1::ApprovePairingRequestRequest request;
  request.set_request_id(options.request_id);
  if (options.reason) request.set_reason(*options.reason);
  request.set_confirm_identity_change(options.confirm_identity_change);
  adminv1::ApprovePairingRequestResponse response;
  grpc::Status status = Stub(*connection)->ApprovePairingRequest(&call, request, &response);
  if (!status.ok()) {
    return context.FailRpc(*connection, status, "approving pairing request " + options.request_id);
  }
  PrintDecision(context, response.request());
  return kExitOk;
}

int RunReject(CliContext& context, const DecisionOptions& options) {
  auto connection = context.Connect(TokenUse::kRequired);
  if (!connection.ok()) return context.Fail(connection.status());
  grpc::ClientContext call;
  connection->PrepareCall(call);
  adminv1::RejectPairingRequestRequest request;
  request.set_request_id(options.request_id);
  if (options.reason) request.set_reason(*options.reason);
  adminv1::RejectPairingRequestResponse response;
  grpc::Status status = Stub(*connection)->RejectPairingRequest(&call, request, &response);
  if (!status.ok()) {
    return context.FailRpc(*connection, status, "rejecting pairing request " + options.request_id);
  }
  PrintDecision(context, response.request());
  return kExitOk;
}

// ---- list / describe / requests ----

std::string CapabilitySummary(const adminv1::Node& node) {
  std::string out;
  for (const auto& capability : node.capabilities()) {
    if (!out.empty()) out += ",";
    out += capability.name() + ":" + (capability.available() ? "true" : "false");
  }
  return out.empty() ? "-" : out;
}

int RunList(CliContext& context) {
  auto connection = context.Connect(TokenUse::kRequired);
  if (!connection.ok()) return context.Fail(connection.status());
  grpc::ClientContext call;
  connection->PrepareCall(call);
  adminv1::ListNodesResponse response;
  grpc::Status status = Stub(*connection)->ListNodes(&call, {}, &response);
  if (!status.ok()) return context.FailRpc(*connection, status, "listing nodes");

  if (context.ndjson()) {
    for (const auto& node : response.nodes()) {
      context.PrintJsonLine({{"type", "node"}, {"node", NodeJson(node)}});
    }
    return kExitOk;
  }
  if (context.json()) {
    json list = json::array();
    for (const auto& node : response.nodes()) list.push_back(NodeJson(node));
    context.PrintJson(list);
    return kExitOk;
  }
  if (response.nodes().empty()) {
    context.out() << "no registered nodes\n";
    return kExitOk;
  }
  const int64_t now = NowUnixMs();
  std::vector<std::vector<std::string>> rows;
  for (const auto& node : response.nodes()) {
    rows.push_back({node.device_id(), node.platform(),
                    std::string(NodePresenceName(node.presence())), YesNo(node.connected()),
                    FormatTimestamp(node.last_seen_at_unix_ms(), now), CapabilitySummary(node)});
  }
  context.out() << FormatTable(
      {"DEVICE_ID", "PLATFORM", "PRESENCE", "CONNECTED", "LAST_SEEN", "CAPABILITIES"}, rows);
  return kExitOk;
}

int RunDescribe(CliContext& context, const std::string& device_id) {
  auto connection = context.Connect(TokenUse::kRequired);
  if (!connection.ok()) return context.Fail(connection.status());
  grpc::ClientContext call;
  connection->PrepareCall(call);
  adminv1::GetNodeRequest request;
  request.set_device_id(device_id);
  adminv1::GetNodeResponse response;
  grpc::Status status = Stub(*connection)->GetNode(&call, request, &response);
  if (!status.ok()) return context.FailRpc(*connection, status, "describing node " + device_id);

  const adminv1::Node& node = response.node();
  if (context.json()) {
    context.PrintJson(NodeJson(node));
    return kExitOk;
  }
  const int64_t now = NowUnixMs();
  auto& out = context.out();
  out << "device_id   " << SanitizeForTerminal(node.device_id()) << "\n"
      << "platform    " << SanitizeForTerminal(node.platform()) << "\n"
      << "presence    " << NodePresenceName(node.presence())
      << (node.connected() ? " (event stream open)" : " (not connected)") << "\n"
      << "registered  " << FormatTimestamp(node.registered_at_unix_ms(), now) << "\n"
      << "last seen   " << FormatTimestamp(node.last_seen_at_unix_ms(), now) << "\n";
  if (!node.last_event_name().empty()) {
    out << "last event  " << SanitizeForTerminal(node.last_event_name()) << " at "
        << FormatTimestamp(node.last_event_at_unix_ms(), now) << "\n";
  }
  if (node.capabilities().empty()) {
    out << "capabilities: none\n";
  } else {
    std::vector<std::vector<std::string>> rows;
    for (const auto& capability : node.capabilities()) {
      rows.push_back({capability.name(), capability.available() ? "true" : "false",
                      capability.execution_mode()});
    }
    out << "capabilities:\n" << FormatTable({"NAME", "AVAILABLE", "EXECUTION_MODE"}, rows);
  }
  return kExitOk;
}

// grant-capability / revoke-capability: the node hears it on its QUIC event stream.
int RunSetCapability(CliContext& context, const std::string& device_id,
                     const std::string& capability, bool available) {
  auto connection = context.Connect(TokenUse::kRequired);
  if (!connection.ok()) return context.Fail(connection.status());
  grpc::ClientContext call;
  connection->PrepareCall(call);
  adminv1::SetNodeCapabilityRequest request;
  request.set_device_id(device_id);
  request.set_capability(capability);
  request.set_available(available);
  adminv1::SetNodeCapabilityResponse response;
  grpc::Status status = Stub(*connection)->SetNodeCapability(&call, request, &response);
  const char* verb = available ? "granting" : "revoking";
  if (!status.ok()) {
    return context.FailRpc(*connection, status,
                           std::string(verb) + " " + capability + " on node " + device_id);
  }
  if (context.json()) {
    context.PrintJson(NodeJson(response.node()));
  } else {
    context.out() << "capability " << SanitizeForTerminal(capability)
                  << (available ? " granted" : " revoked") << " on node "
                  << SanitizeForTerminal(device_id) << "\n";
  }
  return kExitOk;
}

int RunRequests(CliContext& context, const std::string& device_id,
                const std::optional<std::string>& limit) {
  auto connection = context.Connect(TokenUse::kRequired);
  if (!connection.ok()) return context.Fail(connection.status());
  grpc::ClientContext call;
  connection->PrepareCall(call);
  adminv1::ListCapabilityRequestsRequest request;
  request.set_device_id(device_id);
  if (limit) request.set_limit(static_cast<uint32_t>(ParseCheckedUnsigned(*limit)));
  adminv1::ListCapabilityRequestsResponse response;
  grpc::Status status = Stub(*connection)->ListCapabilityRequests(&call, request, &response);
  if (!status.ok()) {
    return context.FailRpc(*connection, status, "listing capability requests of " + device_id);
  }
  if (context.json()) {
    json list = json::array();
    for (const auto& item : response.requests()) list.push_back(CapabilityRequestJson(item));
    context.PrintJson(list);
    return kExitOk;
  }
  if (response.requests().empty()) {
    context.out() << "no capability requests for " << device_id << "\n";
    return kExitOk;
  }
  const int64_t now = NowUnixMs();
  std::vector<std::vector<std::string>> rows;
  for (const auto& item : response.requests()) {
    rows.push_back({item.request_id(), item.capability(),
                    std::string(CapabilityRequestStateName(item.state())),
                    FormatTimestamp(item.created_at_unix_ms(), now),
                    item.error().empty() ? "-" : item.error()});
  }
  context.out() << FormatTable({"REQUEST_ID", "CAPABILITY", "STATE", "CREATED", "ERROR"}, rows);
  return kExitOk;
}

// ---- invoke ----

struct InvokeOptions {
  std::string device_id;
  std::string capability;
  std::optional<std::string> input_json;
  bool input_stdin = false;
  std::optional<std::string> timeout;
  std::optional<std::string> max_payload_bytes;
  std::optional<std::string> idempotency_key;
};

int RunInvoke(CliContext& context, const InvokeOptions& options) {
  auto input = ResolveInvokeInput(options.input_json, options.input_stdin, context.in());
  if (!input.ok()) return context.Fail(input.status());
  adminv1::InvokeCapabilityRequest request;
  request.set_device_id(options.device_id);
  request.set_capability(options.capability);
  if (!input->is_null()) request.set_input_json(DumpJson(*input, /*pretty=*/false));
  if (options.max_payload_bytes) {
    uint64_t limit = ParseCheckedUnsigned(*options.max_payload_bytes);
    if (limit != 0 && request.input_json().size() > limit) {
      return context.Usage("the input is " + std::to_string(request.input_json().size()) +
                           " bytes, over --max-payload-bytes " + std::to_string(limit));
    }
    request.set_max_payload_bytes(limit);
  }
  int64_t timeout_ms = kDefaultInvokeTimeoutMs;
  if (options.timeout) {
    auto parsed = ParseDurationInRangeMs(*options.timeout, "--timeout", kMinInvokeTimeoutMs,
                                         kMaxInvokeTimeoutMs);
    if (!parsed.ok()) return context.Fail(parsed.status());
    timeout_ms = *parsed;
    request.set_timeout_ms(timeout_ms);
  }
  if (options.idempotency_key) request.set_idempotency_key(*options.idempotency_key);

  auto connection = context.Connect(TokenUse::kRequired);
  if (!connection.ok()) return context.Fail(connection.status());
  grpc::ClientContext call;
  // The daemon waits up to the invoke timeout for the node; the call gets that on top.
  connection->PrepareCall(call, std::chrono::milliseconds(timeout_ms));
  adminv1::InvokeCapabilityResponse response;
  grpc::Status status = Stub(*connection)->InvokeCapability(&call, request, &response);
  if (!status.ok()) {
    return context.FailRpc(*connection, status,
                           "invoking " + options.capability + " on " + options.device_id);
  }
  const adminv1::CapabilityRequest& result = response.request();
  const bool succeeded =
      result.success() && result.state() == adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED;
  if (context.json()) {
    json doc = CapabilityRequestJson(result);
    doc["success"] = succeeded;
    context.PrintJson(doc);
  } else if (succeeded) {
    context.out() << "request " << SanitizeForTerminal(result.request_id()) << ": succeeded\n"
                  << DumpJson(PayloadJson(result.output_json()), /*pretty=*/true) << "\n";
  }
  if (succeeded) return kExitOk;
  std::string reason = result.error().empty() ? std::string("no reason given") : result.error();
  std::string state(CapabilityRequestStateName(result.state()));
  if (!IsTerminalCapabilityState(result.state())) state = "did not finish (" + state + ")";
  return context.FailOperation("capability request " + result.request_id() + " (" +
                               options.capability + " on " + options.device_id + ") " + state +
                               ": " + reason);
}

// ---- watch ----

volatile sig_atomic_t g_watch_stop = 0;

void OnWatchSignal(int /*signo*/) { g_watch_stop = 1; }

// SIGINT/SIGTERM handlers for the lifetime of a watch; the previous ones come back after.
class ScopedStopSignals {
 public:
  ScopedStopSignals() {
    g_watch_stop = 0;
    struct sigaction action {};
    action.sa_handler = OnWatchSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~ScopedStopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  ScopedStopSignals(const ScopedStopSignals&) = delete;
  ScopedStopSignals& operator=(const ScopedStopSignals&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

int RunWatch(CliContext& context) {
  auto connection = context.Connect(TokenUse::kRequired);
  if (!connection.ok()) return context.Fail(connection.status());
  ScopedStopSignals signals;
  grpc::ClientContext call;
  connection->PrepareStream(call);
  auto stub = Stub(*connection);
  auto reader = stub->WatchNodePresence(&call, {});

  // A signal handler may not touch gRPC, so a watcher thread turns the flag into a cancel.
  std::atomic<bool> finished{false};
  std::thread canceller([&] {
    while (!finished.load()) {
      if (g_watch_stop) {
        call.TryCancel();
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  adminv1::WatchNodePresenceResponse event;
  while (reader->Read(&event)) {
    if (context.json()) {
      context.PrintJsonLine(PresenceEventJson(event));
      continue;
    }
    std::string line = FormatRfc3339Ms(event.at_unix_ms() != 0 ? event.at_unix_ms() : NowUnixMs()) +
                       "  " + SanitizeForTerminal(event.device_id(), 64) + "  ";
    if (event.removed()) {
      line += "removed";
    } else {
      line += std::string(NodePresenceName(event.presence()));
      if (event.last_seen_at_unix_ms() != 0) {
        line += "  last seen " + FormatRfc3339Ms(event.last_seen_at_unix_ms());
      }
    }
    if (event.snapshot()) line += "  (snapshot)";
    context.out() << line << "\n";
    context.out().flush();
  }
  finished.store(true);
  canceller.join();
  grpc::Status status = reader->Finish();
  if (status.ok()) return kExitOk;  // the daemon ended the stream
  if (g_watch_stop && status.error_code() == grpc::StatusCode::CANCELLED) return kExitOk;
  return context.FailRpc(*connection, status, "watching node presence");
}

// pending, approve, reject: the pairing requests.
void RegisterPairingRequestCommands(CLI::App* nodes, CliContext& context) {
  auto all = std::make_shared<bool>(false);
  CLI::App* pending =
      AddLeafCommand(*nodes, context, "pending", "list pairing requests awaiting approval",
                     [&context, all] { return RunPending(context, *all); });
  pending->add_flag("--all", *all, "list requests in every state, not only pending_approval");
  AddJsonAndNdjsonFlags(pending, context);

  auto approve_options = std::make_shared<DecisionOptions>();
  CLI::App* approve =
      AddLeafCommand(*nodes, context, "approve", "approve a pending pairing request",
                     [&context, approve_options] { return RunApprove(context, *approve_options); });
  approve->add_option("request_id", approve_options->request_id, "the pairing request's id")
      ->required()
      ->check(UlidValidator())
      ->type_name("ULID");
  approve->add_option("--reason", approve_options->reason, "recorded with the decision")
      ->check(FreeTextValidator(kMaxReasonBytes))
      ->type_name("TEXT");
  approve->add_flag("--confirm-identity-change", approve_options->confirm_identity_change,
                    "approve although the device is already paired under another identity key");
  AddJsonFlag(approve, context);

  auto reject_options = std::make_shared<DecisionOptions>();
  CLI::App* reject =
      AddLeafCommand(*nodes, context, "reject", "reject a pending pairing request",
                     [&context, reject_options] { return RunReject(context, *reject_options); });
  reject->add_option("request_id", reject_options->request_id, "the pairing request's id")
      ->required()
      ->check(UlidValidator())
      ->type_name("ULID");
  reject->add_option("--reason", reject_options->reason, "recorded with the decision")
      ->check(FreeTextValidator(kMaxReasonBytes))
      ->type_name("TEXT");
  AddJsonFlag(reject, context);
}

// list, describe, grant-/revoke-capability, requests: the registered nodes.
void RegisterNodeCommands(CLI::App* nodes, CliContext& context) {
  CLI::App* list =
      AddLeafCommand(*nodes, context, "list", "list registered nodes with presence and capabilities",
                     [&context] { return RunList(context); });
  AddJsonAndNdjsonFlags(list, context);

  auto describe_id = std::make_shared<std::string>();
  CLI::App* describe =
      AddLeafCommand(*nodes, context, "describe", "show one node (alias: status)",
                     [&context, describe_id] { return RunDescribe(context, *describe_id); });
  describe->alias("status");
  describe->add_option("device_id", *describe_id, "the node's device id")
      ->required()
      ->check(UlidValidator())
      ->type_name("ULID");
  AddJsonFlag(describe, context);

  for (const bool available : {true, false}) {
    struct Args {
      std::string device_id, capability;
    };
    auto args = std::make_shared<Args>();
    CLI::App* set = AddLeafCommand(
        *nodes, context, available ? "grant-capability" : "revoke-capability",
        available ? "make a capability of a node available again"
                  : "make a capability of a node unavailable (its requests are rejected)",
        [&context, args, available] {
          return RunSetCapability(context, args->device_id, args->capability, available);
        });
    set->add_option("device_id", args->device_id, "the node's device id")
        ->required()
        ->check(UlidValidator())
        ->type_name("ULID");
    set->add_option("capability", args->capability, "the capability's name")
        ->required()
        ->check(FreeTextValidator(128))
        ->type_name("NAME");
    AddJsonFlag(set, context);
  }

  auto requests_device = std::make_shared<std::string>();
  auto requests_limit = std::make_shared<std::optional<std::string>>();
  CLI::App* requests =
      AddLeafCommand(*nodes, context, "requests", "list a node's capability requests, newest first",
                     [&context, requests_device, requests_limit] {
                       return RunRequests(context, *requests_device, *requests_limit);
                     });
  requests->add_option("device_id", *requests_device, "the node's device id")
      ->required()
      ->check(UlidValidator())
      ->type_name("ULID");
  requests->add_option("--limit", *requests_limit, "at most this many, 1-1000 (default 100)")
      ->check(UnsignedValidator(1, 1000))
      ->type_name("N");
  AddJsonFlag(requests, context);
}

void RegisterInvokeCommand(CLI::App* nodes, CliContext& context) {
  auto invoke_options = std::make_shared<InvokeOptions>();
  CLI::App* invoke = AddLeafCommand(
      *nodes, context, "invoke", "run a capability on a node and wait for its result",
      [&context, invoke_options] { return RunInvoke(context, *invoke_options); });
  invoke->add_option("device_id", invoke_options->device_id, "the node's device id")
      ->required()
      ->check(UlidValidator())
      ->type_name("ULID");
  invoke
      ->add_option("capability", invoke_options->capability,
                   "the capability's name, e.g. system.health")
      ->required()
      ->check(TokenLikeValidator(kMaxCapabilityNameBytes))
      ->type_name("NAME");
  auto* input_json = invoke->add_option("--input-json", invoke_options->input_json,
                                        "the capability's input as JSON (default: null)");
  input_json->type_name("JSON");
  auto* input_stdin = invoke->add_flag("--input-stdin", invoke_options->input_stdin,
                                       "read the JSON input from stdin (at most 1 MiB; blank "
                                       "means null)");
  input_json->excludes(input_stdin);
  invoke
      ->add_option("--timeout", invoke_options->timeout,
                   "how long the daemon waits for the node, 1s to 120s (default 30s)")
      ->check(DurationValidator(kMinInvokeTimeoutMs, kMaxInvokeTimeoutMs))
      ->type_name("DURATION");
  invoke
      ->add_option("--max-payload-bytes", invoke_options->max_payload_bytes,
                   "cap on input and output size (default 0: the daemon's, 64 KiB)")
      ->check(UnsignedValidator(0, UINT64_MAX))
      ->type_name("BYTES");
  invoke
      ->add_option("--idempotency-key", invoke_options->idempotency_key,
                   "repeating a key returns the existing request instead of a new one")
      ->check(TokenLikeValidator(kMaxIdempotencyKeyBytes))
      ->type_name("KEY");
  AddJsonFlag(invoke, context);
}

}  // namespace

void RegisterNodesCommands(CLI::App& root, CliContext& context) {
  CLI::App* nodes = AddCommandGroup(
      root, "nodes", "pairing requests, registered nodes, capability invocation and presence");
  RegisterPairingRequestCommands(nodes, context);
  RegisterNodeCommands(nodes, context);
  RegisterInvokeCommand(nodes, context);
  CLI::App* watch =
      AddLeafCommand(*nodes, context, "watch",
                     "print presence changes as they happen (NDJSON with --json) until Ctrl-C",
                     [&context] { return RunWatch(context); });
  AddJsonFlag(watch, context);
}

}  // namespace palyra::cli
