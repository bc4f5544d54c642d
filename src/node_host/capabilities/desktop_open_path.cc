// desktop.open_path: opens an existing file or directory with the desktop's default
// application, after local mediation. The path is canonical (symlinks resolved) before it is
// shown to the mediation policy, so what the user approves is what gets opened. There is still a
// window between Prepare() and Execute() in which the file system can change; Execute()
// resolves again, and the opener acts on the canonical path it was given.

#include <climits>
#include <system_error>

#include "common/utf8.h"
#include "node_host/capabilities/input_fields.h"
#include "node_host/capabilities/platform_opener.h"
#include "node_host/capabilities/standard_capabilities.h"

namespace palyra::node_host {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kName = "desktop.open_path";
constexpr size_t kMaxPathBytes = PATH_MAX;

struct ResolvedPath {
  std::string path;  // canonical
  const char* kind;  // "file" or "directory"
};

Result<ResolvedPath> ResolvePath(const nlohmann::json& input) {
  PALYRA_ASSIGN_OR_RETURN(std::string text, RequireStringField(input, kName, "path"));
  if (text.size() > kMaxPathBytes) {
    return InvalidArgument(std::string(kName) + ": path is longer than " +
                           std::to_string(kMaxPathBytes) + " bytes");
  }
  // A JSON string may hold "\u0000"; the system calls would silently stop at it.
  if (text.find('\0') != std::string::npos) {
    return InvalidArgument(std::string(kName) + ": path must not contain a NUL character");
  }
  const fs::path given(text);
  if (!given.is_absolute()) {
    return InvalidArgument(std::string(kName) + " requires an absolute path, got \"" + text + "\"");
  }
  std::error_code ec;
  const fs::path canonical = fs::canonical(given, ec);
  if (ec) {
    if (ec == std::errc::no_such_file_or_directory) {
      return NotFound(std::string(kName) + ": " + text + " does not exist");
    }
    return InvalidArgument(std::string(kName) + ": cannot resolve " + text + ": " + ec.message());
  }
  // File names are bytes; the result (and any error naming the path) travels as JSON text.
  if (!IsValidUtf8(canonical.string())) {
    return InvalidArgument(std::string(kName) + ": " + text +
                           " resolves to a path that is not valid UTF-8");
  }
  const fs::file_status status = fs::status(canonical, ec);
  if (ec) {
    return InvalidArgument(std::string(kName) + ": cannot inspect " + canonical.string() + ": " +
                           ec.message());
  }
  if (fs::is_regular_file(status)) return ResolvedPath{canonical.string(), "file"};
  if (fs::is_directory(status)) return ResolvedPath{canonical.string(), "directory"};
  return InvalidArgument(std::string(kName) + ": " + canonical.string() +
                         " is neither a regular file nor a directory");
}

class DesktopOpenPathCapability final : public Capability {
 public:
  std::string_view name() const override { return kName; }
  bool requires_local_mediation() const override { return true; }

  Result<MediationSubject> Prepare(const nlohmann::json& input) const override {
    PALYRA_ASSIGN_OR_RETURN(ResolvedPath resolved, ResolvePath(input));
    return MediationSubject{MediationSubject::Kind::kPath, std::move(resolved.path), ""};
  }

  Result<nlohmann::json> Execute(const nlohmann::json& input,
                                 const HostFacts& /*facts*/) const override {
    PALYRA_ASSIGN_OR_RETURN(ResolvedPath resolved, ResolvePath(input));
    PALYRA_RETURN_IF_ERROR(OpenWithPlatformOpener(resolved.path).WithContext(kName));
    return nlohmann::json{{"opened", true}, {"path", resolved.path}, {"kind", resolved.kind}};
  }
};

}  // namespace

std::unique_ptr<Capability> MakeDesktopOpenPathCapability() {
  return std::make_unique<DesktopOpenPathCapability>();
}

}  // namespace palyra::node_host
