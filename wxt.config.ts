import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The CRM hosts each content script matches live with their adapter (utils/crm/*);
// the manifest only adds what the worker itself needs.

// e2e only: a build whose manifest already holds a "self-hosted CRM" host, standing in for the
// permission prompt headless Chromium can't accept (tests/e2e/sites.test.ts). Never in a release.
const testSites = process.env.RAYAPP_TEST_SITE ? [process.env.RAYAPP_TEST_SITE] : [];
export default defineConfig({
  ...(testSites.length ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-sites-test' } : {}),
  modules: ['@wxt-dev/webextension-polyfill'],
  // `wxt zip -b firefox` also zips the sources for AMO review. WXT already leaves out dot-folders
  // (.tmp, .wxt, .ci), node_modules, .output and *.test.* files; these are local run output too.
  zip: { excludeSources: ['demo-output/**', 'tests/artifacts/**', '**/*.log'] },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    // Texts from public/_locales (English and Spanish), picked by the browser's language.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting + optional hosts: "Enable RayApp on this site" registers the generic content script
    // for exactly the sites the user enables; activeTab lets the popup see which site that is.
    permissions: ['storage', 'alarms', 'contextMenus', 'scripting', 'activeTab'],
    // The RayApp API: the worker needs it to log in and post interactions without CORS.
    host_permissions: ['https://api.rayapp.io/*', ...testSites],
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_permissions: ['https://*/*', 'http://*/*'] }),
    action: { default_title: '__MSG_extName__' },
    // Rebindable in the browser's own shortcuts page (chrome://extensions/shortcuts, about:addons).
    commands: {
      'notify-customer': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_commandNotify__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140: first Firefox with data_collection_permissions (storage.session needs 115,
            // MV2 scripting 102); Android got the key in 142. Below these, `web-ext lint` warns.
            gecko: {
              id: 'notifier@rayapp.io',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
