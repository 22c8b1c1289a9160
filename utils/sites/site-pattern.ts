/** The match pattern that enables one site: its whole origin (`https://crm.example.com/*`); null for non-web pages. */
export function sitePattern(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, host } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? `${protocol}//${host}/*` : null;
  } catch {
    return null;
  }
}
