// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from '@/sandbox/server.mjs';
import { post } from '@/utils/rayapp/http';
let sb: Sandbox;
beforeAll(async () => { sb = await startSandbox(); });
afterAll(async () => { await sb.close(); });
it('fetch + AbortSignal.timeout under fake setTimeout', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const ok = await post(`${sb.url}/events/interaction`, {}, '[]');
  expect(ok.status).toBe(401);
  sb.fault({ hang: true });
  const t = Date.now();
  const e = await post(`${sb.url}/events/interaction`, {}, '[]', { timeoutMs: 200 }).catch((x) => x);
  console.log(e, Date.now() - t);
  sb.fault({ drop: true });
  const d = await post(`${sb.url}/events/interaction`, {}, '[]', { timeoutMs: 200 }).catch((x) => x);
  console.log(d, sb.requests.length);
  vi.useRealTimers();
});
