from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

CAPABILITY_REQUEST_STATE_AWAITING_LOCAL_MEDIATION: CapabilityRequestState
CAPABILITY_REQUEST_STATE_DISPATCHED: CapabilityRequestState
CAPABILITY_REQUEST_STATE_FAILED: CapabilityRequestState
CAPABILITY_REQUEST_STATE_QUEUED: CapabilityRequestState
CAPABILITY_REQUEST_STATE_REJECTED: CapabilityRequestState
CAPABILITY_REQUEST_STATE_SUCCEEDED: CapabilityRequestState
CAPABILITY_REQUEST_STATE_TIMED_OUT: CapabilityRequestState
CAPABILITY_REQUEST_STATE_UNSPECIFIED: CapabilityRequestState
DESCRIPTOR: _descriptor.FileDescriptor
NODE_PRESENCE_OFFLINE: NodePresence
NODE_PRESENCE_ONLINE: NodePresence
NODE_PRESENCE_STALE: NodePresence
NODE_PRESENCE_UNSPECIFIED: NodePresence
PAIRING_METHOD_KIND_PIN: PairingMethodKind
PAIRING_METHOD_KIND_QR: PairingMethodKind
PAIRING_METHOD_KIND_UNSPECIFIED: PairingMethodKind
PAIRING_REQUEST_STATE_APPROVED: PairingRequestState
PAIRING_REQUEST_STATE_COMPLETED: PairingRequestState
PAIRING_REQUEST_STATE_EXPIRED: PairingRequestState
PAIRING_REQUEST_STATE_PENDING_APPROVAL: PairingRequestState
PAIRING_REQUEST_STATE_REJECTED: PairingRequestState
PAIRING_REQUEST_STATE_UNSPECIFIED: PairingRequestState

class ApprovePairingRequestRequest(_message.Message):
    __slots__ = ["confirm_identity_change", "reason", "request_id"]
    CONFIRM_IDENTITY_CHANGE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    confirm_identity_change: bool
    reason: str
    request_id: str
    def __init__(self, request_id: _Optional[str] = ..., reason: _Optional[str] = ..., confirm_identity_change: bool = ...) -> None: ...

class ApprovePairingRequestResponse(_message.Message):
    __slots__ = ["request"]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    request: PairingRequest
    def __init__(self, request: _Optional[_Union[PairingRequest, _Mapping]] = ...) -> None: ...

class CancelPairingCodeRequest(_message.Message):
    __slots__ = ["code_id"]
    CODE_ID_FIELD_NUMBER: _ClassVar[int]
    code_id: str
    def __init__(self, code_id: _Optional[str] = ...) -> None: ...

class CancelPairingCodeResponse(_message.Message):
    __slots__ = ["cancelled"]
    CANCELLED_FIELD_NUMBER: _ClassVar[int]
    cancelled: bool
    def __init__(self, cancelled: bool = ...) -> None: ...

