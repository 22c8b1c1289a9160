// Hand-written declarations for sandbox/server.mjs (the RayApp sandbox). Keep in sync.
import type { IncomingHttpHeaders } from 'node:http';

export interface SandboxClient { id: string; secret: string }
export interface SandboxUser { username: string; password: string }

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Serve https with this key/cert (PEM). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Default: the demo client. */
  clients?: SandboxClient[];
  /** Default: the demo user. */
  users?: SandboxUser[];
  /** storeIds this account may post to. Default [1234]. */
  stores?: number[];
  /** expires_in of granted tokens, and their lifetime. Default 3599. */
  tokenTtlSeconds?: number;
  /** One line per request; never contains secrets, passwords or tokens. */
  log?: (line: string) => void;
  /** Clock used for token expiry, epoch ms. Default Date.now. */
  now?: () => number;
}

export interface SandboxFault {
  /** Only requests to this path consume the fault. Default: either API path. */
  path?: '/oauth/token' | '/events/interaction';
  /** How many matching requests it applies to. Default 1. */
  times?: number;
  /** Answer with this status (and `body`, or a RayApp-style error) without processing. */
  status?: number;
  /** Raw response body (may be malformed JSON). Without `status`, the request is processed normally. */
  body?: string;
  /** Extra response headers, e.g. { 'Retry-After': '2' }. */
  headers?: Record<string, string>;
  /** Wait this long, then answer (normally or with `status`). */
  delayMs?: number;
  /** Never answer. */
  hang?: boolean;
  /** Destroy the socket (connection reset). */
  drop?: boolean;
}

export interface RecordedEvent {
  event: any;
  /** performance.timeOrigin + performance.now() at request arrival (epoch ms, sub-ms). */
  receivedAt: number;
  /** The access token that posted it. */
  token: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  port: number;
  /** Destroys open (even hanging) connections too. */
  close(): Promise<void>;
  events: RecordedEvent[];
  /** Requests to the API paths (not CORS preflights, not /__sandbox/*). */
  requests: RecordedRequest[];
  /** Successful token grants. */
  logins: number;
  /** Refused token requests. */
  failedLogins: number;
  revokeTokens(): void;
  addUser(u: SandboxUser): void;
  addClient(c: SandboxClient): void;
  fault(f: SandboxFault): void;
  clearFaults(): void;
  /** Clears events, requests, counters, faults and tokens (keeps users, clients, stores). */
  reset(): void;
  /** Resolves with `events` once it holds at least n; rejects after timeoutMs (default 5000). */
  waitForEvents(n: number, timeoutMs?: number): Promise<RecordedEvent[]>;
}

export declare const DEMO_CREDENTIALS: Readonly<{
  clientId: 'demo-client';
  clientSecret: 'demo-secret';
  apiUser: 'demo-user';
  apiPassword: 'demo-password';
  storeId: 1234;
}>;

export declare function startSandbox(options?: SandboxOptions): Promise<Sandbox>;

/** The sandbox's validation of one event: "field: why" for the first problem, or null. */
export declare function eventProblem(event: unknown, stores: number[]): string | null;
