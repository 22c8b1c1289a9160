import { MatchPattern } from 'wxt/utils/match-patterns';
import { hubspot } from './hubspot';
import type { CrmAdapter } from './types';

/** Every CRM the extension serves out of the box; their hosts are in the manifest. */
export const crmAdapters: CrmAdapter[] = [hubspot];

export const crmMatches: string[] = crmAdapters.flatMap((adapter) => adapter.matches);

const patterns = crmMatches.map((match) => new MatchPattern(match));

/** Whether a page URL belongs to one of the CRM hosts we serve. */
export function matchesAny(url: string): boolean {
  return patterns.some((pattern) => pattern.includes(url));
}
