import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { loadSettings, saveSettings, upgradeSettings, type Settings } from './settings';
import { readSetup, writeSetup } from './setup';

/** Settings exactly as version 0.1.0 saved them: a single unnamed preset. */
const SAVED_BY_0_1_0 = {
  apiBase: 'https://api.rayapp.io',
  storeId: 1234,
  preset: { type: 'CRM_CONTACT', subType: 'MANUAL_NOTIFY', customProps: { origin: 'hubspot' } },
  defaultCountry: 'ES',
  remember: true,
};
const MIGRATED: Settings = {
  apiBase: 'https://api.rayapp.io',
  storeId: 1234,
  presets: [{ id: 'default', name: 'Default', type: 'CRM_CONTACT', subType: 'MANUAL_NOTIFY', customProps: { origin: 'hubspot' } }],
  defaultPresetId: 'default',
  defaultCountry: 'ES',
  remember: true,
};
const CALL = { id: 'p-call', name: 'Demo call', type: 'CRM_CALL', subType: 'OUTBOUND', customProps: { channel: 'phone' } };

describe('settings saved before presets had names', () => {
  it('load as one preset named "Default", which is the default', async () => {
    await browser.storage.local.set({ settings: SAVED_BY_0_1_0 });
    expect(await loadSettings()).toEqual(MIGRATED);
  });

  it('reading does not write: what is stored stays as it was until the next save', async () => {
    await browser.storage.local.set({ settings: SAVED_BY_0_1_0 });
    await loadSettings();
    expect((await browser.storage.local.get('settings')).settings).toEqual(SAVED_BY_0_1_0);
    await saveSettings((await loadSettings())!);
    expect((await browser.storage.local.get('settings')).settings).toEqual(MIGRATED);
  });

  it('the popup shows the old type/subType; saving the popup keeps the old customProps', async () => {
    await browser.storage.local.set({ settings: SAVED_BY_0_1_0 });
    expect(await readSetup()).toMatchObject({ eventType: 'CRM_CONTACT', eventSubType: 'MANUAL_NOTIFY', storeId: '1234' });
    const reply = await writeSetup({
      apiBase: 'https://api.rayapp.io', clientId: 'c', clientSecret: 's', apiUser: 'u', apiPassword: 'p', storeId: '1234',
      eventType: 'CRM_VISIT', eventSubType: 'WEB', defaultCountry: 'ES', remember: false,
    });
    expect(reply).toMatchObject({ ok: true, setup: { eventType: 'CRM_VISIT', eventSubType: 'WEB' } });
    expect((await loadSettings())?.presets).toEqual([{ ...MIGRATED.presets[0], type: 'CRM_VISIT', subType: 'WEB' }]);
  });

  it('an old preset that was malformed is still refused (not set up), not half-read', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await browser.storage.local.set({ settings: { ...SAVED_BY_0_1_0, preset: { type: '', subType: 'x', customProps: {} } } });
    expect(await loadSettings()).toBeNull();
    await browser.storage.local.set({ settings: { ...SAVED_BY_0_1_0, preset: 'visit' } });
    expect(await loadSettings()).toBeNull();
  });

  it('upgradeSettings leaves the new shape and non-objects alone', () => {
    expect(upgradeSettings(MIGRATED)).toBe(MIGRATED);
    expect(upgradeSettings(null)).toBeNull();
    expect(upgradeSettings('x')).toBe('x');
  });
});

describe('settings with named presets', () => {
  it('save and load several presets and the default', async () => {
    const settings = { ...MIGRATED, presets: [...MIGRATED.presets, CALL], defaultPresetId: 'p-call' };
    await saveSettings(settings);
    expect(await loadSettings()).toEqual(settings);
  });

  it.each<[string, Partial<Settings>]>([
    ['no presets', { presets: [], defaultPresetId: 'default' }],
    ['a default that is not a preset', { defaultPresetId: 'gone' }],
    ['two presets with one name', { presets: [...MIGRATED.presets, { ...CALL, name: 'default' }] }],
  ])('stored settings with %s are not trusted', async (_label, change) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await browser.storage.local.set({ settings: { ...MIGRATED, ...change } });
    expect(await loadSettings()).toBeNull();
  });

  it('the popup edits the default preset only', async () => {
    await saveSettings({ ...MIGRATED, presets: [...MIGRATED.presets, CALL], defaultPresetId: 'p-call' });
    expect(await readSetup()).toMatchObject({ eventType: 'CRM_CALL', eventSubType: 'OUTBOUND' });
    await writeSetup({
      apiBase: 'https://api.rayapp.io', clientId: 'c', clientSecret: 's', apiUser: 'u', apiPassword: 'p', storeId: '1234',
      eventType: 'CRM_CALL', eventSubType: 'INBOUND', remember: false,
    });
    expect((await loadSettings())?.presets).toEqual([MIGRATED.presets[0], { ...CALL, subType: 'INBOUND' }]);
  });
});
