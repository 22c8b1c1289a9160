import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { enabledSites } from '@/utils/sites/enabled-sites';
import { matchesAny } from '@/utils/crm/sites';
import { sitePattern } from '@/utils/sites/site-pattern';
import { disableSite, enableSite } from '@/utils/sites/enable-site';
import { t } from '@/utils/i18n';

/** "Enable RayApp on this site" for the tab the popup was opened on, and the list of enabled sites. */
export function SitesPanel() {
  const [tab, setTab] = useState<Browser.tabs.Tab | undefined>();
  const [sites, setSites] = useState<string[]>([]);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const refresh = async () => setSites(await enabledSites());
  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => setTab(active));
    void refresh();
  }, []);

  const here = sitePattern(tab?.url);
  const builtIn = !!tab?.url && matchesAny(tab.url);
  return (
    <section class="sites" aria-label={t('tabSites')}>
      <h2>{t('thisSite')}</h2>
      {!here ? (
        <p class="muted">{t('openCrmPage')}</p>
      ) : builtIn ? (
        <p class="muted">{t('alreadyWorks', new URL(tab!.url!).host)}</p>
      ) : sites.includes(here) ? (
        <p class="notice ok">{t('enabledOnSite', here.slice(0, -2))}</p>
      ) : (
        <button
          type="button"
          onClick={async () => {
            // The permission prompt needs this click: nothing may be awaited before the request.
            const result = await enableSite(tab);
            setNotice(result.ok ? { tone: 'ok', text: t('enabledOn', result.site.slice(0, -2)) } : { tone: 'error', text: result.error });
            await refresh();
          }}
        >
          {t('enableHere')}
        </button>
      )}
      {notice && (
        <p class={`notice ${notice.tone}`} role="status">
          {notice.text}
        </p>
      )}
      <h2>{t('enabledSites')}</h2>
      {sites.length === 0 ? (
        <p class="muted">{t('noSites')}</p>
      ) : (
        <ul class="site-list">
          {sites.map((site) => (
            <li key={site}>
              <span>{site.slice(0, -2)}</span>
              <button
                type="button"
                class="secondary"
                aria-label={t('removeSite', site.slice(0, -2))}
                onClick={async () => {
                  await disableSite(site);
                  await refresh();
                }}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
