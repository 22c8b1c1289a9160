import { describe, expect, it } from 'vitest';
import { mapProfiles } from './profiles';
import { normaliseCustomer } from './normalise';

describe('mapProfiles', () => {
  it('maps each network to its contract field, https, without tracking query or fragment', () => {
    expect(
      mapProfiles([
        'https://www.linkedin.com/in/jane-cooper-123/?trk=abc',
        'http://twitter.com/janecooper',
        'https://x.com/otherjane',
        'https://www.facebook.com/jane.cooper#about',
        'https://instagram.com/janecooper/',
      ]),
    ).toEqual({
      linkedInProfile: 'https://www.linkedin.com/in/jane-cooper-123/',
      twitterProfile: 'https://twitter.com/janecooper',
      facebookProfile: 'https://www.facebook.com/jane.cooper',
      instagramProfile: 'https://instagram.com/janecooper/',
    });
  });

  it('ignores share links, company pages, home pages, other sites and garbage', () => {
    expect(
      mapProfiles([
        'https://www.linkedin.com/company/acme',
        'https://twitter.com/intent/tweet?text=hi',
        'https://www.facebook.com/sharer/sharer.php?u=x',
        'https://www.instagram.com/',
        'https://example.com/in/jane',
        'javascript:alert(1)',
        'not a url',
      ]),
    ).toEqual({});
  });

  it('reaches the event: normaliseCustomer sends the profiles with the customer', () => {
    const result = normaliseCustomer({ email: 'jane@example.com', profiles: ['https://linkedin.com/in/jane'] });
    expect(result).toEqual({ ok: true, user: { email: 'jane@example.com', linkedInProfile: 'https://linkedin.com/in/jane' } });
  });
});
