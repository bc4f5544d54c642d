#!/usr/bin/env node
// Interop test: an independent device and operator, written in JavaScript, against a real palyrad.
//
// Shares no code with the C++ side. gRPC is @grpc/grpc-js (pure JavaScript, its own HTTP/2 and
// TLS stack via node:tls), the messages come from the .proto files through @grpc/proto-loader at
// run time, and the pairing hello is built here from the byte layout in the identity-and-pairing
// spec with node:crypto only (Ed25519, X25519, HKDF-SHA256, SHA-256).
//
// Flow: self-check of the hello code against the spec's test vector; start palyrad on ephemeral
// ports in a fresh state dir; mint a PIN code (operator); begin and complete a pairing session
// over server-auth TLS (device); list and approve the request (operator); collect the
// certificate and the one-time private key (device); register over mTLS, open the event stream,
// receive a pushed capability dispatch for an operator's InvokeCapability, answer it, and
// half-close the stream.
//
// Usage: node node_pairing_interop.mjs --palyrad PATH --proto-root DIR
// The gRPC packages are resolved through NODE_PATH (the pinned tools/node_modules).
// Prints one line per step and, last, "1 passed, 0 failed" (exit 0) or "0 passed, 1 failed"
// (exit 1).

import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const OVERALL_TIMEOUT_MS = 60_000;
const RPC_TIMEOUT_MS = 10_000;
const RUN_FILE_TIMEOUT_MS = 20_000;
const NODE_RPC_SERVER_NAME = 'palyrad-node-rpc';

// ---------------------------------------------------------------------------------------------
// Reporting and cleanup

let daemon = null; // { child, logPath, exited, exitCode, exitSignal, exitPromise }
let tempRoot = null;
let finished = false;
const clients = [];

function step(text) {
  console.log(`step: ${text}`);
}

class TestFailure extends Error {}

function check(condition, what, detail) {
  if (!condition) {
    throw new TestFailure(detail === undefined ? what : `${what}: ${detail}`);
  }
}

function show(value) {
  return JSON.stringify(value, (_k, v) =>
    Buffer.isBuffer(v) || (v && v.type === 'Buffer' && Array.isArray(v.data))
      ? `<${Buffer.from(v.data ?? v).length} bytes>`
      : v);
}

function printDaemonLog() {
  if (!daemon || !daemon.logPath) return;
  let text = '';
  try {
    text = fs.readFileSync(daemon.logPath, 'utf8');
  } catch {
    return;
  }
  const limit = 64 * 1024;
  if (text.length > limit) text = `...(${text.length - limit} bytes cut)\n${text.slice(-limit)}`;
  console.log('---- palyrad output ----');
  process.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
  console.log('---- end of palyrad output ----');
}

function removeTemp() {
  if (tempRoot) {
    try {
      fs.rmSync(tempRoot, { recursive: true, force: true });
    } catch {
      // Best effort: a leftover temp dir is not a test failure.
    }
    tempRoot = null;
  }
}

