import { hubspot } from '@/utils/crm/hubspot';
import { mountNotifyButton } from '@/utils/button/mount';

export default defineContentScript({
  matches: hubspot.matches,
  runAt: 'document_idle',
  main(ctx) {
    mountNotifyButton(ctx, hubspot);
  },
});
