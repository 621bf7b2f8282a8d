/**
 * iCalendar (RFC 5545) written and read by hand: VCALENDAR with VEVENTs, CRLF line ends, lines
 * folded at 75 octets (never inside a UTF-8 sequence), TEXT escaping of \ ; , and newlines,
 * all-day events as DTSTART;VALUE=DATE (DTEND exclusive), timed events in Europe/Copenhagen with
 * its VTIMEZONE. Pure: DTSTAMP comes from the caller.
 */
import { addDays } from './dates.ts';

export interface IcsEvent {
  uid: string;
  summary: string;
  /** 'YYYY-MM-DD' */
  date: string;
  /** last day (inclusive) of an all-day event spanning days */
  endDate?: string | null;
  /** 'HH:MM' in Danish time; null for an all-day event */
  startTime?: string | null;
  endTime?: string | null;
  location?: string;
  description?: string;
  categories?: string[];
  /** CLASS: PUBLIC or PRIVATE (internal) */
  internal?: boolean;
  status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  url?: string;
}

export interface IcsCalendar {
  name: string;
  /** the moment the feed is made, as a Date (DTSTAMP) */
  stamp: Date;
  events: readonly IcsEvent[];
}

export const TZID = 'Europe/Copenhagen';

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n?|\n/g, '\\n');
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const encoder = new TextEncoder();

