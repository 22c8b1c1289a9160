import { describe, expect, it, vi, type Mock } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { classifySender } from './sender';
import { notifyMessageSchema, pageMessageSchema, rawCustomerSchema } from './schemas';

type Sender = Browser.runtime.MessageSender;
const RECORD = 'https://app.hubspot.com/contacts/1/record/0-1/2';
const tab = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false, windowId: 1 } as Browser.tabs.Tab;

describe('classifySender', () => {
  it('an extension page of ours (the popup) → extension-page', async () => {
    expect(await classifySender({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') })).toBe('extension-page');
  });

  it('our content script in the top frame of a HubSpot record, with its tab → content-script', async () => {
    expect(await classifySender({ id: browser.runtime.id, url: RECORD, tab, frameId: 0 })).toBe('content-script');
  });

  it.each<[string, Sender]>([
    ['the same page from a sub-frame', { id: browser.runtime.id, url: RECORD, tab, frameId: 3 }],
    ['a page that is not a CRM we serve', { id: browser.runtime.id, url: 'https://evil.example/', tab, frameId: 0 }],
    ['a look-alike host', { id: browser.runtime.id, url: 'https://app.hubspot.com.evil.example/contacts/1', tab, frameId: 0 }],
    ['http instead of https', { id: browser.runtime.id, url: 'http://app.hubspot.com/contacts/1/record/0-1/2', tab, frameId: 0 }],
    ['a CRM url but no tab', { id: browser.runtime.id, url: RECORD, frameId: 0 }],
    ['another extension', { id: 'other-extension-id', url: 'chrome-extension://other-extension-id/popup.html' }],
    ['another extension claiming a CRM page', { id: 'other-extension-id', url: RECORD, tab, frameId: 0 }],
    ['our id but no url', { id: browser.runtime.id }],
    ['our id, tab, top frame but no url', { id: browser.runtime.id, tab, frameId: 0 }],
    ['no id at all', { url: browser.runtime.getURL('/popup.html') }],
    ['an empty sender', {}],
    ['a site the user has not enabled', { id: browser.runtime.id, url: 'https://crm.example.com/contacts/1', tab, frameId: 0 }],
  ])('%s → untrusted', async (_label, sender) => {
    expect(await classifySender(sender)).toBe('untrusted');
  });
});

it('a site the user enabled (its host permission granted) → content-script; revoked → untrusted', async () => {
  const sender = { id: browser.runtime.id, url: 'https://crm.example.com/contacts/1', tab, frameId: 0 };
  // (The typings pick the callback overload, which returns void.)
  const contains = vi.spyOn(browser.permissions, 'contains') as unknown as Mock<(p: unknown) => Promise<boolean>>;
  contains.mockResolvedValue(true);
  expect(await classifySender(sender)).toBe('content-script');
  expect(contains).toHaveBeenCalledWith({ origins: ['https://crm.example.com/*'] });
  contains.mockResolvedValue(false);
  expect(await classifySender(sender)).toBe('untrusted');
});

describe('notify message schema', () => {
  const valid = {
    type: 'notify',
    customer: { firstName: 'Ana', lastName: 'García', email: 'Ana@Example.com', phone: '+34 600 000 000', company: 'Acme', country: 'Spain' },
  };

  it('accepts a valid notify', async () => {
    expect(notifyMessageSchema.safeParse(valid)).toMatchObject({ success: true, data: valid });
    expect(notifyMessageSchema.safeParse({ type: 'notify', customer: {} }).success).toBe(true);
  });

  it('rejects extra keys, on the message and on the customer', () => {
    expect(notifyMessageSchema.safeParse({ ...valid, apiBase: 'https://evil.example' }).success).toBe(false);
    expect(notifyMessageSchema.safeParse({ ...valid, customer: { ...valid.customer, storeId: 1 } }).success).toBe(false);
  });

  it('rejects a 10,000-character field', () => {
    expect(notifyMessageSchema.safeParse({ ...valid, customer: { email: `${'a'.repeat(10_000)}@example.com` } }).success).toBe(false);
    expect(rawCustomerSchema.safeParse({ fullName: 'x'.repeat(10_000) }).success).toBe(false);
  });

  it.each([
    ['email as a number', { type: 'notify', customer: { email: 42 } }],
    ['phone as an array', { type: 'notify', customer: { phone: ['+34600000000'] } }],
    ['customer as a string', { type: 'notify', customer: 'ana@example.com' }],
    ['customer missing', { type: 'notify' }],
    ['another type', { type: 'notify!', customer: {} }],
    ['null', null],
    ['a number', 42],
  ])('rejects wrong types (%s)', async (_label, message) => {
    expect(notifyMessageSchema.safeParse(message).success).toBe(false);
  });
});

describe('page message schema', () => {
  it.each([
    { type: 'setup:get' },
    { type: 'setup:save', form: { clientId: 'x', remember: true } },
    { type: 'connection:test' },
    { type: 'history:get' },
    { type: 'history:retry', id: 'abc' },
    { type: 'history:clear' },
  ])('accepts %o', async (message) => {
    expect(pageMessageSchema.safeParse(message).success).toBe(true);
  });

  it.each([
    ['an unknown type', { type: 'nope' }],
    ['extra keys', { type: 'setup:get', secret: 'x' }],
    ['a form value that is an object', { type: 'setup:save', form: { clientId: { toString: 'x' } } }],
    ['a form value of 10,000 chars', { type: 'setup:save', form: { clientId: 'x'.repeat(10_000) } }],
    ['a retry id that is a number', { type: 'history:retry', id: 5 }],
    ['a retry id of 10,000 chars', { type: 'history:retry', id: 'x'.repeat(10_000) }],
  ])('rejects %s', async (_label, message) => {
    expect(pageMessageSchema.safeParse(message).success).toBe(false);
  });
});
