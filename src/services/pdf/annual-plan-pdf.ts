/**
 * The årshjul as a PDF in A3 landscape (pdfmake), like the printed one: twelve month columns
 * side by side, one row per day with the weekday letter, the week number on Mondays, the holiday
 * named, and the day's events in short form; weekends and holidays shaded.
 *
 * The table fills one page: a first layout measures each day row's natural height (through
 * pdfmake's pageBreakBefore hook, which sees every node's position), then the short rows are
 * raised evenly until the table reaches the bottom margin. A year too full for one page is laid
 * out again in a smaller font.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { monthGrid, type PlanEvent } from '../../domain/calendar/index.ts';
import { createPdfBytes } from './fonts.ts';

const short = (e: PlanEvent) =>
  `${e.startTime ? `${e.startTime} ` : ''}${e.cancelled ? 'AFLYST ' : ''}${e.title}`;

const [PAGE_WIDTH, PAGE_HEIGHT] = [1190.55, 841.89]; // A3 landscape, in points
const MARGINS: [number, number, number, number] = [20, 36, 20, 24];
/** Points kept free above the bottom margin, against rounding in the second layout. */
const SAFETY = 2;
const LINE = 0.3;
const PADDING = 0.5;
/** Smallest font scale tried for a crowded year before giving up on one page. */
const MIN_FONT_SCALE = 0.55;

export interface PlanLayout {
  /** 1 for the normal font sizes (6 pt text, 5 pt events) */
  fontScale: number;
  /** the least height of a day row's content in points (without padding and line); 0 for natural */
  rowHeight: number;
}

/** Where the measuring layout put each day row (by its first cell) and the end of the table. */
interface RowMarks {
  tops: number[];
  end: number | null;
}

const dayId = (day: number) => `plan-day-${day}`;
const END_ID = 'plan-end';

export function buildAnnualPlanPdfDefinition(
  year: number,
  events: readonly PlanEvent[],
  title: string,
  layout: PlanLayout = { fontScale: 1, rowHeight: 0 },
  marks?: RowMarks,
): TDocumentDefinitions {
  const size = (pt: number) => pt * layout.fontScale;
  const grid = monthGrid(year, events);
  const header: TableCell[] = grid.map((m) => ({
    text: m.name.toUpperCase(),
    bold: true,
    alignment: 'center',
    fillColor: '#1a3f6f',
    color: '#ffffff',
    fontSize: size(8),
  }));
  const rows: TableCell[][] = [];
  for (let day = 0; day < 31; day++) {
    rows.push(
      grid.map((m, month): TableCell => {
        const d = m.days[day];
        if (!d) return { text: '', fillColor: '#eeeeee' };
        const parts: Content[] = [
          { text: `${d.weekdayLetter} ${d.day}`, bold: d.holiday?.public === true },
          ...(d.week !== null
            ? [{ text: `  uge ${d.week}`, color: '#666666', fontSize: size(5) }]
            : []),
        ];
        const lines: string[] = [];
        if (d.holiday) lines.push(d.holiday.name);
        for (const e of d.events) lines.push(short(e));
        return {
          stack: [
            // January has every day, so its cells mark the rows for the measuring layout.
            { text: parts, ...(month === 0 ? { id: dayId(day) } : {}) },
            ...(lines.length > 0 ? [{ text: lines.join('\n'), fontSize: size(5) }] : []),
          ],
          fillColor: d.holiday?.public ? '#f6d7d7' : d.weekend ? '#e9eef5' : undefined,
        };
      }),
    );
  }
  return {
    // The measuring layout runs on one endless page, so no row moves to a next page.
    ...(marks
      ? { pageSize: { width: PAGE_WIDTH, height: 100 * PAGE_HEIGHT } }
      : { pageSize: 'A3', pageOrientation: 'landscape' }),
    pageMargins: MARGINS,
    info: { title: `${title} ${year}` },
    defaultStyle: { font: 'Roboto', fontSize: size(6) },
    header: { text: `${title} ${year}`, bold: true, fontSize: 14, margin: [20, 12, 20, 0] },
    content: [
      {
        table: {
          headerRows: 1,
          widths: grid.map(() => '*'),
          heights: (row: number) =>
            row === 0 || layout.rowHeight === 0 ? 'auto' : layout.rowHeight,
          body: [header, ...rows],
          dontBreakRows: true,
        },
        layout: {
          hLineWidth: () => LINE,
          vLineWidth: () => LINE,
          hLineColor: () => '#aaaaaa',
          vLineColor: () => '#aaaaaa',
          paddingTop: () => PADDING,
          paddingBottom: () => PADDING,
        },
      },
      ...(marks ? [{ text: ' ', id: END_ID }] : []),
    ],
    ...(marks ? { pageBreakBefore: recordMarks(marks) } : {}),
  };
}

