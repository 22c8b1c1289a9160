import { MatchPattern } from 'wxt/utils/match-patterns';
import { hubspot } from './hubspot';
import { salesforce } from './salesforce';
import { pipedrive } from './pipedrive';
import { zoho } from './zoho';
import { odoo } from './odoo';
import { gmail } from './gmail';
import type { CrmAdapter } from './types';

/** Every CRM the extension serves out of the box; their hosts are in the manifest (content scripts). */
export const crmAdapters: CrmAdapter[] = [hubspot, salesforce, pipedrive, zoho, odoo, gmail];

export const crmMatches: string[] = crmAdapters.flatMap((adapter) => adapter.matches);

const patterns = crmMatches.map((match) => new MatchPattern(match));

/** Whether a page URL belongs to one of the CRM hosts we serve. */
export function matchesAny(url: string): boolean {
  return patterns.some((pattern) => pattern.includes(url));
}
