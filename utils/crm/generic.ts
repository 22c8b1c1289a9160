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
// value-carrying attributes 2, links 3 (+0.5 outside <main> when the page has one). Per field the
// lowest rank wins, then document order.

/**
 * On a page showing several different emails, keeps the hits of one record. Each other hit belongs to
 * the email nearest to it in the tree (the lowest ancestor holding one; the first found on a tie),
 * which gathers a record's label/value pairs around its email; the email whose record holds the most
 * distinct fields wins. Several records of equal weight are a list (a table of contacts, a board):
 * the customer is then whichever row the user means, which the page does not tell, so null rather
 * than guess — sending the wrong customer is worse than asking the user to open the record.
 */
function oneRecord(hits: Hit[]): Hit[] | null {
  // JSON-LD has no place on the page (its hits sit on the <script>): it describes the page's subject
  // and always stays, outside this contest.
  const json = (h: Hit) => h.el.localName === 'script';
  const mails = hits.filter((h) => h.k === 'email' && !json(h));
  const id = (h: Hit) => h.v.toLowerCase();
  const fields = new Map(mails.map((m) => [id(m), new Set<Field>()]));
  if (fields.size < 2) return hits;
  const owner = new Map<Hit, string>();
  for (const h of hits) {
    for (let a: Element | null = h.el; h.k !== 'email' && !json(h) && a; a = a.parentElement) {
      const m = mails.find((m) => a!.contains(m.el));
      if (m) {
        owner.set(h, id(m));
        fields.get(id(m))!.add(h.k);
        break;
      }
    }
  }
  const weights = [...fields.values()].map((s) => s.size);
  const max = Math.max(...weights);
  if (weights.indexOf(max) !== weights.lastIndexOf(max)) return null;
  const win = [...fields.keys()][weights.indexOf(max)];
  return hits.filter((h) => json(h) || (h.k === 'email' ? id(h) : owner.get(h)) === win);
}

/** The customer shown under `root` (a document, or a CRM adapter's record node), or null. Pure. */
export function detectCustomer(root: ParentNode): RawCustomer | null {
  let hits: Hit[] | null = [];
  structured(root, hits);
  labels(root, hits);
  links(root, hits);
  const main = root.querySelector('main,[role=main]');
  for (const h of hits) if (h.r > 1 && main && !main.contains(h.el)) h.r += 0.5;
  hits = oneRecord(hits);
  if (!hits?.length) return null;

  const best: Partial<Record<Field, Hit>> = {};
  for (const h of hits) if (!(best[h.k]!?.r <= h.r)) best[h.k] = h;
  const c: RawCustomer = {};
  for (const [k, h] of Object.entries(best) as [Exclude<Field, 'profiles'>, Hit][]) c[k] = h.v;
  // Profiles: every distinct one of the best source (JSON-LD sameAs over links; links in <main> first).
  if (best.profiles) c.profiles = [...new Set(hits.filter((h) => h.k === 'profiles' && h.r === best.profiles!.r).map((h) => h.v))];
  // The name is one unit: the whole name when its source beats the split one's, else first/last only.
  const split = Math.min(best.firstName?.r ?? 9, best.lastName?.r ?? 9);
  if (best.fullName && best.fullName.r < split) delete c.firstName, delete c.lastName;
  else if (split < 9) delete c.fullName;
  return c;
}

export const generic: CrmAdapter = {
  id: 'generic',
  // Its sites are the ones the user enables, registered at runtime.
  matches: [],
  isRecordPage: () => true,
  anchor: 'body',
  placement: 'floating',
  extract: (doc: Document) => detectCustomer(doc),
};
