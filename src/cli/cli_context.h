#pragma once
// What every palyra command shares: the global options, finding the daemon (state dir and run
// file, or --daemon URL), the admin channel with its bearer token and deadlines, the output mode,
// and turning failures into one stderr line plus an exit code (see exit_codes.h).

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "cli/daemon_target.h"
#include "cli/exit_codes.h"
#include "common/config.h"
#include "common/state_paths.h"
#include "common/status.h"

namespace palyra::cli {

struct CliIo {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

struct GlobalOptions {
  std::optional<std::string> state_dir;   // --state-dir
  std::optional<std::string> daemon_url;  // --daemon
  std::optional<std::string> daemon_ca;   // --daemon-ca (PEM roots for https://)
  std::optional<std::string> output_format;  // --output-format text|json|ndjson
};

// Every RPC's deadline unless a command extends it (nodes invoke adds its own timeout).
inline constexpr std::chrono::milliseconds kDefaultRpcTimeout{10'000};
inline constexpr size_t kMaxAdminTokenBytes = 4096;
inline constexpr size_t kMaxDaemonCaBytes = 256 * 1024;

// The admin listener of one daemon, with the token to present. The token is only ever placed
// in call metadata: it is never printed, logged or put into an error message.
class AdminConnection {
 public:
  const std::string& address() const { return address_; }
  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }
  bool has_token() const { return !token_.empty(); }
  // Where the token came from, for messages ("PALYRA_ADMIN_TOKEN", a file path).
  const std::string& token_source() const { return token_source_; }
  // The run file the address came from; empty for --daemon.
  const std::filesystem::path& run_file() const { return run_file_; }
  long run_file_pid() const { return run_file_pid_; }

  // Sets the deadline (kDefaultRpcTimeout + extra) and `authorization: Bearer <token>`.
  void PrepareCall(grpc::ClientContext& context,
                   std::chrono::milliseconds extra = std::chrono::milliseconds(0)) const;
  void PrepareStream(grpc::ClientContext& context) const;  // the token, no deadline

  // After a failed call: whether the status was the daemon's answer over a live connection.
  StatusOrigin OriginOf(const grpc::Status& status) const;

 private:
  friend class CliContext;
  std::string address_;
  std::shared_ptr<grpc::Channel> channel_;
  std::string token_;
  std::string token_source_;
  std::filesystem::path run_file_;
  long run_file_pid_ = 0;
};

enum class TokenUse {
  kRequired,     // the operator service: no token is exit 4
  kIfAvailable,  // health: sent when known, never required
};

class CliContext {
 public:
  CliContext(Environment env, CliIo io);

  GlobalOptions& globals() { return globals_; }
  // Bound by every command's --json flag.
  bool& json_flag() { return json_; }
  bool json() const { return json_; }
  // Bound by --ndjson on the list commands; also set by --output-format ndjson, which makes
  // every other command print its JSON document on one line.
  bool& ndjson_flag() { return ndjson_; }
  bool ndjson() const { return ndjson_; }
  // Folds the global --output-format into the per-command flags after parsing. INVALID_ARGUMENT
  // when the two disagree (--output-format text --json).
  Status ApplyOutputFormat();
  const Environment& env() const { return env_; }
  std::istream& in() { return io_.in; }
  std::ostream& out() { return io_.out; }
  std::ostream& err() { return io_.err; }

  // The command chosen on the command line; set from its CLI11 callback, run after parsing.
  void SetAction(std::function<int()> action) { action_ = std::move(action); }
  std::function<int()>& action() { return action_; }

  // The state dir (--state-dir, $PALYRA_STATE_DIR, XDG default); INVALID_ARGUMENT when unusable.
  Result<std::filesystem::path> StateDir();
  // The local run file (nullopt with --daemon). Its absence is UNAVAILABLE naming its path.
  Result<std::optional<RunFileInfo>> LocalRunFile();
  // Finds the daemon and opens a channel to it. Errors carry the exit code's StatusCode:
  // INVALID_ARGUMENT (2), UNAVAILABLE (3), UNAUTHENTICATED (4).
  Result<AdminConnection> Connect(TokenUse token_use);

  // Prints one JSON document (pretty) / one NDJSON line to stdout.
  void PrintJson(const nlohmann::json& value);
  void PrintJsonLine(const nlohmann::json& value);

  // "palyra: error: <message>" on stderr; returns the exit code for a local status.
  int Fail(const Status& status);
  int Usage(const std::string& message) { return Fail(InvalidArgument(message)); }
  // For a failed RPC: names the address when unreachable, the token source when refused, and
  // otherwise "<what>: <CODE>: <the daemon's reason>".
  int FailRpc(const AdminConnection& connection, const grpc::Status& status, std::string_view what);
  // Prints an error line and returns kExitFailed (the daemon answered, the operation failed).
  int FailOperation(const std::string& message);

 private:
  Result<StatePaths> ResolveStatePaths();
  Result<RunFileInfo> ReadLocalRunFile();
  Result<std::shared_ptr<grpc::ChannelCredentials>> Credentials(bool tls);
  void PrintError(std::string_view message);

  Environment env_;
  CliIo io_;
  GlobalOptions globals_;
  bool json_ = false;
  bool ndjson_ = false;
  std::function<int()> action_;
  std::optional<RunFileInfo> run_file_cache_;
};

// Reads and checks an admin token file: trimmed, at most kMaxAdminTokenBytes. NOT_FOUND when it
// does not exist.
Result<std::string> ReadAdminTokenFile(const std::filesystem::path& path);
// OK when `token` is non-empty printable ASCII without spaces (what HTTP/2 metadata allows).
Status ValidateAdminToken(std::string_view token, std::string_view source);

}  // namespace palyra::cli
