from palyra.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class BeginPairingSessionRequest(_message.Message):
    __slots__ = ["client_kind", "method", "replay", "v"]
    CLIENT_KIND_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    REPLAY_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    client_kind: str
    method: PairingMethod
    replay: _common_pb2.ReplayProtection
    v: int
    def __init__(self, v: _Optional[int] = ..., client_kind: _Optional[str] = ..., method: _Optional[_Union[PairingMethod, _Mapping]] = ..., replay: _Optional[_Union[_common_pb2.ReplayProtection, _Mapping]] = ...) -> None: ...

class BeginPairingSessionResponse(_message.Message):
    __slots__ = ["challenge", "client_kind", "expires_at_unix_ms", "gateway_ephemeral_public", "session_id", "v"]
    CHALLENGE_FIELD_NUMBER: _ClassVar[int]
    CLIENT_KIND_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    GATEWAY_EPHEMERAL_PUBLIC_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    challenge: bytes
    client_kind: str
    expires_at_unix_ms: int
    gateway_ephemeral_public: bytes
    session_id: str
    v: int
    def __init__(self, v: _Optional[int] = ..., session_id: _Optional[str] = ..., client_kind: _Optional[str] = ..., gateway_ephemeral_public: _Optional[bytes] = ..., challenge: _Optional[bytes] = ..., expires_at_unix_ms: _Optional[int] = ...) -> None: ...

class CompletePairingSessionRequest(_message.Message):
    __slots__ = ["challenge_signature", "client_kind", "csr_pem", "device_id", "device_signing_public", "device_x25519_public", "proof", "session_id", "transcript_mac", "v"]
    CHALLENGE_SIGNATURE_FIELD_NUMBER: _ClassVar[int]
    CLIENT_KIND_FIELD_NUMBER: _ClassVar[int]
    CSR_PEM_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    DEVICE_SIGNING_PUBLIC_FIELD_NUMBER: _ClassVar[int]
    DEVICE_X25519_PUBLIC_FIELD_NUMBER: _ClassVar[int]
    PROOF_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    TRANSCRIPT_MAC_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    challenge_signature: bytes
    client_kind: str
    csr_pem: str
    device_id: _common_pb2.CanonicalId
    device_signing_public: bytes
    device_x25519_public: bytes
    proof: str
    session_id: str
    transcript_mac: bytes
    v: int
    def __init__(self, v: _Optional[int] = ..., session_id: _Optional[str] = ..., device_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., client_kind: _Optional[str] = ..., proof: _Optional[str] = ..., device_signing_public: _Optional[bytes] = ..., device_x25519_public: _Optional[bytes] = ..., challenge_signature: _Optional[bytes] = ..., transcript_mac: _Optional[bytes] = ..., csr_pem: _Optional[str] = ...) -> None: ...

class CompletePairingSessionResponse(_message.Message):
    __slots__ = ["cert_expires_at_unix_ms", "gateway_ca_certificate_pem", "identity_fingerprint", "mtls_client_certificate_pem", "mtls_client_private_key_pem", "paired", "reason", "transcript_hash", "v"]
    CERT_EXPIRES_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    GATEWAY_CA_CERTIFICATE_PEM_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    MTLS_CLIENT_CERTIFICATE_PEM_FIELD_NUMBER: _ClassVar[int]
    MTLS_CLIENT_PRIVATE_KEY_PEM_FIELD_NUMBER: _ClassVar[int]
    PAIRED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    TRANSCRIPT_HASH_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    cert_expires_at_unix_ms: int
    gateway_ca_certificate_pem: str
    identity_fingerprint: str
    mtls_client_certificate_pem: str
    mtls_client_private_key_pem: str
    paired: bool
    reason: str
    transcript_hash: str
    v: int
    def __init__(self, v: _Optional[int] = ..., paired: bool = ..., reason: _Optional[str] = ..., identity_fingerprint: _Optional[str] = ..., transcript_hash: _Optional[str] = ..., mtls_client_certificate_pem: _Optional[str] = ..., mtls_client_private_key_pem: _Optional[str] = ..., gateway_ca_certificate_pem: _Optional[str] = ..., cert_expires_at_unix_ms: _Optional[int] = ...) -> None: ...

class DeviceCapability(_message.Message):
    __slots__ = ["available", "name"]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    available: bool
    name: str
    def __init__(self, name: _Optional[str] = ..., available: bool = ...) -> None: ...

