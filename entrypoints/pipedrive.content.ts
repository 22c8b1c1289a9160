import { pipedrive } from '@/utils/crm/pipedrive';
import { mountNotifyButton } from '@/utils/button/mount';

export default defineContentScript({
  matches: pipedrive.matches,
  runAt: 'document_idle',
  main(ctx) {
    mountNotifyButton(ctx, pipedrive);
  },
});
