import type { Line } from './lines.ts';
import type { ItemAccess, SectionName } from './types.ts';
import { findHeadingCandidates, selectHeadings } from './headings.ts';
import { isTimeSpanLine, parseSectionLine } from './sections.ts';
import { foldWhitespace } from './clean.ts';

/** One item as cut out of the document, before its fields are read. */
export interface ItemSegment {
  number: number;
  title: string;
  access: ItemAccess;
  section: SectionName | null;
  /** The lines under the title, page-header repeats removed. */
  body: Line[];
  headingLine: Line;
  lastLine: Line;
}

export interface SegmentedDocument {
  /** Lines before the first item: the header block, participants, table of contents. */
  front: Line[];
  items: ItemSegment[];
  /** Lines after the last item of a letter (its signature and attachments). */
  appendix: Line[];
}

const PAGE_HEADER_MARKER = /^Punkt\s+\d{1,3}\s*\.?$/i;
const CLOSING = /^(?:med\s+)?venlig(?:st|e)?\s+hilsen\b|^mvh\.?$|^de\s+bedste\s+hilsner\b/i;
const CLOSED_MARKER = /^\(?\s*(?:lukket|fortroligt)(?:\s+punkt)?\s*\)?\.?$/i;
/** "Title (Lukket punkt)", "Title - Lukket", "Title lukket punkt" */
const CLOSED_IN_TITLE = /(?:\s*[-–:]\s*|\s*\(\s*|\s+(?=lukket\s+punkt))lukket(?:\s+punkt)?\s*\)?$/i;
const NUMBERED_LINE = /^(\d{1,3})\s?\.\s+\S/;

/**
 * Sections named in a table of contents ("Sager til behandling" above "4. Status ... (side 5)"),
 * by item number. A table of contents states every item's section, where the body's own
 * section lines can be missing or repeated as page headers.
 */
function readTocSections(front: Line[]): Map<number, SectionName> {
  const sections = new Map<number, SectionName>();
  let current: SectionName | null = null;
  for (const line of front) {
    const section = parseSectionLine(line.text);
    if (section) current = section;
    const numbered = NUMBERED_LINE.exec(line.text);
    if (numbered && current) sections.set(Number(numbered[1]), current);
  }
  return sections;
}

/** The section line that opens an item, looking up past blank lines, times and page headers. */
function findSectionAbove(
  lines: Line[],
  index: number,
  floor: number,
): { index: number; section: SectionName } | null {
  for (let i = index - 1; i > floor; i--) {
    const text = lines[i]?.text ?? '';
    if (text === '' || isTimeSpanLine(text) || PAGE_HEADER_MARKER.test(text)) continue;
    const section = parseSectionLine(text);
    return section ? { index: i, section } : null;
  }
  return null;
}

/** A field label left with nothing under it at the end of an item ("Bilag:") says nothing. */
function dropEmptyTrailingLabel(body: Line[]): Line[] {
  let end = body.length;
  while (end > 0 && (body[end - 1]?.text ?? '') === '') end--;
  const last = body[end - 1];
  if (last && /^Bilag\s*:?$/i.test(last.text)) return body.slice(0, end - 1);
  return body;
}

/**
 * Cuts a cleaned document into its items. Items come from their own headings, once each and in
 * agenda order (see selectHeadings); a table of contents stays in the front block. Section
 * lines and "Punkt N" lines inside an item are page-header repeats and are dropped. In a letter
 * the items end at the closing ("Med venlig hilsen"): what follows are attachments.
 */
export function segmentItems(lines: Line[], options: { letter: boolean }): SegmentedDocument {
  let end = lines.length;
  if (options.letter) {
    const closing = lines.findIndex((line) => CLOSING.test(line.text));
    if (closing > 0) end = closing;
  }
  const headings = selectHeadings(findHeadingCandidates(lines, end), lines, end);
  if (headings.length === 0)
    return { front: lines.slice(0, end), items: [], appendix: lines.slice(end) };

  const starts: number[] = [];
  const bodySections: (SectionName | null)[] = [];
  headings.forEach((heading, k) => {
    const floor = k === 0 ? -1 : (headings[k - 1]?.lastIndex ?? -1);
    const above = findSectionAbove(lines, heading.index, floor);
    starts.push(above?.index ?? heading.index);
    bodySections.push(above?.section ?? null);
  });
  const front = lines.slice(0, starts[0] ?? 0);
  const tocSections = readTocSections(front);

  let section: SectionName | null = null;
  const items: ItemSegment[] = headings.map((heading, k) => {
    section = bodySections[k] ?? section;
    const stop = starts[k + 1] ?? end;
    let body = lines
      .slice(heading.lastIndex + 1, stop)
      .filter(
        (line) => !PAGE_HEADER_MARKER.test(line.text) && parseSectionLine(line.text) === null,
      );
    let title = foldWhitespace(heading.title);
    let access: ItemAccess = 'open';
    if (CLOSED_IN_TITLE.test(title)) {
      access = 'closed';
      title = title.replace(CLOSED_IN_TITLE, '').trim();
    }
    // A public edition prints a closed item as its number and "Lukket punkt" (or "Lukket punkt:
    // " and a neutral public title) only.
    if (/^lukket\s+punkt(?::|$)/i.test(title)) access = 'closed';
    const firstLines = body.filter((line) => line.text !== '').slice(0, 3);
    const marker = firstLines.find((line) => CLOSED_MARKER.test(line.text));
    if (marker) {
      access = 'closed';
      body = body.filter((line) => line !== marker);
    }
    body = dropEmptyTrailingLabel(body);
    // The heading index always points into lines; the fallback only satisfies the type checker.
    const headingLine: Line = lines[heading.index] ?? {
      text: '',
      page: 1,
      line: 1,
      endPage: 1,
      endLine: 1,
      indented: false,
    };
    const lastText = [...body].reverse().find((line) => line.text !== '');
    return {
      number: heading.number,
      title,
      access,
      section: tocSections.get(heading.number) ?? section,
      body,
      headingLine,
      lastLine: lastText ?? lines[heading.lastIndex] ?? headingLine,
    };
  });
  return { front, items, appendix: lines.slice(end) };
}
