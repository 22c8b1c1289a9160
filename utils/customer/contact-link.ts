import type { RawCustomer } from '@/utils/crm/types';

/**
 * A `mailto:` or `tel:` (`callto:`, `sms:`) link → the customer it names, with the link's text as
 * the name when it is one (not the address or number repeated). Null for any other link.
 */
export function parseContactLink(href: string | undefined, linkText?: string): RawCustomer | null {
  const match = /^(mailto|tel|callto|sms):(.*)$/i.exec(href?.trim() ?? '');
  if (!match) return null;
  const [, scheme, rest] = match as unknown as [string, string, string];
  let value: string;
  try {
    value = decodeURIComponent(rest.split('?')[0]!.split(',')[0]!).trim();
  } catch {
    return null;
  }
  if (!value) return null;
  const customer: RawCustomer = scheme.toLowerCase() === 'mailto' ? { email: value } : { phone: value };
  const name = linkText?.replace(/\s+/g, ' ').trim();
  if (name && !/[@\d]/.test(name) && name.length <= 80) customer.fullName = name;
  return customer;
}
