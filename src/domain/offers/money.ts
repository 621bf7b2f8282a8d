/**
 * Money and percentages as integers: tariffs in øre, percentages in hundredths of a percent.
 * Danish input ("12.995,50", "13.491", "13491", "95,5") is read exactly, never through a float.
 */

/** Reads kroner written the Danish way into øre; null when it is not an amount. */
export function parseKroner(input: string): number | null {
  const s = input
    .replace(/\s|\u00a0/g, '')
    .replace(/kr\.?$/i, '')
    .trim();
  // "12.995,50", "12995,50", "13.491", "13491", "0,5", "-5" (negative parsed, rejected by callers)
  const m = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const [, sign = '', whole = '0', decimals = ''] = m;
  const kroner = Number(whole.replace(/\./g, ''));
  const ore = Number(decimals.padEnd(2, '0'));
  const value = kroner * 100 + ore;
  if (!Number.isSafeInteger(value)) return null;
  return sign === '-' ? -value : value;
}

/** Reads whole kroner ("136.072", "136072"); null when it is not a whole amount. */
export function parseWholeKroner(input: string): number | null {
  const ore = parseKroner(input);
  if (ore === null || ore % 100 !== 0) return null;
  return ore / 100;
}

/** Reads a percentage ("95", "95,5", "95,25 %") into hundredths of a percent. */
export function parsePercent(input: string): number | null {
  const m = /^(-?)(\d+)(?:,(\d{1,2}))?$/.exec(input.replace(/\s|%/g, ''));
  if (!m) return null;
  const [, sign = '', whole = '0', decimals = ''] = m;
  const value = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  return sign === '-' ? -value : value;
}

function groupThousands(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 1299550 → "12.995,50"; whole kroner without decimals: 1349100 → "13.491". */
export function formatOre(ore: number, alwaysDecimals = false): string {
  const sign = ore < 0 ? '-' : '';
  const abs = BigInt(Math.abs(ore));
  const kroner = abs / 100n;
  const rest = abs % 100n;
  const decimals = rest === 0n && !alwaysDecimals ? '' : `,${rest.toString().padStart(2, '0')}`;
  return `${sign}${groupThousands(kroner)}${decimals}`;
}

/** Whole kroner: 136072 → "136.072". */
export function formatKroner(kroner: number): string {
  return `${kroner < 0 ? '-' : ''}${groupThousands(BigInt(Math.abs(kroner)))}`;
}

/** 9550 → "95,5"; 1000 → "10". */
export function formatPercent(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const rest = abs % 100;
  if (rest === 0) return `${sign}${whole}`;
  return `${sign}${whole},${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}
