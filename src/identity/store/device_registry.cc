#include "identity/store/device_registry.h"

#include "common/ulid.h"
#include "crypto/bytes.h"
#include "crypto/ed25519.h"
#include "identity/certificate_fingerprint.h"

namespace palyra::identity {
namespace {

Status ValidateReason(std::string_view reason) {
  if (reason.size() > kMaxRevocationReasonBytes) {
    return InvalidArgument("revocation reason must be at most " +
                           std::to_string(kMaxRevocationReasonBytes) + " bytes");
  }
  for (unsigned char c : reason) {
    if (c < 0x20 || c == 0x7f) {
      return InvalidArgument("revocation reason must not contain control characters");
    }
  }
  return Status::Ok();
}

// Lowercase hex of a validated Ed25519 public key, and its fingerprint.
struct IdentityKey {
  std::string public_key_hex;
  std::string fingerprint;
};

Result<IdentityKey> ValidateIdentityKey(std::string_view public_key_hex,
                                        std::string_view expected_fingerprint) {
  if (public_key_hex.size() != 2 * crypto::kEd25519PublicKeyBytes) {
    return InvalidArgument("signing_public_key_hex must be 64 hex characters (an Ed25519 key)");
  }
  Result<crypto::Bytes> bytes = crypto::HexDecode(public_key_hex);
  if (!bytes.ok()) {
    return InvalidArgument("signing_public_key_hex must be 64 hex characters (an Ed25519 key)");
  }
  Result<crypto::Ed25519PublicKey> key = crypto::Ed25519PublicKey::FromBytes(*bytes);
  if (!key.ok()) return key.status().WithContext("signing_public_key_hex");
  IdentityKey out{key->Hex(), key->FingerprintHex()};
  if (!expected_fingerprint.empty() && expected_fingerprint != out.fingerprint) {
    return InvalidArgument(
        "identity_fingerprint does not match SHA-256 of the device's signing public key");
  }
  return out;
}

store::CertificateRecord RecordOf(const crypto::Certificate& cert, int64_t issued_at_unix_ms) {
  return store::CertificateRecord{cert.ToPem(), cert.FingerprintSha256Hex(), issued_at_unix_ms,
                                  cert.NotAfterUnixMs()};
}

// Resolves the leaf key and signs the device's certificate; the generated key, if any, comes
// back as PEM (encoded before anything is recorded, so a failure here changes nothing).
struct SignedLeaf {
  crypto::Certificate certificate;
  std::optional<crypto::SecretString> private_key_pem;
};

Result<SignedLeaf> SignLeaf(const GatewayCa& ca, std::string_view device_id,
                            const LeafKeySource& key_source, int64_t now_unix_ms,
                            int64_t validity_ms) {
  PALYRA_ASSIGN_OR_RETURN(ResolvedLeafKey leaf_key, ResolveLeafKey(key_source));
  std::optional<crypto::SecretString> key_pem;
  if (leaf_key.generated_private_key) {
    PALYRA_ASSIGN_OR_RETURN(crypto::SecretString pem, leaf_key.generated_private_key->ToPkcs8Pem());
    key_pem = std::move(pem);
  }
  PALYRA_ASSIGN_OR_RETURN(
      crypto::Certificate cert,
      ca.SignDeviceCertificate(device_id, leaf_key.public_key, now_unix_ms, validity_ms));
  return SignedLeaf{std::move(cert), std::move(key_pem)};
}

}  // namespace

DeviceRegistry::DeviceRegistry(store::DeviceRepository& devices,
                               std::shared_ptr<const GatewayCa> ca)
    : devices_(devices), ca_(std::move(ca)) {}

Result<std::unique_ptr<DeviceRegistry>> DeviceRegistry::Open(
    std::unique_ptr<store::CaRepository> cas, std::unique_ptr<store::DeviceRepository> devices,
    const std::filesystem::path& ca_key_path, int64_t now_unix_ms) {
  if (!cas || !devices) return InvalidArgument("the device registry needs its repositories");
  PALYRA_ASSIGN_OR_RETURN(std::shared_ptr<const GatewayCa> ca,
                          GatewayCa::LoadOrCreate(*cas, ca_key_path, now_unix_ms));
  std::unique_ptr<DeviceRegistry> registry(new DeviceRegistry(*devices, std::move(ca)));
  registry->owned_cas_ = std::move(cas);
  registry->owned_devices_ = std::move(devices);
  return registry;
}

Result<PreparedPairing> DeviceRegistry::PreparePairing(const PairDeviceRequest& request,
                                                       int64_t now_unix_ms) const {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(request.device_id, "device_id"));
  if (!request.identity_fingerprint.empty()) {
    PALYRA_RETURN_IF_ERROR(
        ValidateFingerprintHex(request.identity_fingerprint, "identity_fingerprint"));
  }
  PALYRA_ASSIGN_OR_RETURN(IdentityKey identity, ValidateIdentityKey(request.signing_public_key_hex,
                                                                    request.identity_fingerprint));
  PALYRA_ASSIGN_OR_RETURN(SignedLeaf leaf, SignLeaf(*ca_, request.device_id, request.key_source,
                                                    now_unix_ms, request.validity_ms));
  store::NewPairing record{
      .device_id = request.device_id,
      .client_kind = request.client_kind,
      .identity_fingerprint = identity.fingerprint,
      .signing_public_key_hex = identity.public_key_hex,
      .allow_identity_change = request.allow_identity_change,
      .ca_fingerprint = ca_->Fingerprint(),
      .certificate = RecordOf(leaf.certificate, now_unix_ms),
  };
  return PreparedPairing{std::move(record), std::move(leaf.certificate),
                         std::move(leaf.private_key_pem)};
}