function killDaemonNow() {
  if (daemon && !daemon.exited) {
    try {
      daemon.child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

function closeClients() {
  for (const client of clients.splice(0)) {
    try {
      client.close();
    } catch {
      // Closing is best effort.
    }
  }
}

function fail(error) {
  if (finished) return;
  finished = true;
  const message = error instanceof TestFailure ? error.message : (error?.stack ?? String(error));
  console.log(`FAILED: ${message}`);
  closeClients();
  killDaemonNow();
  printDaemonLog();
  removeTemp();
  console.log('0 passed, 1 failed');
  process.exit(1);
}

process.on('exit', () => {
  killDaemonNow();
  removeTemp();
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => fail(new TestFailure(`interrupted by ${signal}`)));
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

const overallTimer = setTimeout(
  () => fail(new TestFailure(`overall timeout of ${OVERALL_TIMEOUT_MS / 1000} s exceeded`)),
  OVERALL_TIMEOUT_MS);

// ---------------------------------------------------------------------------------------------
// Arguments and packages

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (name !== '--palyrad' && name !== '--proto-root') {
      throw new TestFailure(`unknown argument '${name}' (usage: --palyrad PATH --proto-root DIR)`);
    }
    if (i + 1 >= argv.length) throw new TestFailure(`${name} needs a value`);
    out[name.slice(2).replace('-', '_')] = argv[++i];
  }
  if (!out.palyrad || !out.proto_root) {
    throw new TestFailure('usage: node node_pairing_interop.mjs --palyrad PATH --proto-root DIR');
  }
  return out;
}

function loadPackages() {
  const require = createRequire(import.meta.url);
  try {
    return {
      grpc: require('@grpc/grpc-js'),
      protoLoader: require('@grpc/proto-loader'),
    };
  } catch (error) {
    throw new TestFailure(
      `cannot load @grpc/grpc-js / @grpc/proto-loader (${error.message.split('\n')[0]}); ` +
      'install the pinned npm tooling (scripts/install-deps.sh, or npm ci --prefix tools) and ' +
      'point NODE_PATH at tools/node_modules');
  }
}

// ---------------------------------------------------------------------------------------------
// Identifiers

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CANONICAL_ID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

// A ULID: 48-bit millisecond time, then 80 random bits, as 26 Crockford base32 characters.
function newUlid() {
  let value = (BigInt(Date.now()) << 80n) | BigInt(`0x${crypto.randomBytes(10).toString('hex')}`);
  let text = '';
  for (let i = 0; i < 26; i++) {
    text = CROCKFORD[Number(value & 31n)] + text;
    value >>= 5n;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Pairing hello (identity-and-pairing spec, section 5), node:crypto only

const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SIGNED_PAYLOAD_LABEL = 'palyra-pairing-v1';
const TRANSCRIPT_LABEL = 'palyra-mtls-transcript-v1';

function sha256(bytes) {
  return crypto.createHash('sha256').update(bytes).digest();
}

function sha256Hex(bytes) {
  return sha256(bytes).toString('hex');
}

function u32le(value) {
  const out = Buffer.alloc(4);
  out.writeUInt32LE(value);
  return out;
}

function privateKeyFromSeed(prefix, seed) {
  if (seed.length !== 32) throw new Error(`a raw private key has 32 bytes, not ${seed.length}`);
  return crypto.createPrivateKey({
    key: Buffer.concat([prefix, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}

function rawPublicKey(privateKey) {
  const jwk = crypto.createPublicKey(privateKey).export({ format: 'jwk' });
  return Buffer.from(jwk.x, 'base64url');
}

function x25519PublicKeyFromRaw(raw) {
  return crypto.createPublicKey({
    key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });
}

// A device identity from two 32-byte seeds (fresh random ones, or the test vector's).
function makeDeviceKeys(signingSeed, x25519Secret) {
  const signingKey = privateKeyFromSeed(ED25519_PKCS8_PREFIX, signingSeed);
  const x25519Key = privateKeyFromSeed(X25519_PKCS8_PREFIX, x25519Secret);
  return {
    signingKey,
    x25519Key,
    signingPublic: rawPublicKey(signingKey),
    x25519Public: rawPublicKey(x25519Key),
  };
}

function buildHello({ session, deviceId, clientKind, proof, keys }) {
  const version = session.protocolVersion;
  const payload = Buffer.concat([
    Buffer.from(SIGNED_PAYLOAD_LABEL, 'utf8'),
    u32le(version),
    Buffer.from(session.sessionId, 'utf8'),
    session.challenge,
    session.gatewayEphemeralPublic,
    Buffer.from(deviceId, 'utf8'),
    Buffer.from(clientKind, 'utf8'),
    Buffer.from(proof, 'utf8'),
  ]);
  const signature = crypto.sign(null, payload, keys.signingKey);
  const context = Buffer.concat([
    Buffer.from(TRANSCRIPT_LABEL, 'utf8'),
    Buffer.from(session.sessionId, 'utf8'),
    u32le(version),
    Buffer.from(deviceId, 'utf8'),
    Buffer.from(clientKind, 'utf8'),
  ]);
  const shared = crypto.diffieHellman({
    privateKey: keys.x25519Key,
    publicKey: x25519PublicKeyFromRaw(session.gatewayEphemeralPublic),
  });
  const mac = Buffer.from(crypto.hkdfSync('sha256', shared, session.challenge, context, 32));
  return {
    payload,
    context,
    signature,
    mac,
    transcriptHash: sha256Hex(mac),
    identityFingerprint: sha256Hex(keys.signingPublic),
  };
}

function bytesRange(first, count) {
  return Buffer.from(Array.from({ length: count }, (_v, i) => first + i));
}

function selfCheckAgainstVector() {
  const keys = makeDeviceKeys(bytesRange(0x00, 32), bytesRange(0x20, 32));
  const gatewayKey = privateKeyFromSeed(X25519_PKCS8_PREFIX, bytesRange(0x40, 32));
  const session = {
    sessionId: '01ARZ3NDEKTSV4RRFFQ69G5FB0',
    protocolVersion: 1,
    challenge: bytesRange(0x60, 32),
    gatewayEphemeralPublic: rawPublicKey(gatewayKey),
  };
  const hello = buildHello({
    session,
    deviceId: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
    clientKind: 'node',
    proof: '123456',
    keys,
  });
  const expected = {
    'signing public key': '03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8',
    'gateway public key': '79a631eede1bf9c98f12032cdeadd0e7a079398fc786b88cc846ec89af85a51a',
    'device X25519 public key': '358072d6365880d1aeea329adf9121383851ed21a28e3b75e965d0d2cd166254',
    'payload length': 147,
    'payload SHA-256': '607b472f53a4db19c6811aadfc3010df863feac1d9fefb9e786675d72fc08ace',
    signature: '77635c1c4f7171d79d9d4836be8cffd8e2347cb14df7cc100051883a1182b820' +
      '30ee30ca2689bec763a3e7e1f567018c32dcbc77b14180d3e1aba690c7c9e404',
    'context length': 85,
    MAC: 'dc8fbe975ec4d118c63f115f55b7038be8440711676561dd92f58ec1906f3767',
    'transcript hash': '3213b4ddaf591da8de4ca1775a4794c767a8fdf2206e6daaa250f84953a9b88c',
    'identity fingerprint': '56475aa75463474c0285df5dbf2bcab73da651358839e9b77481b2eab107708c',
  };
  const actual = {
    'signing public key': keys.signingPublic.toString('hex'),
    'gateway public key': session.gatewayEphemeralPublic.toString('hex'),
    'device X25519 public key': keys.x25519Public.toString('hex'),
    'payload length': hello.payload.length,
    'payload SHA-256': sha256Hex(hello.payload),
    signature: hello.signature.toString('hex'),
    'context length': hello.context.length,
    MAC: hello.mac.toString('hex'),
    'transcript hash': hello.transcriptHash,
    'identity fingerprint': hello.identityFingerprint,
  };
  for (const [name, want] of Object.entries(expected)) {
    check(actual[name] === want, `test vector: ${name} differs`, `got ${actual[name]}, want ${want}`);
  }
  // The gateway side of the ECDH must agree, and the signature must verify.
  const gatewayShared = crypto.diffieHellman({
    privateKey: gatewayKey,
    publicKey: x25519PublicKeyFromRaw(keys.x25519Public),
  });
  const gatewayMac = Buffer.from(
    crypto.hkdfSync('sha256', gatewayShared, session.challenge, hello.context, 32));
  check(gatewayMac.equals(hello.mac), 'test vector: the gateway-side MAC differs');
  check(crypto.verify(null, hello.payload, crypto.createPublicKey(keys.signingKey), hello.signature),
    'test vector: the signature does not verify');
}

// ---------------------------------------------------------------------------------------------
// palyrad as a child process

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function startDaemon(palyradPath) {
  tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'palyra-node-interop-'));
  const stateDir = path.join(tempRoot, 'state');
  const logPath = path.join(tempRoot, 'palyrad.log');
  const logFd = fs.openSync(logPath, 'w');
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('PALYRA_')));
  const child = spawn(palyradPath, [
    '--state-dir', stateDir,
    '--grpc-port', '0',
    '--set', 'gateway.quic_enabled=false',
  ], { stdio: ['ignore', logFd, logFd], env });
  fs.closeSync(logFd);
  daemon = { child, logPath, stateDir, exited: false, exitCode: null, exitSignal: null };
  daemon.exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      daemon.exited = true;
      daemon.exitCode = code;
      daemon.exitSignal = signal;
      resolve();
    });
  });
  child.on('error', (error) => {
    daemon.exited = true;
    daemon.spawnError = error;
  });
  return daemon;
}