/** Records the marked nodes' positions; never asks for a page break. */
function recordMarks(marks: RowMarks): NonNullable<TDocumentDefinitions['pageBreakBefore']> {
  return (node) => {
    const { top } = node.startPosition;
    if (node.id === END_ID) marks.end = top;
    const day = /^plan-day-(\d+)$/.exec(node.id ?? '')?.[1];
    if (day !== undefined) marks.tops[Number(day)] = top;
    return false;
  };
}

/**
 * The least row height that spreads `slack` points over the rows, raising the shortest first
 * (the rows above the new height keep theirs), or null when there is nothing to spread.
 */
export function fillRowHeight(natural: readonly number[], slack: number): number | null {
  if (slack <= 0 || natural.length === 0) return null;
  const sorted = [...natural].sort((a, b) => a - b);
  let below = 0; // sum of the rows that will be raised
  for (let k = 1; k <= sorted.length; k++) {
    below += sorted[k - 1] ?? 0;
    const height = (below + slack) / k;
    if (k === sorted.length || height <= (sorted[k] ?? Infinity)) return height;
  }
  return null;
}

/** Font scale and row height that fill one page: measured, shrunk while too tall, then filled. */
async function fitToPage(measure: (fontScale: number) => Promise<RowMarks>): Promise<PlanLayout> {
  let fontScale = 1;
  for (let attempt = 0; ; attempt++) {
    const { tops, end } = await measure(fontScale);
    const first = tops[0];
    if (end === null || first === undefined || tops.length !== 31)
      return { fontScale, rowHeight: 0 };
    const room = PAGE_HEIGHT - MARGINS[3] - SAFETY - end;
    if (room < 0 && attempt < 4 && fontScale > MIN_FONT_SCALE) {
      // Text shrinks about with the font; aim a little lower, the padding does not shrink.
      const rows = end - first;
      fontScale = Math.max(MIN_FONT_SCALE, fontScale * ((rows + room) / rows) * 0.97);
      continue;
    }
    // A row's natural height is the distance from its start to the next row's (or the table end).
    const natural = tops.map((top, i) => (tops[i + 1] ?? end) - top);
    const pitch = fillRowHeight(natural, room);
    // pdfmake's row height is the cell's content: the padding and one line come on top.
    return { fontScale, rowHeight: pitch === null ? 0 : pitch - 2 * PADDING - LINE };
  }
}

export async function renderAnnualPlanPdf(
  year: number,
  events: readonly PlanEvent[],
  title = 'Årshjul, Nordjysk Socialaftale',
): Promise<Uint8Array> {
  const layout = await fitToPage(async (fontScale) => {
    const marks: RowMarks = { tops: [], end: null };
    await createPdfBytes(
      buildAnnualPlanPdfDefinition(year, events, title, { fontScale, rowHeight: 0 }, marks),
    );
    return marks;
  });
  return createPdfBytes(buildAnnualPlanPdfDefinition(year, events, title, layout));
}
