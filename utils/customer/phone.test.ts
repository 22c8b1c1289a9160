import { describe, expect, it } from 'vitest';
import { normalisePhone, parsePhone } from './phone';

describe('normalisePhone', () => {
  it.each([
    // Argentina: mobiles carry a 9 after the country code; national "15" mobiles get it added.
    ['+54 9 11 5555-0000', undefined, '+5491155550000'],
    ['011 15 5555-0000', 'AR', '+5491155550000'],
    ['11 5555 0000', 'AR', '+541155550000'],
    ['+54 11 4321-0000', 'US', '+541143210000'],
    // Spain
    ['+34 612 34 56 78', undefined, '+34612345678'],
    ['612 345 678', 'ES', '+34612345678'],
    ['0034 612 345 678', 'ES', '+34612345678'],
    ['0034612345678', undefined, '+34612345678'],
    // Mexico
    ['+52 55 1234 5678', undefined, '+525512345678'],
    ['55 1234 5678', 'MX', '+525512345678'],
    // United States
    ['(415) 555-0100', 'US', '+14155550100'],
    ['415.555.0100', 'us', '+14155550100'],
    ['+1 415 555 0100', 'ES', '+14155550100'],
    // United Kingdom
    ['+44 20 7946 0958', undefined, '+442079460958'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['07911 123456', 'GB', '+447911123456'],
    // Brazil
    ['+55 11 91234-5678', undefined, '+5511912345678'],
    ['(11) 91234-5678', 'BR', '+5511912345678'],
    // Germany
    ['+49 30 1234567', undefined, '+49301234567'],
    ['030 1234567', 'DE', '+49301234567'],
  ])('%j (default %s) → %s', (input, country, expected) => {
    expect(normalisePhone(input, country)).toBe(expected);
  });

  it.each([
    ['tel:+14155550100', undefined, '+14155550100'],
    ['tel:+1-415-555-0100', undefined, '+14155550100'],
    ['TEL:+34%20612%20345%20678', undefined, '+34612345678'],
    ['tel:4155550100', 'US', '+14155550100'],
    ['tel:+1-415-555-0100;ext=23', undefined, '+14155550100'],
    ['tel:+442079460958;phone-context=example.com', undefined, '+442079460958'],
  ])('tel: href %j → %s', (input, country, expected) => {
    expect(normalisePhone(input, country)).toBe(expected);
  });

  it.each([
    ['+1 415 555 0100 ext. 23'],
    ['+1 415 555 0100 x23'],
    ['+1 415 555 0100 #23'],
    ['+1 415 555 0100 extension 23'],
  ])('drops the extension of %j', (input) => {
    expect(normalisePhone(input)).toBe('+14155550100');
  });

  it.each(['******0100', '+1 ******0100', '•••', '••• ••• 0100', '+1 415 XXX 0100', 'xxx-xxx-0100', '+54 9 11 ****-0000'])(
    'masked %j → undefined',
    (input) => {
      expect(normalisePhone(input, 'US')).toBeUndefined();
      expect(parsePhone(input, 'US')).toEqual({ ok: false, problem: 'masked' });
    },
  );

  it('rejects too short and too long numbers', () => {
    expect(parsePhone('123', 'US')).toEqual({ ok: false, problem: 'too-short' });
    expect(parsePhone('555-0100', 'US')).toEqual({ ok: false, problem: 'too-short' });
    expect(parsePhone('+1 415 555 0100 0000', undefined)).toEqual({ ok: false, problem: 'too-long' });
    expect(normalisePhone('12', 'ES')).toBeUndefined();
  });

  it('does not guess a country for a national number', () => {
    expect(normalisePhone('(415) 555-0100')).toBeUndefined();
    expect(parsePhone('612 345 678')).toEqual({ ok: false, problem: 'no-country' });
    expect(parsePhone('612 345 678', '')).toEqual({ ok: false, problem: 'no-country' });
  });

  it('rejects invalid numbers and non-numbers', () => {
    expect(parsePhone('+999 123 456 789')).toEqual({ ok: false, problem: 'invalid' });
    expect(parsePhone('(415) 055-0100', 'US')).toEqual({ ok: false, problem: 'invalid' });
    expect(parsePhone('call me', 'US')).toEqual({ ok: false, problem: 'invalid' });
    expect(parsePhone('   ', 'US')).toEqual({ ok: false, problem: 'empty' });
    expect(parsePhone(undefined, 'US')).toEqual({ ok: false, problem: 'empty' });
  });
});
