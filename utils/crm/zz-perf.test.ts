import { it } from 'vitest';
import { detectCustomer } from './generic';
it('perf', () => {
  const rows = Array.from({ length: 500 }, (_, i) =>
    `<tr><td><a href="/c/${i}">Person ${i}</a></td><td><a href="mailto:p${i}@x.example">p${i}@x.example</a></td><td><a href="tel:+1555000${i}">call</a></td><td><span class="cell-label">Company</span> <span>Co ${i}</span></td></tr>`).join('');
  document.body.innerHTML = `<main><table><tbody>${rows}</tbody></table></main>`;
  const t = performance.now();
  const r = detectCustomer(document);
  console.log('ms', performance.now() - t, r);
});
