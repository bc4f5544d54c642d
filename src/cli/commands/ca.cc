#include "cli/commands/ca.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "cli/command_support.h"
#include "cli/text_format.h"
#include "common/files.h"
#include "common/time.h"
#include "crypto/certificate.h"
#include "palyra/admin/v1/operator.grpc.pb.h"

namespace palyra::cli {
namespace {

using nlohmann::json;
namespace adminv1 = ::palyra::admin::v1;

struct CaFacts {
  std::optional<std::string> path;  // set when read from the local state dir
  std::string source;               // for text output
  std::string pem;
  std::string fingerprint;
  int64_t not_after_unix_ms = 0;
  std::string node_rpc_address;
};

// Fingerprints compare as lowercase hex with any ':' separators removed.
std::string NormalizeFingerprint(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ':') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Parses the PEM and checks it against the fingerprint we were told, filling in what is missing.
Status CheckCertificate(CaFacts& facts, std::string_view claimed_by) {
  auto certificate = crypto::Certificate::FromPem(facts.pem);
  if (!certificate.ok()) {
    return DataLoss("the gateway CA from " + std::string(claimed_by) +
                    " is not a certificate: " + certificate.status().message());
  }
  const std::string& actual = certificate->FingerprintSha256Hex();
  if (!facts.fingerprint.empty() && NormalizeFingerprint(facts.fingerprint) != actual) {
    return DataLoss("the gateway CA certificate's fingerprint " + actual + " does not match " +
                    facts.fingerprint + " given by " + std::string(claimed_by));
  }
  facts.fingerprint = actual;
  if (facts.not_after_unix_ms == 0) facts.not_after_unix_ms = certificate->NotAfterUnixMs();
  return Status::Ok();
}

int RunShow(CliContext& context, bool pem_only) {
  CaFacts facts;
  auto run = context.LocalRunFile();
  if (!run.ok()) return context.Fail(run.status());
  if (*run && !(*run)->gateway_ca_path.empty()) {
    const RunFileInfo& info = **run;
    auto pem = ReadFileBounded(info.gateway_ca_path, crypto::kMaxCertificatePemBytes);
    if (!pem.ok())
      return context.FailOperation("reading the gateway CA: " + pem.status().message());
    facts.path = info.gateway_ca_path;
    facts.source = info.gateway_ca_path;
    facts.pem = *pem;
    facts.fingerprint = info.gateway_ca_fingerprint;
    facts.node_rpc_address = info.node_rpc_addr;
    Status checked = CheckCertificate(facts, "the run file");
    if (!checked.ok()) return context.FailOperation(checked.message());
  } else {
    auto connection = context.Connect(TokenUse::kRequired);
    if (!connection.ok()) return context.Fail(connection.status());
    auto stub = adminv1::OperatorService::NewStub(connection->channel());
    grpc::ClientContext call;
    connection->PrepareCall(call);
    adminv1::GetGatewayCaResponse response;
    grpc::Status status = stub->GetGatewayCa(&call, {}, &response);
    if (!status.ok()) return context.FailRpc(*connection, status, "fetching the gateway CA");
    facts.source = "palyrad at " + connection->address();
    facts.pem = response.certificate_pem();
    facts.fingerprint = response.fingerprint();
    facts.not_after_unix_ms = response.not_after_unix_ms();
    facts.node_rpc_address = response.node_rpc_address();
    Status checked = CheckCertificate(facts, facts.source);
    if (!checked.ok()) return context.FailOperation(checked.message());
  }

  if (context.json()) {
    context.PrintJson({
        {"path", facts.path ? json(*facts.path) : json(nullptr)},
        {"fingerprint", facts.fingerprint},
        {"not_after_unix_ms", facts.not_after_unix_ms},
        {"node_rpc_address",
         facts.node_rpc_address.empty() ? json(nullptr) : json(facts.node_rpc_address)},
        {"pem", facts.pem},
    });
    return kExitOk;
  }
  if (pem_only) {
    context.out() << facts.pem;
    if (!facts.pem.empty() && facts.pem.back() != '\n') context.out() << '\n';
    return kExitOk;
  }
  auto& out = context.out();
  out << "gateway CA    " << SanitizeForTerminal(facts.source) << "\n"
      << "fingerprint   " << facts.fingerprint << " (SHA-256 of the DER)\n"
      << "not after     " << FormatTimestamp(facts.not_after_unix_ms, NowUnixMs()) << "\n";
  if (!facts.node_rpc_address.empty()) {
    out << "node address  " << SanitizeForTerminal(facts.node_rpc_address) << "\n";
  }
  return kExitOk;
}

}  // namespace

void RegisterCaCommands(CLI::App& root, CliContext& context) {
  CLI::App* ca = AddCommandGroup(root, "ca", "the gateway CA that devices pin");
  auto pem = std::make_shared<bool>(false);
  CLI::App* show = AddLeafCommand(
      *ca, context, "show",
      "show the gateway CA certificate (from the local state dir, else from the daemon)",
      [&context, pem] { return RunShow(context, *pem); });
  show->add_flag("--pem", *pem, "print only the certificate PEM (JSON always includes it)");
  AddJsonFlag(show, context);
}

}  // namespace palyra::cli