async function waitForRunFile(d) {
  const runPath = path.join(d.stateDir, 'run', 'palyrad.json');
  const deadline = Date.now() + RUN_FILE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (d.spawnError) throw new TestFailure(`cannot start palyrad: ${d.spawnError.message}`);
    if (d.exited) {
      throw new TestFailure(
        `palyrad exited early (code ${d.exitCode}, signal ${d.exitSignal})`);
    }
    try {
      const run = JSON.parse(fs.readFileSync(runPath, 'utf8'));
      if (run.pid === d.child.pid) return run;
    } catch {
      // Not written yet, or mid-write.
    }
    await sleep(20);
  }
  throw new TestFailure(`palyrad wrote no run file within ${RUN_FILE_TIMEOUT_MS / 1000} s`);
}

async function stopDaemon(d) {
  if (d.exited) {
    throw new TestFailure(`palyrad was gone before the end (code ${d.exitCode}, signal ${d.exitSignal})`);
  }
  d.child.kill('SIGTERM');
  const stopped = await Promise.race([d.exitPromise.then(() => true), sleep(10_000).then(() => false)]);
  if (!stopped) throw new TestFailure('palyrad did not exit within 10 s of SIGTERM');
  check(d.exitCode === 0, 'palyrad exit status after SIGTERM',
    `code ${d.exitCode}, signal ${d.exitSignal}`);
}

