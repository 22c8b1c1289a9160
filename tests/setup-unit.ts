import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

// Every test starts with empty storage, no alarms and no listeners.
beforeEach(() => {
  fakeBrowser.reset();
  // fakeBrowser leaves these unimplemented: by default no optional site is enabled. Tests that
  // enable one spy on them again.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ origins: [], permissions: [] });
});
