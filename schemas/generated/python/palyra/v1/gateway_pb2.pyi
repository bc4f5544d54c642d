from palyra.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

AGENT_RESOLUTION_SOURCE_DEFAULT: AgentResolutionSource
AGENT_RESOLUTION_SOURCE_FALLBACK: AgentResolutionSource
AGENT_RESOLUTION_SOURCE_SESSION_BINDING: AgentResolutionSource
AGENT_RESOLUTION_SOURCE_UNSPECIFIED: AgentResolutionSource
APPROVAL_DECISION_ALLOW: ApprovalDecision
APPROVAL_DECISION_DENY: ApprovalDecision
APPROVAL_DECISION_ERROR: ApprovalDecision
APPROVAL_DECISION_TIMEOUT: ApprovalDecision
APPROVAL_DECISION_UNSPECIFIED: ApprovalDecision
APPROVAL_EXPORT_FORMAT_JSON: ApprovalExportFormat
APPROVAL_EXPORT_FORMAT_NDJSON: ApprovalExportFormat
APPROVAL_EXPORT_FORMAT_UNSPECIFIED: ApprovalExportFormat
APPROVAL_SUBJECT_TYPE_BROWSER_ACTION: ApprovalSubjectType
APPROVAL_SUBJECT_TYPE_CHANNEL_SEND: ApprovalSubjectType
APPROVAL_SUBJECT_TYPE_DEVICE_PAIRING: ApprovalSubjectType
APPROVAL_SUBJECT_TYPE_NODE_CAPABILITY: ApprovalSubjectType
APPROVAL_SUBJECT_TYPE_SECRET_ACCESS: ApprovalSubjectType
APPROVAL_SUBJECT_TYPE_TOOL: ApprovalSubjectType
APPROVAL_SUBJECT_TYPE_UNSPECIFIED: ApprovalSubjectType
DESCRIPTOR: _descriptor.FileDescriptor

class AbortRunRequest(_message.Message):
    __slots__ = ["reason", "run_id", "v"]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    reason: str
    run_id: _common_pb2.CanonicalId
    v: int
    def __init__(self, v: _Optional[int] = ..., run_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., reason: _Optional[str] = ...) -> None: ...

class AbortRunResponse(_message.Message):
    __slots__ = ["cancel_requested", "reason", "run_id", "v"]
    CANCEL_REQUESTED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    cancel_requested: bool
    reason: str
    run_id: _common_pb2.CanonicalId
    v: int
    def __init__(self, v: _Optional[int] = ..., run_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., cancel_requested: bool = ..., reason: _Optional[str] = ...) -> None: ...

class Agent(_message.Message):
    __slots__ = ["agent_dir", "agent_id", "created_at_unix_ms", "default_model_profile", "default_skill_allowlist", "default_tool_allowlist", "display_name", "execution_backend_preference", "updated_at_unix_ms", "workspace_roots"]
    AGENT_DIR_FIELD_NUMBER: _ClassVar[int]
    AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_MODEL_PROFILE_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_SKILL_ALLOWLIST_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_TOOL_ALLOWLIST_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_BACKEND_PREFERENCE_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    WORKSPACE_ROOTS_FIELD_NUMBER: _ClassVar[int]
    agent_dir: str
    agent_id: str
    created_at_unix_ms: int
    default_model_profile: str
    default_skill_allowlist: _containers.RepeatedScalarFieldContainer[str]
    default_tool_allowlist: _containers.RepeatedScalarFieldContainer[str]
    display_name: str
    execution_backend_preference: str
    updated_at_unix_ms: int
    workspace_roots: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, agent_id: _Optional[str] = ..., display_name: _Optional[str] = ..., agent_dir: _Optional[str] = ..., workspace_roots: _Optional[_Iterable[str]] = ..., default_model_profile: _Optional[str] = ..., default_tool_allowlist: _Optional[_Iterable[str]] = ..., default_skill_allowlist: _Optional[_Iterable[str]] = ..., created_at_unix_ms: _Optional[int] = ..., updated_at_unix_ms: _Optional[int] = ..., execution_backend_preference: _Optional[str] = ...) -> None: ...

class AgentBinding(_message.Message):
    __slots__ = ["agent_id", "channel", "principal", "session_id", "updated_at_unix_ms"]
    AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    PRINCIPAL_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    agent_id: str
    channel: str
    principal: str
    session_id: _common_pb2.CanonicalId
    updated_at_unix_ms: int
    def __init__(self, principal: _Optional[str] = ..., channel: _Optional[str] = ..., session_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., agent_id: _Optional[str] = ..., updated_at_unix_ms: _Optional[int] = ...) -> None: ...

class AppendEventRequest(_message.Message):
    __slots__ = ["event", "v"]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    event: _common_pb2.JournalEvent
    v: int
    def __init__(self, v: _Optional[int] = ..., event: _Optional[_Union[_common_pb2.JournalEvent, _Mapping]] = ...) -> None: ...

class AppendEventResponse(_message.Message):
    __slots__ = ["accepted", "event_id", "v"]
    ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    accepted: bool
    event_id: _common_pb2.CanonicalId
    v: int
    def __init__(self, v: _Optional[int] = ..., event_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., accepted: bool = ...) -> None: ...

class ApprovalPolicySnapshot(_message.Message):
    __slots__ = ["evaluation_summary", "policy_hash", "policy_id"]
    EVALUATION_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    POLICY_HASH_FIELD_NUMBER: _ClassVar[int]
    POLICY_ID_FIELD_NUMBER: _ClassVar[int]
    evaluation_summary: str
    policy_hash: str
    policy_id: str
    def __init__(self, policy_id: _Optional[str] = ..., policy_hash: _Optional[str] = ..., evaluation_summary: _Optional[str] = ...) -> None: ...