class CapabilityRequest(_message.Message):
    __slots__ = ["capability", "completed_at_unix_ms", "created_at_unix_ms", "device_id", "dispatched_at_unix_ms", "error", "idempotency_key", "input_summary", "max_payload_bytes", "output_json", "output_summary", "request_id", "state", "success", "updated_at_unix_ms"]
    CAPABILITY_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    DISPATCHED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    INPUT_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    MAX_PAYLOAD_BYTES_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_JSON_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    capability: str
    completed_at_unix_ms: int
    created_at_unix_ms: int
    device_id: str
    dispatched_at_unix_ms: int
    error: str
    idempotency_key: str
    input_summary: str
    max_payload_bytes: int
    output_json: bytes
    output_summary: str
    request_id: str
    state: CapabilityRequestState
    success: bool
    updated_at_unix_ms: int
    def __init__(self, request_id: _Optional[str] = ..., device_id: _Optional[str] = ..., capability: _Optional[str] = ..., state: _Optional[_Union[CapabilityRequestState, str]] = ..., success: bool = ..., output_json: _Optional[bytes] = ..., error: _Optional[str] = ..., input_summary: _Optional[str] = ..., output_summary: _Optional[str] = ..., max_payload_bytes: _Optional[int] = ..., created_at_unix_ms: _Optional[int] = ..., updated_at_unix_ms: _Optional[int] = ..., dispatched_at_unix_ms: _Optional[int] = ..., completed_at_unix_ms: _Optional[int] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class Device(_message.Message):
    __slots__ = ["certificate_expires_at_unix_ms", "certificate_fingerprint", "client_kind", "device_id", "identity_fingerprint", "paired_at_unix_ms"]
    CERTIFICATE_EXPIRES_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    CLIENT_KIND_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    PAIRED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    certificate_expires_at_unix_ms: int
    certificate_fingerprint: str
    client_kind: str
    device_id: str
    identity_fingerprint: str
    paired_at_unix_ms: int
    def __init__(self, device_id: _Optional[str] = ..., client_kind: _Optional[str] = ..., identity_fingerprint: _Optional[str] = ..., certificate_fingerprint: _Optional[str] = ..., certificate_expires_at_unix_ms: _Optional[int] = ..., paired_at_unix_ms: _Optional[int] = ...) -> None: ...

class GetGatewayCaRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class GetGatewayCaResponse(_message.Message):
    __slots__ = ["certificate_pem", "fingerprint", "node_rpc_address", "not_after_unix_ms"]
    CERTIFICATE_PEM_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    NODE_RPC_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    NOT_AFTER_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    certificate_pem: str
    fingerprint: str
    node_rpc_address: str
    not_after_unix_ms: int
    def __init__(self, certificate_pem: _Optional[str] = ..., fingerprint: _Optional[str] = ..., not_after_unix_ms: _Optional[int] = ..., node_rpc_address: _Optional[str] = ...) -> None: ...

class GetNodeRequest(_message.Message):
    __slots__ = ["device_id"]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    device_id: str
    def __init__(self, device_id: _Optional[str] = ...) -> None: ...

class GetNodeResponse(_message.Message):
    __slots__ = ["node"]
    NODE_FIELD_NUMBER: _ClassVar[int]
    node: Node
    def __init__(self, node: _Optional[_Union[Node, _Mapping]] = ...) -> None: ...

class GetPairingRequestRequest(_message.Message):
    __slots__ = ["request_id"]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    def __init__(self, request_id: _Optional[str] = ...) -> None: ...

class GetPairingRequestResponse(_message.Message):
    __slots__ = ["request"]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    request: PairingRequest
    def __init__(self, request: _Optional[_Union[PairingRequest, _Mapping]] = ...) -> None: ...

class InvokeCapabilityRequest(_message.Message):
    __slots__ = ["capability", "device_id", "idempotency_key", "input_json", "max_payload_bytes", "timeout_ms"]
    CAPABILITY_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    INPUT_JSON_FIELD_NUMBER: _ClassVar[int]
    MAX_PAYLOAD_BYTES_FIELD_NUMBER: _ClassVar[int]
    TIMEOUT_MS_FIELD_NUMBER: _ClassVar[int]
    capability: str
    device_id: str
    idempotency_key: str
    input_json: bytes
    max_payload_bytes: int
    timeout_ms: int
    def __init__(self, device_id: _Optional[str] = ..., capability: _Optional[str] = ..., input_json: _Optional[bytes] = ..., timeout_ms: _Optional[int] = ..., max_payload_bytes: _Optional[int] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class InvokeCapabilityResponse(_message.Message):
    __slots__ = ["request"]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    request: CapabilityRequest
    def __init__(self, request: _Optional[_Union[CapabilityRequest, _Mapping]] = ...) -> None: ...

class ListCapabilityRequestsRequest(_message.Message):
    __slots__ = ["device_id", "limit"]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    device_id: str
    limit: int
    def __init__(self, device_id: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class ListCapabilityRequestsResponse(_message.Message):
    __slots__ = ["requests"]
    REQUESTS_FIELD_NUMBER: _ClassVar[int]
    requests: _containers.RepeatedCompositeFieldContainer[CapabilityRequest]
    def __init__(self, requests: _Optional[_Iterable[_Union[CapabilityRequest, _Mapping]]] = ...) -> None: ...

class ListDevicesRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ListDevicesResponse(_message.Message):
    __slots__ = ["devices"]
    DEVICES_FIELD_NUMBER: _ClassVar[int]
    devices: _containers.RepeatedCompositeFieldContainer[Device]
    def __init__(self, devices: _Optional[_Iterable[_Union[Device, _Mapping]]] = ...) -> None: ...

class ListNodesRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ListNodesResponse(_message.Message):
    __slots__ = ["nodes"]
    NODES_FIELD_NUMBER: _ClassVar[int]
    nodes: _containers.RepeatedCompositeFieldContainer[Node]
    def __init__(self, nodes: _Optional[_Iterable[_Union[Node, _Mapping]]] = ...) -> None: ...

class ListPairingCodesRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ListPairingCodesResponse(_message.Message):
    __slots__ = ["codes"]
    CODES_FIELD_NUMBER: _ClassVar[int]
    codes: _containers.RepeatedCompositeFieldContainer[PairingCode]
    def __init__(self, codes: _Optional[_Iterable[_Union[PairingCode, _Mapping]]] = ...) -> None: ...

class ListPairingRequestsRequest(_message.Message):
    __slots__ = ["device_id", "limit", "state"]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    device_id: str
    limit: int
    state: PairingRequestState
    def __init__(self, state: _Optional[_Union[PairingRequestState, str]] = ..., device_id: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class ListPairingRequestsResponse(_message.Message):
    __slots__ = ["requests"]
    REQUESTS_FIELD_NUMBER: _ClassVar[int]
    requests: _containers.RepeatedCompositeFieldContainer[PairingRequest]
    def __init__(self, requests: _Optional[_Iterable[_Union[PairingRequest, _Mapping]]] = ...) -> None: ...

class MintPairingCodeRequest(_message.Message):
    __slots__ = ["auto_approve", "method", "ttl_ms"]
    AUTO_APPROVE_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    TTL_MS_FIELD_NUMBER: _ClassVar[int]
    auto_approve: bool
    method: PairingMethodKind
    ttl_ms: int
    def __init__(self, method: _Optional[_Union[PairingMethodKind, str]] = ..., ttl_ms: _Optional[int] = ..., auto_approve: bool = ...) -> None: ...

class MintPairingCodeResponse(_message.Message):
    __slots__ = ["code", "gateway_ca_fingerprint", "info", "node_rpc_address", "pairing_uri"]
    CODE_FIELD_NUMBER: _ClassVar[int]
    GATEWAY_CA_FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    INFO_FIELD_NUMBER: _ClassVar[int]
    NODE_RPC_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    PAIRING_URI_FIELD_NUMBER: _ClassVar[int]
    code: str
    gateway_ca_fingerprint: str
    info: PairingCode
    node_rpc_address: str
    pairing_uri: str
    def __init__(self, info: _Optional[_Union[PairingCode, _Mapping]] = ..., code: _Optional[str] = ..., pairing_uri: _Optional[str] = ..., node_rpc_address: _Optional[str] = ..., gateway_ca_fingerprint: _Optional[str] = ...) -> None: ...

class Node(_message.Message):
    __slots__ = ["capabilities", "connected", "device_id", "last_event_at_unix_ms", "last_event_name", "last_seen_at_unix_ms", "platform", "presence", "registered_at_unix_ms"]
    CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    CONNECTED_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    LAST_EVENT_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    LAST_EVENT_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_SEEN_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    PLATFORM_FIELD_NUMBER: _ClassVar[int]
    PRESENCE_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    capabilities: _containers.RepeatedCompositeFieldContainer[NodeCapability]
    connected: bool
    device_id: str
    last_event_at_unix_ms: int
    last_event_name: str
    last_seen_at_unix_ms: int
    platform: str
    presence: NodePresence
    registered_at_unix_ms: int
    def __init__(self, device_id: _Optional[str] = ..., platform: _Optional[str] = ..., presence: _Optional[_Union[NodePresence, str]] = ..., capabilities: _Optional[_Iterable[_Union[NodeCapability, _Mapping]]] = ..., registered_at_unix_ms: _Optional[int] = ..., last_seen_at_unix_ms: _Optional[int] = ..., last_event_name: _Optional[str] = ..., last_event_at_unix_ms: _Optional[int] = ..., connected: bool = ...) -> None: ...

class NodeCapability(_message.Message):
    __slots__ = ["available", "execution_mode", "name"]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_MODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    available: bool
    execution_mode: str
    name: str
    def __init__(self, name: _Optional[str] = ..., available: bool = ..., execution_mode: _Optional[str] = ...) -> None: ...

class PairingCode(_message.Message):
    __slots__ = ["auto_approve", "code_id", "created_at_unix_ms", "expires_at_unix_ms", "issued_by", "method", "state"]
    AUTO_APPROVE_FIELD_NUMBER: _ClassVar[int]
    CODE_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    ISSUED_BY_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    auto_approve: bool
    code_id: str
    created_at_unix_ms: int
    expires_at_unix_ms: int
    issued_by: str
    method: PairingMethodKind
    state: str
    def __init__(self, code_id: _Optional[str] = ..., method: _Optional[_Union[PairingMethodKind, str]] = ..., auto_approve: bool = ..., issued_by: _Optional[str] = ..., created_at_unix_ms: _Optional[int] = ..., expires_at_unix_ms: _Optional[int] = ..., state: _Optional[str] = ...) -> None: ...

class PairingRequest(_message.Message):
    __slots__ = ["certificate_expires_at_unix_ms", "certificate_fingerprint", "client_kind", "created_at_unix_ms", "decided_at_unix_ms", "decided_by", "device_id", "expires_at_unix_ms", "identity_change_confirmed", "identity_fingerprint", "key_source", "method_label", "reason", "request_id", "state", "transcript_hash", "updated_at_unix_ms"]
    CERTIFICATE_EXPIRES_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    CLIENT_KIND_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    DECIDED_BY_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_CHANGE_CONFIRMED_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    KEY_SOURCE_FIELD_NUMBER: _ClassVar[int]
    METHOD_LABEL_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    TRANSCRIPT_HASH_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    certificate_expires_at_unix_ms: int
    certificate_fingerprint: str
    client_kind: str
    created_at_unix_ms: int
    decided_at_unix_ms: int
    decided_by: str
    device_id: str
    expires_at_unix_ms: int
    identity_change_confirmed: bool
    identity_fingerprint: str
    key_source: str
    method_label: str
    reason: str
    request_id: str
    state: PairingRequestState
    transcript_hash: str
    updated_at_unix_ms: int
    def __init__(self, request_id: _Optional[str] = ..., device_id: _Optional[str] = ..., client_kind: _Optional[str] = ..., state: _Optional[_Union[PairingRequestState, str]] = ..., reason: _Optional[str] = ..., method_label: _Optional[str] = ..., identity_fingerprint: _Optional[str] = ..., transcript_hash: _Optional[str] = ..., created_at_unix_ms: _Optional[int] = ..., updated_at_unix_ms: _Optional[int] = ..., expires_at_unix_ms: _Optional[int] = ..., decided_by: _Optional[str] = ..., decided_at_unix_ms: _Optional[int] = ..., key_source: _Optional[str] = ..., certificate_fingerprint: _Optional[str] = ..., certificate_expires_at_unix_ms: _Optional[int] = ..., identity_change_confirmed: bool = ...) -> None: ...

class RejectPairingRequestRequest(_message.Message):
    __slots__ = ["reason", "request_id"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    reason: str
    request_id: str
    def __init__(self, request_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class RejectPairingRequestResponse(_message.Message):
    __slots__ = ["request"]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    request: PairingRequest
    def __init__(self, request: _Optional[_Union[PairingRequest, _Mapping]] = ...) -> None: ...

class RemoveDeviceRequest(_message.Message):
    __slots__ = ["device_id"]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    device_id: str
    def __init__(self, device_id: _Optional[str] = ...) -> None: ...

class RemoveDeviceResponse(_message.Message):
    __slots__ = ["was_paired"]
    WAS_PAIRED_FIELD_NUMBER: _ClassVar[int]
    was_paired: bool
    def __init__(self, was_paired: bool = ...) -> None: ...

class RevokeDeviceRequest(_message.Message):
    __slots__ = ["device_id", "reason"]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    device_id: str
    reason: str
    def __init__(self, device_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class RevokeDeviceResponse(_message.Message):
    __slots__ = ["revoked_fingerprints", "was_paired"]
    REVOKED_FINGERPRINTS_FIELD_NUMBER: _ClassVar[int]
    WAS_PAIRED_FIELD_NUMBER: _ClassVar[int]
    revoked_fingerprints: _containers.RepeatedScalarFieldContainer[str]
    was_paired: bool
    def __init__(self, was_paired: bool = ..., revoked_fingerprints: _Optional[_Iterable[str]] = ...) -> None: ...

class RotateDeviceRequest(_message.Message):
    __slots__ = ["device_id"]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    device_id: str
    def __init__(self, device_id: _Optional[str] = ...) -> None: ...

class RotateDeviceResponse(_message.Message):
    __slots__ = ["certificate_pem", "device", "private_key_pem", "revoked_fingerprints"]
    CERTIFICATE_PEM_FIELD_NUMBER: _ClassVar[int]
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    PRIVATE_KEY_PEM_FIELD_NUMBER: _ClassVar[int]
    REVOKED_FINGERPRINTS_FIELD_NUMBER: _ClassVar[int]
    certificate_pem: str
    device: Device
    private_key_pem: str
    revoked_fingerprints: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, device: _Optional[_Union[Device, _Mapping]] = ..., revoked_fingerprints: _Optional[_Iterable[str]] = ..., certificate_pem: _Optional[str] = ..., private_key_pem: _Optional[str] = ...) -> None: ...

class SetNodeCapabilityRequest(_message.Message):
    __slots__ = ["available", "capability", "device_id"]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    CAPABILITY_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    available: bool
    capability: str
    device_id: str
    def __init__(self, device_id: _Optional[str] = ..., capability: _Optional[str] = ..., available: bool = ...) -> None: ...

class SetNodeCapabilityResponse(_message.Message):
    __slots__ = ["node"]
    NODE_FIELD_NUMBER: _ClassVar[int]
    node: Node
    def __init__(self, node: _Optional[_Union[Node, _Mapping]] = ...) -> None: ...

class WatchNodePresenceRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class WatchNodePresenceResponse(_message.Message):
    __slots__ = ["at_unix_ms", "device_id", "last_seen_at_unix_ms", "presence", "removed", "snapshot"]
    AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    LAST_SEEN_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    PRESENCE_FIELD_NUMBER: _ClassVar[int]
    REMOVED_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    at_unix_ms: int
    device_id: str
    last_seen_at_unix_ms: int
    presence: NodePresence
    removed: bool
    snapshot: bool
    def __init__(self, device_id: _Optional[str] = ..., presence: _Optional[_Union[NodePresence, str]] = ..., last_seen_at_unix_ms: _Optional[int] = ..., at_unix_ms: _Optional[int] = ..., snapshot: bool = ..., removed: bool = ...) -> None: ...

class PairingMethodKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class PairingRequestState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class NodePresence(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class CapabilityRequestState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
