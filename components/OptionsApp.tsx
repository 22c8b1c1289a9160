import { useEffect, useState } from 'preact/hooks';
import { sendToWorker } from '@/utils/messages/send';
import type { SavedPresets } from '@/utils/messages/types';
import { PresetsEditor } from './PresetsEditor';
import { t } from '@/utils/i18n';

/** The options page: the event presets, loaded from and saved through the worker (which validates them again). */
export function OptionsApp() {
  const [saved, setSaved] = useState<SavedPresets | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    void sendToWorker({ type: 'presets:get' }).then((reply) => (reply.ok ? setSaved(reply) : setLoadError(reply.error)));
  }, []);

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p class="intro">{t('optionsIntro')}</p>
      {loadError ? (
        <p class="notice error" role="alert">
          {loadError}
        </p>
      ) : saved ? (
        <PresetsEditor initial={saved} onSave={(draft) => sendToWorker({ type: 'presets:save', ...draft })} />
      ) : (
        <p class="notice info" role="status">
          {t('loading')}
        </p>
      )}
    </main>
  );
}
