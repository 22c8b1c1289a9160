import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { pause, readPause, resume } from './pause';

const T0 = Date.UTC(2024, 4, 6, 7, 8, 0);

describe('the outbox pause', () => {
  it('none by default; set with a reason and time; lifted by resume()', async () => {
    expect(await readPause()).toBeNull();
    await pause('RayApp refused the API user or API password: sign in again in the RayApp popup', T0);
    expect(await readPause()).toEqual({ reason: expect.stringMatching(/sign in again/), since: T0 });
    await resume();
    expect(await readPause()).toBeNull();
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it('kept in storage.local, so it survives a worker restart', async () => {
    await pause('why', T0);
    expect(await browser.storage.local.get('outboxPause')).toEqual({ outboxPause: { reason: 'why', since: T0 } });
  });

  it.each([42, 'paused', { reason: 1 }, { since: T0 }, []])('a stored value that is not a pause (%o) reads as no pause', async (value) => {
    await browser.storage.local.set({ outboxPause: value });
    expect(await readPause()).toBeNull();
  });
});
