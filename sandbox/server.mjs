// @ts-check
/**
 * RayApp sandbox: a small local server that speaks the RayApp HTTP contract
 * (/work/shared/RAYAPP_API.md) strictly, for `npm run demo`, e2e tests and benchmarks.
 * Reading this file is meant to be a readable summary of what the real API accepts.
 *
 *   node sandbox/server.mjs [--port N]     # default 127.0.0.1:8787, logs requests to stdout
 *
 * Routes: POST /oauth/token, POST /events/interaction (the contract); OPTIONS * (CORS);
 * GET /__sandbox/state, POST /__sandbox/fault, POST /__sandbox/reset (for humans with curl).
 * Only Node built-ins are used.
 */
import http from 'node:http';
import https from 'node:https';
import { randomBytes, randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';

/**
 * @typedef {{ id: string, secret: string }} Client
 * @typedef {{ username: string, password: string }} User
 * @typedef {{ path?: '/oauth/token' | '/events/interaction', times?: number, status?: number,
 *   body?: string, headers?: Record<string, string>, delayMs?: number, hang?: boolean,
 *   drop?: boolean }} Fault
 *   `status` answers with it (and `body`, or a RayApp-style error) without processing; `body`
 *   alone processes normally but answers with that raw body; `headers` are added either way.
 * @typedef {{ event: any, receivedAt: number, token: string }} RecordedEvent
 * @typedef {{ method: string, path: string, headers: http.IncomingHttpHeaders, body: string,
 *   receivedAt: number }} RecordedRequest
 * @typedef {{ port?: number, host?: string, tls?: { key: string | Buffer, cert: string | Buffer },
 *   clients?: Client[], users?: User[], stores?: number[], tokenTtlSeconds?: number,
 *   log?: (line: string) => void, now?: () => number }} SandboxOptions
 */

export const DEMO_CREDENTIALS = Object.freeze({
  clientId: 'demo-client', clientSecret: 'demo-secret',
  apiUser: 'demo-user', apiPassword: 'demo-password', storeId: 1234,
});

const API_PATHS = ['/oauth/token', '/events/interaction'];
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Expose-Headers': 'Retry-After', // lets a cross-origin page read it
};
const MAX_BODY = 1024 * 1024;
const EVENT_KEYS = ['customProps', 'storeId', 'type', 'subType', 'source', 'timestamp', 'user'];
const PROFILE_KEYS = ['googleProfile', 'instagramProfile', 'linkedInProfile', 'facebookProfile', 'twitterProfile'];
const USER_KEYS = ['email', 'phone', 'name', 'lastName', 'gender', 'birthDate', 'country', ...PROFILE_KEYS];
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** @param {unknown} v */
const isNonEmptyString = (v) => typeof v === 'string' && v.trim() !== '';

