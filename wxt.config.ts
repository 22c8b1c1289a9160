import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The CRM hosts each content script matches live with their adapter (utils/crm/*);
// the manifest only adds what the worker itself needs.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'RayApp Notifier',
    description: 'Tell RayApp "this customer just interacted with us" from the CRM page you are on.',
    permissions: ['storage', 'alarms', 'contextMenus'],
    // The RayApp API: the worker needs it to log in and post interactions without CORS.
    host_permissions: ['https://api.rayapp.io/*'],
    action: { default_title: 'RayApp Notifier' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'notifier@rayapp.io', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
