#include "cli/commands/devices.h"

#include <string.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "cli/command_support.h"
#include "cli/proto_json.h"
#include "cli/text_format.h"
#include "common/files.h"
#include "common/time.h"
#include "palyra/admin/v1/operator.grpc.pb.h"

namespace palyra::cli {
namespace {

using nlohmann::json;

constexpr size_t kMaxReasonBytes = 512;

std::unique_ptr<adminv1::OperatorService::Stub> Stub(const AdminConnection& connection) {
  return adminv1::OperatorService::NewStub(connection.channel());
}

// Overwrites a secret held in a protobuf string before the message is released.
void Wipe(std::string* secret) {
  if (secret != nullptr && !secret->empty()) {
    explicit_bzero(secret->data(), secret->size());
    secret->clear();
  }
}

int RunList(CliContext& context) {
  auto connection = context.Connect(TokenUse::kRequired);
  if (!connection.ok()) return context.Fail(connection.status());
  grpc::ClientContext call;
  connection->PrepareCall(call);
  adminv1::ListDevicesResponse response;
  grpc::Status status = Stub(*connection)->ListDevices(&call, {}, &response);
  if (!status.ok()) return context.FailRpc(*connection, status, "listing devices");

  if (context.json()) {
    json list = json::array();
    for (const auto& device : response.devices()) list.push_back(DeviceJson(device));
    context.PrintJson(list);
    return kExitOk;
  }
  if (response.devices().empty()) {
    context.out() << "no paired devices\n";
    return kExitOk;
  }
  const int64_t now = NowUnixMs();
  std::vector<std::vector<std::string>> rows;
  for (const auto& device : response.devices()) {
    rows.push_back({device.device_id(), device.client_kind(),
                    FormatTimestamp(device.paired_at_unix_ms(), now),
                    FormatTimestamp(device.certificate_expires_at_unix_ms(), now),
                    device.certificate_fingerprint()});
  }
  context.out() << FormatTable({"DEVICE_ID", "KIND", "PAIRED", "CERT_EXPIRES", "CERT_FINGERPRINT"},
                               rows);
  return kExitOk;
}

struct RotateOptions {
  std::string device_id;
  std::optional<std::string> write_material;
};

// Checked before rotating: once the daemon has rotated, the old certificate is revoked, so a
// directory we cannot write to would lose the only copy of the new key.
Status PrepareMaterialDir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) {
    PALYRA_RETURN_IF_ERROR(EnsurePrivateDirectory(dir).WithContext("--write-material"));
  } else if (!std::filesystem::is_directory(dir, ec)) {
    return InvalidArgument("--write-material: " + dir.string() + " is not a directory");
  }
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    return InvalidArgument("--write-material: " + dir.string() + " is not writable");
  }
  return Status::Ok();
}

int RunRotate(CliContext& context, const RotateOptions& options) {
  std::optional<std::filesystem::path> dir;
  if (options.write_material) {
    dir = std::filesystem::absolute(*options.write_material).lexically_normal();
    Status ready = PrepareMaterialDir(*dir);
    if (!ready.ok()) return context.Usage(ready.message());
  }
  auto connection = context.Connect(TokenUse::kRequired);
  if (!connection.ok()) return context.Fail(connection.status());
  grpc::ClientContext call;
  connection->PrepareCall(call);
  adminv1::RotateDeviceRequest request;
  request.set_device_id(options.device_id);
  adminv1::RotateDeviceResponse response;
  grpc::Status status = Stub(*connection)->RotateDevice(&call, request, &response);
  if (!status.ok()) {
    Wipe(response.mutable_private_key_pem());
    return context.FailRpc(*connection, status, "rotating device " + options.device_id);
  }

  std::optional<std::filesystem::path> cert_path;
  std::optional<std::filesystem::path> key_path;
  Status written = Status::Ok();
  if (dir) {
    if (response.certificate_pem().empty() || response.private_key_pem().empty()) {
      written = Internal("the daemon's answer carries no certificate and key to write");
    } else {
      // The certificate first: a key without its certificate is useless, the reverse is not.
      written = WriteFileAtomic(*dir / "cert.pem", response.certificate_pem(), kPrivateFileMode);
      if (written.ok()) {
        written = WriteFileAtomic(*dir / "key.pem", response.private_key_pem(), kPrivateFileMode);
      }
      if (written.ok()) {
        cert_path = *dir / "cert.pem";
        key_path = *dir / "key.pem";
      }
    }
  }
  Wipe(response.mutable_private_key_pem());

  const adminv1::Device& device = response.device();
  if (context.json()) {
    json doc = DeviceJson(device);
    doc["revoked_fingerprints"] = json(std::vector<std::string>(
        response.revoked_fingerprints().begin(), response.revoked_fingerprints().end()));
    doc["cert_path"] = cert_path ? json(cert_path->string()) : json(nullptr);
    doc["key_path"] = key_path ? json(key_path->string()) : json(nullptr);
    doc["private_key_discarded"] = !key_path.has_value();
    context.PrintJson(doc);
  } else {
    auto& out = context.out();
    out << "rotated device " << SanitizeForTerminal(device.device_id()) << "\n"
        << "  new certificate  " << SanitizeForTerminal(device.certificate_fingerprint()) << "\n"
        << "  expires          "
        << FormatTimestamp(device.certificate_expires_at_unix_ms(), NowUnixMs()) << "\n"
        << "  revoked          " << response.revoked_fingerprints_size()
        << " earlier certificate(s)\n";
    if (key_path) {
      out << "  wrote " << cert_path->string() << " and " << key_path->string()
          << " (0600); deliver them to the device over a trusted channel\n";
    } else if (!dir) {
      out << "  the new private key was discarded (pass --write-material DIR to keep it); the "
             "device keeps working only if it rotates or pairs again\n";
    }
  }
  if (!written.ok()) {
    return context.FailOperation("device " + options.device_id +
                                 " was rotated, but its new material could not be written (" +
                                 written.message() +
                                 "); the key is lost, so rotate again once the directory works");
  }
  return kExitOk;
}

