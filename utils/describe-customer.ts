import type { InteractionEvent } from '@/utils/interaction';

/** "Ana García (ana@example.com)" — how the UI names the customer of an event. */
export function describeCustomer(event: InteractionEvent): string {
  const { name, lastName, email, phone } = event.user;
  const who = [name, lastName].filter(Boolean).join(' ');
  const contact = email ?? phone ?? '';
  return who ? `${who} (${contact})` : contact;
}
