import { useEffect, useState } from 'preact/hooks';
import { sendToWorker } from '@/utils/messages/send';
import type { SavedPresets } from '@/utils/messages/types';
import { PresetsEditor } from './PresetsEditor';

/** The options page: the event presets, loaded from and saved through the worker (which validates them again). */
export function OptionsApp() {
  const [saved, setSaved] = useState<SavedPresets | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    void sendToWorker({ type: 'presets:get' }).then((reply) => (reply.ok ? setSaved(reply) : setLoadError(reply.error)));
  }, []);

  return (
    <main>
      <h1>RayApp Notifier — Event presets</h1>
      <p class="intro">
        Each preset is a kind of interaction RayApp records: its event type, subType and the custom properties every event of
        it carries. The button and the menus use the default preset; the preview lets you pick another.
      </p>
      {loadError ? (
        <p class="notice error" role="alert">
          {loadError}
        </p>
      ) : saved ? (
        <PresetsEditor initial={saved} onSave={(draft) => sendToWorker({ type: 'presets:save', ...draft })} />
      ) : (
        <p class="notice info" role="status">
          Loading…
        </p>
      )}
    </main>
  );
}