struct RevokeOptions {
  std::string device_id;
  std::optional<std::string> reason;
};

int RunRevoke(CliContext& context, const RevokeOptions& options) {
  auto connection = context.Connect(TokenUse::kRequired);
  if (!connection.ok()) return context.Fail(connection.status());
  grpc::ClientContext call;
  connection->PrepareCall(call);
  adminv1::RevokeDeviceRequest request;
  request.set_device_id(options.device_id);
  if (options.reason) request.set_reason(*options.reason);
  adminv1::RevokeDeviceResponse response;
  grpc::Status status = Stub(*connection)->RevokeDevice(&call, request, &response);
  if (!status.ok())
    return context.FailRpc(*connection, status, "revoking device " + options.device_id);

  if (context.json()) {
    context.PrintJson({{"device_id", options.device_id},
                       {"was_paired", response.was_paired()},
                       {"revoked_fingerprints",
                        std::vector<std::string>(response.revoked_fingerprints().begin(),
                                                 response.revoked_fingerprints().end())}});
    return kExitOk;
  }
  context.out() << "revoked device " << options.device_id << " ("
                << response.revoked_fingerprints_size() << " certificate(s)"
                << (response.was_paired() ? "" : "; it was not paired")
                << "); it is barred from pairing again\n";
  return kExitOk;
}

int RunRemove(CliContext& context, const std::string& device_id) {
  auto connection = context.Connect(TokenUse::kRequired);
  if (!connection.ok()) return context.Fail(connection.status());
  grpc::ClientContext call;
  connection->PrepareCall(call);
  adminv1::RemoveDeviceRequest request;
  request.set_device_id(device_id);
  adminv1::RemoveDeviceResponse response;
  grpc::Status status = Stub(*connection)->RemoveDevice(&call, request, &response);
  if (!status.ok()) return context.FailRpc(*connection, status, "removing device " + device_id);

  if (context.json()) {
    context.PrintJson({{"device_id", device_id}, {"was_paired", response.was_paired()}});
  } else if (response.was_paired()) {
    context.out() << "removed device " << device_id
                  << "; its certificates are revoked and it may pair again\n";
  } else {
    context.out() << "device " << device_id << " was not paired; nothing to remove\n";
  }
  return kExitOk;
}

}  // namespace

void RegisterDevicesCommands(CLI::App& root, CliContext& context) {
  CLI::App* devices = AddCommandGroup(root, "devices", "paired devices and their certificates");

  CLI::App* list = AddLeafCommand(*devices, context, "list", "list paired devices",
                                  [&context] { return RunList(context); });
  AddJsonFlag(list, context);

  auto rotate_options = std::make_shared<RotateOptions>();
  CLI::App* rotate =
      AddLeafCommand(*devices, context, "rotate",
                     "issue a new certificate for a device now (earlier ones are revoked)",
                     [&context, rotate_options] { return RunRotate(context, *rotate_options); });
  rotate->add_option("device_id", rotate_options->device_id, "the device's id")
      ->required()
      ->check(UlidValidator())
      ->type_name("ULID");
  rotate
      ->add_option("--write-material", rotate_options->write_material,
                   "write the new cert.pem and key.pem (0600) into DIR; without it the new "
                   "private key is discarded")
      ->type_name("DIR");
  AddJsonFlag(rotate, context);

  auto revoke_options = std::make_shared<RevokeOptions>();
  CLI::App* revoke =
      AddLeafCommand(*devices, context, "revoke",
                     "revoke every certificate of a device and bar it from pairing again",
                     [&context, revoke_options] { return RunRevoke(context, *revoke_options); });
  revoke->add_option("device_id", revoke_options->device_id, "the device's id")
      ->required()
      ->check(UlidValidator())
      ->type_name("ULID");
  revoke->add_option("--reason", revoke_options->reason, "recorded with the revocation")
      ->check(FreeTextValidator(kMaxReasonBytes))
      ->type_name("TEXT");
  AddJsonFlag(revoke, context);

  auto remove_id = std::make_shared<std::string>();
  CLI::App* remove =
      AddLeafCommand(*devices, context, "remove",
                     "unpair a device and revoke its certificates (it may pair again)",
                     [&context, remove_id] { return RunRemove(context, *remove_id); });
  remove->add_option("device_id", *remove_id, "the device's id")
      ->required()
      ->check(UlidValidator())
      ->type_name("ULID");
  AddJsonFlag(remove, context);
}

}  // namespace palyra::cli
