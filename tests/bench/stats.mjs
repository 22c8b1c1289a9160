export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const fmt = (ms) => `${ms.toFixed(2)} ms`;
export const verdict = (ok) => (ok ? 'met' : 'NOT met');
