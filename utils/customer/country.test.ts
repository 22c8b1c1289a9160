import { describe, expect, it } from 'vitest';
import { toCountryCode } from './country';

describe('toCountryCode', () => {
  it.each([
    // codes
    ['es', 'ES'], ['AR', 'AR'], [' mx ', 'MX'], ['gb', 'GB'],
    // alpha-3
    ['ESP', 'ES'], ['arg', 'AR'], ['USA', 'US'], ['GBR', 'GB'], ['DEU', 'DE'], ['BRA', 'BR'], ['MEX', 'MX'],
    // English and Spanish names, accents and case
    ['España', 'ES'], ['espana', 'ES'], ['ESPAÑA', 'ES'], ['Spain', 'ES'],
    ['United States', 'US'], ['Estados Unidos', 'US'], ['México', 'MX'], ['Mexico', 'MX'], ['mexico', 'MX'],
    ['Argentina', 'AR'], ['Brasil', 'BR'], ['Brazil', 'BR'], ['Alemania', 'DE'], ['Germany', 'DE'],
    ['Reino Unido', 'GB'], ['United Kingdom', 'GB'], ['Perú', 'PE'], ['Peru', 'PE'], ['Panamá', 'PA'],
    ['Países Bajos', 'NL'], ['Netherlands', 'NL'], ['The Netherlands', 'NL'], ['Côte d’Ivoire', 'CI'],
    ['Bosnia and Herzegovina', 'BA'], ['Trinidad & Tobago', 'TT'], ['Saint Lucia', 'LC'], ['St. Lucia', 'LC'],
    ['República Dominicana', 'DO'], ['Hong Kong', 'HK'], ['Myanmar', 'MM'], ['Türkiye', 'TR'], ['Turquía', 'TR'],
    ['  united   states ', 'US'],
    // aliases
    ['USA', 'US'], ['U.S.A.', 'US'], ['US', 'US'], ['UK', 'GB'], ['U.K.', 'GB'], ['EEUU', 'US'], ['EE.UU.', 'US'],
    ['EE. UU.', 'US'], ['Great Britain', 'GB'], ['England', 'GB'], ['Holland', 'NL'], ['Holanda', 'NL'],
    ['Turkey', 'TR'], ['Czech Republic', 'CZ'], ['South Korea', 'KR'], ['United States of America', 'US'],
  ])('%j → %s', (input, expected) => {
    expect(toCountryCode(input)).toBe(expected);
  });

  it.each(['', '   ', 'Narnia', 'XX', 'ZZ', 'EU', 'QQQ', 'Europe', 'Unknown Region', 'Spainland'])('%j → undefined', (input) => {
    expect(toCountryCode(input)).toBeUndefined();
  });

  it('accepts null and undefined', () => {
    expect(toCountryCode(undefined)).toBeUndefined();
    expect(toCountryCode(null)).toBeUndefined();
  });

  it('knows every ISO country by its English name and its alpha-2 code', () => {
    const en = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const code of ['AR', 'ES', 'MX', 'US', 'GB', 'BR', 'DE', 'FR', 'IT', 'PT', 'CL', 'CO', 'UY', 'JP', 'ZA']) {
      expect(toCountryCode(code.toLowerCase())).toBe(code);
      expect(toCountryCode(en.of(code))).toBe(code);
    }
  });
});
