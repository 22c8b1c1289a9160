/**
 * Encrypts secrets at rest with AES-GCM under a non-extractable WebCrypto key kept in the
 * extension origin's IndexedDB. Content scripts can read storage.local but cannot open this
 * database, and nobody can export the key: a copy of storage.local alone reveals nothing.
 */
const DB_NAME = 'rayapp-notifier';
const STORE = 'keys';
const KEY_ID = 'credentials';

export interface Sealed {
  iv: string;
  data: string;
}

let keyPromise: Promise<CryptoKey> | undefined;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function openDb(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return request(open);
}

async function loadOrCreateKey(): Promise<CryptoKey> {
  const db = await openDb();
  try {
    const existing = await request(db.transaction(STORE).objectStore(STORE).get(KEY_ID));
    if (existing instanceof CryptoKey) return existing;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    // `add`, not `put`: if another context created a key meanwhile, keep theirs.
    const tx = db.transaction(STORE, 'readwrite');
    const added = await request(tx.objectStore(STORE).add(key, KEY_ID)).then(
      () => true,
      () => false,
    );
    if (added) return key;
    return (await request(db.transaction(STORE).objectStore(STORE).get(KEY_ID))) as CryptoKey;
  } finally {
    db.close();
  }
}

function key(): Promise<CryptoKey> {
  keyPromise ??= loadOrCreateKey().catch((error: unknown) => {
    keyPromise = undefined;
    throw error;
  });
  return keyPromise;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export async function seal(plaintext: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await key(), new TextEncoder().encode(plaintext));
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Throws when the key is gone (browser data cleared) or the data was tampered with. */
export async function unseal(sealed: Sealed): Promise<string> {
  const data = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) }, await key(), fromBase64(sealed.data));
  return new TextDecoder().decode(data);
}

/** For tests: forget the cached key so the next call reads IndexedDB again. */
export function forgetCachedKey(): void {
  keyPromise = undefined;
}