PairDeviceResult DeviceRegistry::PairingResult(PreparedPairing prepared,
                                               store::RecordedPairing recorded,
                                               int64_t now_unix_ms) {
  IssuedCertificate issued = GatewayCa::MakeRecord(
      prepared.certificate, DeviceSubjectLabel(prepared.record.device_id), recorded.sequence,
      now_unix_ms, std::move(prepared.private_key_pem));
  return PairDeviceResult{std::move(recorded.device), std::move(issued),
                          recorded.replaced_existing, std::move(recorded.revoked_fingerprints)};
}

Result<PairDeviceResult> DeviceRegistry::RecordPairedDevice(const PairDeviceRequest& request,
                                                            int64_t now_unix_ms) {
  // Validate every input (and sign) before the repository takes its write lock.
  PALYRA_ASSIGN_OR_RETURN(PreparedPairing prepared, PreparePairing(request, now_unix_ms));
  PALYRA_ASSIGN_OR_RETURN(store::RecordedPairing recorded,
                          devices_.RecordPairing(prepared.record, now_unix_ms));
  return PairingResult(std::move(prepared), std::move(recorded), now_unix_ms);
}

Result<store::RecordedRotation> DeviceRegistry::Rotate(std::string_view device_id,
                                                       const LeafKeySource& key_source,
                                                       std::optional<int64_t> due_at_or_before,
                                                       int64_t now_unix_ms, int64_t validity_ms,
                                                       std::optional<IssuedCertificate>* issued) {
  const store::RotationRequest request{std::string(device_id), ca_->Fingerprint(),
                                       due_at_or_before};
  std::optional<SignedLeaf> leaf;
  auto sign = [&](const PairedDevice& device) -> Result<store::CertificateRecord> {
    PALYRA_ASSIGN_OR_RETURN(SignedLeaf signed_leaf, SignLeaf(*ca_, device.device_id, key_source,
                                                             now_unix_ms, validity_ms));
    leaf.emplace(std::move(signed_leaf));
    return RecordOf(leaf->certificate, now_unix_ms);
  };
  PALYRA_ASSIGN_OR_RETURN(store::RecordedRotation rotated,
                          devices_.Rotate(request, sign, now_unix_ms));
  if (rotated.rotated) {
    issued->emplace(GatewayCa::MakeRecord(leaf->certificate, DeviceSubjectLabel(device_id),
                                          rotated.sequence, now_unix_ms,
                                          std::move(leaf->private_key_pem)));
  }
  return rotated;
}

