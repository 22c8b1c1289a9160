import { describe, expect, it } from 'vitest';
import { parseContactLink } from './contact-link';

describe('parseContactLink', () => {
  it.each([
    ['mailto:ana@example.es', undefined, { email: 'ana@example.es' }],
    ['mailto:ana%40example.es?subject=Hola&cc=x@y.z', 'Ana García', { email: 'ana@example.es', fullName: 'Ana García' }],
    ['MAILTO:Ana@Example.es,bob@example.com', 'ana@example.es', { email: 'Ana@Example.es' }],
    ['tel:+34600123456', 'Call Ana', { phone: '+34600123456', fullName: 'Call Ana' }],
    ['tel:%2B1%20(415)%20555-0100', '+1 (415) 555-0100', { phone: '+1 (415) 555-0100' }],
    ['callto:+5491155550000', undefined, { phone: '+5491155550000' }],
    ['sms:+447700900123?body=hi', undefined, { phone: '+447700900123' }],
  ])('%s (text %s)', (href, text, expected) => {
    expect(parseContactLink(href, text)).toEqual(expected);
  });

  it.each(['https://example.com/mailto:ana@example.es', 'javascript:alert(1)', 'mailto:', 'tel:?x', 'mailto:%E0%A4%A', undefined])(
    'not a contact link: %s',
    (href) => {
      expect(parseContactLink(href)).toBeNull();
    },
  );
});
