import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { seal, unseal, forgetCachedKey } from './secret-box';
import { saveCredentials, loadCredentials, clearCredentials, CredentialsUnreadableError } from './credentials';
import type { Credentials } from '@/utils/rayapp/token';

const CREDS: Credentials = {
  clientId: 'acme-client-7f3a',
  clientSecret: 'sécret:ñ-Zq93&=+%',
  apiUser: 'ventas@acme.example',
  apiPassword: 'pässwörd 100% €',
};

function idb<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function deleteDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase('rayapp-notifier');
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('delete blocked: a connection was left open'));
  });
}

/** The key as the extension stored it, read straight from IndexedDB. */
async function storedKey(): Promise<unknown> {
  const db = await idb(indexedDB.open('rayapp-notifier'));
  try {
    return await idb(db.transaction('keys').objectStore('keys').get('credentials'));
  } finally {
    db.close();
  }
}

const local = async () => (await browser.storage.local.get('credentials')).credentials as unknown;
const session = async () => (await browser.storage.session.get('credentials')).credentials as unknown;

beforeEach(async () => {
  // Each test starts like a fresh profile: no key in IndexedDB, none cached in memory.
  forgetCachedKey();
  await deleteDatabase();
});

describe('secret-box', () => {
  it('seal/unseal round-trips non-ASCII text exactly', async () => {
    const text = 'Ñandú «€» 日本語 🙂 \u0000 end';
    const sealed = await seal(text);
    expect(await unseal(sealed)).toBe(text);
  });

  it('sealing the same text twice gives different iv and ciphertext (random IV)', async () => {
    const a = await seal('same');
    const b = await seal('same');
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
    expect(atob(a.iv)).toHaveLength(12);
  });

  it('the key survives a worker restart (kept in IndexedDB, not only in memory)', async () => {
    const sealed = await seal('kept');
    forgetCachedKey();
    expect(await unseal(sealed)).toBe('kept');
  });

  it('the key in IndexedDB is a non-extractable AES-GCM CryptoKey', async () => {
    await seal('make a key');
    const key = (await storedKey()) as CryptoKey;
    expect(key).toBeDefined();
    expect(key.extractable).toBe(false);
    expect(key.algorithm.name).toBe('AES-GCM');
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('jwk', key)).rejects.toThrow();
  });
});

describe('credentials', () => {
  it('nothing saved → null', async () => {
    expect(await loadCredentials()).toBeNull();
  });

  it('remember=true: sealed in storage.local, nothing readable in clear, loads back exactly', async () => {
    await saveCredentials(CREDS, true);
    const stored = await local();
    expect(stored).toMatchObject({ iv: expect.any(String), data: expect.any(String) });
    const json = JSON.stringify(await browser.storage.local.get(null));
    for (const value of Object.values(CREDS)) {
      expect(json).not.toContain(value);
      expect(json).not.toContain(JSON.stringify(value).slice(1, -1));
    }
    expect(json).not.toContain('acme');
    expect(await session()).toBeUndefined();
    expect(await loadCredentials()).toEqual(CREDS);
  });

  it('remember=true: still loads after the worker restarts (cached key forgotten)', async () => {
    await saveCredentials(CREDS, true);
    forgetCachedKey();
    expect(await loadCredentials()).toEqual(CREDS);
  });

  it('remember=false: kept only in storage.session, and the remembered copy is removed', async () => {
    await saveCredentials(CREDS, true);
    await saveCredentials(CREDS, false);
    expect(await local()).toBeUndefined();
    expect(await session()).toEqual(CREDS);
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain(CREDS.clientId);
    expect(await loadCredentials()).toEqual(CREDS);
  });

  it('remember=false then true again: sealed in local, session copy removed', async () => {
    await saveCredentials(CREDS, false);
    const changed = { ...CREDS, apiPassword: 'new pässword' };
    await saveCredentials(changed, true);
    expect(await session()).toBeUndefined();
    expect(await local()).toMatchObject({ iv: expect.any(String), data: expect.any(String) });
    expect(await loadCredentials()).toEqual(changed);
  });

  it('remember=false is lost when the browser session ends (storage.session cleared)', async () => {
    await saveCredentials(CREDS, false);
    await browser.storage.session.clear();
    expect(await loadCredentials()).toBeNull();
  });

  it('clearCredentials removes both copies', async () => {
    await saveCredentials(CREDS, true);
    await clearCredentials();
    expect(await local()).toBeUndefined();
    expect(await loadCredentials()).toBeNull();
  });

  it('the IndexedDB key deleted (browser data cleared) → CredentialsUnreadableError with a clear message', async () => {
    await saveCredentials(CREDS, true);
    await deleteDatabase();
    forgetCachedKey();
    const error = await loadCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsUnreadableError);
    expect((error as Error).message).toMatch(/can no longer be read/);
    expect((error as Error).message).toMatch(/enter them again/);
    for (const value of Object.values(CREDS)) expect((error as Error).message).not.toContain(value);
  });

  it('tampered ciphertext → CredentialsUnreadableError', async () => {
    await saveCredentials(CREDS, true);
    const sealed = (await local()) as { iv: string; data: string };
    const bytes = Uint8Array.from(atob(sealed.data), (c) => c.charCodeAt(0));
    bytes[0] = bytes[0]! ^ 0xff;
    await browser.storage.local.set({ credentials: { iv: sealed.iv, data: btoa(String.fromCharCode(...bytes)) } });
    await expect(loadCredentials()).rejects.toBeInstanceOf(CredentialsUnreadableError);
  });

  it.each([
    ['a plain string', 'not sealed'],
    ['wrong shape', { iv: 1, data: 2 }],
    ['invalid base64', { iv: '!!!', data: '???' }],
  ])('unreadable stored value (%s) → CredentialsUnreadableError', async (_label, value) => {
    await browser.storage.local.set({ credentials: value });
    await expect(loadCredentials()).rejects.toBeInstanceOf(CredentialsUnreadableError);
  });
});
