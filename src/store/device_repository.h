#pragma once
// The devices aggregate: paired devices, their certificate history, revoked devices and revoked
// certificate fingerprints (with the generation counter every change to those bumps).
//
// Atomicity: every method is one atomic step. The ones that issue a certificate record it in the
// same step as the CA sequence bump and the device change ("issue certificate and record it"),
// and re-check what they depend on (is the device revoked? still paired under this identity
// key? is a rotation still due?) inside that step, so concurrent writers from other processes
// cannot slip between the check and the write. A failed step leaves nothing behind.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "identity/device_records.h"

namespace palyra::store {

// A certificate the gateway CA signed, as the store records it.
struct CertificateRecord {
  std::string certificate_pem;
  std::string fingerprint;  // lowercase hex SHA-256 of the DER
  int64_t issued_at_unix_ms = 0;
  int64_t expires_at_unix_ms = 0;
};

struct NewPairing {
  std::string device_id;
  identity::ClientKind client_kind = identity::ClientKind::kNode;
  std::string identity_fingerprint;
  std::string signing_public_key_hex;
  // Replacing a pairing under a different identity key is refused unless this is set.
  bool allow_identity_change = false;
  std::string ca_fingerprint;  // the CA whose sequence the issuance advances
  CertificateRecord certificate;
};

struct RecordedPairing {
  identity::PairedDevice device;
  int64_t sequence = 0;  // the CA sequence after this issuance
  bool replaced_existing = false;
  std::vector<std::string> revoked_fingerprints;  // of the replaced pairing
};

struct RotationRequest {
  std::string device_id;
  std::string ca_fingerprint;
  // Rotate only when the current certificate expires at or before this; unset: always.
  std::optional<int64_t> due_at_or_before_unix_ms;
};

// Signs the new certificate of `device`. Called inside the rotation step, and only when the
// rotation happens.
using SignDeviceCertificate =
    std::function<Result<CertificateRecord>(const identity::PairedDevice& device)>;

struct RecordedRotation {
  bool rotated = false;
  identity::PairedDevice device;  // after the rotation, if any
  int64_t sequence = 0;           // set when rotated
  std::vector<std::string> revoked_fingerprints;
};

class DeviceRepository {
 public:
  virtual ~DeviceRepository() = default;

  // ---- Atomic steps ----

  // Records a first (or replacing) pairing with its first certificate. PERMISSION_DENIED
  // (DeviceRevokedError) for a revoked device; FAILED_PRECONDITION for an identity-key change
  // without allow_identity_change. A replaced pairing's fingerprints are revoked
  // (superseded_by_repair).
  virtual Result<RecordedPairing> RecordPairing(const NewPairing& pairing, int64_t now_unix_ms) = 0;
  // Replaces the device's current certificate with one from `sign`, revoking the old current and
  // all earlier fingerprints (superseded_by_rotation). PERMISSION_DENIED when revoked,
  // NOT_FOUND when not paired (checked even when the rotation is not due).
  virtual Result<RecordedRotation> Rotate(const RotationRequest& request,
                                          const SignDeviceCertificate& sign,
                                          int64_t now_unix_ms) = 0;
  // Removes the paired device (if any), revokes its fingerprints (with `reason`) and records the
  // device as revoked.
  virtual Result<identity::RevokeResult> Revoke(std::string_view device_id,
                                                std::string_view reason, int64_t now_unix_ms) = 0;
  // Removes the paired device and revokes its fingerprints (device_removed), without recording
  // the device as revoked. Returns whether it was paired.
  virtual Result<bool> Remove(std::string_view device_id, int64_t now_unix_ms) = 0;
  virtual Result<bool> ClearRevokedDevice(std::string_view device_id) = 0;
  virtual Result<int64_t> ClearRevokedDevices() = 0;
  // Deletes revoked fingerprints, and superseded history entries, whose certificate expired at
  // or before `expired_by_unix_ms`. Current certificates are never touched.
  virtual Result<identity::PruneResult> PruneExpiredRevocations(int64_t expired_by_unix_ms) = 0;

  // ---- Queries ----

  // The device with its history, from one consistent read.
  virtual Result<std::optional<identity::PairedDevice>> GetPairedDevice(
      std::string_view device_id) = 0;
  virtual Result<std::vector<identity::PairedDevice>> ListPairedDevices() = 0;  // by device_id
  virtual Result<std::optional<std::string>> DeviceForFingerprint(
      std::string_view fingerprint) = 0;
  virtual Result<std::optional<identity::RevokedDevice>> GetRevokedDevice(
      std::string_view device_id) = 0;
  virtual Result<std::vector<identity::RevokedDevice>> ListRevokedDevices() = 0;
  virtual Result<bool> IsFingerprintRevoked(std::string_view fingerprint) = 0;
  // By revoked_at, then fingerprint.
  virtual Result<std::vector<identity::RevokedCertificate>> ListRevokedCertificates() = 0;
  // The counter every change to the revoked fingerprints bumps (from any process).
  virtual Result<int64_t> RevocationGeneration() = 0;
};

}  // namespace palyra::store
