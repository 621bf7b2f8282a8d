/**
 * A spreadsheet cell's value as the cell shows it in a Danish Excel: numbers by their number
 * format (decimal comma, thousands dots, leading zeros, percent), dates by their date format.
 * Only what matters for reading text: the publishing guard must see "01.02.1990" and
 * "0102901234" as the cell shows them, not as a serial number or 102901234. Colours, fractions
 * and scientific notation are not rendered; such numbers fall back to the general format.
 */
import { DANISH_MONTHS, WEEKDAY_NAMES } from '../domain/calendar/dates.ts';

/** WEEKDAY_NAMES starts on Monday, getUTCDay on Sunday. */
const dayName = (date: Date): string => WEEKDAY_NAMES[(date.getUTCDay() + 6) % 7] ?? '';

/**
 * Excel's built-in formats 14 and 22 follow the reader's locale; exceljs names them by their US
 * form. A Danish Excel shows them day first.
 */
const LOCALE_DATE_FORMATS: Record<string, string> = {
  'mm-dd-yy': 'dd-mm-yyyy',
  'm/d/yy "h":mm': 'dd-mm-yyyy hh:mm',
};

/** The section for the value: "positive;negative;zero;text". */
function section(format: string, value: number): { fmt: string; signed: boolean } {
  const parts = splitSections(format);
  if (value < 0 && parts[1] !== undefined) return { fmt: parts[1], signed: false };
  if (value === 0 && parts[2] !== undefined) return { fmt: parts[2], signed: false };
  return { fmt: parts[0] ?? '', signed: true };
}

function splitSections(format: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (const token of tokens(format)) {
    if (token === ';') {
      parts.push(current);
      current = '';
    } else current += token;
  }
  parts.push(current);
  return parts;
}

/** Quoted text, an escaped character, a [code] or one character. */
const tokens = (format: string): string[] =>
  format.match(/"[^"]*"|\\.|\[[^\]]*\]|[_*].|./gsu) ?? [];

/** A token's literal text, or null when it is a placeholder or a code that shows nothing. */
function literal(token: string): string | null {
  if (token.startsWith('"')) return token.slice(1, -1);
  if (token.startsWith('\\')) return token.slice(1);
  if (token.startsWith('[')) return '';
  if (token.startsWith('_')) return ' ';
  if (token.startsWith('*')) return '';
  return null;
}

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** A number in Excel's "General" format: up to ten significant digits, decimal comma. */
export function generalNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  return String(Number(value.toPrecision(10))).replace('.', ',');
}

