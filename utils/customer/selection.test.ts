import { describe, expect, it } from 'vitest';
import type { RawCustomer } from '../crm/types';
import { normaliseCustomer } from './normalise';
import { parseSelection } from './selection';

/** [what it is, the selected text, the expected RawCustomer, the worker's default country for national phones]. */
type Case = [string, string, RawCustomer, string?];

const CASES: Case[] = [
  // Email signatures
  [
    'English signature with title, company, phone, website, LinkedIn and disclaimer',
    `Best regards,

John Carter
Head of Partnerships
Northwind Traders
T. +1 (415) 555-0100
www.northwind.example
https://www.linkedin.com/in/johncarter
CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended solely for the addressee.`,
    {
      fullName: 'John Carter',
      phone: '+1 (415) 555-0100',
      company: 'Northwind Traders',
      profiles: ['https://www.linkedin.com/in/johncarter'],
    },
  ],
  [
    'Spanish signature with address, country and disclaimer',
    `Un saludo,

Ana García López
Directora Comercial
Acme Iberia S.L.
Móvil: 600 123 456 | Tel. 91 123 45 67
ana.garcia@acme-iberia.es
Calle de Alcalá 50, 28014 Madrid
España

Este mensaje y sus anexos son confidenciales y se dirigen exclusivamente a su destinatario.`,
    {
      fullName: 'Ana García López',
      email: 'ana.garcia@acme-iberia.es',
      phone: '600 123 456',
      company: 'Acme Iberia S.L.',
      country: 'España',
    },
  ],
  [
    'Mexican signature with a title and an S.A. de C.V.',
    `Atentamente,
Lic. Carlos Ruiz
Gerente de Ventas
Distribuidora del Norte, S.A. de C.V.
Cel. 55 1234 5678
cruiz@distnorte.com.mx
México`,
    {
      fullName: 'Lic. Carlos Ruiz',
      email: 'cruiz@distnorte.com.mx',
      phone: '55 1234 5678',
      company: 'Distribuidora del Norte, S.A. de C.V.',
      country: 'México',
    },
    'MX',
  ],
  [
    'Argentine signature with "title | company" and an X profile',
    `Saludos,
Martín Fernández
CEO & Co-founder | Pampa Labs
+54 9 11 5555-0000
martin@pampalabs.com.ar
https://x.com/martinfdz`,
    {
      fullName: 'Martín Fernández',
      email: 'martin@pampalabs.com.ar',
      phone: '+54 9 11 5555-0000',
      company: 'Pampa Labs',
      profiles: ['https://x.com/martinfdz'],
    },
  ],
  [
    'UK signature with labelled lines; "London, United Kingdom" is not a country line',
    `Kind regards,
Oliver Bennett
Account Director
Brightwave Media Ltd
M: 0044 7911 123456
E: oliver.bennett@brightwave.co.uk
London, United Kingdom`,
    {
      fullName: 'Oliver Bennett',
      email: 'oliver.bennett@brightwave.co.uk',
      phone: '0044 7911 123456',
      company: 'Brightwave Media Ltd',
    },
  ],
  [
    'whole English email: the greeting names the recipient, not the customer',
    `Hi Ana,

Thanks for your time today. As promised, the pricing sheet is attached.

Best,
Tom Walsh
Sales Engineer | Contoso
tom.walsh@contoso.example
+1 206 555 0142`,
    { fullName: 'Tom Walsh', email: 'tom.walsh@contoso.example', phone: '+1 206 555 0142', company: 'Contoso' },
  ],
  [
    'whole Spanish email with "Hola" and "Atentamente"',
    `Hola Ana,

Te confirmo la reunión del jueves.

Atentamente,
Dr. Javier Morales
Responsable de Compras
Hospital San Rafael
T. 93 456 78 90
jmorales@hsanrafael.es`,
    {
      fullName: 'Dr. Javier Morales',
      email: 'jmorales@hsanrafael.es',
      phone: '93 456 78 90',
      company: 'Hospital San Rafael',
    },
  ],
  [
    'signature without a title: the line after the name is not guessed to be a company',
    `Cordialmente,
Lucía Gómez
Grupo Andino
lucia.gomez@grupoandino.co`,
    { fullName: 'Lucía Gómez', email: 'lucia.gomez@grupoandino.co' },
  ],
  [
    'LinkedIn person and company links: only the person is a profile',
    `Ana García
ana@example.com
linkedin.com/in/ana-garcia
https://www.linkedin.com/company/acme`,
    { fullName: 'Ana García', email: 'ana@example.com', profiles: ['https://linkedin.com/in/ana-garcia'] },
  ],
  // Address headers
  ['quoted display name', '"Ana García" <ana@example.com>', { fullName: 'Ana García', email: 'ana@example.com' }],
  ['unquoted display name', 'Ana García <ana@example.com>', { fullName: 'Ana García', email: 'ana@example.com' }],
  [
    'a "From:" header block',
    `From: María José Pérez <mj.perez@cliente.es>
Sent: Tuesday, March 3, 2026 10:14 AM
To: ventas@acme.es
Subject: Presupuesto`,
    { fullName: 'María José Pérez', email: 'mj.perez@cliente.es' },
  ],
  ['"Last, First" display name', 'De: "García, Ana" <ana.garcia@cliente.es>', { fullName: 'García, Ana', email: 'ana.garcia@cliente.es' }],
  ['a team mailbox is not a name', 'Acme Support <support@acme.example>', { email: 'support@acme.example' }],
  // Bare values
  ['bare email', 'ana.garcia@example.com', { email: 'ana.garcia@example.com' }],
  ['mailto link', 'mailto:ana@example.com?subject=Hola', { email: 'ana@example.com' }],
  ['bare US phone', '(415) 555-0100', { phone: '(415) 555-0100' }, 'US'],
  ['bare ES phone, international', '+34 600 123 456', { phone: '+34 600 123 456' }],
  ['bare ES phone, national', '612 34 56 78', { phone: '612 34 56 78' }],
  ['bare AR mobile', '+54 9 11 5555-0000', { phone: '+54 9 11 5555-0000' }],
  ['bare MX phone, national', '55 1234 5678', { phone: '55 1234 5678' }, 'MX'],
  ['bare UK phone with 0044', '0044 20 7946 0958', { phone: '0044 20 7946 0958' }],
  ['labelled phone and email on one line', 'Tel: +34 600 123 456 · ana@example.es', { email: 'ana@example.es', phone: '+34 600 123 456' }],
  ['two numbers in one run: the first', 'Tel: +34 600 123 456 - 91 123 45 67', { phone: '+34 600 123 456' }],
  // Obfuscated emails
  ['[at] [dot]', 'ana [at] example [dot] com', { email: 'ana@example.com' }],
  ['(at)', 'ana(at)example.com', { email: 'ana@example.com' }],
  ['(arroba) (punto) in a sentence', 'Escríbeme a ana (arroba) acme (punto) es cuando puedas.', { email: 'ana@acme.es' }],
  // CRM rows copied as text
  [
    'CRM row: a company without a legal form is left out',
    'Ana García\tana@example.es\t+34 600 123 456\tAcme',
    { fullName: 'Ana García', email: 'ana@example.es', phone: '+34 600 123 456' },
  ],
  [
    'CRM row with a legal form and a country',
    'Ana García\tana@example.es\t+34 600 123 456\tAcme S.L.\tSpain',
    { fullName: 'Ana García', email: 'ana@example.es', phone: '+34 600 123 456', company: 'Acme S.L.', country: 'Spain' },
  ],
  // Noise
  [
    'prose paragraph with one email',
    "Hi team, following up on yesterday's call: the client asked us to send the revised proposal to " +
      'procurement@globex.example before Friday. The budget was approved in 2025 and 3 licences are enough for now.',
    { email: 'procurement@globex.example' },
  ],
  ['two emails: the first', 'Please reply to ana@example.com or cc bob@example.com.', { email: 'ana@example.com' }],
  [
    'two emails: the one on the name’s line',
    'Owner: carlos@ourteam.example\nAna García\tana@cliente.es\t+34 600 123 456',
    { fullName: 'Ana García', email: 'ana@cliente.es', phone: '+34 600 123 456' },
  ],
  [
    'order numbers, dates and ids are not phones',
    'Order 2024-000123 — shipped 12/03/2026 — ref ES-4412-88 — Pedido nº 600123456 — contact ana@example.com',
    { email: 'ana@example.com' },
  ],
  ['a URL with digits is not a phone', 'See https://crm.example.com/deals/4155550100 or mail ana@example.com', { email: 'ana@example.com' }],
];

