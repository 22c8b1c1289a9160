import { apiResultSchema } from './contract';
import { RayAppError } from './errors';
import { post, type HttpOptions } from './http';
import type { InteractionEvent } from '@/utils/interaction';
import { t } from '@/utils/i18n';

/**
 * `POST /events/interaction` with a batch of events. `authorization` is `token_type + " " + access_token`.
 * Accepted only when the HTTP status is 2xx and the body's statusCode, when present, is 200.
 */
export async function postInteractions(
  apiBase: string,
  authorization: string,
  events: InteractionEvent[],
  options?: HttpOptions,
): Promise<{ message: string }> {
  const reply = await post(
    `${apiBase}/events/interaction`,
    { Authorization: authorization, 'Content-Type': 'application/json', Accept: 'application/json' },
    JSON.stringify(events),
    options,
  );
  const parsed = apiResultSchema.safeParse(reply.json);
  const body = parsed.success ? parsed.data : undefined;
  const message = body?.message;
  if (reply.status === 401) throw new RayAppError('unauthorized', t('sessionRefused'), 401);
  if (reply.status >= 500 || reply.status === 408 || reply.status === 429) {
    throw new RayAppError('server', t('unavailable', reply.status), reply.status, reply.retryAfter);
  }
  if (reply.status < 200 || reply.status >= 300) {
    throw new RayAppError('rejected', message ?? t('interactionRefusedHttp', reply.status), reply.status);
  }
  if (!body) throw new RayAppError('bad-response', t('unexpectedBody'), reply.status);
  if (body.statusCode !== undefined && body.statusCode !== 200) {
    throw new RayAppError('rejected', message ?? t('interactionRefusedStatus', body.statusCode), body.statusCode);
  }
  return { message: message ?? t('accepted') };
}
