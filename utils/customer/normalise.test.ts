import { describe, expect, it } from 'vitest';
import { normaliseCustomer } from './normalise';
import { interactionUserSchema } from './user';

function user(...args: Parameters<typeof normaliseCustomer>) {
  const r = normaliseCustomer(...args);
  if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
  expect(interactionUserSchema.safeParse(r.user).success).toBe(true);
  return r.user;
}

function error(...args: Parameters<typeof normaliseCustomer>) {
  const r = normaliseCustomer(...args);
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.user)}`);
  return r.error;
}

describe('normaliseCustomer', () => {
  it('normalises a full record', () => {
    expect(
      user({
        firstName: '  Ana ',
        lastName: 'García   López',
        email: ' Ana.Garcia@Example.COM ',
        phone: '+54 9 11 5555-0000',
        company: 'ACME',
        country: 'Argentina',
      }),
    ).toEqual({ email: 'ana.garcia@example.com', phone: '+5491155550000', name: 'Ana', lastName: 'García López', country: 'AR' });
  });

  it('does not send the company', () => {
    expect(user({ email: 'a@b.co', company: 'ACME' })).toEqual({ email: 'a@b.co' });
  });

  it('splits fullName when there are no separate name fields', () => {
    expect(user({ fullName: 'Ms. Jane Doe', email: 'jane@example.com' })).toMatchObject({ name: 'Jane', lastName: 'Doe' });
    expect(user({ fullName: 'Doe, Jane', email: 'jane@example.com' })).toMatchObject({ name: 'Jane', lastName: 'Doe' });
  });

  it('prefers firstName/lastName over fullName', () => {
    expect(user({ firstName: 'Jane', fullName: 'Dr. Jane Q. Doe', email: 'jane@example.com' })).toEqual({
      email: 'jane@example.com',
      name: 'Jane',
    });
  });

  it("reads a national phone by the record's country", () => {
    expect(user({ phone: '612 345 678', country: 'España' })).toEqual({ phone: '+34612345678', country: 'ES' });
    expect(user({ phone: 'tel:(415) 555-0100', country: 'USA' })).toEqual({ phone: '+14155550100', country: 'US' });
  });

  it('prefers options.defaultCountry over the record country for the phone', () => {
    expect(user({ phone: '55 1234 5678', country: 'Spain' }, { defaultCountry: 'MX' })).toEqual({
      phone: '+525512345678',
      country: 'ES',
    });
    expect(user({ phone: '(11) 91234-5678' }, { defaultCountry: 'brasil' })).toEqual({ phone: '+5511912345678' });
  });

  it('drops an unknown country', () => {
    expect(user({ email: 'a@b.co', country: 'Narnia' })).toEqual({ email: 'a@b.co' });
  });

  it('keeps the phone when the email is invalid, and vice versa', () => {
    expect(user({ email: 'not an email', phone: '+44 20 7946 0958' })).toEqual({ phone: '+442079460958' });
    expect(user({ email: 'jane@example.com', phone: '******0100' })).toEqual({ email: 'jane@example.com' });
    expect(user({ email: 'jane@example.com', phone: '612 345 678' })).toEqual({ email: 'jane@example.com' });
  });

  it('says when there is neither email nor phone', () => {
    expect(error({ fullName: 'Jane Doe' })).toBe('No email or phone on this page');
    expect(error({ email: '   ', phone: '' })).toBe('No email or phone on this page');
  });

  it('says why each one was rejected', () => {
    expect(error({ email: 'jane@', phone: '******0100' })).toBe(
      'The email “jane@” isn\'t a valid address, and the phone “******0100” is masked',
    );
    expect(error({ email: 'j***@example.com', phone: '123', country: 'US' })).toBe(
      'The email “j***@example.com” is masked, and the phone “123” is too short',
    );
    expect(error({ phone: '•••' })).toBe('The phone “•••” is masked, and there is no email on this page');
    expect(error({ email: 'nope' })).toBe('The email “nope” isn\'t a valid address, and there is no phone on this page');
    expect(error({ phone: '612 345 678' })).toBe(
      'The phone “612 345 678” needs a country code such as +34, since the record has no country, and there is no email on this page',
    );
    expect(error({ phone: '+999 1234 5678' })).toMatch(/isn't a valid phone number/);
  });

  it('shortens long values in messages', () => {
    const e = error({ email: 'x'.repeat(100) });
    expect(e).toContain('…”');
    expect(e.length).toBeLessThan(120);
  });
});

describe('interactionUserSchema', () => {
  it('requires an email or a phone', () => {
    expect(interactionUserSchema.safeParse({ name: 'Jane' }).success).toBe(false);
    expect(interactionUserSchema.safeParse({ phone: '+14155550100' }).success).toBe(true);
  });

  it('checks the shapes', () => {
    expect(interactionUserSchema.safeParse({ phone: '415 555 0100' }).success).toBe(false);
    expect(interactionUserSchema.safeParse({ email: 'Jane@' }).success).toBe(false);
    expect(interactionUserSchema.safeParse({ email: 'a@b.co', country: 'es' }).success).toBe(false);
    expect(interactionUserSchema.safeParse({ email: 'a@b.co', name: '' }).success).toBe(false);
  });
});
