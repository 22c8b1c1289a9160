import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './email';

describe('normaliseEmail', () => {
  it.each([
    ['jane@example.com', 'jane@example.com'],
    ['  Jane.Doe@Example.COM  ', 'jane.doe@example.com'],
    ['mailto:jane@example.com', 'jane@example.com'],
    ['MAILTO:Jane@Example.com?subject=Hello&body=Hi', 'jane@example.com'],
    ['mailto:jane%40example.com', 'jane@example.com'],
    ['mailto:jane.doe%2Bcrm@example.co.uk?cc=x@y.z', 'jane.doe+crm@example.co.uk'],
    ['Jane Doe <Jane@Example.com>', 'jane@example.com'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['ana@sub.mail.example.com.ar', 'ana@sub.mail.example.com.ar'],
    ['100%@example.com', '100%@example.com'], // a stray "%" is not an escape; "%" is allowed
    ['user@xn--bcher-kva.example', 'user@xn--bcher-kva.example'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'jane',
    'jane@',
    '@example.com',
    'jane@example',
    'jane@@example.com',
    'jane doe@example.com',
    'jane..doe@example.com',
    '.jane@example.com',
    'jane@-example.com',
    'jane@example.c',
    'j***@example.com',
    'ja••••@gmail.com',
    'mailto:',
  ])('%j is rejected', (input) => {
    expect(normaliseEmail(input)).toBeUndefined();
  });

  it('accepts null and undefined', () => {
    expect(normaliseEmail(undefined)).toBeUndefined();
    expect(normaliseEmail(null)).toBeUndefined();
  });
});
