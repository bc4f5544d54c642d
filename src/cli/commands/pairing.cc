#include "cli/commands/pairing.h"

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "cli/command_support.h"
#include "cli/duration.h"
#include "cli/proto_json.h"
#include "cli/qr_render.h"
#include "cli/text_format.h"
#include "common/time.h"
#include "palyra/admin/v1/operator.grpc.pb.h"

namespace palyra::cli {
namespace {

// What OperatorService.MintPairingCode accepts (it would clamp; we refuse instead).
constexpr int64_t kMinTtlMs = 30'000;
constexpr int64_t kMaxTtlMs = 24 * 3600 * 1000;

struct CodeOptions {
  std::string method = "pin";
  std::optional<std::string> ttl;
  bool auto_approve = false;
  bool no_qr = false;
  bool qr_invert = false;
};

int RunCode(CliContext& context, const CodeOptions& options) {
  adminv1::MintPairingCodeRequest request;
  request.set_method(ParsePairingMethod(options.method).value_or(adminv1::PAIRING_METHOD_KIND_PIN));
  if (options.ttl) {
    auto ttl = ParseDurationInRangeMs(*options.ttl, "--ttl", kMinTtlMs, kMaxTtlMs);
    if (!ttl.ok()) return context.Fail(ttl.status());
    request.set_ttl_ms(*ttl);
  }
  request.set_auto_approve(options.auto_approve);

  auto connection = context.Connect(TokenUse::kRequired);
  if (!connection.ok()) return context.Fail(connection.status());
  auto stub = adminv1::OperatorService::NewStub(connection->channel());
  grpc::ClientContext call;
  connection->PrepareCall(call);
  adminv1::MintPairingCodeResponse response;
  grpc::Status status = stub->MintPairingCode(&call, request, &response);
  if (!status.ok()) return context.FailRpc(*connection, status, "minting a pairing code");

  // Showing the code is the point of this command; it is printed here and nowhere else.
  if (context.json()) {
    context.PrintJson(MintPairingCodeJson(response));
    return kExitOk;
  }
  const auto& info = response.info();
  auto& out = context.out();
  out << "pairing code   " << SanitizeForTerminal(response.code()) << "  ("
      << PairingMethodName(info.method()) << "; shown once, keep it private)\n"
      << "code id        " << SanitizeForTerminal(info.code_id()) << "\n"
      << "expires        " << FormatTimestamp(info.expires_at_unix_ms(), NowUnixMs()) << "\n"
      << "auto-approve   "
      << (info.auto_approve() ? "yes: the device that presents this code is paired without review"
                              : "no: approve the device with 'palyra nodes approve'")
      << "\n";
  if (!response.node_rpc_address().empty()) {
    out << "node address   " << SanitizeForTerminal(response.node_rpc_address()) << "\n";
  }
  if (!response.gateway_ca_fingerprint().empty()) {
    out << "CA fingerprint " << SanitizeForTerminal(response.gateway_ca_fingerprint()) << "\n";
  }
  if (!response.pairing_uri().empty()) {
    out << "uri            " << SanitizeForTerminal(response.pairing_uri()) << "\n";
    if (!options.no_qr) {
      QrRenderOptions qr_options;
      qr_options.invert = options.qr_invert;
      auto qr = RenderQrHalfBlocks(response.pairing_uri(), qr_options);
      if (qr.ok()) {
        out << "\n" << *qr;
      } else {
        out << "(no QR code: " << qr.status().message() << ")\n";
      }
    }
  }
  return kExitOk;
}

int RunCodes(CliContext& context) {
  auto connection = context.Connect(TokenUse::kRequired);
  if (!connection.ok()) return context.Fail(connection.status());
  auto stub = adminv1::OperatorService::NewStub(connection->channel());
  grpc::ClientContext call;
  connection->PrepareCall(call);
  adminv1::ListPairingCodesResponse response;
  grpc::Status status = stub->ListPairingCodes(&call, {}, &response);
  if (!status.ok()) return context.FailRpc(*connection, status, "listing pairing codes");

  if (context.json()) {
    nlohmann::json codes = nlohmann::json::array();
    for (const auto& code : response.codes()) codes.push_back(PairingCodeJson(code));
    context.PrintJson(codes);
    return kExitOk;
  }
  if (response.codes().empty()) {
    context.out() << "no live pairing codes\n";
    return kExitOk;
  }
  const int64_t now = NowUnixMs();
  std::vector<std::vector<std::string>> rows;
  for (const auto& code : response.codes()) {
    rows.push_back({code.code_id(), std::string(PairingMethodName(code.method())), code.state(),
                    code.auto_approve() ? "yes" : "no", code.issued_by(),
                    FormatTimestamp(code.expires_at_unix_ms(), now)});
  }
  context.out() << FormatTable(
      {"CODE_ID", "METHOD", "STATE", "AUTO_APPROVE", "ISSUED_BY", "EXPIRES"}, rows);
  return kExitOk;
}

int RunCancel(CliContext& context, const std::string& code_id) {
  auto connection = context.Connect(TokenUse::kRequired);
  if (!connection.ok()) return context.Fail(connection.status());
  auto stub = adminv1::OperatorService::NewStub(connection->channel());
  grpc::ClientContext call;
  connection->PrepareCall(call);
  adminv1::CancelPairingCodeRequest request;
  request.set_code_id(code_id);
  adminv1::CancelPairingCodeResponse response;
  grpc::Status status = stub->CancelPairingCode(&call, request, &response);
  if (!status.ok())
    return context.FailRpc(*connection, status, "cancelling pairing code " + code_id);

  // Either way the code can no longer be used, which is what the operator asked for.
  if (context.json()) {
    context.PrintJson({{"code_id", code_id}, {"cancelled", response.cancelled()}});
  } else if (response.cancelled()) {
    context.out() << "cancelled pairing code " << code_id << "\n";
  } else {
    context.out() << "pairing code " << code_id
                  << " was not live (unknown, already used or expired); nothing to cancel\n";
  }
  return kExitOk;
}

}  // namespace

void RegisterPairingCommands(CLI::App& root, CliContext& context) {
  CLI::App* pairing = AddCommandGroup(root, "pairing", "pairing codes for new devices");

  auto code_options = std::make_shared<CodeOptions>();
  CLI::App* code =
      AddLeafCommand(*pairing, context, "code",
                     "mint a one-time pairing code and show it with its URI and a QR code",
                     [&context, code_options] { return RunCode(context, *code_options); });
  code->add_option("--method", code_options->method, "how the device presents the code")
      ->check(CLI::IsMember({"pin", "qr"}))
      ->default_str("pin")
      ->type_name("pin|qr");
  code->add_option("--ttl", code_options->ttl,
                   "how long the code stays valid, 30s to 24h (default: the daemon's, 10m)")
      ->check(DurationValidator(kMinTtlMs, kMaxTtlMs))
      ->type_name("DURATION");
  code->add_flag("--auto-approve", code_options->auto_approve,
                 "pre-approve the device that presents this code (no separate approval)");
  code->add_flag("--no-qr", code_options->no_qr, "do not draw the QR code");
  code->add_flag("--qr-invert", code_options->qr_invert,
                 "draw dark modules instead of light ones (for light terminal backgrounds)");
  AddJsonFlag(code, context);

  CLI::App* codes = AddLeafCommand(*pairing, context, "codes",
                                   "list live pairing codes (never the codes themselves)",
                                   [&context] { return RunCodes(context); });
  AddJsonFlag(codes, context);

  auto code_id = std::make_shared<std::string>();
  CLI::App* cancel = AddLeafCommand(*pairing, context, "cancel", "cancel a live pairing code",
                                    [&context, code_id] { return RunCancel(context, *code_id); });
  cancel->add_option("code_id", *code_id, "the code's id (from 'palyra pairing codes')")
      ->required()
      ->check(UlidValidator())
      ->type_name("ULID");
  AddJsonFlag(cancel, context);
}

}  // namespace palyra::cli
