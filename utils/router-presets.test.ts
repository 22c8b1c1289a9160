import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { createRouter } from './router';
import { createTokenSession } from './session/token-session';
import { loadCredentials } from './session/credentials';
import { loadSettings } from './settings';
import type { createNotifier } from './notify';
import type { NotifyOutcome } from './messages/types';
import { openOutboxDb } from './outbox/db';
import { createOutboxStore } from './outbox/store';
import type { Outbox } from './outbox/outbox';
import type { PresetDraft } from './presets/schema';

// The options page's messages: presets:get / presets:save, and notify naming a preset.
const OPTIONS: Browser.runtime.MessageSender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options.html' };
const POPUP: Browser.runtime.MessageSender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };
const tab = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false, windowId: 1 } as Browser.tabs.Tab;
const CONTENT: Browser.runtime.MessageSender = { id: 'test-extension-id', url: 'https://app.hubspot.com/contacts/1/record/0-1/2', tab, frameId: 0 };
const OTHER_EXTENSION: Browser.runtime.MessageSender = { id: 'other', url: 'chrome-extension://other/options.html' };

const SETUP_FORM = {
  apiBase: 'http://localhost:8787', clientId: 'acme-client', clientSecret: 'sécret', apiUser: 'ventas@acme.example', apiPassword: 'pw',
  storeId: '1234', eventType: 'CRM_CONTACT', eventSubType: 'MANUAL_NOTIFY', remember: false,
};
const FIRST: PresetDraft = { id: 'default', name: 'Default', type: 'CRM_CONTACT', subType: 'MANUAL_NOTIFY', customProps: [] };
const CALL: PresetDraft = { id: 'p-call', name: 'Demo call', type: 'CRM_CALL', subType: 'OUTBOUND', customProps: [{ key: 'channel', value: 'phone' }] };
const save = (presets: PresetDraft[], defaultPresetId: string) => ({ type: 'presets:save', presets, defaultPresetId });

let route: ReturnType<typeof createRouter>;
let notify: ReturnType<typeof vi.fn>;
let dbCount = 0;

beforeEach(() => {
  const session = createTokenSession({ loadCredentials, loadApiBase: async () => (await loadSettings())?.apiBase ?? null, http: { fetch: vi.fn<typeof fetch>() } });
  const sent: NotifyOutcome = { ok: true, status: 'sent', id: 'id-1', message: 'Sent to RayApp: Ana' };
  notify = vi.fn(async () => sent);
  route = createRouter({
    session,
    notifier: { notify, retry: vi.fn() } as unknown as ReturnType<typeof createNotifier>,
    outbox: { resume: vi.fn(async () => {}) } as unknown as Outbox,
    store: createOutboxStore(openOutboxDb(`router-presets-test-${++dbCount}`)),
  });
});

const setUp = () => route({ type: 'setup:save', form: SETUP_FORM }, POPUP);
const stored = async () => (await browser.storage.local.get('settings')).settings;

describe('presets:get', () => {
  it('before the setup: ok:false saying to set up first', async () => {
    expect(await route({ type: 'presets:get' }, OPTIONS)).toEqual({ ok: false, error: expect.stringMatching(/Set up RayApp in the popup first/) });
  });

  it('after the popup’s setup: one preset, "Default", with the popup’s event type and subType', async () => {
    await setUp();
    expect(await route({ type: 'presets:get' }, OPTIONS)).toEqual({
      ok: true,
      presets: [{ id: 'default', name: 'Default', type: 'CRM_CONTACT', subType: 'MANUAL_NOTIFY', customProps: {} }],
      defaultPresetId: 'default',
    });
  });
});