class ExecuteCapabilityRequest(_message.Message):
    __slots__ = ["capability", "device_id", "input_json", "max_payload_bytes", "v"]
    CAPABILITY_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    INPUT_JSON_FIELD_NUMBER: _ClassVar[int]
    MAX_PAYLOAD_BYTES_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    capability: str
    device_id: _common_pb2.CanonicalId
    input_json: bytes
    max_payload_bytes: int
    v: int
    def __init__(self, v: _Optional[int] = ..., device_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., capability: _Optional[str] = ..., input_json: _Optional[bytes] = ..., max_payload_bytes: _Optional[int] = ...) -> None: ...

class ExecuteCapabilityResponse(_message.Message):
    __slots__ = ["error", "output_json", "success", "v"]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_JSON_FIELD_NUMBER: _ClassVar[int]
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    error: str
    output_json: bytes
    success: bool
    v: int
    def __init__(self, v: _Optional[int] = ..., success: bool = ..., output_json: _Optional[bytes] = ..., error: _Optional[str] = ...) -> None: ...

class GetPairingRequestStatusRequest(_message.Message):
    __slots__ = ["device_id", "session_id", "v"]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    device_id: _common_pb2.CanonicalId
    session_id: str
    v: int
    def __init__(self, v: _Optional[int] = ..., session_id: _Optional[str] = ..., device_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ...) -> None: ...

class GetPairingRequestStatusResponse(_message.Message):
    __slots__ = ["approval_id", "cert_expires_at_unix_ms", "gateway_ca_certificate_pem", "identity_fingerprint", "mtls_client_certificate_pem", "mtls_client_private_key_pem", "paired", "reason", "status", "transcript_hash", "v"]
    APPROVAL_ID_FIELD_NUMBER: _ClassVar[int]
    CERT_EXPIRES_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    GATEWAY_CA_CERTIFICATE_PEM_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    MTLS_CLIENT_CERTIFICATE_PEM_FIELD_NUMBER: _ClassVar[int]
    MTLS_CLIENT_PRIVATE_KEY_PEM_FIELD_NUMBER: _ClassVar[int]
    PAIRED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TRANSCRIPT_HASH_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    approval_id: str
    cert_expires_at_unix_ms: int
    gateway_ca_certificate_pem: str
    identity_fingerprint: str
    mtls_client_certificate_pem: str
    mtls_client_private_key_pem: str
    paired: bool
    reason: str
    status: str
    transcript_hash: str
    v: int
    def __init__(self, v: _Optional[int] = ..., status: _Optional[str] = ..., reason: _Optional[str] = ..., paired: bool = ..., approval_id: _Optional[str] = ..., identity_fingerprint: _Optional[str] = ..., transcript_hash: _Optional[str] = ..., mtls_client_certificate_pem: _Optional[str] = ..., mtls_client_private_key_pem: _Optional[str] = ..., gateway_ca_certificate_pem: _Optional[str] = ..., cert_expires_at_unix_ms: _Optional[int] = ...) -> None: ...

class NodeCapabilityDispatch(_message.Message):
    __slots__ = ["capability", "input_json", "max_payload_bytes", "request_id"]
    CAPABILITY_FIELD_NUMBER: _ClassVar[int]
    INPUT_JSON_FIELD_NUMBER: _ClassVar[int]
    MAX_PAYLOAD_BYTES_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    capability: str
    input_json: bytes
    max_payload_bytes: int
    request_id: _common_pb2.CanonicalId
    def __init__(self, request_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., capability: _Optional[str] = ..., input_json: _Optional[bytes] = ..., max_payload_bytes: _Optional[int] = ...) -> None: ...

class NodeEventRequest(_message.Message):
    __slots__ = ["device_id", "event_name", "payload_json", "replay", "v"]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_NAME_FIELD_NUMBER: _ClassVar[int]
    PAYLOAD_JSON_FIELD_NUMBER: _ClassVar[int]
    REPLAY_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    device_id: _common_pb2.CanonicalId
    event_name: str
    payload_json: bytes
    replay: _common_pb2.ReplayProtection
    v: int
    def __init__(self, v: _Optional[int] = ..., device_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., event_name: _Optional[str] = ..., payload_json: _Optional[bytes] = ..., replay: _Optional[_Union[_common_pb2.ReplayProtection, _Mapping]] = ...) -> None: ...

