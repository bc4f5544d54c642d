#pragma once
// Paired devices, their certificates, and revocations, persisted in SQLite (migration 2).
//
// Every mutating operation is one BEGIN IMMEDIATE transaction that re-reads the state it depends
// on, so several processes (the daemon and CLI invocations) can mutate identity state at once
// without lock files, and an error at any step leaves the stored state exactly as it was. A
// certificate issued by a failed operation is never returned or recorded, and the CA sequence
// bump rolls back with everything else. Called while the registry's connection is already in a
// transaction (e.g. to finalise a pairing request and record the device in one commit), an
// operation runs in a SAVEPOINT inside it instead: its own failure undoes only its own writes,
// and the caller's COMMIT or ROLLBACK decides the rest. Begin such transactions IMMEDIATE.
//
// Certificate fingerprints (lowercase hex SHA-256 of the DER) map to their device through the
// current certificate and every earlier one (table device_certificates). Whenever a certificate
// is superseded (rotation, re-pairing) or its device is removed or revoked, its fingerprint goes
// into revoked_certificates together with the certificate's expiry, so the list can be pruned
// once those certificates could no longer be accepted anyway.
//
// Threading: a registry serialises its own calls with a mutex; give it a connection of its own
// (the Open() factory does), because work from other components on the same connection would
// mix with its transactions.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "identity/pairing_method.h"  // ClientKind (stored as ClientKindName: cli|desktop|node)
#include "identity/store/gateway_ca.h"
#include "store/database.h"

namespace palyra::identity {

inline constexpr int64_t kDefaultRotationThresholdMs = int64_t{10} * 60 * 1000;  // 10 min
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

struct PairDeviceRequest {
  std::string device_id;  // canonical ULID
  ClientKind client_kind = ClientKind::kNode;
  // The device's long-lived Ed25519 identity key (32 bytes as 64 hex digits; upper case is
  // accepted and stored lower case). Small-order and non-canonical keys are refused.
  std::string signing_public_key_hex;
  // Optional: when set it must equal SHA-256(signing key) in lowercase hex.
  std::string identity_fingerprint;
  LeafKeySource key_source;  // CSR / public key (device-side key) or gateway-generated
  int64_t validity_ms = kDefaultLeafValidityMs;
  // Re-pairing an already paired device with a different identity key is refused unless this
  // is set (spec §11.6: it needs explicit confirmation).
  bool allow_identity_change = false;
};

struct PairDeviceResult {
  PairedDevice device;
  IssuedCertificate certificate;  // private_key_pem set only for a gateway-generated key
  bool replaced_existing = false;
  std::vector<std::string> revoked_fingerprints;  // of the replaced pairing
};

struct RotationResult {
  PairedDevice device;
  IssuedCertificate certificate;
  std::vector<std::string> revoked_fingerprints;  // the old current and all earlier ones
};

struct RotateIfDueResult {
  bool rotated = false;
  PairedDevice device;                           // after the rotation, if any
  std::optional<IssuedCertificate> certificate;  // set when rotated
  std::vector<std::string> revoked_fingerprints;
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

class DeviceRegistry {
 public:
  // Uses `db` (which must outlive the registry and already be migrated) and `ca`.
  DeviceRegistry(store::Database& db, std::shared_ptr<const GatewayCa> ca);

  // Opens (creating 0600 and migrating) the database at `db_path` on a connection of its own,
  // and loads or creates the gateway CA with its key at `ca_key_path`.
  static Result<std::unique_ptr<DeviceRegistry>> Open(const std::filesystem::path& db_path,
                                                      const std::filesystem::path& ca_key_path,
                                                      int64_t now_unix_ms);

  DeviceRegistry(const DeviceRegistry&) = delete;
  DeviceRegistry& operator=(const DeviceRegistry&) = delete;

  const GatewayCa& ca() const { return *ca_; }
  std::shared_ptr<const GatewayCa> shared_ca() const { return ca_; }
  store::Database& database() { return *db_; }

  // ---- Mutations (one IMMEDIATE transaction each) ----