class ApprovalRecord(_message.Message):
    __slots__ = ["approval_id", "channel", "decision", "decision_reason", "decision_scope", "decision_scope_ttl_ms", "device_id", "policy_snapshot", "principal", "prompt", "request_summary", "requested_at_unix_ms", "resolved_at_unix_ms", "run_id", "session_id", "subject_id", "subject_type", "v"]
    APPROVAL_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    DECISION_REASON_FIELD_NUMBER: _ClassVar[int]
    DECISION_SCOPE_FIELD_NUMBER: _ClassVar[int]
    DECISION_SCOPE_TTL_MS_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    POLICY_SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    PRINCIPAL_FIELD_NUMBER: _ClassVar[int]
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    REQUEST_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_TYPE_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    approval_id: _common_pb2.CanonicalId
    channel: str
    decision: ApprovalDecision
    decision_reason: str
    decision_scope: _common_pb2.ApprovalDecisionScope
    decision_scope_ttl_ms: int
    device_id: str
    policy_snapshot: ApprovalPolicySnapshot
    principal: str
    prompt: _common_pb2.ApprovalPrompt
    request_summary: str
    requested_at_unix_ms: int
    resolved_at_unix_ms: int
    run_id: _common_pb2.CanonicalId
    session_id: _common_pb2.CanonicalId
    subject_id: str
    subject_type: ApprovalSubjectType
    v: int
    def __init__(self, v: _Optional[int] = ..., approval_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., session_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., run_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., principal: _Optional[str] = ..., device_id: _Optional[str] = ..., channel: _Optional[str] = ..., requested_at_unix_ms: _Optional[int] = ..., resolved_at_unix_ms: _Optional[int] = ..., subject_type: _Optional[_Union[ApprovalSubjectType, str]] = ..., subject_id: _Optional[str] = ..., request_summary: _Optional[str] = ..., decision: _Optional[_Union[ApprovalDecision, str]] = ..., decision_scope: _Optional[_Union[_common_pb2.ApprovalDecisionScope, str]] = ..., policy_snapshot: _Optional[_Union[ApprovalPolicySnapshot, _Mapping]] = ..., prompt: _Optional[_Union[_common_pb2.ApprovalPrompt, _Mapping]] = ..., decision_reason: _Optional[str] = ..., decision_scope_ttl_ms: _Optional[int] = ...) -> None: ...

class BindAgentForContextRequest(_message.Message):
    __slots__ = ["agent_id", "channel", "principal", "session_id", "v"]
    AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    PRINCIPAL_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    agent_id: str
    channel: str
    principal: str
    session_id: _common_pb2.CanonicalId
    v: int
    def __init__(self, v: _Optional[int] = ..., agent_id: _Optional[str] = ..., principal: _Optional[str] = ..., channel: _Optional[str] = ..., session_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ...) -> None: ...

class BindAgentForContextResponse(_message.Message):
    __slots__ = ["binding", "created", "v"]
    BINDING_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    binding: AgentBinding
    created: bool
    v: int
    def __init__(self, v: _Optional[int] = ..., binding: _Optional[_Union[AgentBinding, _Mapping]] = ..., created: bool = ...) -> None: ...

class Canvas(_message.Message):
    __slots__ = ["allowed_parent_origins", "bundle", "canvas_id", "close_reason", "closed", "created_at_unix_ms", "expires_at_unix_ms", "principal", "session_id", "state_json", "state_schema_version", "state_version", "updated_at_unix_ms", "v"]
    ALLOWED_PARENT_ORIGINS_FIELD_NUMBER: _ClassVar[int]
    BUNDLE_FIELD_NUMBER: _ClassVar[int]
    CANVAS_ID_FIELD_NUMBER: _ClassVar[int]
    CLOSED_FIELD_NUMBER: _ClassVar[int]
    CLOSE_REASON_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    PRINCIPAL_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_JSON_FIELD_NUMBER: _ClassVar[int]
    STATE_SCHEMA_VERSION_FIELD_NUMBER: _ClassVar[int]
    STATE_VERSION_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    allowed_parent_origins: _containers.RepeatedScalarFieldContainer[str]
    bundle: CanvasBundle
    canvas_id: _common_pb2.CanonicalId
    close_reason: str
    closed: bool
    created_at_unix_ms: int
    expires_at_unix_ms: int
    principal: str
    session_id: _common_pb2.CanonicalId
    state_json: bytes
    state_schema_version: int
    state_version: int
    updated_at_unix_ms: int
    v: int
    def __init__(self, v: _Optional[int] = ..., canvas_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., session_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., principal: _Optional[str] = ..., state_version: _Optional[int] = ..., state_json: _Optional[bytes] = ..., bundle: _Optional[_Union[CanvasBundle, _Mapping]] = ..., allowed_parent_origins: _Optional[_Iterable[str]] = ..., created_at_unix_ms: _Optional[int] = ..., updated_at_unix_ms: _Optional[int] = ..., expires_at_unix_ms: _Optional[int] = ..., closed: bool = ..., close_reason: _Optional[str] = ..., state_schema_version: _Optional[int] = ...) -> None: ...

class CanvasAsset(_message.Message):
    __slots__ = ["body", "content_type", "path"]
    BODY_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    body: bytes
    content_type: str
    path: str
    def __init__(self, path: _Optional[str] = ..., content_type: _Optional[str] = ..., body: _Optional[bytes] = ...) -> None: ...

class CanvasBundle(_message.Message):
    __slots__ = ["assets", "bundle_id", "entrypoint_path", "sha256", "signature"]
    ASSETS_FIELD_NUMBER: _ClassVar[int]
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    ENTRYPOINT_PATH_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    SIGNATURE_FIELD_NUMBER: _ClassVar[int]
    assets: _containers.RepeatedCompositeFieldContainer[CanvasAsset]
    bundle_id: str
    entrypoint_path: str
    sha256: str
    signature: str
    def __init__(self, bundle_id: _Optional[str] = ..., entrypoint_path: _Optional[str] = ..., assets: _Optional[_Iterable[_Union[CanvasAsset, _Mapping]]] = ..., sha256: _Optional[str] = ..., signature: _Optional[str] = ...) -> None: ...

class CleanupSessionRequest(_message.Message):
    __slots__ = ["session_id", "session_key", "v"]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_KEY_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    session_id: _common_pb2.CanonicalId
    session_key: str
    v: int
    def __init__(self, v: _Optional[int] = ..., session_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., session_key: _Optional[str] = ...) -> None: ...

