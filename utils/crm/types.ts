/**
 * What a content script can see of a customer on a record page: raw text as shown,
 * not yet validated or normalised (the worker does that, so content scripts stay tiny).
 */
export interface RawCustomer {
  firstName?: string;
  lastName?: string;
  /** The whole name when the page shows only one field ("Ms. Jane Doe"). */
  fullName?: string;
  email?: string;
  phone?: string;
  company?: string;
  /** A country name in any language, or an ISO code, as displayed. */
  country?: string;
  /** Social profile links found on the record (LinkedIn, X/Twitter, Facebook, Instagram, Google). */
  profiles?: string[];
}

/** A CRM record page: where the button goes and how to read the customer on it. Pure: no browser APIs. */
export interface CrmAdapter {
  id: string;
  /** Manifest match patterns of the CRM's hosts. */
  matches: string[];
  isRecordPage(url: URL): boolean;
  /** CSS selector of the node the button is placed after, and whose appearance we wait for. */
  anchor: string;
  /** The customer of the visible record at this moment, or null when there is none. */
  extract(doc: Document): RawCustomer | null;
  /**
   * Where the button goes: right after the visible anchor (default), or floating in the page's
   * corner for pages with no reliable anchor (the generic detector).
   */
  placement?: 'after-anchor' | 'floating';
}
