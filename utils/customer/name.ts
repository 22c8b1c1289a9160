/**
 * Splitting one "full name" field into RayApp's `name` and `lastName`.
 *
 * Deterministic rules, in order:
 * 1. Whitespace is trimmed and collapsed; "Last, First" (one comma) is read as lastName, name.
 * 2. Leading salutations and titles (Mr, Mrs, Ms, Miss, Dr, Dra, Prof, Sr, Sra, Srta, Don, Doña,
 *    Lic, Ing…, dotted or not) and trailing suffixes (Jr, Sr, II, III, IV, PhD, MD) are dropped,
 *    as long as a word remains. "Don"/"Doña" are also first names, so they are dropped only
 *    when two words follow ("Don Draper" stays Don Draper).
 * 3. One word → name only, unless a title preceded it ("Mr. Smith", "Sra. García" → lastName).
 *    A name starting with a lower-case particle ("de la Cruz") → lastName only.
 * 4. Otherwise the first word is the name and the rest the last name, so particles stay with the
 *    last name ("Ludwig van Beethoven" → Ludwig / van Beethoven) and middle names go with it too
 *    ("John Fitzgerald Kennedy" → John / Fitzgerald Kennedy).
 * 5. Except a few very common Spanish compound first names ("María José", "Juan Pablo"…), kept
 *    together when at least one more word follows. The list is short on purpose: only pairs whose
 *    second word is practically never a surname, so "Juan Cruz Pérez" or "María Paz Gil" are not
 *    guessed at (Cruz and Paz are surnames too).
 */

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'dra', 'prof', 'profa', 'sr', 'sra', 'srta', 'don', 'dona', 'dna', 'lic', 'lcdo', 'lcda', 'ing']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md']);
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'da', 'das', 'do', 'dos', 'di', 'van', 'von', 'der', 'den', 'ter', 'le', 'du', 'y']);
const COMPOUND_FIRST = new Set([
  'maria jose', 'maria jesus', 'maria luisa', 'maria elena', 'maria fernanda', 'maria teresa', 'maria isabel',
  'ana maria', 'jose maria', 'jose luis', 'jose antonio', 'jose manuel', 'juan pablo', 'juan carlos', 'juan manuel',
  'juan jose', 'luis miguel', 'miguel angel', 'jean pierre', 'jean paul',
]);

/** Lower case, no accents, no dots: "Doña" → "dona", "Ph.D." → "phd". */
function bare(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[.,]/g, '');
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function dropTitles(words: string[]): string[] {
  let i = 0;
  while (i < words.length - 1 && TITLES.has(bare(words[i] ?? ''))) {
    if (/^(don|dona|dna)$/.test(bare(words[i] ?? '')) && words.length - i < 3) break;
    i++;
  }
  return words.slice(i);
}

function dropSuffixes(words: string[]): string[] {
  let end = words.length;
  while (end > 1 && SUFFIXES.has(bare(words[end - 1] ?? ''))) end--;
  return words.slice(0, end);
}

function result(name: string[], lastName: string[]): { name?: string; lastName?: string } {
  const out: { name?: string; lastName?: string } = {};
  const n = name.join(' ').replace(/,+$/, '');
  const l = lastName.join(' ').replace(/,+$/, '');
  if (n) out.name = n;
  if (l) out.lastName = l;
  return out;
}

/** "Ms. Jane Doe" → { name: "Jane", lastName: "Doe" }; see the rules above. */
export function splitName(full: string | null | undefined): { name?: string; lastName?: string } {
  if (typeof full !== 'string') return {};
  // "Doe, Jane, PhD": pieces that are only suffixes or titles don't count as name parts.
  const pieces = collapse(full)
    .split(',')
    .map(collapse)
    .filter((p) => p && !p.split(' ').every((w) => SUFFIXES.has(bare(w)) || TITLES.has(bare(w))));

  if (pieces.length === 2) {
    const last = dropTitles(dropSuffixes((pieces[0] ?? '').split(' ')));
    const first = dropSuffixes(dropTitles((pieces[1] ?? '').split(' ')));
    return result(first, last);
  }

  const all = pieces.join(' ').split(' ').filter(Boolean);
  const untitled = dropTitles(all);
  const words = dropSuffixes(untitled);
  if (words.length === 0) return {};
  if (words.length === 1) return untitled.length < all.length ? result([], words) : result(words, []);
  const firstWord = words[0] ?? '';
  if (PARTICLES.has(firstWord) && firstWord === firstWord.toLowerCase()) return result([], words);
  const take = words.length >= 3 && COMPOUND_FIRST.has(bare(`${words[0]} ${words[1]}`)) ? 2 : 1;
  return result(words.slice(0, take), words.slice(take));
}