class CleanupSessionResponse(_message.Message):
    __slots__ = ["cleaned", "newly_archived", "previous_session_key", "run_count", "session", "v"]
    CLEANED_FIELD_NUMBER: _ClassVar[int]
    NEWLY_ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_SESSION_KEY_FIELD_NUMBER: _ClassVar[int]
    RUN_COUNT_FIELD_NUMBER: _ClassVar[int]
    SESSION_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    cleaned: bool
    newly_archived: bool
    previous_session_key: str
    run_count: int
    session: SessionSummary
    v: int
    def __init__(self, v: _Optional[int] = ..., session: _Optional[_Union[SessionSummary, _Mapping]] = ..., cleaned: bool = ..., newly_archived: bool = ..., previous_session_key: _Optional[str] = ..., run_count: _Optional[int] = ...) -> None: ...

class CloseCanvasRequest(_message.Message):
    __slots__ = ["canvas_id", "reason", "v"]
    CANVAS_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    canvas_id: _common_pb2.CanonicalId
    reason: str
    v: int
    def __init__(self, v: _Optional[int] = ..., canvas_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., reason: _Optional[str] = ...) -> None: ...

class CloseCanvasResponse(_message.Message):
    __slots__ = ["canvas_id", "close_reason", "closed", "v"]
    CANVAS_ID_FIELD_NUMBER: _ClassVar[int]
    CLOSED_FIELD_NUMBER: _ClassVar[int]
    CLOSE_REASON_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    canvas_id: _common_pb2.CanonicalId
    close_reason: str
    closed: bool
    v: int
    def __init__(self, v: _Optional[int] = ..., canvas_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., closed: bool = ..., close_reason: _Optional[str] = ...) -> None: ...

class CreateAgentRequest(_message.Message):
    __slots__ = ["agent_dir", "agent_id", "allow_absolute_paths", "default_model_profile", "default_skill_allowlist", "default_tool_allowlist", "display_name", "execution_backend_preference", "set_default", "v", "workspace_roots"]
    AGENT_DIR_FIELD_NUMBER: _ClassVar[int]
    AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    ALLOW_ABSOLUTE_PATHS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_MODEL_PROFILE_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_SKILL_ALLOWLIST_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_TOOL_ALLOWLIST_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_BACKEND_PREFERENCE_FIELD_NUMBER: _ClassVar[int]
    SET_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    WORKSPACE_ROOTS_FIELD_NUMBER: _ClassVar[int]
    agent_dir: str
    agent_id: str
    allow_absolute_paths: bool
    default_model_profile: str
    default_skill_allowlist: _containers.RepeatedScalarFieldContainer[str]
    default_tool_allowlist: _containers.RepeatedScalarFieldContainer[str]
    display_name: str
    execution_backend_preference: str
    set_default: bool
    v: int
    workspace_roots: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, v: _Optional[int] = ..., agent_id: _Optional[str] = ..., display_name: _Optional[str] = ..., agent_dir: _Optional[str] = ..., workspace_roots: _Optional[_Iterable[str]] = ..., default_model_profile: _Optional[str] = ..., default_tool_allowlist: _Optional[_Iterable[str]] = ..., default_skill_allowlist: _Optional[_Iterable[str]] = ..., set_default: bool = ..., allow_absolute_paths: bool = ..., execution_backend_preference: _Optional[str] = ...) -> None: ...

class CreateAgentResponse(_message.Message):
    __slots__ = ["agent", "default_agent_id", "default_changed", "execution_backend_fallback_used", "execution_backend_reason", "execution_backends", "resolved_execution_backend", "v"]
    AGENT_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_CHANGED_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_BACKENDS_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_BACKEND_FALLBACK_USED_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_BACKEND_REASON_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_EXECUTION_BACKEND_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    agent: Agent
    default_agent_id: str
    default_changed: bool
    execution_backend_fallback_used: bool
    execution_backend_reason: str
    execution_backends: _containers.RepeatedCompositeFieldContainer[ExecutionBackendInventory]
    resolved_execution_backend: str
    v: int
    def __init__(self, v: _Optional[int] = ..., agent: _Optional[_Union[Agent, _Mapping]] = ..., default_changed: bool = ..., default_agent_id: _Optional[str] = ..., execution_backends: _Optional[_Iterable[_Union[ExecutionBackendInventory, _Mapping]]] = ..., resolved_execution_backend: _Optional[str] = ..., execution_backend_fallback_used: bool = ..., execution_backend_reason: _Optional[str] = ...) -> None: ...

class CreateCanvasRequest(_message.Message):
    __slots__ = ["allowed_parent_origins", "auth_token_ttl_seconds", "bundle", "canvas_id", "initial_state_json", "initial_state_version", "session_id", "state_schema_version", "v"]
    ALLOWED_PARENT_ORIGINS_FIELD_NUMBER: _ClassVar[int]
    AUTH_TOKEN_TTL_SECONDS_FIELD_NUMBER: _ClassVar[int]
    BUNDLE_FIELD_NUMBER: _ClassVar[int]
    CANVAS_ID_FIELD_NUMBER: _ClassVar[int]
    INITIAL_STATE_JSON_FIELD_NUMBER: _ClassVar[int]
    INITIAL_STATE_VERSION_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_SCHEMA_VERSION_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    allowed_parent_origins: _containers.RepeatedScalarFieldContainer[str]
    auth_token_ttl_seconds: int
    bundle: CanvasBundle
    canvas_id: _common_pb2.CanonicalId
    initial_state_json: bytes
    initial_state_version: int
    session_id: _common_pb2.CanonicalId
    state_schema_version: int
    v: int
    def __init__(self, v: _Optional[int] = ..., canvas_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., session_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., initial_state_json: _Optional[bytes] = ..., initial_state_version: _Optional[int] = ..., bundle: _Optional[_Union[CanvasBundle, _Mapping]] = ..., allowed_parent_origins: _Optional[_Iterable[str]] = ..., auth_token_ttl_seconds: _Optional[int] = ..., state_schema_version: _Optional[int] = ...) -> None: ...

