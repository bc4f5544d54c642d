#pragma once
// One capability the node host offers to the gateway. The run loop looks a dispatch's capability
// up by name, decodes its input JSON, and then:
//   - for a capability that needs local mediation: Prepare() validates the input and names what
//     would be acted on (a URL or a path). The host reports `capability.awaiting_local_mediation`
//     and asks the mediation policy about that subject; a denial ends the request `rejected`.
//   - Execute() does the work. Its error message becomes the `capability.result` error verbatim,
//     so it must say what was wrong with the input.
// Capabilities never see the wire protocol and never throw on bad input.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace palyra::node_host {

// What the host knows about itself; capabilities report from it.
struct HostFacts {
  std::string device_id;
  std::string grpc_url;
  int64_t poll_interval_ms = 1000;
  std::string identity_fingerprint;  // lowercase hex SHA-256 of the Ed25519 public key
  std::optional<int64_t> paired_at_unix_ms;
  std::filesystem::path node_host_dir;  // <state>/node-host: system.health reports its disk use
  std::string platform;                 // "<os>-<arch>", as registered
};

// What a mediated capability would act on, for the mediation policy to judge.
struct MediationSubject {
  enum class Kind { kUrl, kPath };
  Kind kind = Kind::kUrl;
  std::string value;       // the normalised URL, or the canonical absolute path
  std::string url_origin;  // kUrl only: "scheme://host[:port]", lowercase, default port omitted
};

class Capability {
 public:
  virtual ~Capability() = default;
  virtual std::string_view name() const = 0;
  virtual bool requires_local_mediation() const { return false; }
  // Mediated capabilities only: validates `input` without side effects. The default refuses
  // (FAILED_PRECONDITION), since an unmediated capability has nothing to show.
  virtual Result<MediationSubject> Prepare(const nlohmann::json& input) const;
  // Does the work. `input` is the decoded input_json (null when it was empty).
  virtual Result<nlohmann::json> Execute(const nlohmann::json& input,
                                         const HostFacts& facts) const = 0;
};

// The five standard capabilities, in registration order: echo, system.health, system.identity,
// desktop.open_url, desktop.open_path.
std::vector<std::unique_ptr<Capability>> StandardCapabilities();

}  // namespace palyra::node_host
