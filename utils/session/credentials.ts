import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import type { Credentials } from '@/utils/rayapp/token';
import { seal, unseal } from './secret-box';
import { t } from '@/utils/i18n';

const credentialsSchema = z.object({
  clientId: z.string(),
  clientSecret: z.string(),
  apiUser: z.string(),
  apiPassword: z.string(),
});
const sealedSchema = z.object({ iv: z.string(), data: z.string() });

/** "Remember credentials" on: sealed in storage.local. Off: in memory-backed storage.session only. */
const rememberedItem = storage.defineItem<unknown>('local:credentials', { fallback: null });
const sessionItem = storage.defineItem<unknown>('session:credentials', { fallback: null });

export class CredentialsUnreadableError extends Error {
  constructor() {
    super(t('credentialsUnreadable'));
  }
}

export async function saveCredentials(credentials: Credentials, remember: boolean): Promise<void> {
  if (remember) {
    await rememberedItem.setValue(await seal(JSON.stringify(credentials)));
    await sessionItem.removeValue();
  } else {
    await sessionItem.setValue(credentials);
    await rememberedItem.removeValue();
  }
}

/** The credentials in clear, for the worker's own use only. Null when none are saved. */
export async function loadCredentials(): Promise<Credentials | null> {
  const inSession = credentialsSchema.safeParse(await sessionItem.getValue());
  if (inSession.success) return inSession.data;
  const raw = await rememberedItem.getValue();
  if (raw == null) return null;
  const sealed = sealedSchema.safeParse(raw);
  if (!sealed.success) throw new CredentialsUnreadableError();
  try {
    return credentialsSchema.parse(JSON.parse(await unseal(sealed.data)));
  } catch {
    throw new CredentialsUnreadableError();
  }
}

export async function clearCredentials(): Promise<void> {
  await Promise.all([rememberedItem.removeValue(), sessionItem.removeValue()]);
}