class CreateCanvasResponse(_message.Message):
    __slots__ = ["auth_token", "canvas", "frame_url", "runtime_url", "v"]
    AUTH_TOKEN_FIELD_NUMBER: _ClassVar[int]
    CANVAS_FIELD_NUMBER: _ClassVar[int]
    FRAME_URL_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_URL_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    auth_token: str
    canvas: Canvas
    frame_url: str
    runtime_url: str
    v: int
    def __init__(self, v: _Optional[int] = ..., canvas: _Optional[_Union[Canvas, _Mapping]] = ..., frame_url: _Optional[str] = ..., runtime_url: _Optional[str] = ..., auth_token: _Optional[str] = ...) -> None: ...

class DeleteAgentRequest(_message.Message):
    __slots__ = ["agent_id", "v"]
    AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    agent_id: str
    v: int
    def __init__(self, v: _Optional[int] = ..., agent_id: _Optional[str] = ...) -> None: ...

class DeleteAgentResponse(_message.Message):
    __slots__ = ["agent_dir", "default_agent_id", "deleted", "deleted_agent_id", "previous_default_agent_id", "removed_bindings_count", "v"]
    AGENT_DIR_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    DELETED_AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    DELETED_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_DEFAULT_AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    REMOVED_BINDINGS_COUNT_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    agent_dir: str
    default_agent_id: str
    deleted: bool
    deleted_agent_id: str
    previous_default_agent_id: str
    removed_bindings_count: int
    v: int
    def __init__(self, v: _Optional[int] = ..., deleted_agent_id: _Optional[str] = ..., deleted: bool = ..., removed_bindings_count: _Optional[int] = ..., previous_default_agent_id: _Optional[str] = ..., default_agent_id: _Optional[str] = ..., agent_dir: _Optional[str] = ...) -> None: ...

class DeleteSecretRequest(_message.Message):
    __slots__ = ["key", "scope", "v"]
    KEY_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    key: str
    scope: str
    v: int
    def __init__(self, v: _Optional[int] = ..., scope: _Optional[str] = ..., key: _Optional[str] = ...) -> None: ...

class DeleteSecretResponse(_message.Message):
    __slots__ = ["deleted", "v"]
    DELETED_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    deleted: bool
    v: int
    def __init__(self, v: _Optional[int] = ..., deleted: bool = ...) -> None: ...

class ExecutionBackendInventory(_message.Message):
    __slots__ = ["active_node_count", "backend_id", "capabilities", "description", "executor_label", "label", "operator_summary", "rollout_enabled", "rollout_flag", "selectable", "selected_by_default", "state", "total_node_count", "tradeoffs"]
    ACTIVE_NODE_COUNT_FIELD_NUMBER: _ClassVar[int]
    BACKEND_ID_FIELD_NUMBER: _ClassVar[int]
    CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EXECUTOR_LABEL_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    OPERATOR_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    ROLLOUT_ENABLED_FIELD_NUMBER: _ClassVar[int]
    ROLLOUT_FLAG_FIELD_NUMBER: _ClassVar[int]
    SELECTABLE_FIELD_NUMBER: _ClassVar[int]
    SELECTED_BY_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_NODE_COUNT_FIELD_NUMBER: _ClassVar[int]
    TRADEOFFS_FIELD_NUMBER: _ClassVar[int]
    active_node_count: int
    backend_id: str
    capabilities: _containers.RepeatedScalarFieldContainer[str]
    description: str
    executor_label: str
    label: str
    operator_summary: str
    rollout_enabled: bool
    rollout_flag: str
    selectable: bool
    selected_by_default: bool
    state: str
    total_node_count: int
    tradeoffs: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, backend_id: _Optional[str] = ..., label: _Optional[str] = ..., state: _Optional[str] = ..., selectable: bool = ..., selected_by_default: bool = ..., description: _Optional[str] = ..., operator_summary: _Optional[str] = ..., executor_label: _Optional[str] = ..., rollout_flag: _Optional[str] = ..., rollout_enabled: bool = ..., capabilities: _Optional[_Iterable[str]] = ..., tradeoffs: _Optional[_Iterable[str]] = ..., active_node_count: _Optional[int] = ..., total_node_count: _Optional[int] = ...) -> None: ...

class ExportApprovalsRequest(_message.Message):
    __slots__ = ["decision", "format", "limit", "principal", "since_unix_ms", "subject_id", "subject_type", "until_unix_ms", "v"]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    PRINCIPAL_FIELD_NUMBER: _ClassVar[int]
    SINCE_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_TYPE_FIELD_NUMBER: _ClassVar[int]
    UNTIL_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    decision: ApprovalDecision
    format: ApprovalExportFormat
    limit: int
    principal: str
    since_unix_ms: int
    subject_id: str
    subject_type: ApprovalSubjectType
    until_unix_ms: int
    v: int
    def __init__(self, v: _Optional[int] = ..., format: _Optional[_Union[ApprovalExportFormat, str]] = ..., limit: _Optional[int] = ..., since_unix_ms: _Optional[int] = ..., until_unix_ms: _Optional[int] = ..., subject_id: _Optional[str] = ..., principal: _Optional[str] = ..., decision: _Optional[_Union[ApprovalDecision, str]] = ..., subject_type: _Optional[_Union[ApprovalSubjectType, str]] = ...) -> None: ...

class ExportApprovalsResponse(_message.Message):
    __slots__ = ["chunk", "chunk_seq", "done", "v"]
    CHUNK_FIELD_NUMBER: _ClassVar[int]
    CHUNK_SEQ_FIELD_NUMBER: _ClassVar[int]
    DONE_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    chunk: bytes
    chunk_seq: int
    done: bool
    v: int
    def __init__(self, v: _Optional[int] = ..., chunk: _Optional[bytes] = ..., chunk_seq: _Optional[int] = ..., done: bool = ...) -> None: ...

class GetAgentRequest(_message.Message):
    __slots__ = ["agent_id", "v"]
    AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    agent_id: str
    v: int
    def __init__(self, v: _Optional[int] = ..., agent_id: _Optional[str] = ...) -> None: ...

