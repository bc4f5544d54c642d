#include "cli/cli_app.h"

#include <grpc/support/log.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/commands/groups.h"
#include "palyra/build_info.h"

namespace palyra::cli {
namespace {

// gRPC's own log lines would break the one-line error contract (and could leak details);
// every failure the CLI cares about comes back as a status instead.
void DropGrpcLog(gpr_log_func_args* /*args*/) {}

std::string FailureMessage(const CLI::App* app, const CLI::Error& error) {
  std::string what = error.what();
  // "palyra bogus" fails the "a subcommand is required" check before CLI11 reports the word it
  // did not know; name that word instead.
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
    std::vector<std::string> rest = app->remaining(/*recurse=*/true);
    if (!rest.empty() && !rest.front().starts_with("-")) {
      what = "unknown command '" + rest.front() + "'";
    }
  }
  for (char& c : what) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  while (!what.empty() && what.back() == ' ') what.pop_back();
  return "palyra: error: " + what + " (see --help)\n";
}

void AddGlobalOptions(CLI::App& app, CliContext& context) {
  GlobalOptions& globals = context.globals();
  auto* state_dir = app.add_option(
      "--state-dir", globals.state_dir,
      "palyrad's state directory, for its run file and admin token (default: $PALYRA_STATE_DIR, "
      "$XDG_STATE_HOME/palyra or ~/.local/state/palyra)");
  state_dir->type_name("DIR");
  auto* daemon = app.add_option(
      "--daemon", globals.daemon_url,
      "admin URL of a daemon: http://host:port or host:port (h2c, loopback only with a token), "
      "https://host[:port] (TLS); the token comes from $PALYRA_ADMIN_TOKEN");
  daemon->type_name("URL");
  daemon->excludes(state_dir);
  app.add_option("--output-format", globals.output_format,
                 "text (the default), json (as --json) or ndjson (one JSON object per line)")
      ->check(CLI::IsMember({"text", "json", "ndjson"}))
      ->type_name("FORMAT");
  app.add_option("--daemon-ca", globals.daemon_ca,
                 "PEM file of the CA that signed the daemon's TLS certificate (default: the system "
                 "roots)")
      ->type_name("FILE");
}

}  // namespace

int RunCli(const std::vector<std::string>& args, const Environment& env, CliIo io) {
  try {
    gpr_set_log_function(DropGrpcLog);
    CliContext context(env, io);
    CLI::App app{"palyra: the operator console of a Palyra gateway (palyrad)", "palyra"};
    app.failure_message(FailureMessage);
    app.footer(
        "Exit codes: 0 ok, 1 the operation failed, 2 usage error, 3 daemon unreachable, 4 admin "
        "token missing or refused, 5 this node's certificate was revoked (palyra node run).");
    app.require_subcommand(1);
    // Global options may also follow the subcommand: `palyra nodes list --state-dir DIR`.
    app.fallthrough();
    app.set_version_flag("--version", std::string("palyra ") + build_info::kVersion + " (" +
                                          build_info::kGitHash + ")");
    AddGlobalOptions(app, context);
    for (CommandGroupRegistrar registrar : CommandGroups()) registrar(app, context);

    std::vector<const char*> argv;
    for (const auto& arg : args) argv.push_back(arg.c_str());
    try {
      app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& error) {
      int code = app.exit(error, io.out, io.err);  // help goes to stdout, errors to stderr
      return code == 0 ? kExitOk : kExitUsage;
    }
    if (!context.action()) {
      io.out << app.help();
      return kExitUsage;
    }
    if (Status format = context.ApplyOutputFormat(); !format.ok()) return context.Fail(format);
    return context.action()();
  } catch (const std::exception& error) {
    io.err << "palyra: error: " << error.what() << '\n';
    return kExitFailed;
  } catch (...) {
    io.err << "palyra: error: unexpected failure\n";
    return kExitFailed;
  }
}

}  // namespace palyra::cli
