#include "cli/command_support.h"

#include <cerrno>
#include <cstdlib>

#include "cli/duration.h"
#include "common/ulid.h"

namespace palyra::cli {

CLI::App* AddLeafCommand(CLI::App& parent, CliContext& context, const std::string& name,
                         const std::string& description, std::function<int()> run) {
  CLI::App* command = parent.add_subcommand(name, description);
  command->callback([&context, run = std::move(run)] { context.SetAction(run); });
  return command;
}

CLI::App* AddCommandGroup(CLI::App& parent, const std::string& name,
                          const std::string& description) {
  CLI::App* group = parent.add_subcommand(name, description);
  group->require_subcommand(1);
  return group;
}

void AddJsonFlag(CLI::App* command, CliContext& context) {
  command->add_flag("--json", context.json_flag(), "print one JSON document instead of text");
}

void AddJsonAndNdjsonFlags(CLI::App* command, CliContext& context) {
  auto* json = command->add_flag("--json", context.json_flag(),
                                 "print one JSON document (an array) instead of text");
  command->add_flag("--ndjson", context.ndjson_flag(),
                    "print one JSON object per line instead of text")
      ->excludes(json);
}

CLI::Validator UlidValidator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (IsCanonicalUlid(value)) return {};
        return "must be a canonical ULID (26 characters of uppercase Crockford base32)";
      },
      "");
}

CLI::Validator DurationValidator(int64_t min_ms, int64_t max_ms) {
  return CLI::Validator(
      [min_ms, max_ms](std::string& value) -> std::string {
        auto parsed = ParseDurationInRangeMs(value, "value", min_ms, max_ms);
        if (parsed.ok()) return {};
        // The option name is added by CLI11; drop our "value: " prefix.
        const std::string& message = parsed.status().message();
        return message.starts_with("value: ") ? message.substr(7) : message;
      },
      "");
}

CLI::Validator TokenLikeValidator(size_t max_bytes) {
  return CLI::Validator(
      [max_bytes](std::string& value) -> std::string {
        if (value.empty()) return "must not be empty";
        if (value.size() > max_bytes) {
          return "must be at most " + std::to_string(max_bytes) + " bytes";
        }
        for (char c : value) {
          auto u = static_cast<unsigned char>(c);
          if (u < 0x21 || u > 0x7e) return "must be printable ASCII without spaces";
        }
        return {};
      },
      "");
}

CLI::Validator FreeTextValidator(size_t max_bytes) {
  return CLI::Validator(
      [max_bytes](std::string& value) -> std::string {
        if (value.size() > max_bytes) {
          return "must be at most " + std::to_string(max_bytes) + " bytes";
        }
        for (char c : value) {
          auto u = static_cast<unsigned char>(c);
          if (u < 0x20 || u == 0x7f) return "must not contain control characters or newlines";
        }
        return {};
      },
      "");
}

CLI::Validator UnsignedValidator(uint64_t min, uint64_t max) {
  return CLI::Validator(
      [min, max](std::string& value) -> std::string {
        std::string range = std::to_string(min) + ".." + std::to_string(max);
        if (value.empty() || value.size() > 20 ||
            value.find_first_not_of("0123456789") != std::string::npos) {
          return "must be a whole number in " + range;
        }
        errno = 0;
        unsigned long long parsed = std::strtoull(value.c_str(), nullptr, 10);
        if (errno == ERANGE || parsed < min || parsed > max) return "must be in " + range;
        return {};
      },
      "");
}

uint64_t ParseCheckedUnsigned(const std::string& text) {
  return std::strtoull(text.c_str(), nullptr, 10);
}

}  // namespace palyra::cli
