import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { beforeEach, describe, expect, it } from 'vitest';
import { detectCustomer, generic } from './generic';
import type { RawCustomer } from './types';

const FIXTURES = resolve(__dirname, '../../tests/fixtures/generic');
const read = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');

/** Replaces the global document's content with a fixture page, as the content script would see it. */
function load(name: string): void {
  document.documentElement.innerHTML = read(name);
}

beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

const cases: [file: string, expected: RawCustomer | null][] = [
  [
    'freshsales-contact.html',
    {
      firstName: 'Amelia',
      lastName: 'Hart',
      email: 'amelia.hart@northbridge-supplies.example',
      phone: '+44 7700 900123',
      company: 'Northbridge Supplies Ltd',
      country: 'United Kingdom',
      profiles: ['https://www.linkedin.com/in/amelia-hart-procurement/'],
    },
  ],
  // The contact's name and the lead (company) name carry no label: only the links are readable.
  ['close-lead.html', { email: 'gob@bluth.example', phone: '+19495550142' }],
  [
    'copper-person.html',
    {
      fullName: 'Rosa Delgado',
      email: 'rosa.delgado@verdefoods.example',
      phone: '+13125550199',
      company: 'Verde Foods Inc.',
      country: 'United States',
      profiles: ['https://twitter.com/rosadelgado_ops'],
    },
  ],
  [
    'monday-item.html',
    {
      email: 'dana.whitaker@maplepeak.example',
      phone: '+16045550187',
      company: 'Maple Peak Outfitters',
      country: 'Canada',
    },
  ],
  [
    'zendesk-sell-contact.html',
    {
      firstName: 'Priya',
      lastName: 'Natarajan',
      email: 'priya@lotus-analytics.example',
      phone: '+919820012345',
      company: 'Lotus Analytics Pvt Ltd',
      country: 'India',
      profiles: ['https://x.com/priya_builds'],
    },
  ],
  [
    'wordpress-about.html',
    {
      fullName: 'Marta Oliveira',
      email: 'marta@martaoliveira.example',
      company: 'Estúdio Oliveira',
      country: 'PT',
      profiles: [
        'https://www.linkedin.com/in/marta-oliveira-design/',
        'https://x.com/martaoliveira',
        'https://www.instagram.com/marta.oliveira.interiores/',
      ],
    },
  ],
  [
    'microdata-person.html',
    {
      firstName: 'Jonas',
      lastName: 'Weber',
      email: 'j.weber@beispiel-consulting.example',
      phone: '+49 89 1234 5678',
      company: 'Beispiel Consulting GmbH',
      country: 'Deutschland',
      profiles: ['https://www.linkedin.com/in/jonas-weber-scm/'],
    },
  ],
  [
    'hcard-signature.html',
    {
      fullName: 'Claire Dupont',
      email: 'c.dupont@boulangeries-dupont.example',
      phone: '+33 1 42 68 53 00',
      company: 'Boulangeries Dupont & Fils',
      country: 'France',
    },
  ],
  [
    'h-card-profile.html',
    {
      fullName: 'Lena Voss',
      email: 'hello@lena-voss.example',
      phone: '+43 660 1234567',
      company: 'Voss Data Studio',
      country: 'Austria',
      profiles: ['https://www.linkedin.com/in/lenavoss/', 'https://instagram.com/lena.voss.data'],
    },
  ],
  [
    'es-form.html',
    {
      firstName: 'Lucía',
      lastName: 'Fernández García',
      email: 'lucia.fernandez@ferreteria-ejemplo.es',
      phone: '+34 911 23 45 67',
      company: 'Ferretería Ejemplo S.L.',
      country: 'España',
    },
  ],
  [
    'pt-contact.html',
    {
      firstName: 'João',
      lastName: 'Pereira da Silva',
      email: 'joao.pereira@padaria-exemplo.com.br',
      phone: '(11) 98765-4321',
      company: 'Padaria Pão Quente Ltda.',
      country: 'Brasil',
    },
  ],
  [
    'fr-fiche.html',
    {
      firstName: 'Amélie',
      lastName: 'Lefèvre',
      email: 'amelie.lefevre@chocolaterie-exemple.be',
      phone: '+32 470 12 34 56',
      company: 'Chocolaterie Lefèvre SPRL',
      country: 'Belgique',
    },
  ],
  [
    'de-kontakt.html',
    {
      firstName: 'Jürgen',
      lastName: 'Müller-Lüdenscheidt',
      email: 'j.mueller@maschinenbau-mueller.example',
      phone: '+49 (0)231 123456',
      company: 'Maschinenbau Müller KG',
      country: 'Deutschland',
    },
  ],
  [
    'dl-details.html',
    {
      fullName: 'Olusegun Adeyemi',
      email: 'segun@adeyemi-logistics.example',
      phone: '+234 803 123 4567',
      company: 'Adeyemi Logistics Ltd',
      country: 'Nigeria',
    },
  ],
  [
    'table-record.html',
    {
      fullName: 'Mei Ling Tan',
      email: 'meiling.tan@harbourtrade.example',
      phone: '+65 6123 4567',
      company: 'Harbour Trade Pte. Ltd.',
      country: 'Singapore',
    },
  ],
  [
    'labels-for-inputs.html',
    {
      firstName: 'Hannah',
      lastName: "O'Connell",
      email: 'hannah.oconnell@greenfield.example',
      phone: '+353 1 555 0123',
      company: 'Greenfield Organics',
      country: 'Ireland',
    },
  ],
  [
    'aria-labelledby.html',
    {
      firstName: 'Tomás',
      lastName: 'Herrera',
      email: 'tomas.herrera@cafe-herrera.example',
      phone: '+52 55 1234 5678',
      company: 'Café Herrera',
      country: 'Mexico',
    },
  ],
  ['mailto-encoded.html', { email: "j.o'connor+quotes@oconnor-joinery.example" }],
  ['tel-links.html', { phone: '+1 415 555 0100' }],
  ['footer-only-email.html', null],
  [
    'hidden-elements.html',
    {
      fullName: 'Aroha Ngata',
      email: 'aroha.ngata@kiwi-tours.example',
      phone: '+64 21 555 1234',
      company: 'Kiwi Tours Ltd',
    },
  ],
  ['contacts-list.html', null],
  [
    'social-links.html',
    {
      fullName: 'Nadia Rahman',
      email: 'nadia@orbit-robotics.example',
      company: 'Orbit Robotics',
      profiles: [
        'https://www.linkedin.com/in/nadia-rahman-robotics/',
        'https://x.com/nadiabuilds',
        'https://www.facebook.com/nadia.rahman.dev',
        'https://www.instagram.com/nadia.in.orbit/',
      ],
    },
  ],
  ['empty-page.html', null],
  ['sender-attributes.html', { email: 'sofia.rossi@trattoria-rossi.example' }],
];