class GetAgentResponse(_message.Message):
    __slots__ = ["agent", "execution_backend_fallback_used", "execution_backend_reason", "execution_backends", "is_default", "resolved_execution_backend", "v"]
    AGENT_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_BACKENDS_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_BACKEND_FALLBACK_USED_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_BACKEND_REASON_FIELD_NUMBER: _ClassVar[int]
    IS_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_EXECUTION_BACKEND_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    agent: Agent
    execution_backend_fallback_used: bool
    execution_backend_reason: str
    execution_backends: _containers.RepeatedCompositeFieldContainer[ExecutionBackendInventory]
    is_default: bool
    resolved_execution_backend: str
    v: int
    def __init__(self, v: _Optional[int] = ..., agent: _Optional[_Union[Agent, _Mapping]] = ..., is_default: bool = ..., execution_backends: _Optional[_Iterable[_Union[ExecutionBackendInventory, _Mapping]]] = ..., resolved_execution_backend: _Optional[str] = ..., execution_backend_fallback_used: bool = ..., execution_backend_reason: _Optional[str] = ...) -> None: ...

class GetApprovalRequest(_message.Message):
    __slots__ = ["approval_id", "v"]
    APPROVAL_ID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    approval_id: _common_pb2.CanonicalId
    v: int
    def __init__(self, v: _Optional[int] = ..., approval_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ...) -> None: ...

class GetApprovalResponse(_message.Message):
    __slots__ = ["approval", "v"]
    APPROVAL_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    approval: ApprovalRecord
    v: int
    def __init__(self, v: _Optional[int] = ..., approval: _Optional[_Union[ApprovalRecord, _Mapping]] = ...) -> None: ...

class GetCanvasRequest(_message.Message):
    __slots__ = ["canvas_id", "v"]
    CANVAS_ID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    canvas_id: _common_pb2.CanonicalId
    v: int
    def __init__(self, v: _Optional[int] = ..., canvas_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ...) -> None: ...

class GetCanvasResponse(_message.Message):
    __slots__ = ["canvas", "v"]
    CANVAS_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    canvas: Canvas
    v: int
    def __init__(self, v: _Optional[int] = ..., canvas: _Optional[_Union[Canvas, _Mapping]] = ...) -> None: ...

class GetSecretRequest(_message.Message):
    __slots__ = ["key", "scope", "v"]
    KEY_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    key: str
    scope: str
    v: int
    def __init__(self, v: _Optional[int] = ..., scope: _Optional[str] = ..., key: _Optional[str] = ...) -> None: ...

class GetSecretResponse(_message.Message):
    __slots__ = ["v", "value"]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    v: int
    value: bytes
    def __init__(self, v: _Optional[int] = ..., value: _Optional[bytes] = ...) -> None: ...

class HealthRequest(_message.Message):
    __slots__ = ["v"]
    V_FIELD_NUMBER: _ClassVar[int]
    v: int
    def __init__(self, v: _Optional[int] = ...) -> None: ...

class HealthResponse(_message.Message):
    __slots__ = ["build_profile", "git_hash", "service", "status", "uptime_seconds", "v", "version"]
    BUILD_PROFILE_FIELD_NUMBER: _ClassVar[int]
    GIT_HASH_FIELD_NUMBER: _ClassVar[int]
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    UPTIME_SECONDS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    build_profile: str
    git_hash: str
    service: str
    status: str
    uptime_seconds: int
    v: int
    version: str
    def __init__(self, v: _Optional[int] = ..., service: _Optional[str] = ..., status: _Optional[str] = ..., version: _Optional[str] = ..., git_hash: _Optional[str] = ..., build_profile: _Optional[str] = ..., uptime_seconds: _Optional[int] = ...) -> None: ...

class ListAgentBindingsRequest(_message.Message):
    __slots__ = ["agent_id", "channel", "limit", "principal", "session_id", "v"]
    AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    PRINCIPAL_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    agent_id: str
    channel: str
    limit: int
    principal: str
    session_id: _common_pb2.CanonicalId
    v: int
    def __init__(self, v: _Optional[int] = ..., agent_id: _Optional[str] = ..., principal: _Optional[str] = ..., channel: _Optional[str] = ..., session_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., limit: _Optional[int] = ...) -> None: ...

class ListAgentBindingsResponse(_message.Message):
    __slots__ = ["bindings", "v"]
    BINDINGS_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    bindings: _containers.RepeatedCompositeFieldContainer[AgentBinding]
    v: int
    def __init__(self, v: _Optional[int] = ..., bindings: _Optional[_Iterable[_Union[AgentBinding, _Mapping]]] = ...) -> None: ...

class ListAgentsRequest(_message.Message):
    __slots__ = ["after_agent_id", "limit", "v"]
    AFTER_AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    after_agent_id: str
    limit: int
    v: int
    def __init__(self, v: _Optional[int] = ..., limit: _Optional[int] = ..., after_agent_id: _Optional[str] = ...) -> None: ...

class ListAgentsResponse(_message.Message):
    __slots__ = ["agents", "default_agent_id", "execution_backends", "next_after_agent_id", "v"]
    AGENTS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_BACKENDS_FIELD_NUMBER: _ClassVar[int]
    NEXT_AFTER_AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    agents: _containers.RepeatedCompositeFieldContainer[Agent]
    default_agent_id: str
    execution_backends: _containers.RepeatedCompositeFieldContainer[ExecutionBackendInventory]
    next_after_agent_id: str
    v: int
    def __init__(self, v: _Optional[int] = ..., agents: _Optional[_Iterable[_Union[Agent, _Mapping]]] = ..., default_agent_id: _Optional[str] = ..., next_after_agent_id: _Optional[str] = ..., execution_backends: _Optional[_Iterable[_Union[ExecutionBackendInventory, _Mapping]]] = ...) -> None: ...

class ListApprovalsRequest(_message.Message):
    __slots__ = ["after_approval_ulid", "decision", "limit", "principal", "since_unix_ms", "subject_id", "subject_type", "until_unix_ms", "v"]
    AFTER_APPROVAL_ULID_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    PRINCIPAL_FIELD_NUMBER: _ClassVar[int]
    SINCE_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_TYPE_FIELD_NUMBER: _ClassVar[int]
    UNTIL_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    after_approval_ulid: str
    decision: ApprovalDecision
    limit: int
    principal: str
    since_unix_ms: int
    subject_id: str
    subject_type: ApprovalSubjectType
    until_unix_ms: int
    v: int
    def __init__(self, v: _Optional[int] = ..., after_approval_ulid: _Optional[str] = ..., limit: _Optional[int] = ..., since_unix_ms: _Optional[int] = ..., until_unix_ms: _Optional[int] = ..., subject_id: _Optional[str] = ..., principal: _Optional[str] = ..., decision: _Optional[_Union[ApprovalDecision, str]] = ..., subject_type: _Optional[_Union[ApprovalSubjectType, str]] = ...) -> None: ...

