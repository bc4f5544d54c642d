// system.health: that the node host is alive, with live figures about the machine it runs on
// (load, memory, the disk holding the node-host state, uptime, this process). Input is ignored.

#include <unistd.h>

#include "common/time.h"
#include "node_host/capabilities/host_figures.h"
#include "node_host/capabilities/standard_capabilities.h"

namespace palyra::node_host {
namespace {

template <typename T>
nlohmann::json OrNull(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json MemoryJson() {
  const std::optional<MemoryFigures> memory = ReadMemory();
  if (!memory) return nullptr;
  return {{"total_bytes", OrNull(memory->total_bytes)},
          {"available_bytes", OrNull(memory->available_bytes)}};
}

nlohmann::json DiskJson(const std::filesystem::path& path) {
  const std::optional<DiskFigures> disk = ReadDisk(path);
  if (!disk) return nullptr;
  return {{"path", path.string()},
          {"total_bytes", disk->total_bytes},
          {"available_bytes", disk->available_bytes},
          {"used_bytes", disk->used_bytes}};
}

class SystemHealthCapability final : public Capability {
 public:
  std::string_view name() const override { return "system.health"; }
  Result<nlohmann::json> Execute(const nlohmann::json& /*input*/,
                                 const HostFacts& facts) const override {
    const std::optional<std::array<double, 3>> load = ReadLoadAverage();
    return nlohmann::json{
        {"status", "ok"},
        {"device_id", facts.device_id},
        {"grpc_url", facts.grpc_url},
        {"poll_interval_ms", facts.poll_interval_ms},
        {"generated_at_unix_ms", NowUnixMs()},
        {"load_average", load ? nlohmann::json(*load) : nlohmann::json(nullptr)},
        {"memory", MemoryJson()},
        {"disk", DiskJson(facts.node_host_dir)},
        {"uptime_ms", OrNull(ReadUptimeMs())},
        {"process",
         {{"pid", static_cast<int64_t>(::getpid())}, {"rss_bytes", OrNull(ReadProcessRssBytes())}}},
    };
  }
};

}  // namespace

std::unique_ptr<Capability> MakeSystemHealthCapability() {
  return std::make_unique<SystemHealthCapability>();
}

}  // namespace palyra::node_host
