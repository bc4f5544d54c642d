from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

APPROVAL_DECISION_SCOPE_ONCE: ApprovalDecisionScope
APPROVAL_DECISION_SCOPE_SESSION: ApprovalDecisionScope
APPROVAL_DECISION_SCOPE_TIMEBOXED: ApprovalDecisionScope
APPROVAL_DECISION_SCOPE_UNSPECIFIED: ApprovalDecisionScope
APPROVAL_RISK_LEVEL_CRITICAL: ApprovalRiskLevel
APPROVAL_RISK_LEVEL_HIGH: ApprovalRiskLevel
APPROVAL_RISK_LEVEL_LOW: ApprovalRiskLevel
APPROVAL_RISK_LEVEL_MEDIUM: ApprovalRiskLevel
APPROVAL_RISK_LEVEL_UNSPECIFIED: ApprovalRiskLevel
DESCRIPTOR: _descriptor.FileDescriptor

class A2uiUpdate(_message.Message):
    __slots__ = ["patch_json", "surface", "v"]
    PATCH_JSON_FIELD_NUMBER: _ClassVar[int]
    SURFACE_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    patch_json: bytes
    surface: str
    v: int
    def __init__(self, v: _Optional[int] = ..., surface: _Optional[str] = ..., patch_json: _Optional[bytes] = ...) -> None: ...

class ApprovalOption(_message.Message):
    __slots__ = ["decision_scope", "default_selected", "description", "label", "option_id", "timebox_ttl_ms"]
    DECISION_SCOPE_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_SELECTED_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    OPTION_ID_FIELD_NUMBER: _ClassVar[int]
    TIMEBOX_TTL_MS_FIELD_NUMBER: _ClassVar[int]
    decision_scope: ApprovalDecisionScope
    default_selected: bool
    description: str
    label: str
    option_id: str
    timebox_ttl_ms: int
    def __init__(self, option_id: _Optional[str] = ..., label: _Optional[str] = ..., description: _Optional[str] = ..., default_selected: bool = ..., decision_scope: _Optional[_Union[ApprovalDecisionScope, str]] = ..., timebox_ttl_ms: _Optional[int] = ...) -> None: ...

class ApprovalPrompt(_message.Message):
    __slots__ = ["details_json", "options", "policy_explanation", "risk_level", "subject_id", "summary", "timeout_seconds", "title"]
    DETAILS_JSON_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    POLICY_EXPLANATION_FIELD_NUMBER: _ClassVar[int]
    RISK_LEVEL_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    TIMEOUT_SECONDS_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    details_json: bytes
    options: _containers.RepeatedCompositeFieldContainer[ApprovalOption]
    policy_explanation: str
    risk_level: ApprovalRiskLevel
    subject_id: str
    summary: str
    timeout_seconds: int
    title: str
    def __init__(self, title: _Optional[str] = ..., risk_level: _Optional[_Union[ApprovalRiskLevel, str]] = ..., subject_id: _Optional[str] = ..., summary: _Optional[str] = ..., options: _Optional[_Iterable[_Union[ApprovalOption, _Mapping]]] = ..., timeout_seconds: _Optional[int] = ..., details_json: _Optional[bytes] = ..., policy_explanation: _Optional[str] = ...) -> None: ...

class CanonicalId(_message.Message):
    __slots__ = ["ulid"]
    ULID_FIELD_NUMBER: _ClassVar[int]
    ulid: str
    def __init__(self, ulid: _Optional[str] = ...) -> None: ...

class EnvelopeOrigin(_message.Message):
    __slots__ = ["channel", "conversation_id", "sender_display", "sender_handle", "sender_verified", "type"]
    class OriginType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = []
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    CONVERSATION_ID_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_TYPE_CHANNEL: EnvelopeOrigin.OriginType
    ORIGIN_TYPE_CLI: EnvelopeOrigin.OriginType
    ORIGIN_TYPE_NODE: EnvelopeOrigin.OriginType
    ORIGIN_TYPE_SYSTEM: EnvelopeOrigin.OriginType
    ORIGIN_TYPE_UNSPECIFIED: EnvelopeOrigin.OriginType
    ORIGIN_TYPE_WEB: EnvelopeOrigin.OriginType
    SENDER_DISPLAY_FIELD_NUMBER: _ClassVar[int]
    SENDER_HANDLE_FIELD_NUMBER: _ClassVar[int]
    SENDER_VERIFIED_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    channel: str
    conversation_id: str
    sender_display: str
    sender_handle: str
    sender_verified: bool
    type: EnvelopeOrigin.OriginType
    def __init__(self, type: _Optional[_Union[EnvelopeOrigin.OriginType, str]] = ..., channel: _Optional[str] = ..., conversation_id: _Optional[str] = ..., sender_handle: _Optional[str] = ..., sender_verified: bool = ..., sender_display: _Optional[str] = ...) -> None: ...