class ListApprovalsResponse(_message.Message):
    __slots__ = ["approvals", "next_after_approval_ulid", "v"]
    APPROVALS_FIELD_NUMBER: _ClassVar[int]
    NEXT_AFTER_APPROVAL_ULID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    approvals: _containers.RepeatedCompositeFieldContainer[ApprovalRecord]
    next_after_approval_ulid: str
    v: int
    def __init__(self, v: _Optional[int] = ..., approvals: _Optional[_Iterable[_Union[ApprovalRecord, _Mapping]]] = ..., next_after_approval_ulid: _Optional[str] = ...) -> None: ...

class ListSecretsRequest(_message.Message):
    __slots__ = ["scope", "v"]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    scope: str
    v: int
    def __init__(self, v: _Optional[int] = ..., scope: _Optional[str] = ...) -> None: ...

class ListSecretsResponse(_message.Message):
    __slots__ = ["secrets", "v"]
    SECRETS_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    secrets: _containers.RepeatedCompositeFieldContainer[VaultSecretMetadata]
    v: int
    def __init__(self, v: _Optional[int] = ..., secrets: _Optional[_Iterable[_Union[VaultSecretMetadata, _Mapping]]] = ...) -> None: ...

class ListSessionsRequest(_message.Message):
    __slots__ = ["after_session_key", "include_archived", "limit", "q", "v"]
    AFTER_SESSION_KEY_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    Q_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    after_session_key: str
    include_archived: bool
    limit: int
    q: str
    v: int
    def __init__(self, v: _Optional[int] = ..., after_session_key: _Optional[str] = ..., limit: _Optional[int] = ..., include_archived: bool = ..., q: _Optional[str] = ...) -> None: ...

class ListSessionsResponse(_message.Message):
    __slots__ = ["next_after_session_key", "sessions", "v"]
    NEXT_AFTER_SESSION_KEY_FIELD_NUMBER: _ClassVar[int]
    SESSIONS_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    next_after_session_key: str
    sessions: _containers.RepeatedCompositeFieldContainer[SessionSummary]
    v: int
    def __init__(self, v: _Optional[int] = ..., sessions: _Optional[_Iterable[_Union[SessionSummary, _Mapping]]] = ..., next_after_session_key: _Optional[str] = ...) -> None: ...

class OutboundMessage(_message.Message):
    __slots__ = ["a2ui_update", "attachments", "auto_ack_text", "auto_reaction", "broadcast", "in_reply_to_message_id", "structured_json", "text", "thread_id"]
    A2UI_UPDATE_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENTS_FIELD_NUMBER: _ClassVar[int]
    AUTO_ACK_TEXT_FIELD_NUMBER: _ClassVar[int]
    AUTO_REACTION_FIELD_NUMBER: _ClassVar[int]
    BROADCAST_FIELD_NUMBER: _ClassVar[int]
    IN_REPLY_TO_MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    STRUCTURED_JSON_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    THREAD_ID_FIELD_NUMBER: _ClassVar[int]
    a2ui_update: _common_pb2.A2uiUpdate
    attachments: _containers.RepeatedCompositeFieldContainer[_common_pb2.MessageAttachment]
    auto_ack_text: str
    auto_reaction: str
    broadcast: bool
    in_reply_to_message_id: str
    structured_json: bytes
    text: str
    thread_id: str
    def __init__(self, text: _Optional[str] = ..., attachments: _Optional[_Iterable[_Union[_common_pb2.MessageAttachment, _Mapping]]] = ..., thread_id: _Optional[str] = ..., in_reply_to_message_id: _Optional[str] = ..., broadcast: bool = ..., auto_ack_text: _Optional[str] = ..., auto_reaction: _Optional[str] = ..., structured_json: _Optional[bytes] = ..., a2ui_update: _Optional[_Union[_common_pb2.A2uiUpdate, _Mapping]] = ...) -> None: ...

class PutSecretRequest(_message.Message):
    __slots__ = ["key", "scope", "v", "value"]
    KEY_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    key: str
    scope: str
    v: int
    value: bytes
    def __init__(self, v: _Optional[int] = ..., scope: _Optional[str] = ..., key: _Optional[str] = ..., value: _Optional[bytes] = ...) -> None: ...

class PutSecretResponse(_message.Message):
    __slots__ = ["secret", "v"]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    secret: VaultSecretMetadata
    v: int
    def __init__(self, v: _Optional[int] = ..., secret: _Optional[_Union[VaultSecretMetadata, _Mapping]] = ...) -> None: ...

class ResolveAgentForContextRequest(_message.Message):
    __slots__ = ["channel", "persist_session_binding", "preferred_agent_id", "principal", "session_id", "v"]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    PERSIST_SESSION_BINDING_FIELD_NUMBER: _ClassVar[int]
    PREFERRED_AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    PRINCIPAL_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    channel: str
    persist_session_binding: bool
    preferred_agent_id: str
    principal: str
    session_id: _common_pb2.CanonicalId
    v: int
    def __init__(self, v: _Optional[int] = ..., principal: _Optional[str] = ..., channel: _Optional[str] = ..., session_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., preferred_agent_id: _Optional[str] = ..., persist_session_binding: bool = ...) -> None: ...

