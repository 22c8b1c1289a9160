import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const FIXTURES = resolve(__dirname, '../fixtures');

/**
 * A CRM's fixture pages for adapter tests: `read` the HTML, `load` it into the global document as
 * the content script would see it, and `urlOf` the page (its first line is `<!-- https://… -->`).
 */
export function adapterFixtures(crm: string) {
  const read = (name: string) => readFileSync(resolve(FIXTURES, crm, name), 'utf8');
  return {
    read,
    load(name: string): string {
      const html = read(name);
      document.documentElement.innerHTML = html;
      return html;
    },
    urlOf: (html: string) => new URL(/^<!--\s*(\S+)\s*-->/.exec(html)![1]!),
  };
}

/** An empty page between tests. */
export function emptyDocument(): void {
  document.documentElement.innerHTML = '<head></head><body></body>';
}
