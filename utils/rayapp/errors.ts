/**
 * Why a RayApp call failed, in terms the UI can explain without ever showing a secret.
 * - `client`: 401 invalid_client — the client id/secret pair is wrong.
 * - `user`: 400 invalid_grant — the API user/password pair is wrong.
 * - `unauthorized`: the bearer token was refused (expired or revoked).
 * - `rejected`: RayApp refused the events (validation/permission); retrying won't help.
 * - `unreachable` / `timeout`: network trouble; retrying may help.
 * - `server`: 5xx/408/429; retrying may help.
 * - `bad-response`: a body that is not what the contract says.
 * - `login-refused`: the token endpoint refused without an OAuth reason (a wrong server address,
 *   a proxy page): the user must fix the setup; it is not a refusal of any event.
 */
export type RayAppErrorKind =
  | 'client'
  | 'user'
  | 'unauthorized'
  | 'rejected'
  | 'unreachable'
  | 'timeout'
  | 'server'
  | 'bad-response'
  | 'login-refused';

export class RayAppError extends Error {
  constructor(
    readonly kind: RayAppErrorKind,
    message: string,
    readonly status?: number,
    /** The server's `Retry-After` header, as sent, when it gave one. */
    readonly retryAfter?: string,
  ) {
    super(message);
    this.name = 'RayAppError';
  }

  /** Whether sending the same request later may succeed. */
  get retryable(): boolean {
    return ['unreachable', 'timeout', 'server', 'bad-response'].includes(this.kind);
  }
}
