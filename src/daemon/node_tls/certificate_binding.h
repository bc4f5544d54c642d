#pragma once
// Per-RPC certificate binding on the node listener (node-runtime.md §1, identity spec §8): the
// checks RegisterNode, ExecuteCapability, RotateDeviceCertificate and RevokeDevicePairing run
// before doing anything, and StreamNodeEvents runs when the stream opens (CheckPeer) and for
// every message (Check). Pairing RPCs run none of them.
//
// In order:
//   1. No TLS on the call: FAILED_PRECONDITION when mTLS is required, else binding is skipped.
//   2. No client certificate: UNAUTHENTICATED when mTLS is required, else binding is skipped.
//   3. The certificate's fingerprint is revoked: PERMISSION_DENIED, also when mTLS is not
//      required (a presented certificate is always held to account).
//   4. The fingerprint maps to no paired device (current or earlier certificate of its current
//      pairing): PERMISSION_DENIED.
//   5. It maps to a device other than the request's device_id: PERMISSION_DENIED.
// A failing device lookup is INTERNAL.
//
// mTLS is required unless the operator set identity.allow_insecure_node_rpc_without_mtls (env
// PALYRA_ALLOW_INSECURE_NODE_RPC_WITHOUT_MTLS). Even then the listener stays TLS-only and the
// handshake still verifies any certificate presented; only the "must present one" rules
// (steps 1-2) are relaxed.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "daemon/node_tls/peer_identity.h"
#include "identity/store/device_registry.h"
#include "identity/store/revocation_index.h"

namespace palyra::daemon::node_tls {

struct MtlsPolicy {
  bool required = true;
  // From the daemon config flag identity.allow_insecure_node_rpc_without_mtls.
  static MtlsPolicy FromAllowInsecure(bool allow_insecure_node_rpc_without_mtls) {
    return MtlsPolicy{!allow_insecure_node_rpc_without_mtls};
  }
};

// Which paired device a certificate fingerprint belongs to; nullopt for none.
using DeviceForFingerprintFn =
    std::function<Result<std::optional<std::string>>(std::string_view fingerprint)>;

// Looks fingerprints up through `registry` (DeviceRegistry::DeviceForFingerprint), which must
// outlive the function.
DeviceForFingerprintFn LookupThrough(identity::DeviceRegistry& registry);

enum class BindingOutcome {
  kBound,                // a certificate bound to the device (for Check) / not revoked (CheckPeer)
  kSkippedNoTls,         // mTLS not required and the call had no TLS
  kSkippedNoCertificate  // mTLS not required and no certificate was presented
};

class CertificateBinding {
 public:
  CertificateBinding(MtlsPolicy policy,
                     std::shared_ptr<const identity::RevocationIndex> revocations,
                     DeviceForFingerprintFn device_for_fingerprint);

  // Steps 1-5 for a request naming `device_id`. On OK, *outcome (if given) says whether the
  // binding was checked (kBound: the certificate belongs to `device_id`) or skipped.
  Status Check(const PeerIdentity& peer, std::string_view device_id,
               BindingOutcome* outcome = nullptr) const;
  // Steps 1-3 only (stream open: the peer's certificate is acceptable, whatever device it is).
  Status CheckPeer(const PeerIdentity& peer, BindingOutcome* outcome = nullptr) const;

  const MtlsPolicy& policy() const { return policy_; }

 private:
  const MtlsPolicy policy_;
  const std::shared_ptr<const identity::RevocationIndex> revocations_;
  const DeviceForFingerprintFn device_for_fingerprint_;
};

}  // namespace palyra::daemon::node_tls