class NodeEventResponse(_message.Message):
    __slots__ = ["accepted", "dispatch", "event_id", "reason", "v"]
    ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    DISPATCH_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    accepted: bool
    dispatch: NodeCapabilityDispatch
    event_id: _common_pb2.CanonicalId
    reason: str
    v: int
    def __init__(self, v: _Optional[int] = ..., event_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., accepted: bool = ..., reason: _Optional[str] = ..., dispatch: _Optional[_Union[NodeCapabilityDispatch, _Mapping]] = ...) -> None: ...

class PairingMethod(_message.Message):
    __slots__ = ["pin_code", "qr_token"]
    PIN_CODE_FIELD_NUMBER: _ClassVar[int]
    QR_TOKEN_FIELD_NUMBER: _ClassVar[int]
    pin_code: str
    qr_token: str
    def __init__(self, pin_code: _Optional[str] = ..., qr_token: _Optional[str] = ...) -> None: ...

class RegisterNodeRequest(_message.Message):
    __slots__ = ["capabilities", "device_id", "platform", "replay", "v"]
    CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    PLATFORM_FIELD_NUMBER: _ClassVar[int]
    REPLAY_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    capabilities: _containers.RepeatedCompositeFieldContainer[DeviceCapability]
    device_id: _common_pb2.CanonicalId
    platform: str
    replay: _common_pb2.ReplayProtection
    v: int
    def __init__(self, v: _Optional[int] = ..., device_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., platform: _Optional[str] = ..., capabilities: _Optional[_Iterable[_Union[DeviceCapability, _Mapping]]] = ..., replay: _Optional[_Union[_common_pb2.ReplayProtection, _Mapping]] = ...) -> None: ...

class RegisterNodeResponse(_message.Message):
    __slots__ = ["accepted", "device_id", "reason", "v"]
    ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    accepted: bool
    device_id: _common_pb2.CanonicalId
    reason: str
    v: int
    def __init__(self, v: _Optional[int] = ..., device_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., accepted: bool = ..., reason: _Optional[str] = ...) -> None: ...

class RevokeDevicePairingRequest(_message.Message):
    __slots__ = ["device_id", "reason", "replay", "v"]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REPLAY_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    device_id: _common_pb2.CanonicalId
    reason: str
    replay: _common_pb2.ReplayProtection
    v: int
    def __init__(self, v: _Optional[int] = ..., device_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., reason: _Optional[str] = ..., replay: _Optional[_Union[_common_pb2.ReplayProtection, _Mapping]] = ...) -> None: ...

class RevokeDevicePairingResponse(_message.Message):
    __slots__ = ["reason", "revoked", "v"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REVOKED_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    reason: str
    revoked: bool
    v: int
    def __init__(self, v: _Optional[int] = ..., revoked: bool = ..., reason: _Optional[str] = ...) -> None: ...

class RotateDeviceCertificateRequest(_message.Message):
    __slots__ = ["csr_pem", "device_id", "replay", "v"]
    CSR_PEM_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    REPLAY_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    csr_pem: str
    device_id: _common_pb2.CanonicalId
    replay: _common_pb2.ReplayProtection
    v: int
    def __init__(self, v: _Optional[int] = ..., device_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., replay: _Optional[_Union[_common_pb2.ReplayProtection, _Mapping]] = ..., csr_pem: _Optional[str] = ...) -> None: ...

class RotateDeviceCertificateResponse(_message.Message):
    __slots__ = ["cert_expires_at_unix_ms", "mtls_client_certificate_pem", "mtls_client_private_key_pem", "reason", "rotated", "v"]
    CERT_EXPIRES_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    MTLS_CLIENT_CERTIFICATE_PEM_FIELD_NUMBER: _ClassVar[int]
    MTLS_CLIENT_PRIVATE_KEY_PEM_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    ROTATED_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    cert_expires_at_unix_ms: int
    mtls_client_certificate_pem: str
    mtls_client_private_key_pem: str
    reason: str
    rotated: bool
    v: int
    def __init__(self, v: _Optional[int] = ..., rotated: bool = ..., reason: _Optional[str] = ..., mtls_client_certificate_pem: _Optional[str] = ..., mtls_client_private_key_pem: _Optional[str] = ..., cert_expires_at_unix_ms: _Optional[int] = ...) -> None: ...
