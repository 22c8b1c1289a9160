import { setupFormSchema, settingsSchema, fieldErrors, checkApiBase, loadSettings, saveSettings, defaultPreset, DEFAULT_API_BASE, type Settings } from '@/utils/settings';
import { FIRST_PRESET_ID, FIRST_PRESET_NAME } from '@/utils/presets/schema';
import { loadCredentials, saveCredentials, CredentialsUnreadableError } from '@/utils/session/credentials';
import type { Credentials } from '@/utils/rayapp/token';
import { toCountryCode } from '@/utils/customer/country';
import type { Replies, SetupView } from '@/utils/messages/types';
import { t } from '@/utils/i18n';

/** What the popup may see of the setup: everything but the two secrets. */
export async function readSetup(): Promise<SetupView> {
  const settings = await loadSettings();
  const preset = settings && defaultPreset(settings);
  let credentials: Credentials | null = null;
  let problem: string | undefined;
  try {
    credentials = await loadCredentials();
  } catch (error) {
    if (!(error instanceof CredentialsUnreadableError)) throw error;
    problem = error.message;
  }
  return {
    apiBase: settings?.apiBase ?? DEFAULT_API_BASE,
    storeId: settings ? String(settings.storeId) : '',
    eventType: preset?.type ?? '',
    eventSubType: preset?.subType ?? '',
    defaultCountry: settings?.defaultCountry ?? '',
    remember: settings?.remember ?? true,
    sendWithoutPreview: settings?.sendWithoutPreview ?? false,
    clientId: credentials?.clientId ?? '',
    apiUser: credentials?.apiUser ?? '',
    hasClientSecret: !!credentials?.clientSecret,
    hasApiPassword: !!credentials?.apiPassword,
    configured: !!settings && !!credentials,
    problem,
  };
}

/**
 * Validate the whole form, then save. Empty secret fields keep the saved secrets, so a user can
 * change the store id without retyping the password. Nothing is saved unless every field is valid.
 */
export async function writeSetup(form: Record<string, unknown>): Promise<Replies['setup:save']> {
  const parsed = setupFormSchema.safeParse(form);
  if (!parsed.success) {
    return { ok: false, error: t('fieldsNeedAttention'), fields: fieldErrors(parsed.error.issues) };
  }
  const input = parsed.data;
  let saved: Credentials | null = null;
  try {
    saved = await loadCredentials();
  } catch {
    saved = null; // unreadable: the user must type the secrets again
  }
  const keep = saved && saved.clientId === input.clientId && saved.apiUser === input.apiUser ? saved : null;
  const clientSecret = input.clientSecret || keep?.clientSecret || '';
  const apiPassword = input.apiPassword || keep?.apiPassword || '';
  const missing: Partial<Record<'clientSecret' | 'apiPassword', string>> = {};
  if (!clientSecret) missing.clientSecret = t('fieldRequired', t('labelClientSecret'));
  if (!apiPassword) missing.apiPassword = t('fieldRequired', t('labelApiPassword'));
  if (missing.clientSecret || missing.apiPassword) return { ok: false, error: t('fieldsNeedAttention'), fields: missing };

  const base = checkApiBase(input.apiBase);
  if (!base.ok) return { ok: false, error: t('fieldsNeedAttention'), fields: { apiBase: base.error } };
  const defaultCountry = input.defaultCountry ? toCountryCode(input.defaultCountry) : undefined;
  if (input.defaultCountry && !defaultCountry) {
    return { ok: false, error: t('fieldsNeedAttention'), fields: { defaultCountry: t('unknownCountry') } };
  }
  const previous = await loadSettings();
  const settings = settingsSchema.safeParse({
    apiBase: base.base,
    ...(defaultCountry ? { defaultCountry } : {}),
    storeId: Number(input.storeId),
    ...withDefaultEvent(previous, input.eventType, input.eventSubType),
    remember: input.remember,
    sendWithoutPreview: input.sendWithoutPreview ?? previous?.sendWithoutPreview ?? false,
  });
  // Checked before anything is written: a save is all or nothing.
  if (!settings.success) return { ok: false, error: t('fieldsNeedAttention'), fields: fieldErrors(settings.error.issues) };
  await saveCredentials({ clientId: input.clientId, clientSecret, apiUser: input.apiUser, apiPassword }, input.remember);
  await saveSettings(settings.data);
  return { ok: true, setup: await readSetup() };
}

/** The popup's "Event type" / "Event subType" edit the default preset; the other presets stay as they are. */
function withDefaultEvent(previous: Settings | null, type: string, subType: string): Pick<Settings, 'presets' | 'defaultPresetId'> {
  if (!previous) {
    return { presets: [{ id: FIRST_PRESET_ID, name: FIRST_PRESET_NAME, type, subType, customProps: {} }], defaultPresetId: FIRST_PRESET_ID };
  }
  const presets = previous.presets.map((p) => (p.id === previous.defaultPresetId ? { ...p, type, subType } : p));
  return { presets, defaultPresetId: previous.defaultPresetId };
}
