import { valueOf } from '../dom';
import { address, hit, usable, type Hit } from './hits';

/**
 * Value-carrying attributes (rank 2): `[email]` (Gmail-style chips, with the sender's `name`),
 * `[data-hovercard-id*="@"]`, email/tel inputs. Then links (rank 3): mailto:, tel:/callto:/sms:, and
 * social profiles.
 */
export function links(root: ParentNode, hits: Hit[]): void {
  for (const el of root.querySelectorAll('[email],[data-hovercard-id*="@"],input[type=email],input[type=tel]')) {
    if (!usable(el)) continue;
    if (el.localName === 'input') hit(hits, el.getAttribute('type') === 'tel' ? 'phone' : 'email', valueOf(el), el, 2);
    else {
      hit(hits, 'email', el.getAttribute('email') ?? el.getAttribute('data-hovercard-id'), el, 2);
      hit(hits, 'fullName', el.getAttribute('email') && el.getAttribute('name'), el, 2);
    }
  }
  for (const a of root.querySelectorAll('a[href]')) {
    if (!usable(a)) continue;
    const href = a.getAttribute('href')!;
    hit(hits, /^\s*mailto:/i.test(href) ? 'email' : 'phone', address(href), a, 3);
    hit(hits, 'profiles', href.trim(), a, 3);
  }
}
