import { zoho } from '@/utils/crm/zoho';
import { mountNotifyButton } from '@/utils/button/mount';

export default defineContentScript({
  matches: zoho.matches,
  runAt: 'document_idle',
  main(ctx) {
    mountNotifyButton(ctx, zoho);
  },
});
