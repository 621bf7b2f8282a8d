import {
  foldWhitespace,
  hasPageCounter,
  isItemRangeHeader,
  isPageNumberLine,
  isStutteredHeader,
  joinHyphenated,
  normalizeCharacters,
  parseMeetingHeader,
  stripPageCounters,
  type MeetingHeader,
} from './clean.ts';
import { repairLetterSpacing } from './letter-spacing.ts';

/** One cleaned line of the document with where it came from. Blank lines have text "". */
export interface Line {
  text: string;
  /** 1-based page and line of the line's start in the source. */
  page: number;
  line: number;
  /** Where the line ends in the source (a hyphenated word can pull in the next line). */
  endPage: number;
  endLine: number;
  /** The source line began with whitespace: PDF extraction often leaves that for a lost bullet. */
  indented: boolean;
}

export interface CleanedDocument {
  lines: Line[];
  /** Running headers that named the meeting, for the metadata. */
  meetingHeaders: MeetingHeader[];
}

interface RawLine {
  text: string;
  page: number;
  line: number;
  indented: boolean;
  header: boolean;
  counter: boolean;
}

/** Splits pages into lines; a page given with form feeds in it is split there too. */
function splitPages(pages: string[]): RawLine[] {
  const out: RawLine[] = [];
  let pageNumber = 0;
  for (const page of pages) {
    for (const subPage of normalizeCharacters(page).split('\f')) {
      pageNumber++;
      subPage.split('\n').forEach((text, index) => {
        out.push({
          text,
          page: pageNumber,
          line: index + 1,
          indented: /^\s+\S/.test(text),
          header: false,
          counter: false,
        });
      });
    }
  }
  return out;
}

/** Marks running headers and footers (they are dropped) and collects meeting headers. */
function markHeaders(raw: RawLine[], meetingHeaders: MeetingHeader[]): void {
  for (const line of raw) {
    if (hasPageCounter(line.text)) {
      line.counter = true;
      line.text = stripPageCounters(line.text);
    }
    const text = line.text.trim();
    const header = parseMeetingHeader(text);
    if (header) meetingHeaders.push(header);
    if (
      header !== null ||
      isStutteredHeader(text) ||
      isPageNumberLine(text) ||
      isItemRangeHeader(text) ||
      // What is left of "kl. 13.00 Side 5 af 5" once the counter is gone.
      (line.counter && (text === '' || /^(?:kl\.?\s*)?\d{1,2}[.:]\d{2}$/.test(text)))
    ) {
      line.header = true;
    }
  }
  markPageEdgeNumbers(raw);
  markShortLabelsBetweenHeaders(raw);
}

/** A bare number as the first or last text on a page is a page number (only known with pages). */
function markPageEdgeNumbers(raw: RawLine[]): void {
  const byPage = new Map<number, RawLine[]>();
  for (const line of raw) {
    if (line.header || line.text.trim() === '') continue;
    const list = byPage.get(line.page) ?? [];
    list.push(line);
    byPage.set(line.page, list);
  }
  if (byPage.size < 2) return;
  for (const list of byPage.values()) {
    for (const edge of [list[0], list[list.length - 1]]) {
      if (edge && /^\d{1,3}$/.test(edge.text.trim())) edge.header = true;
    }
  }
}

/**
 * A page header block can carry a bare label between its lines ("Bilag:" between
 * "DAS Social" and "Møde den 20.01.2021"); such a short label next to a header goes too.
 */
function markShortLabelsBetweenHeaders(raw: RawLine[]): void {
  const nonBlank = raw.filter((line) => line.text.trim() !== '');
  nonBlank.forEach((line, i) => {
    if (line.header || !/^[\p{L}]{2,12}:$/u.test(line.text.trim())) return;
    const before = nonBlank[i - 1];
    const after = nonBlank[i + 1];
    if (before?.header === true && after?.header === true) line.header = true;
  });
}

/**
 * Cleans a document: headers and footers removed, hyphenated words joined (also across blank
 * lines and page breaks), letter-spaced words repaired, whitespace folded.
 */
export function cleanDocument(pages: string[]): CleanedDocument {
  const raw = splitPages(pages);
  const meetingHeaders: MeetingHeader[] = [];
  markHeaders(raw, meetingHeaders);
  const kept = raw.filter((line) => !line.header);
  const lines: Line[] = [];
  for (let i = 0; i < kept.length; i++) {
    const current = kept[i];
    if (!current) continue;
    let text = current.text;
    let endPage = current.page;
    let endLine = current.line;
    // Join while the line ends in a hyphen and the word goes on after at most two blank lines.
    for (;;) {
      if (!/\S-\s*$/.test(text)) break;
      let j = i + 1;
      while (j < kept.length && j <= i + 3 && (kept[j]?.text.trim() ?? '') === '') j++;
      const next = kept[j];
      if (!next || j > i + 3) break;
      const joined = joinHyphenated(text, next.text);
      if (joined === null) break;
      text = joined;
      endPage = next.page;
      endLine = next.line;
      i = j;
    }
    lines.push({
      text: foldWhitespace(repairLetterSpacing(text)),
      page: current.page,
      line: current.line,
      endPage,
      endLine,
      indented: current.indented,
    });
  }
  return { lines, meetingHeaders };
}
