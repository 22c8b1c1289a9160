import { tokenResponseSchema, oauthErrorSchema, type TokenResponse } from './contract';
import { RayAppError } from './errors';
import { post, type HttpOptions } from './http';
import { t } from '@/utils/i18n';

export interface Credentials {
  clientId: string;
  clientSecret: string;
  apiUser: string;
  apiPassword: string;
}

/** `Basic base64(utf8(client_id:client_secret))`, per the contract (not the RFC's form-encoded variant). */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  const bytes = new TextEncoder().encode(`${clientId}:${clientSecret}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** The password-grant form body; URLSearchParams encodes `& = + % :`, spaces and non-ASCII exactly. */
export function passwordGrantBody(apiUser: string, apiPassword: string): string {
  return new URLSearchParams({ grant_type: 'password', username: apiUser, password: apiPassword }).toString();
}

/** Log in with the OAuth2 password grant. Throws a RayAppError saying which credential is wrong. */
export async function requestToken(
  apiBase: string,
  credentials: Credentials,
  options?: HttpOptions,
): Promise<TokenResponse> {
  const reply = await post(
    `${apiBase}/oauth/token`,
    {
      Authorization: basicAuthorization(credentials.clientId, credentials.clientSecret),
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
    },
    passwordGrantBody(credentials.apiUser, credentials.apiPassword),
    options,
  );
  if (reply.status >= 200 && reply.status < 300) {
    const token = tokenResponseSchema.safeParse(reply.json);
    if (!token.success) throw new RayAppError('bad-response', t('loginUnexpectedBody'), reply.status);
    return token.data;
  }
  const oauthError = oauthErrorSchema.safeParse(reply.json);
  const code = oauthError.success ? oauthError.data.error : undefined;
  if (reply.status === 401 || code === 'invalid_client' || code === 'unauthorized_client') {
    throw new RayAppError('client', t('clientRefused'), reply.status);
  }
  if (code === 'invalid_grant') {
    throw new RayAppError('user', t('userRefused'), reply.status);
  }
  if (reply.status >= 500 || reply.status === 408 || reply.status === 429) {
    throw new RayAppError('server', t('unavailable', reply.status), reply.status);
  }
  throw new RayAppError('login-refused', t('loginRefused', `${reply.status}${code ? `, ${code}` : ''}`), reply.status);
}