export function formatNumber(value: number, format: string | undefined): string {
  if (format === undefined || /^(?:general|@)?$/i.test(format.trim())) return generalNumber(value);
  const { fmt, signed } = section(format, value);
  const parts = tokens(fmt);
  // Fractions, exponents and text placeholders are left to the general format.
  if (parts.some((t) => /^[?/eE@]$/.test(t))) return generalNumber(value);
  const point = parts.indexOf('.');
  const intTokens = point < 0 ? parts : parts.slice(0, point);
  const fracTokens = point < 0 ? [] : parts.slice(point + 1);
  const isDigit = (t: string) => t === '0' || t === '#';
  const decimals = fracTokens.filter(isDigit).length;
  const percent = parts.includes('%');
  const thousands = intTokens.some(
    (t, i) =>
      t === ',' && intTokens.slice(i + 1).some(isDigit) && intTokens.slice(0, i).some(isDigit),
  );
  const abs = Math.abs(value) * (percent ? 100 : 1);
  const [whole = '0', fraction = ''] = abs.toFixed(decimals).split('.');
  const intSlots = intTokens.filter(isDigit);
  let digits = whole === '0' && !intSlots.includes('0') ? '' : whole;
  const minimum = intSlots.length - intSlots.indexOf('0');
  if (intSlots.includes('0')) digits = digits.padStart(minimum, '0');
  // Digits fill the placeholders from the right, so "000000-0000" keeps its dash; with a
  // thousands separator they are grouped at the first placeholder.
  let rest = thousands ? groupThousands(digits) : digits;
  const out: string[] = [];
  for (let i = intTokens.length - 1; i >= 0; i--) {
    const t = intTokens[i] ?? '';
    if (isDigit(t)) {
      const isFirstSlot = !intTokens.slice(0, i).some(isDigit);
      const take = isFirstSlot ? rest : thousands ? '' : rest.slice(-1);
      out.unshift(take);
      rest = rest.slice(0, rest.length - take.length);
    } else if (t !== ',') out.unshift(literal(t) ?? t);
  }
  const intText = out.join('');
  let fracText = '';
  if (decimals > 0) {
    // Trailing "#" places show no zeros.
    const optional = fracTokens.filter(isDigit).reverse().indexOf('0');
    const trim = optional < 0 ? decimals : optional;
    let shown = fraction;
    for (let k = 0; k < trim && shown.endsWith('0'); k++) shown = shown.slice(0, -1);
    fracText =
      (shown === '' ? '' : `,${shown}`) +
      fracTokens
        .filter((t) => !isDigit(t))
        .map((t) => literal(t) ?? t)
        .join('');
  } else if (point >= 0) {
    fracText = fracTokens.map((t) => literal(t) ?? t).join('');
  }
  const sign = signed && value < 0 && abs.toFixed(decimals) !== (0).toFixed(decimals) ? '-' : '';
  return `${sign}${intText}${fracText}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A date (exceljs gives Excel's serial as UTC) in its date format; day first when in doubt. */
export function formatDate(date: Date, format: string | undefined): string {
  const given = format === undefined ? '' : (LOCALE_DATE_FORMATS[format] ?? format);
  const fmt = /[dmy]/i.test(given.replace(/"[^"]*"|\[[^\]]*\]/g, ''))
    ? (splitSections(given)[0] ?? '')
    : 'dd-mm-yyyy';
  const parts = fmt.match(/"[^"]*"|\\.|\[[^\]]*\]|[_*].|y+|m+|d+|h+|s+|am\/pm|a\/p|./gisu) ?? [];
  const hasAmPm = parts.some((p) => /^(am\/pm|a\/p)$/i.test(p));
  const hours = date.getUTCHours();
  return parts
    .map((p, i) => {
      const lit = literal(p);
      if (lit !== null) return lit;
      const t = p.toLowerCase();
      if (t.startsWith('y'))
        return t.length <= 2 ? pad(date.getUTCFullYear() % 100) : String(date.getUTCFullYear());
      if (t.startsWith('d')) {
        if (t.length >= 4) return dayName(date);
        if (t.length === 3) return dayName(date).slice(0, 3);
        return t.length === 2 ? pad(date.getUTCDate()) : String(date.getUTCDate());
      }
      if (t.startsWith('h')) {
        const h = hasAmPm ? hours % 12 || 12 : hours;
        return t.length >= 2 ? pad(h) : String(h);
      }
      if (t.startsWith('s'))
        return t.length >= 2 ? pad(date.getUTCSeconds()) : String(date.getUTCSeconds());
      if (t === 'am/pm') return hours < 12 ? 'AM' : 'PM';
      if (t === 'a/p') return hours < 12 ? 'A' : 'P';
      if (t.startsWith('m')) {
        // "m" after an hour or before seconds means minutes.
        const before = parts
          .slice(0, i)
          .reverse()
          .find((x) => /^[a-z]/i.test(x) && literal(x) === null);
        const next = parts.slice(i + 1).find((x) => /^[a-z]/i.test(x) && literal(x) === null);
        if (/^h/i.test(before ?? '') || /^s/i.test(next ?? '')) {
          return t.length >= 2 ? pad(date.getUTCMinutes()) : String(date.getUTCMinutes());
        }
        const month = date.getUTCMonth();
        if (t.length >= 5) return (DANISH_MONTHS[month] ?? '').slice(0, 1);
        if (t.length === 4) return DANISH_MONTHS[month] ?? '';
        if (t.length === 3) return (DANISH_MONTHS[month] ?? '').slice(0, 3);
        return t.length === 2 ? pad(month + 1) : String(month + 1);
      }
      return p;
    })
    .join('');
}
