import { structured } from './generic/structured';
import { labels } from './generic/labels';
import { links } from './generic/links';
import type { Field, Hit } from './generic/hits';
import type { CrmAdapter, RawCustomer } from './types';

// The generic detector: any page the user enables (a niche CRM, Freshsales, Close, Copper, monday,
// Zendesk Sell, a self-hosted tool) and the fallback of the known CRMs' adapters.
// Evidence: /work/shared/CRM_DOM_NOTES.md ("Generic detector", "Others").
//
// Every source adds candidate values ("hits") with a rank: structured data 0, label → value pairs 1,
// value-carrying attributes 2, links 3 (attributes and links: +0.5 outside <main> when the page has
// one). Per field the lowest rank wins, then the first found (JSON-LD, microdata, hCard; each source
// in document order). Fields merge across sources.

/**
 * On a page showing several different emails, keeps the hits of one record. Each other hit belongs to
 * the email nearest to it in the tree: the first email (in source order) in its lowest ancestor that
 * holds one. That gathers a record's label/value pairs around its email, also when the record shows
 * two emails. A container with three or more different emails is a list, and a hit in it but outside
 * its rows (a filter, a heading) belongs to none. The email whose record holds the most distinct
 * fields wins. Several records of equal weight are a list (a table of contacts, a board): the customer
 * is then whichever row the user means, which the page does not tell, so nothing (null) rather than a
 * guess — sending the wrong customer is worse than asking the user to open the record.
 * JSON-LD has no place on the page (its hits sit on the <script>): it describes the page's subject
 * and stays out of this contest.
 */
function oneRecord(hits: Hit[]): Hit[] {
  const json = (h: Hit) => h.el.localName === 'script';
  const id = (h: Hit) => h.v.toLowerCase();
  const mails = hits.filter((h) => h.k === 'email' && !json(h));
  const fields = new Map(mails.map((m) => [id(m), new Set<Field>()]));
  if (fields.size < 2) return hits;
  // Every ancestor of an email, with the emails it holds (in source order): one pass, not one per hit.
  const holds = new Map<Element, Hit[]>();
  for (const m of mails) {
    for (let a: Element | null = m.el; a; a = a.parentElement) holds.set(a, [...(holds.get(a) ?? []), m]);
  }
  for (const h of hits) {
    let near: Hit[] | undefined;
    for (let a: Element | null = h.el; h.k !== 'email' && !json(h) && a && !near; a = a.parentElement) {
      near = holds.get(a);
    }
    if (near && new Set(near.map(id)).size < 3) fields.get((h.owner = id(near[0]!)))!.add(h.k);
  }
  type Entry = [email: string, fields: Set<Field>];
  const [[win, { size }], [, next]] = [...fields].sort((x, y) => y[1].size - x[1].size) as [Entry, Entry];
  return size === next.size ? [] : hits.filter((h) => json(h) || (h.owner ?? id(h)) === win);
}

/** The customer shown under `root` (a document, or a CRM adapter's record node), or null. Pure. */
export function detectCustomer(root: ParentNode): RawCustomer | null {
  const found: Hit[] = [];
  structured(root, found);
  labels(root, found);
  links(root, found);
  const main = root.querySelector('main,[role=main]');
  for (const h of found) if (h.r > 1 && main && !main.contains(h.el)) h.r += 0.5;
  const hits = oneRecord(found).sort((a, b) => a.r - b.r); // stable: document order within a rank

  const rank: Partial<Record<Field, number>> = {};
  const c: RawCustomer = {};
  for (const h of hits) {
    rank[h.k] ??= h.r;
    // Profiles: every distinct one of the best source (JSON-LD sameAs over links, links in <main> first).
    if (h.k !== 'profiles') c[h.k] ??= h.v;
    else if (h.r === rank.profiles && !c.profiles?.includes(h.v)) (c.profiles ??= []).push(h.v);
  }
  // The name is one unit: the whole name when its source beats the split one's, else first/last only.
  const split = Math.min(rank.firstName ?? 9, rank.lastName ?? 9);
  if ((rank.fullName ?? 9) < split) delete c.firstName, delete c.lastName;
  else delete c.fullName;
  return hits.length ? c : null;
}

export const generic: CrmAdapter = {
  id: 'generic',
  // Its sites are the ones the user enables, registered at runtime.
  matches: [],
  isRecordPage: () => true,
  anchor: 'body',
  placement: 'floating',
  extract: detectCustomer,
};
