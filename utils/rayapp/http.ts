import { RayAppError } from './errors';
import { t } from '@/utils/i18n';

/** The browser kills an extension fetch after ~30 s; give up well before that. */
export const REQUEST_TIMEOUT_MS = 15_000;

export interface HttpOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface HttpReply {
  status: number;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  json: unknown;
  /** `Retry-After`, for 429 and 503 replies. */
  retryAfter: string | undefined;
}

/** POST and read the reply; network failures and timeouts become RayAppErrors. */
export async function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: HttpOptions = {},
): Promise<HttpReply> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers,
      body,
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new RayAppError('timeout', t('timeout', Math.round((options.timeoutMs ?? REQUEST_TIMEOUT_MS) / 1000)));
    }
    throw new RayAppError('unreachable', t('unreachable', new URL(url).origin));
  }
  return { status: response.status, json: parseJson(text), retryAfter: response.headers.get('Retry-After') ?? undefined };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