/** ISO-8601 date-time with a zone, that names a real instant. @param {unknown} v */
function isIsoDateTime(v) {
  if (typeof v !== 'string') return false;
  const m = ISO_DATE_TIME.exec(v);
  if (!m || Number.isNaN(Date.parse(v))) return false;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((x) => Number(x ?? 0));
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

/** @param {unknown} v */
function isHttpUrl(v) {
  try { return typeof v === 'string' && /^https?:$/.test(new URL(v).protocol); } catch { return false; }
}

/**
 * Checks one event; returns "field: why" for the first problem, or null when valid.
 * @param {unknown} e @param {number[]} stores @returns {string | null}
 */
export function eventProblem(e, stores) {
  if (!isObject(e)) return 'event: must be a JSON object';
  const unknown = Object.keys(e).find((k) => !EVENT_KEYS.includes(k));
  if (unknown) return `${unknown}: unknown field`;
  if (e.storeId === undefined) return 'storeId: is required';
  if (typeof e.storeId !== 'number' || !Number.isInteger(e.storeId)) return 'storeId: must be an integer';
  if (!stores.includes(e.storeId)) return `storeId: permission denied, store ${e.storeId} is not one of this account's stores`;
  for (const k of ['type', 'subType']) if (!isNonEmptyString(e[k])) return `${k}: is required (non-empty string)`;
  if (e.source !== 'OTHER') return 'source: must be "OTHER"';
  if (!isIsoDateTime(e.timestamp)) return 'timestamp: must be an ISO-8601 date-time, e.g. 2020-08-05T18:38:13.343Z';
  if (e.customProps !== undefined && !isObject(e.customProps)) return 'customProps: must be a JSON object';
  const u = e.user;
  if (!isObject(u)) return 'user: is required (JSON object)';
  const unknownUser = Object.keys(u).find((k) => !USER_KEYS.includes(k));
  if (unknownUser) return `user.${unknownUser}: unknown field`;
  if (u.email === undefined && u.phone === undefined) return 'user.email: email or phone is required';
  if (u.email !== undefined && !(typeof u.email === 'string' && EMAIL.test(u.email))) return 'user.email: must be a valid e-mail address';
  if (u.phone !== undefined && !(typeof u.phone === 'string' && E164.test(u.phone))) return 'user.phone: must be E.164, e.g. +5491155550000';
  for (const k of ['name', 'lastName']) if (u[k] !== undefined && typeof u[k] !== 'string') return `user.${k}: must be a string`;
  if (u.gender !== undefined && !['M', 'F', 'O'].includes(/** @type {string} */ (u.gender))) return 'user.gender: must be M, F or O';
  if (u.birthDate !== undefined && !isIsoDateTime(u.birthDate)) return 'user.birthDate: must be an ISO-8601 date-time';
  if (u.country !== undefined && !(typeof u.country === 'string' && /^[A-Z]{2}$/.test(u.country))) return 'user.country: must be an ISO 3166-1 alpha-2 code, e.g. AR';
  for (const k of PROFILE_KEYS) if (u[k] !== undefined && !isHttpUrl(u[k])) return `user.${k}: must be an http(s) URL`;
  return null;
}

/** `Basic base64(utf8(id:secret))` → {id, secret}, split at the first colon. @param {string | undefined} h */
function parseBasic(h) {
  const m = /^basic ([A-Za-z0-9+/]+={0,2})$/i.exec(h ?? '');
  if (!m) return null;
  const text = Buffer.from(/** @type {string} */ (m[1]), 'base64').toString('utf8');
  const i = text.indexOf(':');
  return i < 0 ? null : { id: text.slice(0, i), secret: text.slice(i + 1) };
}

/** Media type without parameters, lower-cased. @param {http.IncomingMessage} req */
const mediaType = (req) => (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
/** @param {number} status @param {string} message */
const rayError = (status, message) => ({ message, result: 'error', statusCode: status });

/** @param {SandboxOptions} [options] */
export async function startSandbox(options = {}) {
  const { port = 0, host = '127.0.0.1', tls, tokenTtlSeconds = 3599, log = () => {}, now = Date.now } = options;
  const clients = [...(options.clients ?? [{ id: DEMO_CREDENTIALS.clientId, secret: DEMO_CREDENTIALS.clientSecret }])];
  const users = [...(options.users ?? [{ username: DEMO_CREDENTIALS.apiUser, password: DEMO_CREDENTIALS.apiPassword }])];
  const stores = [...(options.stores ?? [DEMO_CREDENTIALS.storeId])];
  /** access_token → issue time (ms, from `now`) */
  const tokens = new Map();
  /** @type {Array<Fault & { left: number }>} */
  let faults = [];
  /** @type {Array<() => void>} */
  let waiters = [];
  const timers = new Set();

  const sb = {
    url: '', port: 0,
    /** @type {RecordedEvent[]} */ events: [],
    /** @type {RecordedRequest[]} */ requests: [],
    logins: 0, failedLogins: 0,
    revokeTokens() { tokens.clear(); },
    /** @param {User} u */ addUser(u) { users.push(u); },
    /** @param {Client} c */ addClient(c) { clients.push(c); },
    /** @param {Fault} f */
    fault(f) {
      if (f.path !== undefined && !API_PATHS.includes(f.path)) throw new Error(`fault path must be one of ${API_PATHS.join(', ')}`);
      faults.push({ ...f, left: f.times ?? 1 });
    },
    clearFaults() { faults = []; },
    reset() {
      sb.events.length = 0; sb.requests.length = 0; sb.logins = 0; sb.failedLogins = 0;
      faults = []; tokens.clear();
    },
    /** @param {number} n @param {number} [timeoutMs] @returns {Promise<RecordedEvent[]>} */
    waitForEvents(n, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => { if (sb.events.length < n) return false; clearTimeout(t); resolve(sb.events); return true; };
        const t = setTimeout(() => { waiters = waiters.filter((w) => w !== waiter); reject(new Error(`waitForEvents: ${sb.events.length}/${n} events after ${timeoutMs} ms`)); }, timeoutMs);
        const waiter = () => { if (check()) waiters = waiters.filter((w) => w !== waiter); };
        if (!check()) waiters.push(waiter);
      });
    },
    /** @returns {Promise<void>} */
    close() {
      for (const t of timers) clearTimeout(t);
      return new Promise((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
    },
  };

  /** @param {number} ms */
  const sleep = (ms) => new Promise((r) => { const t = setTimeout(() => { timers.delete(t); r(undefined); }, ms); timers.add(t); });

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  async function handle(req, res) {
    const receivedAt = performance.timeOrigin + performance.now();
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    const chunks = []; let size = 0;
    for await (const c of req) { size += c.length; if (size <= MAX_BODY) chunks.push(c); }
    const body = Buffer.concat(chunks).toString('utf8');
    const isApi = API_PATHS.includes(path) && method !== 'OPTIONS';
    if (isApi) sb.requests.push({ method, path, headers: req.headers, body, receivedAt });

    const fault = isApi ? takeFault(path) : undefined;
    /** Writes a JSON (or raw string) answer and logs one line. @param {number} status @param {unknown} payload @param {string} [note] @param {Record<string, string>} [headers] */
    const send = (status, payload, note = '', headers = {}) => {
      if (res.destroyed) return;
      const text = fault?.body !== undefined ? fault.body : typeof payload === 'string' ? payload : JSON.stringify(payload);
      res.writeHead(status, { ...CORS, 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store', ...headers, ...fault?.headers });
      res.end(text);
      log(`${method} ${path} ${status}${note ? ` (${note})` : ''}`);
    };

    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.drop) { log(`${method} ${path} dropped (fault)`); req.socket.destroy(); return; }
    if (fault?.hang) { log(`${method} ${path} hanging (fault)`); return; }
    if (fault?.status) return send(fault.status, rayError(fault.status, 'Sandbox fault'), 'fault');
    if (size > MAX_BODY) return send(413, rayError(413, 'Request body too large'));

    if (method === 'OPTIONS') { res.writeHead(204, { ...CORS, 'Access-Control-Max-Age': '600' }); res.end(); return; }
    if (method === 'POST' && path === '/oauth/token') return token(req, body, send);
    if (method === 'POST' && path === '/events/interaction') return interaction(req, body, receivedAt, send);
    if (method === 'GET' && path === '/__sandbox/state') {
      return send(200, { events: sb.events.map(({ event, receivedAt: at }) => ({ event, receivedAt: at })), logins: sb.logins, failedLogins: sb.failedLogins });
    }
    if (method === 'POST' && path === '/__sandbox/reset') { sb.reset(); return send(200, { ok: true }); }
    if (method === 'POST' && path === '/__sandbox/fault') {
      try { const f = JSON.parse(body); if (!isObject(f)) throw new Error('body must be a JSON object'); sb.fault(f); }
      catch (e) { return send(400, rayError(400, `Bad fault: ${/** @type {Error} */ (e).message}`)); }
      return send(200, { ok: true, queued: faults.length });
    }
    send(404, rayError(404, `No route for ${method} ${path}`));
  }

  /** First queued fault matching the path; consumes one of its `times`. @param {string} path */
  function takeFault(path) {
    const i = faults.findIndex((f) => !f.path || f.path === path);
    const f = faults[i];
    if (f && --f.left <= 0) faults.splice(i, 1);
    return f;
  }

  /** POST /oauth/token (password grant). @param {http.IncomingMessage} req @param {string} body @param {Function} send */
  function token(req, body, send) {
    /** @param {number} status @param {string} error @param {string} description @param {Record<string, string>} [headers] */
    const fail = (status, error, description, headers) => { sb.failedLogins++; send(status, { error, error_description: description }, error, headers); };
    const c = parseBasic(req.headers.authorization);
    if (!c || !clients.some((k) => k.id === c.id && k.secret === c.secret)) {
      return fail(401, 'invalid_client', 'Bad client credentials', { 'WWW-Authenticate': 'Basic realm="oauth2/client"' });
    }
    if (mediaType(req) !== 'application/x-www-form-urlencoded') return fail(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    const form = new URLSearchParams(body);
    const grant = form.get('grant_type');
    if (!grant) return fail(400, 'invalid_request', 'Missing grant type');
    if (grant !== 'password') return fail(400, 'unsupported_grant_type', 'Unsupported grant type');
    const username = form.get('username'), password = form.get('password');
    if (username === null || password === null) return fail(400, 'invalid_request', 'Missing username or password');
    if (!users.some((u) => u.username === username && u.password === password)) return fail(400, 'invalid_grant', 'Bad credentials');
    const accessToken = randomBytes(24).toString('base64url');
    tokens.set(accessToken, now());
    sb.logins++;
    send(200, { access_token: accessToken, token_type: 'bearer', expires_in: tokenTtlSeconds, scope: 'read write', jti: randomUUID() }, 'token granted');
  }

  /** POST /events/interaction. @param {http.IncomingMessage} req @param {string} body @param {number} receivedAt @param {Function} send */
  function interaction(req, body, receivedAt, send) {
    /** @param {string} description */
    const unauthorized = (description) => send(401, { error: 'invalid_token', error_description: description }, 'invalid_token', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    const m = /^bearer (\S+)$/i.exec(req.headers.authorization ?? '');
    if (!m) return unauthorized('Missing or malformed Authorization header, expected "bearer <access_token>"');
    const token = /** @type {string} */ (m[1]);
    const issuedAt = tokens.get(token);
    if (issuedAt === undefined) return unauthorized('Invalid access token');
    if (now() >= issuedAt + tokenTtlSeconds * 1000) return unauthorized('Access token expired');
    /** @param {number} status @param {string} message */
    const reject = (status, message) => send(status, rayError(status, message), message);
    if (mediaType(req) !== 'application/json') return reject(415, 'Content-Type must be application/json');
    let batch;
    try { batch = JSON.parse(body); } catch (e) { return reject(400, `Malformed JSON: ${/** @type {Error} */ (e).message}`); }
    if (!Array.isArray(batch)) return reject(400, 'Body must be a JSON array of events');
    if (batch.length === 0) return reject(400, 'Body must contain at least one event');
    for (const [i, e] of batch.entries()) {
      const problem = eventProblem(e, stores);
      if (problem) return reject(400, `Invalid event at index ${i}: ${problem}`);
    }
    for (const event of batch) sb.events.push({ event, receivedAt, token });
    for (const w of [...waiters]) w();
    send(200, { message: 'Interactions registered', result: 'success', statusCode: 200 }, `${batch.length} event${batch.length === 1 ? '' : 's'}`);
  }

  /** @type {http.RequestListener} */
  const listener = (req, res) => { handle(req, res).catch((e) => { log(`sandbox error: ${e.message}`); res.destroy(); }); };
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, listener) : http.createServer(listener);
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(port, host, () => resolve(undefined)); });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  sb.port = address.port;
  sb.url = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${sb.port}`;
  return sb;
}

// CLI: node sandbox/server.mjs [--port N]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = process.argv.slice(2).join(' ').match(/--port[= ](\d+)/);
  const sb = await startSandbox({ port: arg ? Number(arg[1]) : 8787, log: (line) => console.log(line) });
  console.log(`RayApp sandbox listening on ${sb.url}`);
  console.log(`Demo credentials: ${JSON.stringify(DEMO_CREDENTIALS)}`);
  const stop = () => { sb.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop); process.on('SIGTERM', stop);
}