/** Folds one content line: at most 75 octets per physical line, continuation lines start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74; // the leading space counts
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (date: string) => date.replace(/-/g, '');
const compactTime = (time: string) => `${time.replace(':', '').slice(0, 4)}00`;

function utcStamp(d: Date): string {
  return `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

function eventLines(e: IcsEvent, stamp: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`];
  if (e.startTime) {
    lines.push(`DTSTART;TZID=${TZID}:${compactDate(e.date)}T${compactTime(e.startTime)}`);
    const end = e.endTime && e.endTime > e.startTime ? e.endTime : null;
    if (end) lines.push(`DTEND;TZID=${TZID}:${compactDate(e.date)}T${compactTime(end)}`);
  } else {
    const last = e.endDate && e.endDate > e.date ? e.endDate : e.date;
    lines.push(`DTSTART;VALUE=DATE:${compactDate(e.date)}`);
    lines.push(`DTEND;VALUE=DATE:${compactDate(addDays(last, 1))}`);
  }
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.categories && e.categories.length > 0)
    lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  lines.push(`CLASS:${e.internal ? 'PRIVATE' : 'PUBLIC'}`);
  if (e.status) lines.push(`STATUS:${e.status}`);
  if (e.url) lines.push(`URL:${e.url}`);
  lines.push('END:VEVENT');
  return lines;
}

export function writeIcs(cal: IcsCalendar): string {
  const stamp = utcStamp(cal.stamp);
  const timed = cal.events.some((e) => e.startTime);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sekretariatet for Nordjysk Socialaftale//Aarshjul//DA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    `X-WR-TIMEZONE:${TZID}`,
    ...(timed ? VTIMEZONE : []),
    ...cal.events.flatMap((e) => eventLines(e, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export class IcsParseError extends Error {
  override name = 'IcsParseError';
}

/** Unfolds (CRLF or LF followed by a space or tab) and splits into content lines. */
export function unfold(text: string): string[] {
  return text
    .replace(/\r\n|\r/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

export function parseLine(line: string): IcsProperty {
  // name *(;param=value) : value ; quoted parameter values may hold ; and :
  let i = 0;
  let inQuote = false;
  for (; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') inQuote = !inQuote;
    else if (ch === ':' && !inQuote) break;
  }
  if (i >= line.length) throw new IcsParseError(`Linjen mangler et kolon: ${line.slice(0, 40)}`);
  const head = line.slice(0, i);
  const value = line.slice(i + 1);
  const [name = '', ...rawParams] = head.match(/(?:[^;"]|"[^"]*")+/g) ?? [];
  const params: Record<string, string> = {};
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    if (eq > 0) params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
  }
  return { name: name.toUpperCase(), params, value };
}

export interface ParsedEvent {
  uid: string | null;
  summary: string;
  date: string;
  endDate: string | null;
  startTime: string | null;
  endTime: string | null;
  location: string;
  description: string;
  categories: string[];
  internal: boolean;
  status: string | null;
}

export interface ParsedCalendar {
  name: string | null;
  events: ParsedEvent[];
}

const DATE_VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/;

/** A DATE or DATE-TIME value → Danish date and time. UTC times are converted to Copenhagen. */
function readDateTime(p: IcsProperty): { date: string; time: string | null } {
  const m = DATE_VALUE.exec(p.value.trim());
  if (!m) throw new IcsParseError(`Ugyldig dato i ${p.name}: ${p.value}`);
  const [, y, mo, d, h, mi, , z] = m;
  const date = `${y}-${mo}-${d}`;
  if (h === undefined || mi === undefined) return { date, time: null };
  if (z === 'Z') {
    const utc = new Date(`${date}T${h}:${mi}:00Z`);
    const local = utc.toLocaleString('sv-SE', { timeZone: TZID }); // 'YYYY-MM-DD HH:MM:SS'
    return { date: local.slice(0, 10), time: local.slice(11, 16) };
  }
  // floating or TZID time: taken as Danish time
  return { date, time: `${h}:${mi}` };
}

export function parseIcs(text: string): ParsedCalendar {
  const lines = unfold(text);
  if (lines[0]?.toUpperCase() !== 'BEGIN:VCALENDAR')
    throw new IcsParseError('Filen er ikke en iCalendar-fil (BEGIN:VCALENDAR mangler).');
  const events: ParsedEvent[] = [];
  let name: string | null = null;
  let current: IcsProperty[] | null = null;
  let depth = 0; // nested components inside a VEVENT (VALARM) are skipped
  for (const line of lines) {
    const p = parseLine(line);
    if (p.name === 'BEGIN' && p.value.toUpperCase() === 'VEVENT' && current === null) {
      current = [];
      continue;
    }
    if (current !== null) {
      if (p.name === 'BEGIN') depth++;
      else if (p.name === 'END' && depth > 0) depth--;
      else if (p.name === 'END' && p.value.toUpperCase() === 'VEVENT') {
        events.push(toEvent(current));
        current = null;
      } else if (depth === 0) current.push(p);
      continue;
    }
    if (p.name === 'X-WR-CALNAME') name = unescapeText(p.value);
  }
  if (current !== null) throw new IcsParseError('En VEVENT slutter ikke (END:VEVENT mangler).');
  return { name, events };
}

function toEvent(props: IcsProperty[]): ParsedEvent {
  const get = (n: string) => props.find((p) => p.name === n);
  const start = get('DTSTART');
  if (!start) throw new IcsParseError('En begivenhed mangler DTSTART.');
  const s = readDateTime(start);
  const endProp = get('DTEND');
  const e = endProp ? readDateTime(endProp) : null;
  let endDate: string | null = null;
  let endTime: string | null = null;
  if (s.time === null) {
    // DTEND of an all-day event is exclusive
    const last = e ? addDays(e.date, -1) : s.date;
    endDate = last > s.date ? last : null;
  } else if (e) {
    if (e.date === s.date) endTime = e.time;
    else endDate = e.date;
  }
  const cls = get('CLASS')?.value.toUpperCase();
  return {
    uid: get('UID')?.value ?? null,
    summary: unescapeText(get('SUMMARY')?.value ?? ''),
    date: s.date,
    endDate,
    startTime: s.time,
    endTime,
    location: unescapeText(get('LOCATION')?.value ?? ''),
    description: unescapeText(get('DESCRIPTION')?.value ?? ''),
    categories: props
      .filter((p) => p.name === 'CATEGORIES')
      .flatMap((p) => p.value.split(/(?<!\\),/).map(unescapeText))
      .filter((c) => c !== ''),
    internal: cls === 'PRIVATE' || cls === 'CONFIDENTIAL',
    status: get('STATUS')?.value.toUpperCase() ?? null,
  };
}
