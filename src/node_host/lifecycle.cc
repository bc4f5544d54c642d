#include "node_host/lifecycle.h"

#include <spdlog/spdlog.h>

#include <system_error>
#include <thread>

#include "common/files.h"
#include "common/strings.h"
#include "common/time.h"
#include "common/ulid.h"
#include "crypto/certificate.h"
#include "identity/pairing_uri.h"
#include "node_host/gateway_client.h"
#include "node_host/host_material.h"
#include "node_host/host_process.h"
#include "node_host/pairing_bootstrap.h"

namespace palyra::node_host {
namespace {

constexpr std::chrono::milliseconds kCaFetchTimeout{10'000};
constexpr std::chrono::milliseconds kUninstallRevokeTimeout{5'000};

nlohmann::json OrNull(const auto& optional) {
  return optional ? nlohmann::json(*optional) : nlohmann::json(nullptr);
}

const char* Bool(bool value) { return value ? "true" : "false"; }

Result<std::string> ReadCaFile(const std::string& path) {
  PALYRA_ASSIGN_OR_RETURN(std::string pem, ReadFileBounded(path, kMaxCaPemBytes));
  auto ca = crypto::Certificate::FromPem(pem);
  if (!ca.ok()) return InvalidArgument("--gateway-ca-file " + path + ": " + ca.status().message());
  if (!ca->IsCa()) return InvalidArgument("--gateway-ca-file " + path + " is not a CA certificate");
  return pem;
}

Result<MediationPolicy> PolicyFromFlags(const SetupFlags& flags, const MediationPolicy& current) {
  if (!flags.mediation_mode && flags.allow_url_origins.empty() &&
      flags.allow_path_prefixes.empty()) {
    return current;
  }
  nlohmann::json json = MediationPolicyToJson(current);
  if (flags.mediation_mode) json["mode"] = *flags.mediation_mode;
  if (!flags.allow_url_origins.empty()) json["allowed_url_origins"] = flags.allow_url_origins;
  if (!flags.allow_path_prefixes.empty()) {
    json["allowed_path_prefixes"] = flags.allow_path_prefixes;
  }
  auto policy = ParseMediationPolicy(json);
  if (!policy.ok()) return InvalidArgument("mediation flags: " + policy.status().message());
  return policy;
}

}  // namespace

nlohmann::json LifecycleJson(const LifecycleReport& r) {
  nlohmann::ordered_json json;
  json["action"] = r.action;
  json["installed"] = r.installed;
  json["paired"] = r.paired;
  json["running"] = r.running;
  json["device_id"] = OrNull(r.device_id);
  json["grpc_url"] = OrNull(r.grpc_url);
  json["identity_store_dir"] = OrNull(r.identity_store_dir);
  json["cert_expires_at_unix_ms"] = OrNull(r.cert_expires_at_unix_ms);
  json["pid"] = r.running ? OrNull(r.pid) : nlohmann::json(nullptr);
  json["stdout_log_path"] = OrNull(r.stdout_log_path);
  json["stderr_log_path"] = OrNull(r.stderr_log_path);
  json["detail"] = OrNull(r.detail);
  return json;
}

std::string LifecycleText(const LifecycleReport& r) {
  std::string out = "node." + r.action + " installed=" + Bool(r.installed) +
                    " paired=" + Bool(r.paired) + " running=" + Bool(r.running) +
                    " device_configured=" + Bool(r.device_id.has_value()) +
                    " grpc_configured=" + Bool(r.grpc_url.has_value()) +
                    " identity_store_configured=" + Bool(r.identity_store_dir.has_value()) +
                    " cert_present=" + Bool(r.cert_expires_at_unix_ms.has_value()) +
                    " pid_present=" + Bool(r.running && r.pid.has_value()) +
                    " logs_present=" +
                    Bool(r.stdout_log_path.has_value() && r.stderr_log_path.has_value()) + "\n";
  out += "node." + r.action + ".details=available via --json\n";
  return out;
}

Result<NodeHostConfig> SetUpNodeHost(const NodeHostPaths& paths, const SetupFlags& flags,
                                     const std::optional<LocalGatewayHints>& hints,
                                     const std::function<void(const std::string&)>& progress) {
  // Flags first: nothing is written when one is bad.
  std::optional<identity::PairingUri> uri;
  if (flags.pair_uri) {
    PALYRA_ASSIGN_OR_RETURN(identity::PairingUri parsed,
                            identity::ParsePairingUri(*flags.pair_uri));
    if (flags.method || flags.pairing_code) {
      return InvalidArgument("--pair-uri carries the method and code; do not also pass --method "
                             "or --pairing-code");
    }
    uri = std::move(parsed);
  }
  if (flags.method.has_value() != flags.pairing_code.has_value()) {
    return InvalidArgument("--method and --pairing-code go together");
  }
  if (flags.pairing_code && TrimAsciiWhitespace(flags.pairing_code->view()).empty()) {
    return InvalidArgument("--pairing-code must not be blank");
  }
  std::optional<std::string> device_flag;
  if (flags.device_id) {
    device_flag = std::string(TrimAsciiWhitespace(*flags.device_id));
    PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(*device_flag, "--device-id"));
  }

  auto existing = ReadNodeHostConfig(paths.config());
  if (!existing.ok() && existing.status().code() != StatusCode::kNotFound) {
    return existing.status();
  }
  NodeHostConfig config;
  const bool had_config = existing.ok();
  if (had_config) {
    config = *existing;
  } else {
    config.device_id = NewUlid();
    config.identity_store_dir = std::filesystem::absolute(paths.default_identity_dir());
    config.installed_at_unix_ms = NowUnixMs();
  }
  HostMaterialStore store(config.identity_store_dir);
  const bool was_paired = had_config && store.IsPaired(config.device_id);
  if (device_flag && *device_flag != config.device_id) {
    if (was_paired) {
      return InvalidArgument("this node host is paired as device " + config.device_id +
                             "; run `palyra node uninstall` before using another --device-id");
    }
    config.device_id = *device_flag;
  }

  if (flags.grpc_url) {
    PALYRA_ASSIGN_OR_RETURN(config.grpc_url, NormalizeGrpcUrl(*flags.grpc_url));
  } else if (uri) {
    PALYRA_ASSIGN_OR_RETURN(config.grpc_url, NormalizeGrpcUrl("https://" + uri->address));
  } else if (config.grpc_url.empty()) {
    std::string url = hints && !hints->node_rpc_addr.empty() ? "https://" + hints->node_rpc_addr
                                                              : std::string(kDefaultGrpcUrl);
    PALYRA_ASSIGN_OR_RETURN(config.grpc_url, NormalizeGrpcUrl(url));
  }
  if (flags.poll_interval_ms) {
    config.poll_interval_ms =
        std::clamp(*flags.poll_interval_ms, kMinPollIntervalMs, kMaxPollIntervalMs);
  }
  PALYRA_ASSIGN_OR_RETURN(config.mediation, PolicyFromFlags(flags, config.mediation));

  const bool paired = store.IsPaired(config.device_id);
  if (!paired) {
    if (!uri && !flags.method) {
      return FailedPrecondition(
          "this node host is not paired yet: pass --pair-uri (from `palyra pairing code`), or "
          "--method pin|qr with --pairing-code");
    }
    PALYRA_ASSIGN_OR_RETURN(std::string target, GrpcTargetOf(config.grpc_url));
    std::string ca_pem;
    if (flags.gateway_ca_file) {
      PALYRA_ASSIGN_OR_RETURN(ca_pem, ReadCaFile(*flags.gateway_ca_file));
      if (uri) {
        auto ca = crypto::Certificate::FromPem(ca_pem);
        if (ca->FingerprintSha256Hex() != uri->ca_fingerprint) {
          return PermissionDenied("--gateway-ca-file does not match the pairing URI's "
                                  "ca_sha256; refusing to pair");
        }
      }
    } else if (uri) {
      progress("fetching the gateway CA from " + target + " and checking it against the pin");
      PALYRA_ASSIGN_OR_RETURN(ca_pem,
                              FetchPinnedGatewayCa(target, uri->ca_fingerprint, kCaFetchTimeout));
    } else if (hints && !hints->gateway_ca_path.empty()) {
      PALYRA_ASSIGN_OR_RETURN(ca_pem, ReadCaFile(hints->gateway_ca_path));
    } else {
      return InvalidArgument(
          "no gateway CA to trust: pass --gateway-ca-file (the daemon's gateway-ca.pem) or "
          "--pair-uri");
    }
    PairingRequest request;
    request.target = target;
    request.device_id = config.device_id;
    request.method = uri ? uri->method : *flags.method;
    request.code = crypto::SecretString(uri ? uri->code.view() : flags.pairing_code->view());
    request.ca_pem = ca_pem;
    request.poll_interval = flags.pairing_poll;
    // Write the config first (unpaired), so that `status` shows what is being paired.
    config.paired_at_unix_ms.reset();
    PALYRA_RETURN_IF_ERROR(EnsurePrivateDirectory(paths.dir));
    PALYRA_RETURN_IF_ERROR(WriteNodeHostConfig(paths.config(), config));
    PALYRA_ASSIGN_OR_RETURN(PairingResult paired_result,
                            PairWithGateway(request, store, progress));
    config.paired_at_unix_ms = paired_result.paired_at_unix_ms;
  }
  PALYRA_RETURN_IF_ERROR(EnsurePrivateDirectory(paths.dir));
  PALYRA_RETURN_IF_ERROR(WriteNodeHostConfig(paths.config(), config));
  return config;
}

LifecycleReport DescribeNodeHost(const NodeHostPaths& paths, std::string action) {
  LifecycleReport report;
  report.action = std::move(action);
  auto config = ReadNodeHostConfig(paths.config());
  if (!config.ok()) {
    if (config.status().code() != StatusCode::kNotFound) {
      report.detail = config.status().ToString();
    }
    return report;
  }
  report.installed = true;
  report.device_id = config->device_id;
  report.grpc_url = config->grpc_url;
  report.identity_store_dir = config->identity_store_dir.string();
  HostMaterialStore store(config->identity_store_dir);
  if (auto client = store.LoadClient(config->device_id); client.ok() && store.LoadCa().ok()) {
    report.paired = true;
    report.cert_expires_at_unix_ms = client->cert_expires_at_unix_ms;
  }
  if (auto process = ReadProcessMetadata(paths.process()); process.ok()) {
    report.stdout_log_path = process->stdout_log_path.string();
    report.stderr_log_path = process->stderr_log_path.string();
    if (IsSameProcessAlive(*process)) {
      report.running = true;
      report.pid = process->pid;
    }
  }
  return report;
}

Result<LifecycleReport> StartNodeHost(const NodeHostPaths& paths, const StartSpec& spec) {
  auto config = ReadNodeHostConfig(paths.config());
  if (!config.ok()) {
    if (config.status().code() == StatusCode::kNotFound) {
      return FailedPrecondition("not installed; run `palyra node install` first");
    }
    return config.status();
  }
  HostMaterialStore store(config->identity_store_dir);
  if (!store.IsPaired(config->device_id)) {
    return FailedPrecondition("not paired; run `palyra node install` with --pair-uri or "
                              "--method/--pairing-code first");
  }
  if (auto process = ReadProcessMetadata(paths.process()); process.ok()) {
    if (IsSameProcessAlive(*process)) {
      LifecycleReport report = DescribeNodeHost(paths, "start");
      report.detail = "already running";
      return report;
    }
    std::error_code ignored;
    std::filesystem::remove(paths.process(), ignored);  // stale: the pid is gone or reused
  }
  SpawnSpec spawn;
  spawn.argv = {spec.executable, "node", "run", "--json", "--state-dir", spec.state_dir.string()};
  spawn.extra_environment = spec.extra_environment;
  spawn.stdout_log_path = paths.stdout_log();
  spawn.stderr_log_path = paths.stderr_log();
  PALYRA_ASSIGN_OR_RETURN(ProcessMetadata metadata, SpawnDetached(spawn));
  PALYRA_RETURN_IF_ERROR(WriteProcessMetadata(paths.process(), metadata));
  std::this_thread::sleep_for(spec.settle);
  if (!IsSameProcessAlive(metadata)) {
    return Internal("the node host exited right after starting; see " +
                    paths.stdout_log().string() + " and " + paths.stderr_log().string());
  }
  LifecycleReport report = DescribeNodeHost(paths, "start");
  report.detail = "started";
  return report;
}

Result<LifecycleReport> StopNodeHost(const NodeHostPaths& paths, std::chrono::milliseconds grace) {
  auto process = ReadProcessMetadata(paths.process());
  if (!process.ok()) {
    if (process.status().code() != StatusCode::kNotFound) return process.status();
    LifecycleReport report = DescribeNodeHost(paths, "stop");
    report.detail = "not running; nothing to stop";
    return report;
  }
  PALYRA_ASSIGN_OR_RETURN(bool stopped, StopProcess(*process, grace));
  std::error_code ignored;
  std::filesystem::remove(paths.process(), ignored);
  LifecycleReport report = DescribeNodeHost(paths, "stop");
  report.detail = stopped ? "stopped" : "was not running (stale process metadata removed)";
  return report;
}

Result<LifecycleReport> UninstallNodeHost(const NodeHostPaths& paths,
                                          std::chrono::milliseconds grace) {
  LifecycleReport before = DescribeNodeHost(paths, "uninstall");
  if (auto process = ReadProcessMetadata(paths.process()); process.ok()) {
    PALYRA_RETURN_IF_ERROR(StopProcess(*process, grace).status());
  }
  std::string detail = "uninstalled";
  auto config = ReadNodeHostConfig(paths.config());
  if (config.ok()) {
    HostMaterialStore store(config->identity_store_dir);
    auto client_material = store.LoadClient(config->device_id);
    auto ca = store.LoadCa();
    auto target = GrpcTargetOf(config->grpc_url);
    if (client_material.ok() && ca.ok() && target.ok()) {
      auto client = GatewayClient::Connect(*target, *ca, &*client_material);
      Status revoked = client.ok() ? Status::Ok() : client.status();
      if (revoked.ok()) {
        revoked = (*client)
                      ->Revoke(config->device_id, "node_host_uninstalled", kUninstallRevokeTimeout)
                      .status();
      }
      detail = revoked.ok() ? "uninstalled; the gateway revoked device " + config->device_id
                            : "uninstalled; the device could not be revoked at the gateway (" +
                                  revoked.ToString() + "); revoke it there with `palyra devices "
                                  "revoke " + config->device_id + "`";
    }
    PALYRA_RETURN_IF_ERROR(store.DeleteAll());
  }
  if (paths.dir.empty() || paths.dir == paths.dir.root_path()) {
    return InvalidArgument("refusing to delete '" + paths.dir.string() + "'");
  }
  std::error_code ec;
  std::filesystem::remove_all(paths.dir, ec);
  if (ec) return Internal("cannot delete " + paths.dir.string() + ": " + ec.message());
  LifecycleReport report;
  report.action = "uninstall";
  report.device_id = before.device_id;
  report.grpc_url = before.grpc_url;
  report.detail = detail;
  return report;
}

}  // namespace palyra::node_host
