#pragma once
// Building blocks for command groups: leaf commands that run after parsing, the --json flag, and
// CLI11 validators for ids and durations (a bad value is a usage error, exit 2, naming the
// argument).

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <string>

#include "cli/cli_context.h"

namespace palyra::cli {

// A subcommand of `parent` that, when chosen, runs `run` once parsing has finished.
CLI::App* AddLeafCommand(CLI::App& parent, CliContext& context, const std::string& name,
                         const std::string& description, std::function<int()> run);
// A command group ("nodes", "devices"): a subcommand that needs exactly one subcommand.
CLI::App* AddCommandGroup(CLI::App& parent, const std::string& name,
                          const std::string& description);

void AddJsonFlag(CLI::App* command, CliContext& context);
// --json, plus --ndjson (one {"type": ..., ...} object per line, context.ndjson()), which
// excludes it.
void AddJsonAndNdjsonFlags(CLI::App* command, CliContext& context);

// Canonical ULID (26 characters of uppercase Crockford base32).
CLI::Validator UlidValidator();
// A duration (see duration.h) within [min_ms, max_ms].
CLI::Validator DurationValidator(int64_t min_ms, int64_t max_ms);
// Non-empty printable ASCII without spaces, at most `max_bytes`.
CLI::Validator TokenLikeValidator(size_t max_bytes);
// Free text (a reason) of at most `max_bytes`, without control characters.
CLI::Validator FreeTextValidator(size_t max_bytes);
// A whole number in [min, max] (CLI11's own range check accepts "1e3" and "0x10").
CLI::Validator UnsignedValidator(uint64_t min, uint64_t max);

// Parses a value an UnsignedValidator has accepted.
uint64_t ParseCheckedUnsigned(const std::string& text);

}  // namespace palyra::cli
