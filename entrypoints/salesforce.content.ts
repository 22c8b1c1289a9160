import { salesforce } from '@/utils/crm/salesforce';
import { mountNotifyButton } from '@/utils/button/mount';

export default defineContentScript({
  matches: salesforce.matches,
  runAt: 'document_idle',
  main(ctx) {
    mountNotifyButton(ctx, salesforce);
  },
});