Result<RotationResult> DeviceRegistry::ForceRotate(std::string_view device_id,
                                                   const LeafKeySource& key_source,
                                                   int64_t now_unix_ms, int64_t validity_ms) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  std::optional<IssuedCertificate> issued;
  PALYRA_ASSIGN_OR_RETURN(
      store::RecordedRotation rotated,
      Rotate(device_id, key_source, std::nullopt, now_unix_ms, validity_ms, &issued));
  return RotationResult{std::move(rotated.device), std::move(*issued),
                        std::move(rotated.revoked_fingerprints)};
}

Result<RotateIfDueResult> DeviceRegistry::RotateIfDue(std::string_view device_id,
                                                      const LeafKeySource& key_source,
                                                      int64_t now_unix_ms, int64_t threshold_ms,
                                                      int64_t validity_ms) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  if (threshold_ms < 0) return InvalidArgument("rotation threshold must not be negative");
  std::optional<IssuedCertificate> issued;
  PALYRA_ASSIGN_OR_RETURN(store::RecordedRotation rotated,
                          Rotate(device_id, key_source, now_unix_ms + threshold_ms, now_unix_ms,
                                 validity_ms, &issued));
  return RotateIfDueResult{rotated.rotated, std::move(rotated.device), std::move(issued),
                           std::move(rotated.revoked_fingerprints)};
}

Result<RevokeResult> DeviceRegistry::Revoke(std::string_view device_id, std::string_view reason,
                                            int64_t now_unix_ms) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  PALYRA_RETURN_IF_ERROR(ValidateReason(reason));
  const std::string_view effective_reason = reason.empty() ? kDefaultRevokeReason : reason;
  return devices_.Revoke(device_id, effective_reason, now_unix_ms);
}

Result<bool> DeviceRegistry::RemovePairedDevice(std::string_view device_id, int64_t now_unix_ms) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  return devices_.Remove(device_id, now_unix_ms);
}

Result<bool> DeviceRegistry::ClearRevokedDevice(std::string_view device_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  return devices_.ClearRevokedDevice(device_id);
}

Result<int64_t> DeviceRegistry::ClearRevokedDevices() { return devices_.ClearRevokedDevices(); }

Result<PruneResult> DeviceRegistry::PruneExpiredRevocations(int64_t now_unix_ms) {
  return devices_.PruneExpiredRevocations(now_unix_ms - kRevocationPruneMarginMs);
}

// ---- Queries ----

Result<std::optional<PairedDevice>> DeviceRegistry::GetPairedDevice(std::string_view device_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  return devices_.GetPairedDevice(device_id);
}

Result<std::vector<PairedDevice>> DeviceRegistry::ListPairedDevices() {
  return devices_.ListPairedDevices();
}

Result<std::optional<std::string>> DeviceRegistry::DeviceForFingerprint(
    std::string_view fingerprint) {
  PALYRA_RETURN_IF_ERROR(ValidateFingerprintHex(fingerprint, "certificate fingerprint"));
  return devices_.DeviceForFingerprint(fingerprint);
}

Result<bool> DeviceRegistry::IsDeviceRevoked(std::string_view device_id) {
  PALYRA_ASSIGN_OR_RETURN(std::optional<RevokedDevice> revoked, GetRevokedDevice(device_id));
  return revoked.has_value();
}

Result<std::optional<RevokedDevice>> DeviceRegistry::GetRevokedDevice(std::string_view device_id) {
  PALYRA_RETURN_IF_ERROR(ValidateCanonicalUlid(device_id, "device_id"));
  return devices_.GetRevokedDevice(device_id);
}

Result<std::vector<RevokedDevice>> DeviceRegistry::ListRevokedDevices() {
  return devices_.ListRevokedDevices();
}

Result<bool> DeviceRegistry::IsFingerprintRevoked(std::string_view fingerprint) {
  PALYRA_RETURN_IF_ERROR(ValidateFingerprintHex(fingerprint, "certificate fingerprint"));
  return devices_.IsFingerprintRevoked(fingerprint);
}

Result<std::vector<RevokedCertificate>> DeviceRegistry::ListRevokedCertificates() {
  return devices_.ListRevokedCertificates();
}

Result<int64_t> DeviceRegistry::RevocationGeneration() { return devices_.RevocationGeneration(); }

Result<int64_t> DeviceRegistry::CaSequence() { return ca_->Sequence(); }

}  // namespace palyra::identity