class JournalEvent(_message.Message):
    __slots__ = ["actor", "event_id", "hash", "kind", "payload_json", "prev_hash", "run_id", "session_id", "timestamp_unix_ms", "v"]
    class EventActor(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = []
    class EventKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = []
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    EVENT_ACTOR_AGENT: JournalEvent.EventActor
    EVENT_ACTOR_PLUGIN: JournalEvent.EventActor
    EVENT_ACTOR_SYSTEM: JournalEvent.EventActor
    EVENT_ACTOR_UNSPECIFIED: JournalEvent.EventActor
    EVENT_ACTOR_USER: JournalEvent.EventActor
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_KIND_A2UI_UPDATED: JournalEvent.EventKind
    EVENT_KIND_MESSAGE_RECEIVED: JournalEvent.EventKind
    EVENT_KIND_MODEL_TOKEN: JournalEvent.EventKind
    EVENT_KIND_RUN_COMPLETED: JournalEvent.EventKind
    EVENT_KIND_RUN_FAILED: JournalEvent.EventKind
    EVENT_KIND_TOOL_EXECUTED: JournalEvent.EventKind
    EVENT_KIND_TOOL_PROPOSED: JournalEvent.EventKind
    EVENT_KIND_UNSPECIFIED: JournalEvent.EventKind
    HASH_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PAYLOAD_JSON_FIELD_NUMBER: _ClassVar[int]
    PREV_HASH_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    actor: JournalEvent.EventActor
    event_id: CanonicalId
    hash: str
    kind: JournalEvent.EventKind
    payload_json: bytes
    prev_hash: str
    run_id: CanonicalId
    session_id: CanonicalId
    timestamp_unix_ms: int
    v: int
    def __init__(self, v: _Optional[int] = ..., event_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., session_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., run_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., kind: _Optional[_Union[JournalEvent.EventKind, str]] = ..., actor: _Optional[_Union[JournalEvent.EventActor, str]] = ..., timestamp_unix_ms: _Optional[int] = ..., payload_json: _Optional[bytes] = ..., hash: _Optional[str] = ..., prev_hash: _Optional[str] = ...) -> None: ...

class MessageAttachment(_message.Message):
    __slots__ = ["artifact_id", "attachment_id", "content_hash", "declared_content_type", "filename", "height_px", "inline_bytes", "kind", "origin", "policy_context", "size_bytes", "source_url", "upload_requested", "width_px"]
    class AttachmentKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = []
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENT_KIND_AUDIO: MessageAttachment.AttachmentKind
    ATTACHMENT_KIND_FILE: MessageAttachment.AttachmentKind
    ATTACHMENT_KIND_IMAGE: MessageAttachment.AttachmentKind
    ATTACHMENT_KIND_UNSPECIFIED: MessageAttachment.AttachmentKind
    ATTACHMENT_KIND_VIDEO: MessageAttachment.AttachmentKind
    CONTENT_HASH_FIELD_NUMBER: _ClassVar[int]
    DECLARED_CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_PX_FIELD_NUMBER: _ClassVar[int]
    INLINE_BYTES_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    POLICY_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    SOURCE_URL_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_REQUESTED_FIELD_NUMBER: _ClassVar[int]
    WIDTH_PX_FIELD_NUMBER: _ClassVar[int]
    artifact_id: CanonicalId
    attachment_id: str
    content_hash: str
    declared_content_type: str
    filename: str
    height_px: int
    inline_bytes: bytes
    kind: MessageAttachment.AttachmentKind
    origin: str
    policy_context: str
    size_bytes: int
    source_url: str
    upload_requested: bool
    width_px: int
    def __init__(self, kind: _Optional[_Union[MessageAttachment.AttachmentKind, str]] = ..., artifact_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., size_bytes: _Optional[int] = ..., attachment_id: _Optional[str] = ..., filename: _Optional[str] = ..., declared_content_type: _Optional[str] = ..., source_url: _Optional[str] = ..., content_hash: _Optional[str] = ..., origin: _Optional[str] = ..., policy_context: _Optional[str] = ..., inline_bytes: _Optional[bytes] = ..., upload_requested: bool = ..., width_px: _Optional[int] = ..., height_px: _Optional[int] = ...) -> None: ...

class MessageContent(_message.Message):
    __slots__ = ["attachments", "text"]
    ATTACHMENTS_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    attachments: _containers.RepeatedCompositeFieldContainer[MessageAttachment]
    text: str
    def __init__(self, text: _Optional[str] = ..., attachments: _Optional[_Iterable[_Union[MessageAttachment, _Mapping]]] = ...) -> None: ...

class MessageEnvelope(_message.Message):
    __slots__ = ["content", "envelope_id", "max_payload_bytes", "origin", "security", "timestamp_unix_ms", "v"]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    ENVELOPE_ID_FIELD_NUMBER: _ClassVar[int]
    MAX_PAYLOAD_BYTES_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    SECURITY_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    content: MessageContent
    envelope_id: CanonicalId
    max_payload_bytes: int
    origin: EnvelopeOrigin
    security: SecurityContext
    timestamp_unix_ms: int
    v: int
    def __init__(self, v: _Optional[int] = ..., envelope_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., timestamp_unix_ms: _Optional[int] = ..., origin: _Optional[_Union[EnvelopeOrigin, _Mapping]] = ..., content: _Optional[_Union[MessageContent, _Mapping]] = ..., security: _Optional[_Union[SecurityContext, _Mapping]] = ..., max_payload_bytes: _Optional[int] = ...) -> None: ...

class ModelToken(_message.Message):
    __slots__ = ["is_final", "token"]
    IS_FINAL_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    is_final: bool
    token: str
    def __init__(self, token: _Optional[str] = ..., is_final: bool = ...) -> None: ...

class ReplayProtection(_message.Message):
    __slots__ = ["nonce", "signature", "timestamp_unix_ms"]
    NONCE_FIELD_NUMBER: _ClassVar[int]
    SIGNATURE_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    nonce: str
    signature: str
    timestamp_unix_ms: int
    def __init__(self, nonce: _Optional[str] = ..., timestamp_unix_ms: _Optional[int] = ..., signature: _Optional[str] = ...) -> None: ...

class RunStreamEvent(_message.Message):
    __slots__ = ["a2ui_update", "journal_event", "model_token", "run_id", "status", "tool_approval_request", "tool_approval_response", "tool_attestation", "tool_decision", "tool_proposal", "tool_result", "v"]
    A2UI_UPDATE_FIELD_NUMBER: _ClassVar[int]
    JOURNAL_EVENT_FIELD_NUMBER: _ClassVar[int]
    MODEL_TOKEN_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TOOL_APPROVAL_REQUEST_FIELD_NUMBER: _ClassVar[int]
    TOOL_APPROVAL_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    TOOL_ATTESTATION_FIELD_NUMBER: _ClassVar[int]
    TOOL_DECISION_FIELD_NUMBER: _ClassVar[int]
    TOOL_PROPOSAL_FIELD_NUMBER: _ClassVar[int]
    TOOL_RESULT_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    a2ui_update: A2uiUpdate
    journal_event: JournalEvent
    model_token: ModelToken
    run_id: CanonicalId
    status: StreamStatus
    tool_approval_request: ToolApprovalRequest
    tool_approval_response: ToolApprovalResponse
    tool_attestation: ToolAttestation
    tool_decision: ToolDecision
    tool_proposal: ToolProposal
    tool_result: ToolResult
    v: int
    def __init__(self, v: _Optional[int] = ..., run_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., model_token: _Optional[_Union[ModelToken, _Mapping]] = ..., tool_proposal: _Optional[_Union[ToolProposal, _Mapping]] = ..., tool_result: _Optional[_Union[ToolResult, _Mapping]] = ..., a2ui_update: _Optional[_Union[A2uiUpdate, _Mapping]] = ..., status: _Optional[_Union[StreamStatus, _Mapping]] = ..., journal_event: _Optional[_Union[JournalEvent, _Mapping]] = ..., tool_decision: _Optional[_Union[ToolDecision, _Mapping]] = ..., tool_attestation: _Optional[_Union[ToolAttestation, _Mapping]] = ..., tool_approval_request: _Optional[_Union[ToolApprovalRequest, _Mapping]] = ..., tool_approval_response: _Optional[_Union[ToolApprovalResponse, _Mapping]] = ...) -> None: ...

class RunStreamRequest(_message.Message):
    __slots__ = ["allow_sensitive_tools", "input", "origin_kind", "origin_run_id", "parameter_delta_json", "queued_input_id", "require_existing", "reset_session", "run_id", "session_id", "session_key", "session_label", "tool_approval_response", "v"]
    ALLOW_SENSITIVE_TOOLS_FIELD_NUMBER: _ClassVar[int]
    INPUT_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_KIND_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_RUN_ID_FIELD_NUMBER: _ClassVar[int]
    PARAMETER_DELTA_JSON_FIELD_NUMBER: _ClassVar[int]
    QUEUED_INPUT_ID_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_EXISTING_FIELD_NUMBER: _ClassVar[int]
    RESET_SESSION_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_KEY_FIELD_NUMBER: _ClassVar[int]
    SESSION_LABEL_FIELD_NUMBER: _ClassVar[int]
    TOOL_APPROVAL_RESPONSE_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    allow_sensitive_tools: bool
    input: MessageEnvelope
    origin_kind: str
    origin_run_id: CanonicalId
    parameter_delta_json: bytes
    queued_input_id: CanonicalId
    require_existing: bool
    reset_session: bool
    run_id: CanonicalId
    session_id: CanonicalId
    session_key: str
    session_label: str
    tool_approval_response: ToolApprovalResponse
    v: int
    def __init__(self, v: _Optional[int] = ..., session_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., run_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., input: _Optional[_Union[MessageEnvelope, _Mapping]] = ..., allow_sensitive_tools: bool = ..., session_key: _Optional[str] = ..., session_label: _Optional[str] = ..., reset_session: bool = ..., require_existing: bool = ..., tool_approval_response: _Optional[_Union[ToolApprovalResponse, _Mapping]] = ..., origin_kind: _Optional[str] = ..., origin_run_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., parameter_delta_json: _Optional[bytes] = ..., queued_input_id: _Optional[_Union[CanonicalId, _Mapping]] = ...) -> None: ...

class SecurityContext(_message.Message):
    __slots__ = ["labels", "provenance_hash", "provenance_url", "replay", "trust"]
    class TrustLevel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = []
    LABELS_FIELD_NUMBER: _ClassVar[int]
    PROVENANCE_HASH_FIELD_NUMBER: _ClassVar[int]
    PROVENANCE_URL_FIELD_NUMBER: _ClassVar[int]
    REPLAY_FIELD_NUMBER: _ClassVar[int]
    TRUST_FIELD_NUMBER: _ClassVar[int]
    TRUST_LEVEL_SYSTEM: SecurityContext.TrustLevel
    TRUST_LEVEL_UNTRUSTED: SecurityContext.TrustLevel
    TRUST_LEVEL_USER_TRUSTED: SecurityContext.TrustLevel
    labels: _containers.RepeatedScalarFieldContainer[str]
    provenance_hash: str
    provenance_url: str
    replay: ReplayProtection
    trust: SecurityContext.TrustLevel
    def __init__(self, trust: _Optional[_Union[SecurityContext.TrustLevel, str]] = ..., labels: _Optional[_Iterable[str]] = ..., provenance_url: _Optional[str] = ..., provenance_hash: _Optional[str] = ..., replay: _Optional[_Union[ReplayProtection, _Mapping]] = ...) -> None: ...

class StreamStatus(_message.Message):
    __slots__ = ["kind", "message"]
    class StatusKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = []
    KIND_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_KIND_ACCEPTED: StreamStatus.StatusKind
    STATUS_KIND_DONE: StreamStatus.StatusKind
    STATUS_KIND_FAILED: StreamStatus.StatusKind
    STATUS_KIND_IN_PROGRESS: StreamStatus.StatusKind
    STATUS_KIND_UNSPECIFIED: StreamStatus.StatusKind
    kind: StreamStatus.StatusKind
    message: str
    def __init__(self, kind: _Optional[_Union[StreamStatus.StatusKind, str]] = ..., message: _Optional[str] = ...) -> None: ...

class ToolApprovalRequest(_message.Message):
    __slots__ = ["approval_id", "approval_required", "input_json", "prompt", "proposal_id", "request_summary", "tool_name"]
    APPROVAL_ID_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    INPUT_JSON_FIELD_NUMBER: _ClassVar[int]
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    PROPOSAL_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    TOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    approval_id: CanonicalId
    approval_required: bool
    input_json: bytes
    prompt: ApprovalPrompt
    proposal_id: CanonicalId
    request_summary: str
    tool_name: str
    def __init__(self, proposal_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., tool_name: _Optional[str] = ..., input_json: _Optional[bytes] = ..., approval_required: bool = ..., approval_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., prompt: _Optional[_Union[ApprovalPrompt, _Mapping]] = ..., request_summary: _Optional[str] = ...) -> None: ...

class ToolApprovalResponse(_message.Message):
    __slots__ = ["approval_id", "approved", "decision_scope", "decision_scope_ttl_ms", "proposal_id", "reason"]
    APPROVAL_ID_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    DECISION_SCOPE_FIELD_NUMBER: _ClassVar[int]
    DECISION_SCOPE_TTL_MS_FIELD_NUMBER: _ClassVar[int]
    PROPOSAL_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    approval_id: CanonicalId
    approved: bool
    decision_scope: ApprovalDecisionScope
    decision_scope_ttl_ms: int
    proposal_id: CanonicalId
    reason: str
    def __init__(self, proposal_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., approved: bool = ..., reason: _Optional[str] = ..., approval_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., decision_scope: _Optional[_Union[ApprovalDecisionScope, str]] = ..., decision_scope_ttl_ms: _Optional[int] = ...) -> None: ...

class ToolAttestation(_message.Message):
    __slots__ = ["attestation_id", "executed_at_unix_ms", "execution_sha256", "executor", "proposal_id", "timed_out"]
    ATTESTATION_ID_FIELD_NUMBER: _ClassVar[int]
    EXECUTED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_SHA256_FIELD_NUMBER: _ClassVar[int]
    EXECUTOR_FIELD_NUMBER: _ClassVar[int]
    PROPOSAL_ID_FIELD_NUMBER: _ClassVar[int]
    TIMED_OUT_FIELD_NUMBER: _ClassVar[int]
    attestation_id: CanonicalId
    executed_at_unix_ms: int
    execution_sha256: str
    executor: str
    proposal_id: CanonicalId
    timed_out: bool
    def __init__(self, proposal_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., attestation_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., execution_sha256: _Optional[str] = ..., executed_at_unix_ms: _Optional[int] = ..., timed_out: bool = ..., executor: _Optional[str] = ...) -> None: ...

class ToolDecision(_message.Message):
    __slots__ = ["approval_required", "kind", "policy_enforced", "proposal_id", "reason"]
    class DecisionKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = []
    APPROVAL_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    DECISION_KIND_ALLOW: ToolDecision.DecisionKind
    DECISION_KIND_DENY: ToolDecision.DecisionKind
    DECISION_KIND_UNSPECIFIED: ToolDecision.DecisionKind
    KIND_FIELD_NUMBER: _ClassVar[int]
    POLICY_ENFORCED_FIELD_NUMBER: _ClassVar[int]
    PROPOSAL_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    approval_required: bool
    kind: ToolDecision.DecisionKind
    policy_enforced: bool
    proposal_id: CanonicalId
    reason: str
    def __init__(self, proposal_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., kind: _Optional[_Union[ToolDecision.DecisionKind, str]] = ..., reason: _Optional[str] = ..., approval_required: bool = ..., policy_enforced: bool = ...) -> None: ...

class ToolProposal(_message.Message):
    __slots__ = ["approval_required", "input_json", "proposal_id", "tool_name"]
    APPROVAL_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    INPUT_JSON_FIELD_NUMBER: _ClassVar[int]
    PROPOSAL_ID_FIELD_NUMBER: _ClassVar[int]
    TOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    approval_required: bool
    input_json: bytes
    proposal_id: CanonicalId
    tool_name: str
    def __init__(self, proposal_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., tool_name: _Optional[str] = ..., input_json: _Optional[bytes] = ..., approval_required: bool = ...) -> None: ...

class ToolResult(_message.Message):
    __slots__ = ["error", "output_json", "proposal_id", "success"]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_JSON_FIELD_NUMBER: _ClassVar[int]
    PROPOSAL_ID_FIELD_NUMBER: _ClassVar[int]
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    error: str
    output_json: bytes
    proposal_id: CanonicalId
    success: bool
    def __init__(self, proposal_id: _Optional[_Union[CanonicalId, _Mapping]] = ..., success: bool = ..., output_json: _Optional[bytes] = ..., error: _Optional[str] = ...) -> None: ...

class ApprovalRiskLevel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ApprovalDecisionScope(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