  // Pairing finalisation: issues the device's first certificate and records the device.
  // Re-checks revocation inside the transaction (a device revoked while its pairing request was
  // pending cannot slip through). When the device is already paired, its current and all earlier
  // fingerprints are revoked and the old record replaced.
  // INVALID_ARGUMENT for bad inputs (id, key, fingerprint, CSR, validity); PERMISSION_DENIED for
  // a revoked device; FAILED_PRECONDITION for an identity-key change without
  // allow_identity_change.
  Result<PairDeviceResult> RecordPairedDevice(const PairDeviceRequest& request,
                                              int64_t now_unix_ms);

  // Issues a new certificate, appends it to the history and revokes the old current and all
  // earlier fingerprints. PERMISSION_DENIED when revoked, NOT_FOUND when not paired.
  Result<RotationResult> ForceRotate(std::string_view device_id, const LeafKeySource& key_source,
                                     int64_t now_unix_ms,
                                     int64_t validity_ms = kDefaultLeafValidityMs);

  // Rotates when the current certificate's expires_at <= now + threshold; otherwise returns the
  // current certificate unchanged. Same errors as ForceRotate (checked even when not due).
  Result<RotateIfDueResult> RotateIfDue(std::string_view device_id, const LeafKeySource& key_source,
                                        int64_t now_unix_ms,
                                        int64_t threshold_ms = kDefaultRotationThresholdMs,
                                        int64_t validity_ms = kDefaultLeafValidityMs);

  // Removes the paired device (if any), revokes all its fingerprints and records it as revoked,
  // so it can neither pair nor rotate until ClearRevokedDevice. Unknown (but canonical) ids are
  // accepted, so a device can be barred before it ever pairs. An empty reason becomes
  // "revoked_by_operator". INVALID_ARGUMENT for a non-canonical id or an over-long reason.
  Result<RevokeResult> Revoke(std::string_view device_id, std::string_view reason,
                              int64_t now_unix_ms);

  // Removes the paired device and revokes its fingerprints without recording the device as
  // revoked, so it may pair again. Returns whether it was paired.
  Result<bool> RemovePairedDevice(std::string_view device_id, int64_t now_unix_ms);

  // Drops the revoked-device record(s) only; revoked fingerprints stay revoked.
  Result<bool> ClearRevokedDevice(std::string_view device_id);
  Result<int64_t> ClearRevokedDevices();

  // Deletes revoked fingerprints, and superseded history entries, whose certificate expired more
  // than kRevocationPruneMarginMs before `now`. Current certificates are never touched.
  Result<PruneResult> PruneExpiredRevocations(int64_t now_unix_ms);

  // ---- Queries ----

  Result<std::optional<PairedDevice>> GetPairedDevice(std::string_view device_id);
  Result<std::vector<PairedDevice>> ListPairedDevices();  // by device_id
  // The paired device a certificate fingerprint belongs to (current or any earlier certificate
  // of its current pairing); nullopt when none. INVALID_ARGUMENT for a malformed fingerprint.
  Result<std::optional<std::string>> DeviceForFingerprint(std::string_view fingerprint);
  Result<bool> IsDeviceRevoked(std::string_view device_id);
  Result<std::optional<RevokedDevice>> GetRevokedDevice(std::string_view device_id);
  Result<std::vector<RevokedDevice>> ListRevokedDevices();
  Result<bool> IsFingerprintRevoked(std::string_view fingerprint);
  Result<std::vector<RevokedCertificate>> ListRevokedCertificates();  // by revoked_at, fingerprint
  // The counter every change to the revoked fingerprints bumps (from any process).
  Result<int64_t> RevocationGeneration();
  Result<int64_t> CaSequence();

 private:
  DeviceRegistry(std::unique_ptr<store::Database> owned, std::shared_ptr<const GatewayCa> ca);

  Result<RotationResult> RotateLocked(const PairedDevice& device, const LeafKeySource& key_source,
                                      int64_t now_unix_ms, int64_t validity_ms);

  std::unique_ptr<store::Database> owned_db_;
  store::Database* db_;
  std::shared_ptr<const GatewayCa> ca_;
  std::mutex mu_;
};

}  // namespace palyra::identity