const NULLS: [string, string][] = [
  ['empty', ''],
  ['whitespace', '  \n\t '],
  ['only a name', 'Ana García'],
  ['a name, title and company', 'Ana García\nHead of Sales\nAcme S.L.'],
  ['an order number', 'Order 2024-000123'],
  ['a date', '12/03/2026'],
  ['a code', 'ES-4412-88'],
  ['a URL with digits', 'https://crm.example.com/contacts/600123456'],
  ['an email past the first 2,000 characters', `${'Lorem ipsum dolor sit amet. '.repeat(72)}ana@example.com`],
];

describe('parseSelection', () => {
  it.each(CASES)('%s', (_, text, expected) => {
    expect(parseSelection(text)).toEqual(expected);
  });

  it.each(NULLS)('%s → null', (_, text) => {
    expect(parseSelection(text)).toBeNull();
  });

  it.each(CASES)('%s: normalises', (_, text, expected, region = 'ES') => {
    const raw = parseSelection(text);
    expect(raw).not.toBeNull();
    const r = normaliseCustomer(raw ?? {}, { defaultCountry: region });
    expect(r.ok).toBe(true);
    // Every field picked survives normalisation (nothing is picked that the worker would drop).
    if (!r.ok) return;
    expect(r.user.email !== undefined).toBe(expected.email !== undefined);
    expect(r.user.phone !== undefined).toBe(expected.phone !== undefined);
    expect(r.user.name !== undefined).toBe(expected.fullName !== undefined);
    expect(r.user.country !== undefined).toBe(expected.country !== undefined);
  });
});