class ResolveAgentForContextResponse(_message.Message):
    __slots__ = ["agent", "binding_created", "execution_backend_fallback_used", "execution_backend_reason", "execution_backends", "is_default", "resolved_execution_backend", "source", "v"]
    AGENT_FIELD_NUMBER: _ClassVar[int]
    BINDING_CREATED_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_BACKENDS_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_BACKEND_FALLBACK_USED_FIELD_NUMBER: _ClassVar[int]
    EXECUTION_BACKEND_REASON_FIELD_NUMBER: _ClassVar[int]
    IS_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_EXECUTION_BACKEND_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    agent: Agent
    binding_created: bool
    execution_backend_fallback_used: bool
    execution_backend_reason: str
    execution_backends: _containers.RepeatedCompositeFieldContainer[ExecutionBackendInventory]
    is_default: bool
    resolved_execution_backend: str
    source: AgentResolutionSource
    v: int
    def __init__(self, v: _Optional[int] = ..., agent: _Optional[_Union[Agent, _Mapping]] = ..., source: _Optional[_Union[AgentResolutionSource, str]] = ..., binding_created: bool = ..., is_default: bool = ..., resolved_execution_backend: _Optional[str] = ..., execution_backend_fallback_used: bool = ..., execution_backend_reason: _Optional[str] = ..., execution_backends: _Optional[_Iterable[_Union[ExecutionBackendInventory, _Mapping]]] = ...) -> None: ...

class ResolveSessionRequest(_message.Message):
    __slots__ = ["require_existing", "reset_session", "session_id", "session_key", "session_label", "v"]
    REQUIRE_EXISTING_FIELD_NUMBER: _ClassVar[int]
    RESET_SESSION_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_KEY_FIELD_NUMBER: _ClassVar[int]
    SESSION_LABEL_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    require_existing: bool
    reset_session: bool
    session_id: _common_pb2.CanonicalId
    session_key: str
    session_label: str
    v: int
    def __init__(self, v: _Optional[int] = ..., session_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., session_key: _Optional[str] = ..., session_label: _Optional[str] = ..., require_existing: bool = ..., reset_session: bool = ...) -> None: ...

class ResolveSessionResponse(_message.Message):
    __slots__ = ["created", "reset_applied", "session", "v"]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    RESET_APPLIED_FIELD_NUMBER: _ClassVar[int]
    SESSION_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    created: bool
    reset_applied: bool
    session: SessionSummary
    v: int
    def __init__(self, v: _Optional[int] = ..., session: _Optional[_Union[SessionSummary, _Mapping]] = ..., created: bool = ..., reset_applied: bool = ...) -> None: ...

class RouteMessageRequest(_message.Message):
    __slots__ = ["adapter_message_id", "adapter_thread_id", "envelope", "is_direct_message", "request_broadcast", "retry_attempt", "session_label", "v"]
    ADAPTER_MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    ADAPTER_THREAD_ID_FIELD_NUMBER: _ClassVar[int]
    ENVELOPE_FIELD_NUMBER: _ClassVar[int]
    IS_DIRECT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_BROADCAST_FIELD_NUMBER: _ClassVar[int]
    RETRY_ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    SESSION_LABEL_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    adapter_message_id: str
    adapter_thread_id: str
    envelope: _common_pb2.MessageEnvelope
    is_direct_message: bool
    request_broadcast: bool
    retry_attempt: int
    session_label: str
    v: int
    def __init__(self, v: _Optional[int] = ..., envelope: _Optional[_Union[_common_pb2.MessageEnvelope, _Mapping]] = ..., is_direct_message: bool = ..., request_broadcast: bool = ..., adapter_message_id: _Optional[str] = ..., adapter_thread_id: _Optional[str] = ..., retry_attempt: _Optional[int] = ..., session_label: _Optional[str] = ...) -> None: ...

class RouteMessageResponse(_message.Message):
    __slots__ = ["accepted", "decision_reason", "outputs", "queue_depth", "queued_for_retry", "retry_attempt", "route_key", "run_id", "session_id", "v"]
    ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    DECISION_REASON_FIELD_NUMBER: _ClassVar[int]
    OUTPUTS_FIELD_NUMBER: _ClassVar[int]
    QUEUED_FOR_RETRY_FIELD_NUMBER: _ClassVar[int]
    QUEUE_DEPTH_FIELD_NUMBER: _ClassVar[int]
    RETRY_ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    ROUTE_KEY_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    accepted: bool
    decision_reason: str
    outputs: _containers.RepeatedCompositeFieldContainer[OutboundMessage]
    queue_depth: int
    queued_for_retry: bool
    retry_attempt: int
    route_key: str
    run_id: _common_pb2.CanonicalId
    session_id: _common_pb2.CanonicalId
    v: int
    def __init__(self, v: _Optional[int] = ..., accepted: bool = ..., queued_for_retry: bool = ..., decision_reason: _Optional[str] = ..., session_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., run_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., outputs: _Optional[_Iterable[_Union[OutboundMessage, _Mapping]]] = ..., route_key: _Optional[str] = ..., retry_attempt: _Optional[int] = ..., queue_depth: _Optional[int] = ...) -> None: ...

class SessionSummary(_message.Message):
    __slots__ = ["archived_at_unix_ms", "branch_state", "created_at_unix_ms", "last_intent", "last_run_id", "last_run_state", "last_summary", "match_snippet", "parent_session_id", "preview", "preview_state", "session_id", "session_key", "session_label", "title", "title_generator_version", "title_source", "updated_at_unix_ms"]
    ARCHIVED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    BRANCH_STATE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    LAST_INTENT_FIELD_NUMBER: _ClassVar[int]
    LAST_RUN_ID_FIELD_NUMBER: _ClassVar[int]
    LAST_RUN_STATE_FIELD_NUMBER: _ClassVar[int]
    LAST_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    MATCH_SNIPPET_FIELD_NUMBER: _ClassVar[int]
    PARENT_SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    PREVIEW_FIELD_NUMBER: _ClassVar[int]
    PREVIEW_STATE_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_KEY_FIELD_NUMBER: _ClassVar[int]
    SESSION_LABEL_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TITLE_GENERATOR_VERSION_FIELD_NUMBER: _ClassVar[int]
    TITLE_SOURCE_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    archived_at_unix_ms: int
    branch_state: str
    created_at_unix_ms: int
    last_intent: str
    last_run_id: _common_pb2.CanonicalId
    last_run_state: str
    last_summary: str
    match_snippet: str
    parent_session_id: _common_pb2.CanonicalId
    preview: str
    preview_state: str
    session_id: _common_pb2.CanonicalId
    session_key: str
    session_label: str
    title: str
    title_generator_version: str
    title_source: str
    updated_at_unix_ms: int
    def __init__(self, session_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., session_key: _Optional[str] = ..., session_label: _Optional[str] = ..., created_at_unix_ms: _Optional[int] = ..., updated_at_unix_ms: _Optional[int] = ..., last_run_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., archived_at_unix_ms: _Optional[int] = ..., title: _Optional[str] = ..., title_source: _Optional[str] = ..., title_generator_version: _Optional[str] = ..., preview: _Optional[str] = ..., preview_state: _Optional[str] = ..., last_intent: _Optional[str] = ..., last_summary: _Optional[str] = ..., match_snippet: _Optional[str] = ..., branch_state: _Optional[str] = ..., parent_session_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., last_run_state: _Optional[str] = ...) -> None: ...

