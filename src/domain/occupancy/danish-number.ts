/**
 * Danish numbers as people type them: "1.260.562", "95,5", "-3,25", "1 260 562". A point groups
 * thousands, a comma starts the decimals. Also accepts a plain "1260562". Returns null when the
 * text is not such a number (so "12.5" and "1,2,3" are refused rather than guessed).
 */
export function parseDanishNumber(text: string): number | null {
  const s = text.trim().replace(/[\u00a0\u202f ]/g, '');
  if (s === '') return null;
  const m = /^([-−]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(s);
  if (!m) return null;
  const [, sign = '', whole = '', decimals] = m;
  const value = Number(
    `${whole.replace(/\./g, '')}${decimals === undefined ? '' : `.${decimals}`}`,
  );
  return sign === '' ? value : -value;
}

const integerFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });

/** Whole kroner with Danish thousands points: 1260562 → "1.260.562". */
export function formatKroner(value: number): string {
  return integerFormat.format(value);
}

/** A number with Danish decimals, at most `decimals` places: 0.25 → "0,25". */
export function formatDanishDecimal(value: number, decimals = 6): string {
  return new Intl.NumberFormat('da-DK', { maximumFractionDigits: decimals }).format(value);
}

/** A fraction as a Danish percentage with `decimals` places: 0.9549 → "95,5 %". */
export function formatPercent(value: number, decimals = 1): string {
  return `${new Intl.NumberFormat('da-DK', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value * 100)} %`;
}
