import { valueOf } from '../dom';
import { address, hit, type Hit } from './hits';

/**
 * Value-carrying attributes (rank 2): `[email]` (Gmail-style chips),
 * `[data-hovercard-id*="@"]`, email/tel inputs. Then links (rank 3): mailto:, tel:/callto:/sms:, and
 * social profiles.
 */
export function links(root: ParentNode, hits: Hit[]): void {
  for (const el of root.querySelectorAll('[email],[data-hovercard-id*="@"],input[type=email],input[type=tel]')) {
    const v = el.getAttribute('email') ?? el.getAttribute('data-hovercard-id') ?? valueOf(el);
    hit(hits, el.matches('[type=tel]') ? 'phone' : 'email', v, el, 2);
  }
  for (const a of root.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href')!;
    hit(hits, /^\s*mailto:/i.test(href) ? 'email' : 'phone', address(href), a, 3);
    hit(hits, 'profiles', href.trim(), a, 3);
  }
}