describe('presets:save', () => {
  it('a valid list is saved and read back (trimmed, customProps as a record); notify then uses the new default', async () => {
    await setUp();
    const reply = await route(save([FIRST, { ...CALL, name: ' Demo call ' }], 'p-call'), OPTIONS);
    const expected = {
      presets: [
        { id: 'default', name: 'Default', type: 'CRM_CONTACT', subType: 'MANUAL_NOTIFY', customProps: {} },
        { id: 'p-call', name: 'Demo call', type: 'CRM_CALL', subType: 'OUTBOUND', customProps: { channel: 'phone' } },
      ],
      defaultPresetId: 'p-call',
    };
    expect(reply).toEqual({ ok: true, ...expected });
    expect(await route({ type: 'presets:get' }, OPTIONS)).toEqual({ ok: true, ...expected });
    expect(await loadSettings()).toMatchObject({ storeId: 1234, apiBase: 'http://localhost:8787', ...expected });
    // The popup now shows (and edits) the new default.
    expect(await route({ type: 'setup:get' }, POPUP)).toMatchObject({ ok: true, setup: { eventType: 'CRM_CALL', eventSubType: 'OUTBOUND' } });
  });

  it('per-field errors, and nothing saved unless all is valid', async () => {
    await setUp();
    const before = await stored();
    const reply = await route(
      save([CALL, { ...FIRST, name: 'DEMO CALL', type: '', customProps: [{ key: 'a', value: '' }, { key: 'a', value: 'x'.repeat(1_001) }] }], 'gone'),
      OPTIONS,
    );
    expect(reply).toEqual({
      ok: false,
      error: 'Some fields need attention',
      fields: {
        'presets.1.name': 'Another preset is already called “DEMO CALL”',
        'presets.1.type': 'Event type is required',
        'presets.1.customProps.1.key': '“a” is already a key of this preset',
        'presets.1.customProps.1.value': 'Value is too long (at most 1,000 characters)',
        defaultPresetId: 'Choose which preset is the default',
      },
    });
    expect(await stored()).toEqual(before);
  });

  it('the last preset cannot go', async () => {
    await setUp();
    const before = await stored();
    expect(await route(save([], 'default'), OPTIONS)).toMatchObject({ ok: false, fields: { presets: 'Keep at least one preset' } });
    expect(await stored()).toEqual(before);
  });

  it('before the setup: refused, nothing saved', async () => {
    expect(await route(save([CALL], 'p-call'), OPTIONS)).toEqual({ ok: false, error: expect.stringMatching(/Set up RayApp/), fields: {} });
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it.each([
    ['customProps as a record', { ...save([FIRST], 'default'), presets: [{ ...FIRST, customProps: { a: 'b' } }] }],
    ['an extra key on a preset', { ...save([FIRST], 'default'), presets: [{ ...FIRST, storeId: 1 }] }],
    ['an extra key on the message', { ...save([FIRST], 'default'), apiBase: 'https://evil.example' }],
    ['no default', { type: 'presets:save', presets: [FIRST] }],
    ['a 10,000-character name', save([{ ...FIRST, name: 'n'.repeat(10_000) }], 'default')],
    ['201 presets', save(Array.from({ length: 201 }, (_, i) => ({ ...FIRST, id: `p${i}`, name: `P${i}` })), 'p0')],
  ])('a malformed message (%s) → {ok:false, error}, nothing saved', async (_label, message) => {
    await setUp();
    const before = await stored();
    expect(await route(message, OPTIONS)).toEqual({ ok: false, error: expect.any(String) });
    expect(await stored()).toEqual(before);
  });

  it('the popup’s Setup keeps the other presets and edits only the default', async () => {
    await setUp();
    await route(save([FIRST, CALL], 'p-call'), OPTIONS);
    expect(await route({ type: 'setup:save', form: { ...SETUP_FORM, eventType: 'CRM_CALL', eventSubType: 'INBOUND', clientSecret: '', apiPassword: '' } }, POPUP)).toMatchObject({ ok: true });
    expect((await loadSettings())?.presets).toEqual([
      { id: 'default', name: 'Default', type: 'CRM_CONTACT', subType: 'MANUAL_NOTIFY', customProps: {} },
      { id: 'p-call', name: 'Demo call', type: 'CRM_CALL', subType: 'INBOUND', customProps: { channel: 'phone' } },
    ]);
  });
});

describe('who may use them', () => {
  it.each([
    ['a content script', CONTENT],
    ['another extension', OTHER_EXTENSION],
    ['a CRM sub-frame', { ...CONTENT, frameId: 3 }],
  ])('%s may neither read nor save the presets', async (_label, sender) => {
    await setUp();
    const before = await stored();
    expect(await route({ type: 'presets:get' }, sender)).toEqual({ ok: false, error: expect.any(String) });
    expect(await route(save([CALL], 'p-call'), sender)).toEqual({ ok: false, error: expect.any(String) });
    expect(await stored()).toEqual(before);
  });

  it('the popup, like the options page, may', async () => {
    await setUp();
    expect(await route({ type: 'presets:get' }, POPUP)).toMatchObject({ ok: true });
  });
});

describe('notify naming a preset', () => {
  it('a content script’s notify may carry a presetId, which reaches the notifier', async () => {
    const customer = { email: 'ana@example.com' };
    expect(await route({ type: 'notify', customer, presetId: 'p-call' }, CONTENT)).toMatchObject({ ok: true, status: 'sent' });
    expect(notify).toHaveBeenCalledWith(customer, 'p-call');
  });

  it.each([5, null, ['p-call'], 'x'.repeat(101)])('a presetId that is not a short string (%o) is refused before the notifier', async (presetId) => {
    expect(await route({ type: 'notify', customer: { email: 'a@example.com' }, presetId }, CONTENT)).toEqual({ ok: false, error: expect.any(String) });
    expect(notify).not.toHaveBeenCalled();
  });
});
