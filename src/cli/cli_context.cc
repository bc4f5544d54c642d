#include "cli/cli_context.h"

#include <signal.h>

#include <cerrno>
#include <istream>
#include <ostream>

#include "cli/text_format.h"
#include "common/files.h"
#include "common/strings.h"
#include "palyra/build_info.h"

namespace palyra::cli {
namespace {

constexpr std::string_view kTokenEnv = "PALYRA_ADMIN_TOKEN";

std::optional<std::string> EnvValue(const Environment& env, std::string_view key) {
  auto it = env.find(key);
  if (it == env.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

bool ProcessIsGone(long pid) {
  return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

}  // namespace

Result<std::string> ReadAdminTokenFile(const std::filesystem::path& path) {
  PALYRA_ASSIGN_OR_RETURN(std::string text, ReadFileBounded(path, kMaxAdminTokenBytes));
  return std::string(TrimAsciiWhitespace(text));
}

Status ValidateAdminToken(std::string_view token, std::string_view source) {
  if (token.empty())
    return Unauthenticated("the admin token from " + std::string(source) + " is empty");
  for (char c : token) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x21 || u > 0x7e) {
      return Unauthenticated("the admin token from " + std::string(source) +
                             " contains characters a token cannot have (spaces or non-ASCII)");
    }
  }
  return Status::Ok();
}

void AdminConnection::PrepareCall(grpc::ClientContext& context,
                                  std::chrono::milliseconds extra) const {
  context.set_deadline(std::chrono::system_clock::now() + kDefaultRpcTimeout + extra);
  PrepareStream(context);
}

void AdminConnection::PrepareStream(grpc::ClientContext& context) const {
  if (!token_.empty()) context.AddMetadata("authorization", "Bearer " + token_);
}

StatusOrigin AdminConnection::OriginOf(const grpc::Status& status) const {
  (void)status;
  return channel_ && channel_->GetState(/*try_to_connect=*/false) == GRPC_CHANNEL_READY
             ? StatusOrigin::kDaemon
             : StatusOrigin::kNotConnected;
}

CliContext::CliContext(Environment env, CliIo io) : env_(std::move(env)), io_(io) {}

Result<StatePaths> CliContext::ResolveStatePaths() {
  auto root = ResolveStateDir(globals_.state_dir, env_);
  if (!root.ok()) return InvalidArgument(root.status().message());
  return StatePaths{*root};
}

Result<std::filesystem::path> CliContext::StateDir() {
  PALYRA_ASSIGN_OR_RETURN(StatePaths paths, ResolveStatePaths());
  return paths.root;
}

Result<RunFileInfo> CliContext::ReadLocalRunFile() {
  if (run_file_cache_) return *run_file_cache_;
  PALYRA_ASSIGN_OR_RETURN(StatePaths paths, ResolveStatePaths());
  auto info = ReadRunFile(paths.run_file());
  if (!info.ok()) {
    if (info.status().code() == StatusCode::kNotFound) {
      return Unavailable("palyrad is not running for state dir " + paths.root.string() + ": " +
                         paths.run_file().string() +
                         " does not exist (start palyrad, or pass --state-dir or --daemon)");
    }
    return Unavailable("cannot use the run file " + paths.run_file().string() + ": " +
                       info.status().message());
  }
  run_file_cache_ = *info;
  return *info;
}

Result<std::optional<RunFileInfo>> CliContext::LocalRunFile() {
  if (globals_.daemon_url) return std::optional<RunFileInfo>();
  PALYRA_ASSIGN_OR_RETURN(RunFileInfo info, ReadLocalRunFile());
  return std::optional<RunFileInfo>(std::move(info));
}

Result<std::shared_ptr<grpc::ChannelCredentials>> CliContext::Credentials(bool tls) {
  if (!tls) {
    if (globals_.daemon_ca) {
      return InvalidArgument("--daemon-ca is only used with an https:// daemon");
    }
    return grpc::InsecureChannelCredentials();
  }
  grpc::SslCredentialsOptions options;  // empty roots: the system trust store
  if (globals_.daemon_ca) {
    auto pem = ReadFileBounded(*globals_.daemon_ca, kMaxDaemonCaBytes);
    if (!pem.ok()) return InvalidArgument("--daemon-ca: " + pem.status().message());
    if (pem->find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
      return InvalidArgument("--daemon-ca: " + *globals_.daemon_ca + " holds no PEM certificate");
    }
    options.pem_root_certs = *pem;
  }
  return grpc::SslCredentials(options);
}

Result<AdminConnection> CliContext::Connect(TokenUse token_use) {
  AdminConnection connection;
  DaemonEndpoint endpoint;
  std::optional<std::string> token = EnvValue(env_, kTokenEnv);
  std::string token_source = token ? std::string(kTokenEnv) : std::string();
  std::string missing_token_hint;

  if (globals_.daemon_url) {
    auto parsed = ParseDaemonUrl(*globals_.daemon_url);
    if (!parsed.ok()) return InvalidArgument(parsed.status().message());
    endpoint = *parsed;
    missing_token_hint =
        "no admin token: set " + std::string(kTokenEnv) + " to use --daemon " + endpoint.target;
  } else {
    PALYRA_ASSIGN_OR_RETURN(StatePaths paths, ResolveStatePaths());
    PALYRA_ASSIGN_OR_RETURN(RunFileInfo run, ReadLocalRunFile());
    auto parsed = EndpointFromHostPort(run.admin_grpc_addr, run.admin_grpc_tls);
    if (!parsed.ok()) {
      return Unavailable("cannot use the run file " + paths.run_file().string() + ": " +
                         parsed.status().message());
    }
    endpoint = *parsed;
    connection.run_file_ = paths.run_file();
    connection.run_file_pid_ = run.pid;
    if (!token) {
      if (run.admin_token_path && run.admin_token_path->empty()) {
        missing_token_hint =
            "palyrad takes its admin token from its configuration; set " + std::string(kTokenEnv);
      } else {
        auto from_file = ReadAdminTokenFile(paths.admin_token());
        if (from_file.ok()) {
          token = *from_file;
          token_source = paths.admin_token().string();
        } else if (from_file.status().code() == StatusCode::kNotFound) {
          missing_token_hint = "no admin token: " + paths.admin_token().string() +
                               " does not exist; set " + std::string(kTokenEnv);
        } else if (token_use == TokenUse::kRequired) {
          return Unauthenticated("cannot read the admin token: " + from_file.status().message());
        }
      }
    }
  }

  if (token) {
    Status valid = ValidateAdminToken(*token, token_source);
    if (!valid.ok()) {
      if (token_use == TokenUse::kRequired) return valid;
      token.reset();  // not needed here, so a broken one is simply not sent
    }
  }
  if (token) {
    if (!endpoint.tls && !endpoint.loopback) {
      // h2c is cleartext: the token would cross the network readable by anyone on the path.
      if (token_use == TokenUse::kRequired) {
        return InvalidArgument("refusing to send the admin token in cleartext to " +
                               endpoint.target + "; use an https:// daemon URL");
      }
      token.reset();
    }
  } else if (token_use == TokenUse::kRequired) {
    return Unauthenticated(missing_token_hint);
  }

  PALYRA_ASSIGN_OR_RETURN(auto credentials, Credentials(endpoint.tls));
  grpc::ChannelArguments args;
  args.SetUserAgentPrefix(std::string("palyra-cli/") + build_info::kVersion);
  if (!endpoint.tls) args.SetInt(GRPC_ARG_ENABLE_HTTP_PROXY, 0);
  connection.address_ = endpoint.target;
  connection.channel_ = grpc::CreateCustomChannel(endpoint.target, credentials, args);
  if (token) {
    connection.token_ = std::move(*token);
    connection.token_source_ = token_source;
  }
  return connection;
}

Status CliContext::ApplyOutputFormat() {
  if (!globals_.output_format) return Status::Ok();
  const std::string& format = *globals_.output_format;
  const bool wants_json = format == "json" || format == "ndjson";
  const bool wants_ndjson = format == "ndjson";
  if ((json_ && !wants_json) || (json_ && wants_ndjson) || (ndjson_ && !wants_ndjson)) {
    return InvalidArgument("--output-format " + format + " conflicts with " +
                           (ndjson_ ? "--ndjson" : "--json"));
  }
  json_ = wants_json;
  ndjson_ = wants_ndjson;
  return Status::Ok();
}

void CliContext::PrintJson(const nlohmann::json& value) {
  // NDJSON output: the one document on one line.
  io_.out << DumpJson(value, /*pretty=*/!ndjson_) << '\n';
  io_.out.flush();
}

void CliContext::PrintJsonLine(const nlohmann::json& value) {
  io_.out << DumpJson(value, /*pretty=*/false) << '\n';
  io_.out.flush();
}

void CliContext::PrintError(std::string_view message) {
  io_.out.flush();
  io_.err << "palyra: error: " << SanitizeForTerminal(message, 2048) << '\n';
  io_.err.flush();
}

int CliContext::Fail(const Status& status) {
  PrintError(status.message());
  return ExitCodeForStatus(status.code(), StatusOrigin::kLocal);
}

int CliContext::FailOperation(const std::string& message) {
  PrintError(message);
  return kExitFailed;
}

int CliContext::FailRpc(const AdminConnection& connection, const grpc::Status& status,
                        std::string_view what) {
  const auto code = static_cast<StatusCode>(status.error_code());
  const StatusOrigin origin = connection.OriginOf(status);
  const int exit_code = ExitCodeForStatus(code, origin);
  const std::string detail = std::string(StatusCodeName(code)) + ": " + status.error_message();
  std::string message;
  if (exit_code == kExitUnreachable) {
    message = "cannot reach palyrad at " + connection.address() + " (" + detail + ")";
    if (!connection.run_file().empty()) {
      message += "; address from " + connection.run_file().string();
      if (ProcessIsGone(connection.run_file_pid())) {
        message += ", which is stale (pid " + std::to_string(connection.run_file_pid()) +
                   " is not running)";
      }
    }
  } else if (exit_code == kExitAuth) {
    message = "palyrad at " + connection.address() +
              (connection.has_token() ? " refused the admin token from " + connection.token_source()
                                      : std::string(" requires an admin token")) +
              " (" + detail + ")";
  } else if (code == StatusCode::kUnimplemented) {
    message = std::string(what) + ": palyrad at " + connection.address() +
              " does not implement this call (" + detail + "); is it older than this CLI?";
  } else if (code == StatusCode::kDeadlineExceeded) {
    message = std::string(what) + ": palyrad at " + connection.address() +
              " did not answer in time (" + detail + ")";
  } else {
    message = std::string(what) + ": " + detail;
  }
  PrintError(message);
  return exit_code;
}

}  // namespace palyra::cli
