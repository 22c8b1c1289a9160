import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { checkPresetList, presetListShape, FIRST_PRESET_ID, FIRST_PRESET_NAME, type Preset } from '@/utils/presets/schema';
import { t, type MessageKey } from '@/utils/i18n';

export const DEFAULT_API_BASE = 'https://api.rayapp.io';

/** https only; plain http only for a sandbox on this machine. Returns the origin-normalised base or an error. */
export function checkApiBase(value: string): { ok: true; base: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, error: t('enterFullAddress') };
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return { ok: false, error: t('useHttps') };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, error: t('noUserQuery') };
  }
  return { ok: true, base: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** A zod message looked up when the error is produced (in the browser's language), not at import. */
const says = (message: () => string) => ({ error: message });
const required = (label: MessageKey) => says(() => t('fieldRequired', t(label)));
const tooLong = (label: MessageKey, max: number) => says(() => t('fieldTooLong', t(label), max));

const text = (label: MessageKey, max: number) =>
  z.string().check(z.trim(), z.minLength(1, required(label)), z.maxLength(max, tooLong(label, max)));

/** What the popup's setup form submits, all strings as typed. Secrets may be left empty to keep the saved ones. */
export const setupFormSchema = z.object({
  apiBase: z.string().check(
    z.superRefine((value, ctx) => {
      const checked = checkApiBase(value);
      if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.error, input: value });
    }),
  ),
  clientId: text('labelClientId', 200),
  clientSecret: z.string().check(z.maxLength(500, tooLong('labelClientSecret', 500))),
  apiUser: text('labelApiUser', 200),
  apiPassword: z.string().check(z.maxLength(500, tooLong('labelApiPassword', 500))),
  storeId: z.string().check(z.trim(), z.minLength(1, required('labelStoreId')), z.regex(/^\d{1,15}$/, says(() => t('storeIdWhole'))), z.regex(/[1-9]/, says(() => t('storeIdPositive')))),
  eventType: text('labelEventType', 100),
  eventSubType: text('labelEventSubType', 100),
  /** Optional: the country of phone numbers written without a +prefix. */
  defaultCountry: z.optional(z.string().check(z.trim(), z.maxLength(60, says(() => t('defaultCountryTooLong'))))),
  remember: z.boolean(),
  /** The button sends at once instead of opening the preview (for power users). */
  sendWithoutPreview: z.optional(z.boolean()),
});
export type SetupInput = z.infer<typeof setupFormSchema>;
export type SetupField = keyof SetupInput;

/** The non-secret settings, as kept in storage.local. */
export const settingsSchema = z
  .object({
    apiBase: z.string(),
    storeId: z.number().check(z.int(), z.positive()),
    /** Named event presets (at least one); the button and the menus use the default one. */
    ...presetListShape,
    /** ISO 3166-1 alpha-2; phones without an international prefix are read as this country's. */
    defaultCountry: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
    remember: z.boolean(),
    /** The button sends at once instead of opening the preview. */
    sendWithoutPreview: z.optional(z.boolean()),
  })
  .check(checkPresetList);
export type Settings = z.infer<typeof settingsSchema>;

/**
 * Settings saved before presets had names hold a single `preset`: read it as the one preset, and
 * the default. Done on every read rather than as a WXT storage-item migration, which runs once when
 * each context defines the item and writes back from all of them (popup, options, worker) at once;
 * this is a pure function of what is stored, and the next save writes the new shape.
 */
export function upgradeSettings(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || 'presets' in raw || !('preset' in raw)) return raw;
  const { preset, ...rest } = raw as { preset: unknown };
  const first = preset && typeof preset === 'object' ? preset : {};
  return { ...rest, presets: [{ ...first, id: FIRST_PRESET_ID, name: FIRST_PRESET_NAME }], defaultPresetId: FIRST_PRESET_ID };
}

const storedSettingsSchema = z.pipe(z.transform(upgradeSettings), settingsSchema);

/** The preset notify uses when none is named (the schema guarantees it exists). */
export function defaultPreset(settings: Settings): Preset {
  return settings.presets.find((p) => p.id === settings.defaultPresetId) ?? settings.presets[0]!;
}

/** Field → message, for showing each problem next to its field. */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Partial<Record<SetupField, string>> {
  const errors: Partial<Record<SetupField, string>> = {};
  for (const issue of issues) {
    const field = issue.path[0] as SetupField | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: null });

/** The saved settings, or null when none are saved (or what is saved is not ours to trust). */
export async function loadSettings(): Promise<Settings | null> {
  const raw = await settingsItem.getValue();
  if (raw == null) return null;
  const parsed = storedSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    console.warn('RayApp Notifier: ignoring malformed saved settings');
    return null;
  }
  return parsed.data;
}

/**
 * For the worker's hot path: the settings kept in memory, re-read only after they change.
 * (Only one caller per context should make one: it registers a storage listener.)
 */
export function cachedSettingsLoader(): () => Promise<Settings | null> {
  let cached: Promise<Settings | null> | undefined;
  settingsItem.watch(() => {
    cached = undefined;
  });
  return () => (cached ??= loadSettings());
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settingsSchema.parse(settings));
}
