import { loadSettings, saveSettings } from '@/utils/settings';
import { presetFieldErrors, presetsDraftSchema } from './schema';
import type { Replies } from '@/utils/messages/types';

/** Presets live in the settings, which need the connection set up (store id, server) first. */
const NOT_SET_UP = 'Set up RayApp in the popup first (its Setup tab), then come back here to manage the event presets';

/** For the options page: the saved presets and which one is the default. */
export async function readPresets(): Promise<Replies['presets:get']> {
  const settings = await loadSettings();
  if (!settings) return { ok: false, error: NOT_SET_UP };
  return { ok: true, presets: settings.presets, defaultPresetId: settings.defaultPresetId };
}

/** Validate the whole list, then save it; nothing is saved unless every preset is valid. */
export async function writePresets(draft: unknown): Promise<Replies['presets:save']> {
  const parsed = presetsDraftSchema.safeParse(draft);
  if (!parsed.success) return { ok: false, error: 'Some fields need attention', fields: presetFieldErrors(parsed.error.issues) };
  const settings = await loadSettings();
  if (!settings) return { ok: false, error: NOT_SET_UP, fields: {} };
  await saveSettings({ ...settings, ...parsed.data });
  return { ok: true, ...parsed.data };
}
