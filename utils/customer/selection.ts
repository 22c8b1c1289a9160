/**
 * The customer in a piece of text the salesperson selected (context menu "Notify RayApp about …").
 *
 * Pure and heuristic: it only *picks substrings* (an email, a phone run, a name line, a company
 * line, a country line, profile links) and returns them raw; the worker normalises them with
 * `normaliseCustomer`, which is where the default country is applied to national phone numbers.
 * It errs on the side of leaving a field out: a missing name is harmless, a wrong one is not.
 */
import { getCountries } from 'libphonenumber-js/min';
import type { RawCustomer } from '../crm/types';
import { toCountryCode } from './country';
import { mapProfiles } from './profiles';
import { parsePhone } from './phone';

const MAX_CHARS = 2000;

// "ana [at] example [dot] com", "ana(at)example.com", "ana {arroba} acme [punto] es": only between word characters,
// so a "(at)" in prose isn't rewritten.
const OBFUSCATED_AT = /(?<=[\w.-])[ \t]*[[({][ \t]*(?:at|arroba|@)[ \t]*[\])}][ \t]*(?=\w)/gi;
const OBFUSCATED_DOT = /(?<=\w)[ \t]*[[({][ \t]*(?:dot|punto|\.)[ \t]*[\])}][ \t]*(?=\w)/gi;
const EMAIL = /[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// `"Ana García" <ana@x.es>`, `From: Ana García <mailto:ana@x.es>`: the display name before an angled address.
const DISPLAY = new RegExp(
  String.raw`(?:^|[:,;\t])[ \t]*(?:"([^"\n]+)"|'([^'\n]+)'|([^"'<>\n:,;\t]+?))[ \t]*<(?:mailto:)?(${EMAIL.source})>`,
  'gm',
);
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b(?:[\w-]+\.)+[a-z]{2,}\/[^\s<>"]*/gi;

// Digits with the separators people type. No tabs or newlines (table cells and lines stay apart); not glued
// to letters, "#", "/" or "-" ("ES-4412-88", "#600123456", "12/03/2026", URL paths).
const PHONE_RUN = /(?<![\p{L}\p{N}#/+-])\+?\(?\d[\d \u00a0().-]{5,24}\d(?![\p{L}\p{N}/-])/gu;
// Numbers that follow an identifier's label or a currency sign are not phones ("Order 2024-000123", "€ 12.500.000").
const ID_BEFORE =
  /(?:\b(?:order|pedido|invoice|factura|albar[aá]n|ref(?:erence|erencia)?|ticket|case|caso|expediente|id|iban|dni|nif|cif|vat|account|cuenta)\.?\s*(?:no\.?|n[º°o]\.?|number|n[uú]mero)?|[$€£])\s*[:#-]?\s*$/i;
// Dates ("12/03/2026", "2026-03-12", "12.03.26") and year-prefixed ids ("2024-000123").
const NOT_A_PHONE = /^(?:\d{1,2}|\d{4})([./-])\d{1,2}\1(?:\d{2}|\d{4})$|^(?:19|20)\d\d-\d+$/;
const COUNTRIES = getCountries();

// Table cells and inline separators ("Head of Sales | Acme", "Tel: … · ana@…") split a line into segments.
const SEPARATOR = /\t|[ \u00a0]+[|·•–—-][ \u00a0]+/;
const LABEL = /^(?:name|nombre|contact|contacto)\s*:\s*/i;
// Capitalised words, initials ("J."), and the lower-case particles of Spanish/Dutch/German surnames.
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|de|del|la|las|los|da|das|do|dos|di|van|von|der|den|y)$/u;
const words = (list: string) => new Set(list.split(' '));
const GREETING = words(
  'hi hello hey dear hola buenos buenas estimado estimada querido querida best kind warm many regards thanks thank ' +
    'cheers sincerely yours saludos saludo atentamente cordialmente gracias muchas abrazo un',
);
const JOB = words(
  'head chief ceo cto cfo coo cmo cio vp svp evp president presidente presidenta founder cofounder fundador fundadora ' +
    'cofundador cofundadora owner partner socio socia director directora manager gerente jefe jefa lead responsable ' +
    'coordinator coordinador coordinadora officer executive ejecutivo ejecutiva sales ventas marketing comercial ' +
    'account accounts engineer ingeniero ingeniera developer desarrollador desarrolladora consultant consultor consultora ' +
    'analyst analista assistant asistente specialist especialista representative customer success support soporte ' +
    'operations operaciones business negocios development desarrollo product producto project proyecto hr rrhh finance ' +
    'finanzas legal it of and at for',
);
// Words of organisations and street addresses, which are capitalised like names.
const NOT_PERSONAL = words(
  'team equipo department departamento company empresa group grupo solutions soluciones consulting services servicios ' +
    'technologies tecnologia systems software labs studio agency agencia digital calle avenida avda paseo plaza street ' +
    'road avenue suite floor piso planta edificio building',
);
// A legal form at the end of a line: "Acme S.L.", "Acme, S.A. de C.V.", "Acme Ltd", "Acme GmbH".
const COMPANY = /[\s,](?:S\.?L\.?U?\.?|S\.?A\.?(?: de C\.?V\.?)?|S\.?A\.?S\.?|S\.?R\.?L\.?|Ltd\.?|Limited|Inc\.?|Corp\.?|GmbH|LLC|LLP|PLC|plc|B\.?V\.?|AG)$/;

const bare = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z-]/g, '');
const wordsOf = (s: string) => s.split(/[\s&/,]+/).filter(Boolean).map(bare);
const blank = (s: string) => '\n'.repeat(s.length); // keeps offsets and stops phone runs

function looksLikeName(s: string, minWords = 2): boolean {
  const parts = s.split(/\s+/);
  const all = wordsOf(s);
  return (
    s.length <= 60 &&
    parts.length >= minWords &&
    parts.length <= 5 &&
    /^\p{Lu}/u.test(s) &&
    parts.every((w) => NAME_WORD.test(w)) &&
    !all.some((w) => GREETING.has(w) || JOB.has(w) || NOT_PERSONAL.has(w)) &&
    !COMPANY.test(s) &&
    toCountryCode(s) === undefined
  );
}

/** Short, free of addresses, links, phones and labels: a line that could be a company's name. */
const plain = (s: string) => s.length <= 60 && s.split(/\s+/).length <= 6 && !/[@:/<>]|\d{3}|www\.|\w\.[a-z]{2,}/i.test(s);
// Two- and three-letter lines count as country codes only in capitals ("ES", "USA"), not "No" or "Ana".
const isCountry = (s: string) => (s.length > 3 || s === s.toUpperCase()) && toCountryCode(s) !== undefined;

/** A national number is kept when it is valid in some region; the worker reads it in its default one. */
function isPhone(run: string): boolean {
  if (/^(?:\+|00)/.test(run)) return parsePhone(run).ok;
  return COUNTRIES.some((c) => parsePhone(run, c).ok);
}

function findPhone(text: string): string | undefined {
  for (const m of text.matchAll(PHONE_RUN)) {
    if (ID_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    // "+34 600 123 456 - 91 123 45 67" is one run: drop trailing groups until a number reads. Eight digits at
    // least, so that years, amounts and short codes in prose aren't taken for phones.
    for (let run = m[0].trim(); run.replace(/\D/g, '').length >= 8; run = run.replace(/[\s().-]*\d+$/, '')) {
      if (!NOT_A_PHONE.test(run) && isPhone(run)) return run;
    }
  }
  return undefined;
}

/** The customer in a free-text selection, or null when it has neither an email nor a phone. */
export function parseSelection(text: string): RawCustomer | null {
  const t = text.slice(0, MAX_CHARS).replace(OBFUSCATED_AT, '@').replace(OBFUSCATED_DOT, '.');
  const emails = [...t.matchAll(EMAIL)];
  const withoutEmails = t.replace(EMAIL, blank);
  const phone = findPhone(withoutEmails.replace(URL_RE, blank));
  if (!emails.length && !phone) return null;

  const lineOf = (index: number) => t.slice(0, index).split('\n').length - 1;
  const segments = t
    .split('\n')
    .flatMap((line, i) => line.split(SEPARATOR).map((s) => ({ s: s.trim().replace(LABEL, ''), line: i })))
    .filter((x) => x.s);

  // The name: a display name beside its address wins; otherwise the first line shaped like a person's name
  // (a signature's first line, a table row's name cell), whose own line's email is preferred.
  const display = [...t.matchAll(DISPLAY)].find((m) => looksLikeName((m[1] ?? m[2] ?? m[3] ?? '').replace(/,/g, ' '), 1));
  const at = segments.findIndex((x) => looksLikeName(x.s));
  const named = segments[at];
  const fullName = display ? (display[1] ?? display[2] ?? display[3])?.trim() : named?.s;
  const email = display?.[4] ?? emails.find((m) => named && lineOf(m.index) === named.line)?.[0] ?? emails[0]?.[0];

  // The company: a line ending in a legal form, or else the line right after a job title right after the name.
  const [title, next] = [segments[at + 1]?.s, segments[at + 2]?.s];
  const afterTitle =
    named && title && next && wordsOf(title).some((w) => JOB.has(w)) && plain(next) && /^[\p{Lu}\d]/u.test(next) &&
    !wordsOf(next).some((w) => JOB.has(w) || GREETING.has(w)) && !isCountry(next)
      ? next
      : undefined;
  const company = segments.find((x) => COMPANY.test(x.s) && plain(x.s))?.s ?? afterTitle;
  const country = segments.find((x) => isCountry(x.s))?.s;

  // Profile links; mapProfiles (the worker's own rule) decides which are people's profiles. It needs a scheme.
  const links = [...withoutEmails.matchAll(URL_RE)].map((m) => m[0].replace(/[.,;:!?)\]}>'"]+$/, ''));
  const profiles = [...new Set(links.map((u) => (/^https?:\/\//i.test(u) ? u : `https://${u}`)))].filter(
    (u) => Object.keys(mapProfiles([u])).length > 0,
  );

  const found: RawCustomer = { fullName, email, phone, company, country, profiles: profiles.length ? profiles : undefined };
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined)) as RawCustomer;
}
