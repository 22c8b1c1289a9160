import { generic } from '@/utils/crm/generic';
import { mountNotifyButton } from '@/utils/button/mount';

// Served on the sites the user enabled: registered at runtime (utils/sites), never in the manifest.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main(ctx) {
    // Injected again into a tab that already has it (enable, then enable again): keep one button.
    if (document.querySelector('rayapp-notifier')) return;
    mountNotifyButton(ctx, generic);
  },
});
