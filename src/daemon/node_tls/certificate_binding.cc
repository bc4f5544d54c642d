#include "daemon/node_tls/certificate_binding.h"

#include <utility>

namespace palyra::daemon::node_tls {

DeviceForFingerprintFn LookupThrough(identity::DeviceRegistry& registry) {
  return [&registry](std::string_view fingerprint) {
    return registry.DeviceForFingerprint(fingerprint);
  };
}

CertificateBinding::CertificateBinding(MtlsPolicy policy,
                                       std::shared_ptr<const identity::RevocationIndex> revocations,
                                       DeviceForFingerprintFn device_for_fingerprint)
    : policy_(policy),
      revocations_(std::move(revocations)),
      device_for_fingerprint_(std::move(device_for_fingerprint)) {}

Status CertificateBinding::CheckPeer(const PeerIdentity& peer, BindingOutcome* outcome) const {
  // 1. TLS at all.
  if (!peer.transport_is_tls) {
    if (policy_.required) {
      return FailedPrecondition(
          "this RPC needs mutual TLS, but the call carries no TLS information; connect to the "
          "node port over TLS with the device's client certificate");
    }
    if (outcome) *outcome = BindingOutcome::kSkippedNoTls;
    return Status::Ok();
  }
  // 2. A client certificate.
  if (!peer.has_certificate()) {
    if (policy_.required) {
      return Unauthenticated(
          "this RPC needs a client certificate, but none was presented; pair the device first "
          "and connect with the certificate the gateway issued");
    }
    if (outcome) *outcome = BindingOutcome::kSkippedNoCertificate;
    return Status::Ok();
  }
  // 3. Not revoked (checked whenever a certificate is present, even without enforcement).
  if (!revocations_ || revocations_->IsRevokedHex(*peer.certificate_fingerprint)) {
    return PermissionDenied("client certificate " + *peer.certificate_fingerprint +
                            " is revoked; the device must pair again");
  }
  if (outcome) *outcome = BindingOutcome::kBound;
  return Status::Ok();
}

Status CertificateBinding::Check(const PeerIdentity& peer, std::string_view device_id,
                                 BindingOutcome* outcome) const {
  BindingOutcome peer_outcome = BindingOutcome::kBound;
  PALYRA_RETURN_IF_ERROR(CheckPeer(peer, &peer_outcome));
  if (outcome) *outcome = peer_outcome;
  if (peer_outcome != BindingOutcome::kBound) return Status::Ok();

  const std::string& fingerprint = *peer.certificate_fingerprint;
  // 4. Bound to a paired device (its current or an earlier certificate).
  if (!device_for_fingerprint_) return Internal("node TLS: no device lookup configured");
  Result<std::optional<std::string>> device = device_for_fingerprint_(fingerprint);
  if (!device.ok()) {
    return Internal("cannot look up the device of client certificate " + fingerprint + ": " +
                    device.status().message());
  }
  if (!device->has_value()) {
    return PermissionDenied("client certificate " + fingerprint +
                            " belongs to no paired device; pair the device again");
  }
  // 5. The device the request names.
  if (**device != device_id) {
    return PermissionDenied("client certificate " + fingerprint + " belongs to device " + **device +
                            ", but the request is for device '" + std::string(device_id) +
                            "'; each device may act only under its own device_id");
  }
  return Status::Ok();
}

}  // namespace palyra::daemon::node_tls
