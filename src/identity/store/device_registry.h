#pragma once
// Paired devices, their certificates, and revocations: the domain rules (input validation, who
// signs what, reason texts) over the device repository (store/device_repository.h), which
// stores them and makes each mutation one atomic step.
//
// A certificate issued by a failed operation is never returned or recorded, and the CA sequence
// bump rolls back with everything else. Certificate fingerprints (lowercase hex SHA-256 of the
// DER) map to their device through the current certificate and every earlier one. Whenever a
// certificate is superseded (rotation, re-pairing) or its device is removed or revoked, its
// fingerprint is revoked together with the certificate's expiry, so the list can be pruned once
// those certificates could no longer be accepted anyway.
//
// One registry per daemon: it shares the daemon's one GatewayCa. Thread-safe (the repository
// serialises its own calls).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "identity/device_records.h"
#include "identity/pairing_method.h"
#include "identity/store/gateway_ca.h"
#include "store/device_repository.h"

namespace palyra::identity {

inline constexpr int64_t kDefaultRotationThresholdMs = int64_t{10} * 60 * 1000;  // 10 min

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

// A pairing that passed validation and has its certificate signed, ready to be recorded
// (by DeviceRegistry::RecordPairedDevice, or inside a pairing step that also completes the
// pairing request).
struct PreparedPairing {
  store::NewPairing record;
  crypto::Certificate certificate;
  std::optional<crypto::SecretString> private_key_pem;
};

class DeviceRegistry {
 public:
  // `devices` must outlive the registry; `ca` is the daemon's one gateway CA.
  DeviceRegistry(store::DeviceRepository& devices, std::shared_ptr<const GatewayCa> ca);
  // Keeps the repositories it is given alive as long as itself (tools and tests that open a
  // registry on their own); loads or creates the CA with its key at `ca_key_path`.
  static Result<std::unique_ptr<DeviceRegistry>> Open(
      std::unique_ptr<store::CaRepository> cas, std::unique_ptr<store::DeviceRepository> devices,
      const std::filesystem::path& ca_key_path, int64_t now_unix_ms);

  DeviceRegistry(const DeviceRegistry&) = delete;
  DeviceRegistry& operator=(const DeviceRegistry&) = delete;

  const GatewayCa& ca() const { return *ca_; }
  std::shared_ptr<const GatewayCa> shared_ca() const { return ca_; }

  // Validates a pairing and signs its first certificate, without recording anything.
  // INVALID_ARGUMENT for bad inputs (id, key, fingerprint, CSR, validity).
  Result<PreparedPairing> PreparePairing(const PairDeviceRequest& request,
                                         int64_t now_unix_ms) const;
  // The result of recording a prepared pairing.
  static PairDeviceResult PairingResult(PreparedPairing prepared, store::RecordedPairing recorded,
                                        int64_t now_unix_ms);

  // ---- Mutations (one atomic repository step each) ----

  // Pairing finalisation: issues the device's first certificate and records the device.
  // Re-checks revocation inside the repository step (a device revoked while its pairing request
  // was pending cannot slip through). When the device is already paired, its current and all
  // earlier fingerprints are revoked and the old record replaced.
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
  Result<store::RecordedRotation> Rotate(std::string_view device_id,
                                         const LeafKeySource& key_source,
                                         std::optional<int64_t> due_at_or_before,
                                         int64_t now_unix_ms, int64_t validity_ms,
                                         std::optional<IssuedCertificate>* issued);

  // Set by Open() only.
  std::unique_ptr<store::CaRepository> owned_cas_;
  std::unique_ptr<store::DeviceRepository> owned_devices_;
  store::DeviceRepository& devices_;
  std::shared_ptr<const GatewayCa> ca_;
};

}  // namespace palyra::identity
