import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../e2e/harness.mjs';

/** The gzip size of every bundle the extension ships. */
export function bundleSizes() {
  const rows = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css|html)$/.test(name)) {
        const bytes = readFileSync(path);
        rows.push({ file: relative(EXTENSION_DIR, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
      }
    }
  };
  walk(EXTENSION_DIR);
  return rows.sort((a, b) => b.gzip - a.gzip);
}


export function reportBundles() {
  console.log('\nBundles (gzip -9)');
  for (const row of bundleSizes()) {
    const note = row.file.startsWith('content-scripts/') ? (row.gzip <= 12 * 1024 ? '  (content script ≤ 12 KB: met)' : '  (content script ≤ 12 KB: NOT met)') : '';
    console.log(`  ${row.file.padEnd(44)} ${String(row.raw).padStart(8)} B  ${String(row.gzip).padStart(7)} B gz${note}`);
  }
}