// ---------------------------------------------------------------------------------------------
// gRPC helpers

function makeUnary(grpc) {
  return function unary(client, method, request, metadata) {
    return new Promise((resolve, reject) => {
      const md = metadata ?? new grpc.Metadata();
      const deadline = new Date(Date.now() + RPC_TIMEOUT_MS);
      client[method](request, md, { deadline }, (error, response) => {
        if (error) {
          const code = grpc.status[error.code] ?? error.code;
          reject(new TestFailure(
            `${method}(${show(request)}) failed: status ${code} (${error.code}): ${error.details}`));
        } else {
          resolve(response);
        }
      });
    });
  };
}

// Collects a duplex stream's messages and its end, with bounded waits.
class StreamReader {
  constructor(call, name) {
    this.name = name;
    this.messages = [];
    this.waiters = [];
    this.status = null;
    this.ended = false;
    call.on('data', (message) => {
      this.messages.push(message);
      this.wake();
    });
    call.on('status', (status) => {
      this.status = status;
      this.wake();
    });
    call.on('error', () => {
      // Reported through 'status'.
    });
    call.on('end', () => {
      this.ended = true;
      this.wake();
    });
  }

  wake() {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  async waitFor(predicate, timeoutMs, what) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new TestFailure(`${this.name}: timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async next(timeoutMs, what) {
    return this.waitFor(() => {
      if (this.messages.length > 0) return this.messages.shift();
      if (this.status) {
        throw new TestFailure(`${this.name}: stream ended (status ${this.status.code}: ` +
          `${this.status.details}) while waiting for ${what}`);
      }
      return undefined;
    }, timeoutMs, what);
  }
}

function canonicalJson(value) {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
      : v);
}

function parseJsonBytes(bytes, what) {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new TestFailure(`${what} is not JSON (${error.message}): ${show(Buffer.from(bytes).toString('utf8'))}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The flow

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { grpc, protoLoader } = loadPackages();
  const unary = makeUnary(grpc);

  selfCheckAgainstVector();
  step('hello code reproduces the spec test vector (payload, signature, MAC, transcript, fingerprint): ok');

  const definition = protoLoader.loadSync(
    ['palyra/v1/node.proto', 'palyra/admin/v1/operator.proto'],
    {
      keepCase: true,
      longs: String,
      enums: String,
      bytes: Buffer,
      defaults: true,
      oneofs: true,
      includeDirs: [args.proto_root],
    });
  const loaded = grpc.loadPackageDefinition(definition);
  const NodeService = loaded.palyra.node.v1.NodeService;
  const OperatorService = loaded.palyra.admin.v1.OperatorService;

  // 1. The daemon.
  const d = startDaemon(args.palyrad);
  const run = await waitForRunFile(d);
  for (const key of ['admin_grpc_addr', 'node_rpc_addr', 'gateway_ca_path', 'gateway_ca_fingerprint',
    'admin_token_path']) {
    check(typeof run[key] === 'string' && run[key] !== '', `run file field ${key}`, show(run));
  }
  const caPemText = fs.readFileSync(run.gateway_ca_path, 'utf8');
  const caPem = Buffer.from(caPemText, 'utf8');
  const caCert = new crypto.X509Certificate(caPem);
  check(sha256Hex(caCert.raw) === run.gateway_ca_fingerprint,
    'gateway_ca_fingerprint is the SHA-256 of the CA certificate DER',
    `${run.gateway_ca_fingerprint} vs ${sha256Hex(caCert.raw)}`);
  const adminToken = fs.readFileSync(run.admin_token_path, 'utf8').trim();
  check(adminToken.length > 0, 'admin token file is not empty');
  step(`palyrad started (pid ${run.pid}): admin ${run.admin_grpc_addr}, node ${run.node_rpc_addr}`);

  const adminMd = () => {
    const md = new grpc.Metadata();
    md.set('authorization', `Bearer ${adminToken}`);
    return md;
  };
  const operator = new OperatorService(run.admin_grpc_addr, grpc.credentials.createInsecure());
  clients.push(operator);
  // The server certificate names palyrad-node-rpc and localhost, not the IP we dial.
  const tlsOptions = { 'grpc.ssl_target_name_override': NODE_RPC_SERVER_NAME };
  const unpaired = new NodeService(run.node_rpc_addr, grpc.credentials.createSsl(caPem), tlsOptions);
  clients.push(unpaired);

  // 2. Operator: a PIN code that needs approval.
  const minted = await unary(operator, 'MintPairingCode',
    { method: 'PAIRING_METHOD_KIND_PIN', auto_approve: false }, adminMd());
  check(/^[0-9]{6}$/.test(minted.code), 'MintPairingCode: the PIN is 6 digits', show(minted.code.length));
  check(minted.info && minted.info.method === 'PAIRING_METHOD_KIND_PIN',
    'MintPairingCode: info.method is PIN', show(minted.info));
  check(minted.info.auto_approve === false, 'MintPairingCode: info.auto_approve is false', show(minted.info));
  check(minted.gateway_ca_fingerprint === run.gateway_ca_fingerprint,
    'MintPairingCode: gateway_ca_fingerprint matches the run file', minted.gateway_ca_fingerprint);
  check(minted.node_rpc_address === run.node_rpc_addr,
    'MintPairingCode: node_rpc_address matches the run file', minted.node_rpc_address);
  const pin = minted.code;
  step(`operator minted a PIN code (code_id ${minted.info.code_id}, expires ${minted.info.expires_at_unix_ms})`);

  // 3. Device: begin and complete the handshake over server-auth TLS, pinning the gateway CA.
  const deviceId = newUlid();
  check(CANONICAL_ID.test(deviceId), 'generated device id is canonical', deviceId);
  const keys = makeDeviceKeys(crypto.randomBytes(32), crypto.randomBytes(32));

  const begun = await unary(unpaired, 'BeginPairingSession',
    { v: 1, client_kind: 'node', method: { pin_code: pin } });
  check(begun.v === 1, 'BeginPairingSession: v', show(begun));
  check(CANONICAL_ID.test(begun.session_id), 'BeginPairingSession: session_id is canonical', show(begun));
  check(begun.client_kind === 'node', 'BeginPairingSession: client_kind', show(begun));
  check(begun.gateway_ephemeral_public.length === 32,
    'BeginPairingSession: gateway_ephemeral_public has 32 bytes', show(begun));
  check(begun.challenge.length === 32, 'BeginPairingSession: challenge has 32 bytes', show(begun));
  check(Number(begun.expires_at_unix_ms) > Date.now(), 'BeginPairingSession: expires in the future',
    show(begun));
  step(`device began pairing session ${begun.session_id} (TLS, CA pinned, no client certificate)`);

  const session = {
    sessionId: begun.session_id,
    protocolVersion: 1,
    challenge: begun.challenge,
    gatewayEphemeralPublic: begun.gateway_ephemeral_public,
  };
  const hello = buildHello({ session, deviceId, clientKind: 'node', proof: pin, keys });
  const completed = await unary(unpaired, 'CompletePairingSession', {
    v: 1,
    session_id: session.sessionId,
    device_id: { ulid: deviceId },
    client_kind: 'node',
    proof: pin,
    device_signing_public: keys.signingPublic,
    device_x25519_public: keys.x25519Public,
    challenge_signature: hello.signature,
    transcript_mac: hello.mac,
  });
  check(completed.v === 1, 'CompletePairingSession: v', show(completed));
  check(completed.paired === false && completed.reason === 'pending_approval',
    'CompletePairingSession: paired=false, reason pending_approval', show(completed));
  check(completed.identity_fingerprint === hello.identityFingerprint,
    'CompletePairingSession: identity_fingerprint is SHA-256 of our Ed25519 key', show(completed));
  check(completed.transcript_hash === hello.transcriptHash,
    'CompletePairingSession: transcript_hash is SHA-256 of our MAC', show(completed));
  check(completed.mtls_client_certificate_pem === '' && completed.mtls_client_private_key_pem === '',
    'CompletePairingSession: no certificate material before approval', show(completed));
  step(`device completed the handshake as ${deviceId}: pending_approval, fingerprints match`);

  const statusRequest = { v: 1, session_id: session.sessionId, device_id: { ulid: deviceId } };
  const pending = await unary(unpaired, 'GetPairingRequestStatus', statusRequest);
  check(pending.status === 'pending_approval' && pending.paired === false &&
    pending.mtls_client_private_key_pem === '' && pending.mtls_client_certificate_pem === '',
  'GetPairingRequestStatus before approval: pending_approval, nothing delivered', show(pending));
  step('device status before approval: pending_approval, no material');

  // 4. Operator: the request is listed; approve it.
  const listed = await unary(operator, 'ListPairingRequests',
    { state: 'PAIRING_REQUEST_STATE_PENDING_APPROVAL' }, adminMd());
  const request = listed.requests.find((r) => r.request_id === session.sessionId);
  check(request !== undefined, 'ListPairingRequests(PENDING_APPROVAL) lists request_id == session_id',
    show(listed));
  check(request.device_id === deviceId, 'ListPairingRequests: device_id', show(request));
  check(request.state === 'PAIRING_REQUEST_STATE_PENDING_APPROVAL', 'ListPairingRequests: state',
    show(request));
  check(request.client_kind === 'node', 'ListPairingRequests: client_kind', show(request));
  check(request.identity_fingerprint === hello.identityFingerprint,
    'ListPairingRequests: identity_fingerprint', show(request));
  check(request.transcript_hash === hello.transcriptHash, 'ListPairingRequests: transcript_hash',
    show(request));
  check(!request.method_label.includes(pin), 'ListPairingRequests: method_label hides the PIN',
    request.method_label);
  step(`operator lists pending request ${request.request_id} for ${request.device_id}`);

  const approved = await unary(operator, 'ApprovePairingRequest',
    { request_id: session.sessionId, reason: 'node interop test' }, adminMd());
  check(approved.request && approved.request.request_id === session.sessionId &&
    approved.request.state === 'PAIRING_REQUEST_STATE_APPROVED',
  'ApprovePairingRequest: request is approved', show(approved));
  step('operator approved the request');

  // 5. Device: collect the certificate; the private key comes once.
  let delivered = null;
  {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const status = await unary(unpaired, 'GetPairingRequestStatus', statusRequest);
      if (status.status === 'completed') {
        delivered = status;
        break;
      }
      check(['pending_approval', 'approved'].includes(status.status),
        'GetPairingRequestStatus after approval: unexpected status', show(status));
      if (Date.now() > deadline) {
        throw new TestFailure(`GetPairingRequestStatus: not completed within 15 s: ${show(status)}`);
      }
      await sleep(200);
    }
  }
  check(delivered.v === 1, 'GetPairingRequestStatus: v', show(delivered));
  check(delivered.paired === true, 'GetPairingRequestStatus: paired=true', show(delivered));
  check(delivered.identity_fingerprint === hello.identityFingerprint,
    'GetPairingRequestStatus: identity_fingerprint', show(delivered));
  check(delivered.transcript_hash === hello.transcriptHash, 'GetPairingRequestStatus: transcript_hash',
    show(delivered));
  check(delivered.mtls_client_certificate_pem.includes('-----BEGIN CERTIFICATE-----'),
    'GetPairingRequestStatus: carries the client certificate', show(delivered));
  check(delivered.mtls_client_private_key_pem.includes('PRIVATE KEY-----'),
    'GetPairingRequestStatus (first delivery): carries the private key',
    `private key field has ${delivered.mtls_client_private_key_pem.length} characters`);
  check(delivered.gateway_ca_certificate_pem === caPemText,
    'GetPairingRequestStatus: gateway_ca_certificate_pem equals the gateway CA file',
    `${delivered.gateway_ca_certificate_pem.length} vs ${caPemText.length} characters`);
  const certPem = delivered.mtls_client_certificate_pem;
  const keyPem = delivered.mtls_client_private_key_pem;
  const clientCert = new crypto.X509Certificate(certPem);
  check(clientCert.checkIssued(caCert) && clientCert.verify(caCert.publicKey),
    'client certificate is signed by the gateway CA');
  check(clientCert.subject.split('\n').includes(`CN=Palyra Device ${deviceId}`),
    'client certificate subject names the device', clientCert.subject);
  check(clientCert.checkPrivateKey(crypto.createPrivateKey(keyPem)),
    'delivered private key matches the certificate');
  check(Number(delivered.cert_expires_at_unix_ms) > Date.now(),
    'GetPairingRequestStatus: cert_expires_at_unix_ms in the future', delivered.cert_expires_at_unix_ms);
  step(`device received its certificate (expires ${delivered.cert_expires_at_unix_ms}), key and CA`);

  const again = await unary(unpaired, 'GetPairingRequestStatus', statusRequest);
  check(again.status === 'completed' && again.paired === true,
    'GetPairingRequestStatus (second poll): still completed', show(again));
  check(again.mtls_client_private_key_pem === '',
    'GetPairingRequestStatus (second poll): must NOT carry the private key again',
    `private key field has ${again.mtls_client_private_key_pem.length} characters`);
  step('second status poll: completed, private key not delivered again');

  // 6. Node over mTLS: register, stream, serve a pushed dispatch.
  const paired = new NodeService(run.node_rpc_addr,
    grpc.credentials.createSsl(caPem, Buffer.from(keyPem), Buffer.from(certPem)), tlsOptions);
  clients.push(paired);
  const capabilities = [{ name: 'echo', available: true }];
  const registered = await unary(paired, 'RegisterNode',
    { v: 1, device_id: { ulid: deviceId }, platform: 'node-interop', capabilities });
  check(registered.v === 1 && registered.accepted === true && registered.reason === 'registered',
    'RegisterNode: accepted, reason registered', show(registered));
  check(registered.device_id && registered.device_id.ulid === deviceId, 'RegisterNode: device_id echoed',
    show(registered));
  step('node registered over mTLS (accepted, reason registered)');

  const call = paired.StreamNodeEvents(new grpc.Metadata(),
    { deadline: new Date(Date.now() + 30_000) });
  const events = new StreamReader(call, 'StreamNodeEvents');
  const started = {
    device_id: deviceId,
    platform: 'node-interop',
    capabilities: capabilities.map((c) => ({ name: c.name, requires_local_mediation: false })),
    started_at_unix_ms: Date.now(),
  };
  call.write({
    v: 1,
    device_id: { ulid: deviceId },
    event_name: 'node.started',
    payload_json: Buffer.from(JSON.stringify(started), 'utf8'),
  });
  const startedAck = await events.next(RPC_TIMEOUT_MS, 'the node.started acknowledgement');
  check(startedAck.accepted === true && startedAck.reason === 'accepted',
    'StreamNodeEvents: node.started acknowledged', show(startedAck));
  check(!startedAck.dispatch, 'StreamNodeEvents: no work queued yet', show(startedAck));
  step('event stream open, node.started accepted');

  const input = { hello: 'interop' };
  const invocation = unary(operator, 'InvokeCapability', {
    device_id: deviceId,
    capability: 'echo',
    input_json: Buffer.from(JSON.stringify(input), 'utf8'),
    timeout_ms: 10_000,
  }, adminMd());
  let invocationError = null;
  invocation.catch((error) => {
    invocationError = error;
    events.wake();
  });

  // Nothing more is sent: the daemon must push the dispatch on its own.
  const pushed = await events.waitFor(() => {
    if (invocationError) throw invocationError;
    if (events.messages.length > 0) return events.messages.shift();
    if (events.status) {
      throw new TestFailure(`StreamNodeEvents ended (status ${events.status.code}: ` +
        `${events.status.details}) while waiting for the pushed dispatch`);
    }
    return undefined;
  }, RPC_TIMEOUT_MS, 'a pushed dispatch');
  check(pushed.dispatch, 'StreamNodeEvents: the pushed message carries a dispatch', show(pushed));
  const dispatch = pushed.dispatch;
  const requestId = dispatch.request_id ? dispatch.request_id.ulid : '';
  check(CANONICAL_ID.test(requestId), 'dispatch: request_id is canonical', show(dispatch));
  check(dispatch.capability === 'echo', 'dispatch: capability', show(dispatch));
  const dispatchedInput = parseJsonBytes(dispatch.input_json, 'dispatch input_json');
  check(isDeepStrictEqual(dispatchedInput, input), 'dispatch: input_json', show(dispatchedInput));
  step(`daemon pushed dispatch ${requestId} (echo) without a further node event`);

  const output = { echo: dispatchedInput, device_id: deviceId };
  call.write({
    v: 1,
    device_id: { ulid: deviceId },
    event_name: 'capability.result',
    payload_json: Buffer.from(JSON.stringify({
      request_id: requestId,
      success: true,
      output_json: output,
      error: '',
    }), 'utf8'),
  });
  const resultAck = await events.next(RPC_TIMEOUT_MS, 'the capability.result acknowledgement');
  check(resultAck.accepted === true && resultAck.reason === 'accepted',
    'StreamNodeEvents: capability.result acknowledged', show(resultAck));

  const invoked = await invocation;
  const record = invoked.request;
  check(record, 'InvokeCapability: carries the request', show(invoked));
  check(record.request_id === requestId, 'InvokeCapability: request_id is the dispatched one',
    show(record));
  check(record.device_id === deviceId && record.capability === 'echo',
    'InvokeCapability: device_id and capability', show(record));
  check(record.state === 'CAPABILITY_REQUEST_STATE_SUCCEEDED', 'InvokeCapability: state SUCCEEDED',
    show(record));
  check(record.success === true && record.error === '', 'InvokeCapability: success, no error',
    show(record));
  const returned = parseJsonBytes(record.output_json, 'InvokeCapability output_json');
  check(canonicalJson(returned) === canonicalJson(output), 'InvokeCapability: output_json is what the node sent',
    `${canonicalJson(returned)} vs ${canonicalJson(output)}`);
  step(`operator InvokeCapability: SUCCEEDED, output ${canonicalJson(returned)}`);

  call.end();
  await events.waitFor(() => (events.status ? true : undefined), RPC_TIMEOUT_MS,
    'the end of the stream after half-close');
  check(events.status.code === grpc.status.OK,
    'StreamNodeEvents: ends OK after the node half-closes',
    `status ${grpc.status[events.status.code]} (${events.status.code}): ${events.status.details}`);
  check(events.messages.length === 0, 'StreamNodeEvents: no unexpected messages',
    show(events.messages));
  step('node half-closed the stream; it ended OK');

  closeClients();
  await stopDaemon(d);
  step('palyrad stopped cleanly on SIGTERM');
}

main().then(() => {
  if (finished) return;
  finished = true;
  clearTimeout(overallTimer);
  removeTemp();
  console.log('1 passed, 0 failed');
  process.exit(0);
}, fail);
