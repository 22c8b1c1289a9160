import { odoo } from '@/utils/crm/odoo';
import { mountNotifyButton } from '@/utils/button/mount';

export default defineContentScript({
  matches: odoo.matches,
  runAt: 'document_idle',
  main(ctx) {
    mountNotifyButton(ctx, odoo);
  },
});
