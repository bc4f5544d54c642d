// Palyra's schema, as an ordered list of migrations.
//
// NEVER edit, reorder or remove a migration once it has been committed: databases in the field
// have already applied it (its name is checked on open). To change the schema, APPEND a new
// migration with the next version number.

#include "store/migrations.h"

namespace palyra::store {
namespace {

constexpr Migration kMigrations[] = {
    {1, "gateway_meta",
     R"sql(
CREATE TABLE gateway_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at_unix_ms INTEGER NOT NULL
);
)sql"},
    {2, "identity_ca_devices_revocations",
     R"sql(
-- The gateway CA: exactly one row. The private key is not here; it is a 0600 PEM file.
-- `sequence` counts every leaf certificate issued (+1 per issuance, in the same transaction).
CREATE TABLE gateway_ca (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  certificate_pem TEXT NOT NULL,
  certificate_fingerprint TEXT NOT NULL
    CHECK (length(certificate_fingerprint) = 64 AND certificate_fingerprint NOT GLOB '*[^0-9a-f]*'),
  sequence INTEGER NOT NULL CHECK (sequence >= 0),
  created_at_unix_ms INTEGER NOT NULL,
  updated_at_unix_ms INTEGER NOT NULL
);

-- Paired devices and their current client certificate. No private keys.
CREATE TABLE paired_devices (
  device_id TEXT PRIMARY KEY CHECK (length(device_id) = 26),
  client_kind TEXT NOT NULL CHECK (client_kind IN ('cli', 'desktop', 'node')),
  identity_fingerprint TEXT NOT NULL
    CHECK (length(identity_fingerprint) = 64 AND identity_fingerprint NOT GLOB '*[^0-9a-f]*'),
  signing_public_key_hex TEXT NOT NULL
    CHECK (length(signing_public_key_hex) = 64 AND signing_public_key_hex NOT GLOB '*[^0-9a-f]*'),
  certificate_pem TEXT NOT NULL,
  certificate_fingerprint TEXT NOT NULL UNIQUE
    CHECK (length(certificate_fingerprint) = 64 AND certificate_fingerprint NOT GLOB '*[^0-9a-f]*'),
  certificate_expires_at_unix_ms INTEGER NOT NULL,
  paired_at_unix_ms INTEGER NOT NULL,
  updated_at_unix_ms INTEGER NOT NULL
) WITHOUT ROWID;

-- Every certificate issued to a paired device (the current one included), so that a
-- fingerprint maps to its device through the current certificate and all history. Rows go
-- away with the device (remove, revoke, re-pair); their fingerprints are revoked first.
-- ca_sequence is the CA sequence the issuance produced (it orders the history).
CREATE TABLE device_certificates (
  fingerprint TEXT PRIMARY KEY
    CHECK (length(fingerprint) = 64 AND fingerprint NOT GLOB '*[^0-9a-f]*'),
  device_id TEXT NOT NULL REFERENCES paired_devices (device_id) ON DELETE CASCADE,
  ca_sequence INTEGER NOT NULL,
  issued_at_unix_ms INTEGER NOT NULL,
  expires_at_unix_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX device_certificates_by_device ON device_certificates (device_id);

-- Devices that may neither pair nor rotate until an operator clears the record.
CREATE TABLE revoked_devices (
  device_id TEXT PRIMARY KEY CHECK (length(device_id) = 26),
  reason TEXT NOT NULL,
  revoked_at_unix_ms INTEGER NOT NULL
) WITHOUT ROWID;

-- Revoked certificate fingerprints, kept with the certificate's expiry so that entries can be
-- pruned once the certificate could no longer be accepted anyway. `generation` is stamped by
-- the insert trigger below, so revocation caches can load just the rows added since they last
-- looked.
CREATE TABLE revoked_certificates (
  fingerprint TEXT PRIMARY KEY
    CHECK (length(fingerprint) = 64 AND fingerprint NOT GLOB '*[^0-9a-f]*'),
  device_id TEXT NOT NULL,
  expires_at_unix_ms INTEGER NOT NULL,
  revoked_at_unix_ms INTEGER NOT NULL,
  reason TEXT NOT NULL,
  generation INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX revoked_certificates_by_expiry ON revoked_certificates (expires_at_unix_ms);
CREATE INDEX revoked_certificates_by_generation ON revoked_certificates (generation);

-- Counters bumped by every change to revoked_certificates, from any connection or process:
-- revocation_generation on every insert, delete or fingerprint change; removal_generation only
-- when a fingerprint leaves the set (pruning), which forces caches into a full reload.
CREATE TABLE identity_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  revocation_generation INTEGER NOT NULL,
  removal_generation INTEGER NOT NULL
);
INSERT INTO identity_generation (id, revocation_generation, removal_generation) VALUES (1, 0, 0);
CREATE TRIGGER revoked_certificates_insert_generation AFTER INSERT ON revoked_certificates
BEGIN
  UPDATE identity_generation SET revocation_generation = revocation_generation + 1 WHERE id = 1;
  UPDATE revoked_certificates
    SET generation = (SELECT revocation_generation FROM identity_generation WHERE id = 1)
    WHERE fingerprint = NEW.fingerprint;
END;
CREATE TRIGGER revoked_certificates_update_generation
AFTER UPDATE OF fingerprint ON revoked_certificates
BEGIN
  UPDATE identity_generation SET revocation_generation = revocation_generation + 1,
    removal_generation = removal_generation + 1 WHERE id = 1;
END;
CREATE TRIGGER revoked_certificates_delete_generation AFTER DELETE ON revoked_certificates
BEGIN
  UPDATE identity_generation SET revocation_generation = revocation_generation + 1,
    removal_generation = removal_generation + 1 WHERE id = 1;
END;
)sql"},
    {3, "pairing_codes_requests",
     R"sql(
-- Pairing codes minted by operators. The code itself is never stored: code_hash is
-- HMAC-SHA256 under a key kept in a separate 0600 file, so the database alone does not allow
-- an offline search of the PIN space. Live (active or reserved) codes never share a hash.
-- A reservation binds the code to one pairing session until reserved_until (the session's
-- expiry); a lapsed reservation goes back to active. Consumed, burned (too many wrong proofs)
-- and cancelled rows are kept for a day after expiry for audit, then deleted.
CREATE TABLE pairing_codes (
  code_id TEXT PRIMARY KEY CHECK (length(code_id) = 26),
  method TEXT NOT NULL CHECK (method IN ('pin', 'qr')),
  code_hash BLOB NOT NULL CHECK (length(code_hash) = 32),
  state TEXT NOT NULL
    CHECK (state IN ('active', 'reserved', 'consumed', 'burned', 'cancelled')),
  auto_approve INTEGER NOT NULL CHECK (auto_approve IN (0, 1)),
  issued_by TEXT NOT NULL,
  created_at_unix_ms INTEGER NOT NULL,
  expires_at_unix_ms INTEGER NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  reservation_id TEXT,
  reserved_until_unix_ms INTEGER,
  consumed_by_request_id TEXT,
  updated_at_unix_ms INTEGER NOT NULL,
  CHECK ((state = 'reserved') = (reservation_id IS NOT NULL AND reserved_until_unix_ms IS NOT NULL))
) WITHOUT ROWID;
CREATE UNIQUE INDEX pairing_codes_live_hash ON pairing_codes (code_hash)
  WHERE state IN ('active', 'reserved');
CREATE INDEX pairing_codes_by_state_expiry ON pairing_codes (state, expires_at_unix_ms);

-- Pairing requests (request_id = the pairing session id). state follows
-- pending_approval -> approved -> completed, with rejected and expired (denied) as the other
-- ends. expires_at is the approval deadline while pending and the collection deadline once
-- approved. Never holds a pairing code or a private key: key_source says whether the
-- certificate was issued for the device's CSR or for a gateway-generated key, which was handed
-- out once (key_delivered_at) and not kept.
CREATE TABLE pairing_requests (
  request_id TEXT PRIMARY KEY CHECK (length(request_id) = 26),
  device_id TEXT NOT NULL CHECK (length(device_id) = 26),
  client_kind TEXT NOT NULL CHECK (client_kind IN ('cli', 'desktop', 'node')),
  method_label TEXT NOT NULL,
  code_id TEXT NOT NULL,
  identity_fingerprint TEXT NOT NULL
    CHECK (length(identity_fingerprint) = 64 AND identity_fingerprint NOT GLOB '*[^0-9a-f]*'),
  signing_public_key_hex TEXT NOT NULL
    CHECK (length(signing_public_key_hex) = 64 AND signing_public_key_hex NOT GLOB '*[^0-9a-f]*'),
  transcript_hash TEXT NOT NULL
    CHECK (length(transcript_hash) = 64 AND transcript_hash NOT GLOB '*[^0-9a-f]*'),
  csr_pem TEXT,
  state TEXT NOT NULL
    CHECK (state IN ('pending_approval', 'approved', 'rejected', 'completed', 'expired')),
  reason TEXT NOT NULL,
  created_at_unix_ms INTEGER NOT NULL,
  updated_at_unix_ms INTEGER NOT NULL,
  expires_at_unix_ms INTEGER NOT NULL,
  identity_change_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (identity_change_confirmed IN (0, 1)),
  decided_by TEXT,
  decided_at_unix_ms INTEGER,
  certificate_pem TEXT,
  certificate_fingerprint TEXT
    CHECK (certificate_fingerprint IS NULL OR (length(certificate_fingerprint) = 64
           AND certificate_fingerprint NOT GLOB '*[^0-9a-f]*')),
  certificate_expires_at_unix_ms INTEGER,
  key_source TEXT CHECK (key_source IS NULL OR key_source IN ('csr', 'gateway')),
  key_delivered_at_unix_ms INTEGER,
  completed_at_unix_ms INTEGER,
  CHECK ((state = 'completed') = (certificate_pem IS NOT NULL AND key_source IS NOT NULL))
);
CREATE INDEX pairing_requests_by_state_expiry ON pairing_requests (state, expires_at_unix_ms);
CREATE INDEX pairing_requests_by_device ON pairing_requests (device_id);
CREATE INDEX pairing_requests_by_created ON pairing_requests (created_at_unix_ms);
)sql"},
    {4, "nodes_capability_requests",
     R"sql(
-- Registered nodes (one row per device that called RegisterNode). last_seen and last_event are
-- kept in memory by the daemon and flushed here periodically, not on every heartbeat.
CREATE TABLE nodes (
  device_id TEXT PRIMARY KEY CHECK (length(device_id) = 26),
  platform TEXT NOT NULL CHECK (length(platform) <= 128),
  registered_at_unix_ms INTEGER NOT NULL,
  last_seen_at_unix_ms INTEGER NOT NULL,
  last_event_name TEXT,
  last_event_at_unix_ms INTEGER,
  updated_at_unix_ms INTEGER NOT NULL
) WITHOUT ROWID;

-- The capabilities a node advertised, replaced wholesale on every registration.
CREATE TABLE node_capabilities (
  device_id TEXT NOT NULL REFERENCES nodes (device_id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 128),
  available INTEGER NOT NULL CHECK (available IN (0, 1)),
  PRIMARY KEY (device_id, name)
) WITHOUT ROWID;

-- Capability invocations and their outcome. State machine:
--   queued -> dispatched -> awaiting_local_mediation -> succeeded | failed | timed_out | rejected
--   queued -> timed_out | failed | rejected;  dispatched -> succeeded | failed | timed_out
-- Terminal rows never change again. input_json is kept while the request is live (so queued
-- work survives a reconnect) and cleared once it is terminal; the summaries are redacted.
-- Rows outlive the node (history), so there is no foreign key to nodes. Keyed by the ULID
-- without a rowid (new rows append at the right edge of one b-tree); the payloads come last so
-- that reading the small columns of a large row stays on its first page.
CREATE TABLE capability_requests (
  request_id TEXT PRIMARY KEY CHECK (length(request_id) = 26),
  device_id TEXT NOT NULL CHECK (length(device_id) = 26),
  capability TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'dispatched', 'awaiting_local_mediation',
                                       'succeeded', 'failed', 'timed_out', 'rejected')),
  idempotency_key TEXT,
  max_payload_bytes INTEGER NOT NULL CHECK (max_payload_bytes > 0),
  timeout_ms INTEGER NOT NULL CHECK (timeout_ms > 0),
  deadline_at_unix_ms INTEGER NOT NULL,
  created_at_unix_ms INTEGER NOT NULL,
  updated_at_unix_ms INTEGER NOT NULL,
  dispatched_at_unix_ms INTEGER,
  dispatched_to TEXT,
  completed_at_unix_ms INTEGER,
  error TEXT,
  input_summary TEXT,
  output_summary TEXT,
  input_json BLOB,
  output_json BLOB,
  CHECK ((state IN ('succeeded', 'failed', 'timed_out', 'rejected')) =
         (completed_at_unix_ms IS NOT NULL)),
  CHECK ((dispatched_to IS NULL) = (dispatched_at_unix_ms IS NULL))
) WITHOUT ROWID;
CREATE UNIQUE INDEX capability_requests_idempotency
  ON capability_requests (device_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- Live requests only (small): restart recovery.
CREATE INDEX capability_requests_live ON capability_requests (state)
  WHERE state IN ('queued', 'dispatched', 'awaiting_local_mediation');
-- A device's history, newest first.
CREATE INDEX capability_requests_by_device_created
  ON capability_requests (device_id, created_at_unix_ms);
)sql"},
    {5, "capability_request_history_pruning", R"sql(
-- Finished requests by completion time, for pruning history past its retention.
CREATE INDEX capability_requests_by_completed ON capability_requests (completed_at_unix_ms)
  WHERE completed_at_unix_ms IS NOT NULL;
)sql"},
    {6, "node_event_log", R"sql(
-- Per device, a gap-free numbered log of daemon-to-node events, served over QUIC with resume.
-- The head row keeps the last sequence handed out and how far the log has been pruned, so
-- numbering never restarts and a resume point that was pruned away can be told apart.
CREATE TABLE node_event_heads (
  device_id TEXT PRIMARY KEY CHECK (length(device_id) = 26),
  last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
  pruned_through_seq INTEGER NOT NULL CHECK (pruned_through_seq >= 0 AND
                                             pruned_through_seq <= last_seq)
) WITHOUT ROWID;
CREATE TABLE node_events (
  device_id TEXT NOT NULL REFERENCES node_event_heads (device_id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq > 0),
  kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
  payload_json TEXT NOT NULL,
  created_at_unix_ms INTEGER NOT NULL,
  PRIMARY KEY (device_id, seq)
) WITHOUT ROWID;
CREATE INDEX node_events_by_created ON node_events (created_at_unix_ms);
)sql"},
    // Append new migrations here: {7, "name", R"sql(...)sql"},
};

}  // namespace

std::span<const Migration> PalyraMigrations() { return kMigrations; }

}  // namespace palyra::store
