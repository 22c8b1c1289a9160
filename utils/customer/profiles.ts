/** The contract's social profile fields, by the host a link points to. */
export type ProfileField = 'linkedInProfile' | 'twitterProfile' | 'facebookProfile' | 'instagramProfile' | 'googleProfile';

const HOSTS: [RegExp, ProfileField][] = [
  [/(^|\.)linkedin\.com$/, 'linkedInProfile'],
  [/(^|\.)(twitter|x)\.com$/, 'twitterProfile'],
  [/(^|\.)facebook\.com$/, 'facebookProfile'],
  [/(^|\.)instagram\.com$/, 'instagramProfile'],
  [/(^|\.)google\.com$/, 'googleProfile'],
];

// Links that name no person: sharing and login pages, company pages, the networks' home pages.
const NOT_A_PERSON = /^\/(?:$|share|sharer|intent|login|home|company|school|groups|hashtag|search|explore|p\/|reel\/|pages\/|watch)/i;

/** Social links found on a record → `{ linkedInProfile: "https://…", … }`, first link per network, https only. */
export function mapProfiles(links: readonly string[] | undefined): Partial<Record<ProfileField, string>> {
  const profiles: Partial<Record<ProfileField, string>> = {};
  for (const link of links ?? []) {
    let url: URL;
    try {
      url = new URL(link.trim());
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    const field = HOSTS.find(([host]) => host.test(url.hostname))?.[1];
    if (!field || profiles[field] || NOT_A_PERSON.test(url.pathname)) continue;
    url.protocol = 'https:';
    url.hash = '';
    url.search = '';
    profiles[field] = url.toString();
  }
  return profiles;
}