class SetDefaultAgentRequest(_message.Message):
    __slots__ = ["agent_id", "v"]
    AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    agent_id: str
    v: int
    def __init__(self, v: _Optional[int] = ..., agent_id: _Optional[str] = ...) -> None: ...

class SetDefaultAgentResponse(_message.Message):
    __slots__ = ["default_agent_id", "previous_agent_id", "v"]
    DEFAULT_AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    default_agent_id: str
    previous_agent_id: str
    v: int
    def __init__(self, v: _Optional[int] = ..., previous_agent_id: _Optional[str] = ..., default_agent_id: _Optional[str] = ...) -> None: ...

class SubscribeCanvasUpdatesRequest(_message.Message):
    __slots__ = ["after_state_version", "canvas_id", "include_snapshot_state", "v"]
    AFTER_STATE_VERSION_FIELD_NUMBER: _ClassVar[int]
    CANVAS_ID_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_SNAPSHOT_STATE_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    after_state_version: int
    canvas_id: _common_pb2.CanonicalId
    include_snapshot_state: bool
    v: int
    def __init__(self, v: _Optional[int] = ..., canvas_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., after_state_version: _Optional[int] = ..., include_snapshot_state: bool = ...) -> None: ...

class SubscribeCanvasUpdatesResponse(_message.Message):
    __slots__ = ["applied_at_unix_ms", "base_state_version", "canvas_id", "close_reason", "closed", "patch_json", "state_json", "state_schema_version", "state_version", "v"]
    APPLIED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    BASE_STATE_VERSION_FIELD_NUMBER: _ClassVar[int]
    CANVAS_ID_FIELD_NUMBER: _ClassVar[int]
    CLOSED_FIELD_NUMBER: _ClassVar[int]
    CLOSE_REASON_FIELD_NUMBER: _ClassVar[int]
    PATCH_JSON_FIELD_NUMBER: _ClassVar[int]
    STATE_JSON_FIELD_NUMBER: _ClassVar[int]
    STATE_SCHEMA_VERSION_FIELD_NUMBER: _ClassVar[int]
    STATE_VERSION_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    applied_at_unix_ms: int
    base_state_version: int
    canvas_id: _common_pb2.CanonicalId
    close_reason: str
    closed: bool
    patch_json: bytes
    state_json: bytes
    state_schema_version: int
    state_version: int
    v: int
    def __init__(self, v: _Optional[int] = ..., canvas_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., state_version: _Optional[int] = ..., base_state_version: _Optional[int] = ..., state_schema_version: _Optional[int] = ..., patch_json: _Optional[bytes] = ..., state_json: _Optional[bytes] = ..., closed: bool = ..., close_reason: _Optional[str] = ..., applied_at_unix_ms: _Optional[int] = ...) -> None: ...

class UnbindAgentForContextRequest(_message.Message):
    __slots__ = ["channel", "principal", "session_id", "v"]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    PRINCIPAL_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    channel: str
    principal: str
    session_id: _common_pb2.CanonicalId
    v: int
    def __init__(self, v: _Optional[int] = ..., principal: _Optional[str] = ..., channel: _Optional[str] = ..., session_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ...) -> None: ...

class UnbindAgentForContextResponse(_message.Message):
    __slots__ = ["removed", "removed_agent_id", "v"]
    REMOVED_AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    REMOVED_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    removed: bool
    removed_agent_id: str
    v: int
    def __init__(self, v: _Optional[int] = ..., removed: bool = ..., removed_agent_id: _Optional[str] = ...) -> None: ...

class UpdateCanvasRequest(_message.Message):
    __slots__ = ["canvas_id", "expected_state_schema_version", "expected_state_version", "patch_json", "state_json", "v"]
    CANVAS_ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_STATE_SCHEMA_VERSION_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_STATE_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATCH_JSON_FIELD_NUMBER: _ClassVar[int]
    STATE_JSON_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    canvas_id: _common_pb2.CanonicalId
    expected_state_schema_version: int
    expected_state_version: int
    patch_json: bytes
    state_json: bytes
    v: int
    def __init__(self, v: _Optional[int] = ..., canvas_id: _Optional[_Union[_common_pb2.CanonicalId, _Mapping]] = ..., state_json: _Optional[bytes] = ..., expected_state_version: _Optional[int] = ..., patch_json: _Optional[bytes] = ..., expected_state_schema_version: _Optional[int] = ...) -> None: ...

class UpdateCanvasResponse(_message.Message):
    __slots__ = ["canvas", "v"]
    CANVAS_FIELD_NUMBER: _ClassVar[int]
    V_FIELD_NUMBER: _ClassVar[int]
    canvas: Canvas
    v: int
    def __init__(self, v: _Optional[int] = ..., canvas: _Optional[_Union[Canvas, _Mapping]] = ...) -> None: ...

class VaultSecretMetadata(_message.Message):
    __slots__ = ["created_at_unix_ms", "key", "scope", "updated_at_unix_ms", "value_bytes"]
    CREATED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    VALUE_BYTES_FIELD_NUMBER: _ClassVar[int]
    created_at_unix_ms: int
    key: str
    scope: str
    updated_at_unix_ms: int
    value_bytes: int
    def __init__(self, scope: _Optional[str] = ..., key: _Optional[str] = ..., created_at_unix_ms: _Optional[int] = ..., updated_at_unix_ms: _Optional[int] = ..., value_bytes: _Optional[int] = ...) -> None: ...

class ApprovalSubjectType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ApprovalDecision(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ApprovalExportFormat(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class AgentResolutionSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
