#pragma once
// What the gateway knows about paired and revoked devices, as plain values: the device registry
// works with them, and the device repository (store/device_repository.h) stores them.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "identity/pairing_method.h"  // ClientKind (stored as ClientKindName: cli|desktop|node)

namespace palyra::identity {

inline constexpr size_t kMaxRevocationReasonBytes = 512;
// Revoked fingerprints (and superseded history rows) are pruned this long after the
// certificate's notAfter, not at the instant: verifiers on other hosts may run slightly behind.
inline constexpr int64_t kRevocationPruneMarginMs = int64_t{5} * 60 * 1000;

// Reasons recorded for revocations the registry makes on its own.
inline constexpr std::string_view kReasonSupersededByRotation = "superseded_by_rotation";
inline constexpr std::string_view kReasonSupersededByRepair = "superseded_by_repair";
inline constexpr std::string_view kReasonDeviceRemoved = "device_removed";
inline constexpr std::string_view kDefaultRevokeReason = "revoked_by_operator";

struct PairedDevice {
  std::string device_id;
  ClientKind client_kind = ClientKind::kNode;
  std::string identity_fingerprint;    // lowercase hex SHA-256 of the Ed25519 public key
  std::string signing_public_key_hex;  // the 32-byte Ed25519 public key, lowercase hex
  std::string certificate_pem;         // current client certificate (no private key, ever)
  std::string certificate_fingerprint;
  int64_t certificate_expires_at_unix_ms = 0;
  int64_t paired_at_unix_ms = 0;
  int64_t updated_at_unix_ms = 0;
  // Every certificate issued since this pairing, oldest first; the last is the current one.
  std::vector<std::string> certificate_fingerprints;
};

struct RevokedDevice {
  std::string device_id;
  std::string reason;
  int64_t revoked_at_unix_ms = 0;
};

struct RevokedCertificate {
  std::string fingerprint;
  std::string device_id;
  int64_t expires_at_unix_ms = 0;
  int64_t revoked_at_unix_ms = 0;
  std::string reason;
};

struct RevokeResult {
  bool was_paired = false;
  std::vector<std::string> revoked_fingerprints;  // newly revoked by this call
};

struct PruneResult {
  int64_t revoked_certificates_removed = 0;
  int64_t history_entries_removed = 0;
};

// PERMISSION_DENIED "device <id> is revoked (<reason>); ..." — upstream's DeviceRevoked.
Status DeviceRevokedError(std::string_view device_id, std::string_view reason);
bool IsDeviceRevokedError(const Status& status);
// NOT_FOUND "device <id> is not paired" — upstream's DeviceNotPaired.
Status DeviceNotPairedError(std::string_view device_id);
// FAILED_PRECONDITION for re-pairing under a different identity key without confirmation.
Status IdentityChangeNeedsConfirmationError(std::string_view device_id);

}  // namespace palyra::identity
