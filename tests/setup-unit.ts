import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

// Every test starts with empty storage, no alarms and no listeners.
beforeEach(() => {
  fakeBrowser.reset();
});
