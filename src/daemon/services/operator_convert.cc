#include "daemon/services/operator_convert.h"

namespace palyra::daemon {
namespace adminv1 = palyra::admin::v1;

adminv1::PairingMethodKind ToProto(identity::PairingMethod::Kind kind) {
  return kind == identity::PairingMethod::Kind::kPin ? adminv1::PAIRING_METHOD_KIND_PIN
                                                     : adminv1::PAIRING_METHOD_KIND_QR;
}

std::optional<identity::PairingMethod::Kind> FromProto(adminv1::PairingMethodKind kind) {
  switch (kind) {
    case adminv1::PAIRING_METHOD_KIND_PIN: return identity::PairingMethod::Kind::kPin;
    case adminv1::PAIRING_METHOD_KIND_QR: return identity::PairingMethod::Kind::kQr;
    default: return std::nullopt;
  }
}

adminv1::PairingRequestState ToProto(identity::PairingRequestState state) {
  using S = identity::PairingRequestState;
  switch (state) {
    case S::kPendingApproval: return adminv1::PAIRING_REQUEST_STATE_PENDING_APPROVAL;
    case S::kApproved: return adminv1::PAIRING_REQUEST_STATE_APPROVED;
    case S::kRejected: return adminv1::PAIRING_REQUEST_STATE_REJECTED;
    case S::kCompleted: return adminv1::PAIRING_REQUEST_STATE_COMPLETED;
    case S::kExpired: return adminv1::PAIRING_REQUEST_STATE_EXPIRED;
  }
  return adminv1::PAIRING_REQUEST_STATE_UNSPECIFIED;
}

std::optional<identity::PairingRequestState> FromProto(adminv1::PairingRequestState state) {
  using S = identity::PairingRequestState;
  switch (state) {
    case adminv1::PAIRING_REQUEST_STATE_PENDING_APPROVAL: return S::kPendingApproval;
    case adminv1::PAIRING_REQUEST_STATE_APPROVED: return S::kApproved;
    case adminv1::PAIRING_REQUEST_STATE_REJECTED: return S::kRejected;
    case adminv1::PAIRING_REQUEST_STATE_COMPLETED: return S::kCompleted;
    case adminv1::PAIRING_REQUEST_STATE_EXPIRED: return S::kExpired;
    default: return std::nullopt;
  }
}

adminv1::NodePresence ToProto(node_runtime::NodePresence presence) {
  switch (presence) {
    case node_runtime::NodePresence::kOnline: return adminv1::NODE_PRESENCE_ONLINE;
    case node_runtime::NodePresence::kStale: return adminv1::NODE_PRESENCE_STALE;
    case node_runtime::NodePresence::kOffline: return adminv1::NODE_PRESENCE_OFFLINE;
  }
  return adminv1::NODE_PRESENCE_UNSPECIFIED;
}

adminv1::CapabilityRequestState ToProto(node_runtime::CapabilityRequestState state) {
  using S = node_runtime::CapabilityRequestState;
  switch (state) {
    case S::kQueued: return adminv1::CAPABILITY_REQUEST_STATE_QUEUED;
    case S::kDispatched: return adminv1::CAPABILITY_REQUEST_STATE_DISPATCHED;
    case S::kAwaitingLocalMediation:
      return adminv1::CAPABILITY_REQUEST_STATE_AWAITING_LOCAL_MEDIATION;
    case S::kSucceeded: return adminv1::CAPABILITY_REQUEST_STATE_SUCCEEDED;
    case S::kFailed: return adminv1::CAPABILITY_REQUEST_STATE_FAILED;
    case S::kTimedOut: return adminv1::CAPABILITY_REQUEST_STATE_TIMED_OUT;
    case S::kRejected: return adminv1::CAPABILITY_REQUEST_STATE_REJECTED;
  }
  return adminv1::CAPABILITY_REQUEST_STATE_UNSPECIFIED;
}

void FillPairingCode(const identity::PairingCodeRecord& record, adminv1::PairingCode* out) {
  out->set_code_id(record.code_id);
  out->set_method(ToProto(record.method));
  out->set_auto_approve(record.auto_approve);
  out->set_issued_by(record.issued_by);
  out->set_created_at_unix_ms(record.created_at_unix_ms);
  out->set_expires_at_unix_ms(record.expires_at_unix_ms);
  out->set_state(std::string(identity::PairingCodeStateName(record.state)));
}

void FillPairingRequest(const identity::PairingRequest& request, adminv1::PairingRequest* out) {
  out->set_request_id(request.request_id);
  out->set_device_id(request.device_id);
  out->set_client_kind(std::string(identity::ClientKindName(request.client_kind)));
  out->set_state(ToProto(request.state));
  out->set_reason(request.reason);
  out->set_method_label(request.method_label);
  out->set_identity_fingerprint(request.identity_fingerprint);
  out->set_transcript_hash(request.transcript_hash);
  out->set_created_at_unix_ms(request.created_at_unix_ms);
  out->set_updated_at_unix_ms(request.updated_at_unix_ms);
  out->set_expires_at_unix_ms(request.expires_at_unix_ms);
  out->set_decided_by(request.decided_by.value_or(""));
  out->set_decided_at_unix_ms(request.decided_at_unix_ms.value_or(0));
  if (request.key_source) {
    out->set_key_source(std::string(identity::PairingKeySourceName(*request.key_source)));
  } else {
    out->set_key_source(request.csr_pem ? "csr" : "gateway");
  }
  out->set_certificate_fingerprint(request.certificate_fingerprint.value_or(""));
  out->set_certificate_expires_at_unix_ms(request.certificate_expires_at_unix_ms.value_or(0));
  out->set_identity_change_confirmed(request.identity_change_confirmed);
}

void FillCapabilityRequest(const node_runtime::CapabilityRequestRecord& record,
                           adminv1::CapabilityRequest* out) {
  out->set_request_id(record.request_id);
  out->set_device_id(record.device_id);
  out->set_capability(record.capability);
  out->set_state(ToProto(record.state));
  out->set_success(record.state == node_runtime::CapabilityRequestState::kSucceeded);
  out->set_output_json(record.output_json);
  out->set_error(record.error.value_or(""));
  out->set_input_summary(record.input_summary.value_or(""));
  out->set_output_summary(record.output_summary.value_or(""));
  out->set_max_payload_bytes(record.max_payload_bytes);
  out->set_created_at_unix_ms(record.created_at_unix_ms);
  out->set_updated_at_unix_ms(record.updated_at_unix_ms);
  out->set_dispatched_at_unix_ms(record.dispatched_at_unix_ms.value_or(0));
  out->set_completed_at_unix_ms(record.completed_at_unix_ms.value_or(0));
  out->set_idempotency_key(record.idempotency_key.value_or(""));
}

void FillDevice(const identity::PairedDevice& device, adminv1::Device* out) {
  out->set_device_id(device.device_id);
  out->set_client_kind(std::string(identity::ClientKindName(device.client_kind)));
  out->set_identity_fingerprint(device.identity_fingerprint);
  out->set_certificate_fingerprint(device.certificate_fingerprint);
  out->set_certificate_expires_at_unix_ms(device.certificate_expires_at_unix_ms);
  out->set_paired_at_unix_ms(device.paired_at_unix_ms);
}

std::string_view ExecutionModeOf(std::string_view capability) {
  return (capability == "desktop.open_url" || capability == "desktop.open_path")
             ? "local_mediation"
             : "automatic";
}

}  // namespace palyra::daemon