describe('generic.extract on fixtures', () => {
  it.each(cases)('%s', (file, expected) => {
    load(file);
    expect(generic.extract(document)).toEqual(expected);
  });

  it.each(cases)('%s also reads from a DOMParser document', (file, expected) => {
    const doc = new DOMParser().parseFromString(read(file), 'text/html');
    expect(generic.extract(doc)).toEqual(expected);
  });

  it('covers every fixture', () => {
    expect(cases.map(([file]) => file).sort()).toEqual(readdirSync(FIXTURES).sort());
  });
});

describe('generic adapter', () => {
  it('is a floating, runtime-registered adapter for any page', () => {
    expect(generic).toMatchObject({ id: 'generic', matches: [], anchor: 'body', placement: 'floating' });
    expect(generic.isRecordPage(new URL('https://crm.example.org/anything?x=1'))).toBe(true);
  });
});

describe('detectCustomer', () => {
  it('ignores our own button', () => {
    document.body.innerHTML = `
      <main><dl><dt>Email</dt><dd>ana@cliente.example</dd></dl></main>
      <rayapp-notifier><a href="mailto:support@rayapp.example">Help</a><span email="me@rayapp.example"></span></rayapp-notifier>`;
    expect(detectCustomer(document)).toEqual({ email: 'ana@cliente.example' });
  });

  it('reads a subtree (a CRM adapter falling back on its record node)', () => {
    load('contacts-list.html');
    const row = document.querySelectorAll('tbody tr')[1]!;
    expect(detectCustomer(row)).toEqual({ email: 'bruno@costa-imports.example', phone: '+551155550102' });
  });

  it('merges fields across sources, a higher source winning per field', () => {
    document.head.innerHTML = `<script type="application/ld+json">
      [{"@type": "Organization", "name": "Shop"},
       {"@type": "http://schema.org/Person", "name": "Ana Ruiz", "email": "ana.ruiz@cliente.example",
        "address": [{"@type": "PostalAddress", "addressCountry": {"@type": "Country", "name": "Chile"}}]}]
    </script><script type="application/ld+json">{ broken json</script>`;
    document.body.innerHTML = `
      <dl><dt>Correo</dt><dd>old.address@cliente.example</dd><dt>País</dt><dd>Perú</dd><dt>Empresa</dt><dd>Ruiz Ltda.</dd></dl>
      <input type="tel" value="+56 2 2345 6789">
      <a href="tel:+56987654321">Llamar</a>
      <a href="https://www.linkedin.com/in/ana-ruiz-cl">LinkedIn</a>`;
    expect(detectCustomer(document)).toEqual({
      fullName: 'Ana Ruiz', // structured data
      email: 'ana.ruiz@cliente.example', // structured data over the label
      country: 'Chile',
      company: 'Ruiz Ltda.', // labels
      phone: '+56 2 2345 6789', // the tel input over the tel: link
      profiles: ['https://www.linkedin.com/in/ana-ruiz-cl'], // links
    });
  });

  it('keeps the name as one unit: a better whole name beats a split one, and vice versa', () => {
    document.body.innerHTML = `
      <div class="vcard"><span class="fn">Dr. Ana Ruiz</span></div>
      <label for="n">Nombre</label><input id="n" value="Ana">`;
    expect(detectCustomer(document)).toEqual({ fullName: 'Dr. Ana Ruiz' });
    document.body.innerHTML = `
      <dl><dt>Name</dt><dd>Ana Ruiz</dd></dl>
      <div class="h-card"><span class="p-given-name">Ana</span> <span class="p-family-name">Ruiz Soto</span></div>`;
    expect(detectCustomer(document)).toEqual({ firstName: 'Ana', lastName: 'Ruiz Soto' });
  });

  it('picks the record among several emails: the one holding the most fields', () => {
    // A record plus the signed-in user in a plain div (not a landmark) and the record owner in a sidebar.
    document.body.innerHTML = `
      <div class="topbar">agent <span email="agent@vendor.example" name="Agent Smith"></span></div>
      <div class="layout">
        <section class="record">
          <div><span class="label">Full name</span><span>Kofi Mensah</span></div>
          <div><span class="label">Email</span><span>kofi@mensah-cocoa.example</span></div>
          <div><span class="label">Other email</span><a href="mailto:kofi.private@mail.example">private</a></div>
          <div><span class="label">Phone</span><span>+233 30 123 4567</span></div>
          <div><span class="label">Country</span><span>Ghana</span></div>
        </section>
        <aside class="owner"><span class="label">Owner</span> Jo <a href="mailto:jo@vendor.example">jo@vendor.example</a> <a href="tel:+15550100">call</a></aside>
      </div>`;
    expect(detectCustomer(document)).toEqual({
      fullName: 'Kofi Mensah',
      email: 'kofi@mensah-cocoa.example',
      phone: '+233 30 123 4567',
      country: 'Ghana',
    });
  });

  it('returns null when a lead shows two contacts of equal weight (Close)', () => {
    load('close-lead.html');
    const card = document.querySelector('.ContactCard')!;
    card.after(card.cloneNode(true));
    const second = document.querySelectorAll('.ContactCard')[1]!;
    second.querySelector('.ContactCard-email')!.setAttribute('href', 'mailto:buster@bluth.example');
    second.querySelector('.ContactCard-phone')!.setAttribute('href', 'tel:+19495550143');
    expect(detectCustomer(document)).toBeNull();
    // Hiding one of them leaves a single record again.
    second.setAttribute('hidden', '');
    expect(detectCustomer(document)).toEqual({ email: 'gob@bluth.example', phone: '+19495550142' });
  });

  it('keeps a list a list when a filter or a div-grid header adds fields outside its rows', () => {
    load('contacts-list.html');
    document.querySelector('h1')!.insertAdjacentHTML(
      'afterend',
      `<form class="filters"><label for="f-country">Country</label>
         <select id="f-country"><option value="">Any</option><option value="FR" selected>France</option></select></form>
       <div class="grid-head"><span class="col-label">Name</span><span class="col-label">Email</span><span class="col-label">Company</span></div>`,
    );
    expect(detectCustomer(document)).toBeNull();
  });

  it('does not take the next cell of a div-grid header row for a value', () => {
    document.body.innerHTML = `
      <div class="related"><span class="col-label">Name</span><span class="col-label">E-mail</span><span class="col-label">Notes</span></div>
      <p><a href="mailto:yuki@sakura.example">yuki@sakura.example</a></p>`;
    expect(detectCustomer(document)).toEqual({ email: 'yuki@sakura.example' });
  });

  it('reads a record that shows two emails as one record', () => {
    document.body.innerHTML = `
      <div class="whoami">you: <span email="agent@vendor.example"></span></div>
      <dl>
        <dt>Emails</dt><dd><a href="mailto:ines@atelier.example">ines@atelier.example</a>, <a href="mailto:ines.perso@mail.example">ines.perso@mail.example</a></dd>
        <dt>Téléphone</dt><dd>+33 1 23 45 67 89</dd><dt>Entreprise</dt><dd>Atelier Inès</dd>
      </dl>`;
    expect(detectCustomer(document)).toEqual({
      email: 'ines@atelier.example',
      phone: '+33 1 23 45 67 89',
      company: 'Atelier Inès',
    });
  });

  it('treats the same email in different case as one record', () => {
    document.body.innerHTML = `
      <dl><dt>E-mail</dt><dd>Lea.Kim@Example.com</dd><dt>Handy</dt><dd>+49 171 2345678</dd></dl>
      <p><a href="mailto:lea.kim@example.com">Schreiben</a></p>`;
    expect(detectCustomer(document)).toEqual({ email: 'Lea.Kim@Example.com', phone: '+49 171 2345678' });
  });

  it('prefers links inside <main>, and ignores masked, placeholder and shapeless values', () => {
    document.body.innerHTML = `
      <div class="promo"><a href="https://www.linkedin.com/in/site-founder/">Founder</a></div>
      <main>
        <dl><dt>Phone</dt><dd>******0100</dd><dt>Mobile</dt><dd>N/A</dd><dt>Email</dt><dd>Send email</dd></dl>
        <a href="mailto:">empty</a><a href="mailto:bad%E0%A4%A@x.example">bad</a>
        <a href="https://www.linkedin.com/in/the-customer/">LinkedIn</a>
      </main>`;
    expect(detectCustomer(document)).toEqual({
      email: 'bad%E0%A4%A@x.example',
      profiles: ['https://www.linkedin.com/in/the-customer/'],
    });
  });

  it('reads header/footer inside an article (a card header), but not page-level landmarks', () => {
    document.body.innerHTML = `
      <header><a href="mailto:site@owner.example">site</a></header>
      <article><header><dl><dt>Name</dt><dd>Li Wei</dd></dl></header>
        <footer><a href="mailto:li.wei@customer.example">Email</a></footer></article>
      <footer><a href="tel:+18005550000">hotline</a></footer>`;
    expect(detectCustomer(document)).toEqual({ fullName: 'Li Wei', email: 'li.wei@customer.example' });
  });

  it('stays within the 3 KB gzip budget (the dom helpers, shared by every content script, aside)', () => {
    const { outputFiles } = buildSync({
      entryPoints: [resolve(__dirname, 'generic.ts')],
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      external: ['./dom', '../dom'],
    });
    expect(gzipSync(outputFiles[0]!.contents, { level: 9 }).length).toBeLessThanOrEqual(3 * 1024);
  });
});
