import type { RawCustomer } from '../crm/types';
import { toCountryCode } from './country';
import { MASKED_EMAIL, normaliseEmail } from './email';
import { splitName } from './name';
import { mapProfiles } from './profiles';
import { parsePhone, type PhoneProblem } from './phone';
import { interactionUserSchema, type InteractionUser } from './user';
import { t } from '@/utils/i18n';

export type { InteractionUser } from './user';

export type NormaliseResult = { ok: true; user: InteractionUser } | { ok: false; error: string };

const PHONE_PROBLEMS: Record<Exclude<PhoneProblem, 'empty'>, string> = {
  masked: 'is masked',
  'too-short': 'is too short',
  'too-long': 'is too long',
  'no-country': 'needs a country code such as +34, since the record has no country',
  invalid: "isn't a valid phone number",
};

function clean(s: string | undefined): string | undefined {
  const v = s?.replace(/\s+/g, ' ').trim();
  return v ? v : undefined;
}

/** The value as the salesperson saw it, shortened for a message. */
function quote(s: string): string {
  const v = s.replace(/\s+/g, ' ').trim();
  return `“${v.length > 40 ? v.slice(0, 39) + '…' : v}”`;
}

/**
 * A customer scraped from a CRM page → RayApp's `user`. An unusable email or phone is dropped
 * as long as the other one survives; when neither does, `error` says why, in plain words.
 * The company isn't part of RayApp's user, so it isn't sent.
 */
export function normaliseCustomer(raw: RawCustomer, options: { defaultCountry?: string } = {}): NormaliseResult {
  const user: InteractionUser = {};

  const rawEmail = clean(raw.email);
  const email = rawEmail === undefined ? undefined : normaliseEmail(rawEmail);
  if (email) user.email = email;

  const country = toCountryCode(raw.country);
  const region = toCountryCode(options.defaultCountry) ?? country;
  const rawPhone = clean(raw.phone);
  const phone = rawPhone === undefined ? undefined : parsePhone(rawPhone, region);
  if (phone?.ok) user.phone = phone.phone;

  const first = clean(raw.firstName);
  const last = clean(raw.lastName);
  const names = first || last ? { name: first, lastName: last } : splitName(raw.fullName);
  if (names.name) user.name = names.name;
  if (names.lastName) user.lastName = names.lastName;
  if (country) user.country = country;
  Object.assign(user, mapProfiles(raw.profiles));

  if (!user.email && !user.phone) {
    if (rawEmail === undefined && rawPhone === undefined) return { ok: false, error: t('noContactOnPage') };
    const emailWhy =
      rawEmail === undefined
        ? 'there is no email on this page'
        : `the email ${quote(rawEmail)} ${MASKED_EMAIL.test(rawEmail) ? 'is masked' : "isn't a valid address"}`;
    const phoneWhy =
      rawPhone === undefined || !phone || phone.ok || phone.problem === 'empty'
        ? 'there is no phone on this page'
        : `the phone ${quote(rawPhone)} ${PHONE_PROBLEMS[phone.problem]}`;
    // Lead with what was found and rejected: that's what the salesperson can fix.
    const [a, b] = rawEmail === undefined ? [phoneWhy, emailWhy] : [emailWhy, phoneWhy];
    return { ok: false, error: `${a.charAt(0).toUpperCase()}${a.slice(1)}, and ${b}` };
  }

  const checked = interactionUserSchema.safeParse(user);
  if (!checked.success) return { ok: false, error: t('unreadableCustomer') };
  return { ok: true, user: checked.data };
}
