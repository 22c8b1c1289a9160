import { gmail } from '@/utils/crm/gmail';
import { mountNotifyButton } from '@/utils/button/mount';

export default defineContentScript({
  matches: gmail.matches,
  runAt: 'document_idle',
  main(ctx) {
    mountNotifyButton(ctx, gmail);
  },
});
