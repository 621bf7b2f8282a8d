/**
 * The agenda package (dagsorden) and the minutes (referat) of a meeting as one PDF: front page,
 * table of contents with real page numbers, then every item. Written with pdfmake.
 *
 * The input is already filtered for the viewer (see MeetingDocument): a hidden item shows only its
 * number and "Lukket punkt", and `decision: null` means decisions are not visible. Every text is
 * placed as plain text; nothing from the document is interpreted as markup except the light case
 * description markup, which is parsed into blocks first.
 */
import {
  HIDDEN_TITLE,
  OUTCOME_LABEL,
  SECTION_LABEL,
  STATUS_LABEL,
  formatDanishDate,
  formatTime,
  parseCaseDescription,
} from '../../domain/meetings/index.ts';
import type {
  Block,
  DocumentItem,
  DocumentPerson,
  MeetingDocument,
  Section,
} from '../../domain/meetings/index.ts';
import type {
  Content,
  CustomTableLayout,
  StyleDictionary,
  TDocumentDefinitions,
  TableCell,
} from 'pdfmake/interfaces.js';
import { createPdfBytes } from './fonts.ts';

export type MeetingPdfKind = 'agenda' | 'minutes';

export const KIND_LABEL: Record<MeetingPdfKind, string> = {
  agenda: 'Dagsorden',
  minutes: 'Referat',
};

export const PUBLIC_EDITION_NOTE = 'Offentlig udgave: lukkede punkter er udeladt.';
export const CANCELLED_NOTE = 'Mødet er aflyst';

const ACCENT = '#1d3f66';
const MUTED = '#5b6470';
const RULE = '#c5ccd6';
const TINT = '#eef2f7';
const CLOSED = '#9b1c1c';

/** A4 in points; margins about 2 cm at the sides, room for the running header and footer. */
const PAGE_MARGINS: [number, number, number, number] = [57, 72, 57, 62];
const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];

/** Short texts are kept on one page with their heading; longer ones may break. */
const KEEP_TOGETHER_CHARS = 700;

const STYLES: StyleDictionary = {
  coverCommittee: { fontSize: 13, bold: true, color: MUTED },
  coverKind: { fontSize: 34, bold: true, color: ACCENT },
  coverDate: { fontSize: 15, bold: true },
  coverLine: { fontSize: 12 },
  coverLabel: { fontSize: 10, bold: true, color: MUTED },
  cancelled: { fontSize: 16, bold: true, color: CLOSED },
  note: { fontSize: 9.5, italics: true, color: MUTED },
  tocTitle: { fontSize: 18, bold: true, color: ACCENT, margin: [0, 0, 0, 14] },
  tocSection: { fontSize: 10.5, bold: true, color: ACCENT },
  sectionBanner: { fontSize: 11, bold: true, color: ACCENT, characterSpacing: 0.4 },
  itemHeading: { fontSize: 14, bold: true, color: ACCENT, lineHeight: 1.15 },
  closedTag: { fontSize: 9, bold: true, color: CLOSED },
  meta: { fontSize: 9.5, color: MUTED },
  label: { fontSize: 10.5, bold: true, color: ACCENT, margin: [0, 10, 0, 3] },
  caseHeading: { fontSize: 10, bold: true, margin: [0, 7, 0, 2] },
  paragraph: { margin: [0, 0, 0, 5] },
  tableHeader: { bold: true, fontSize: 9 },
  tableCell: { fontSize: 9 },
  decisionLabel: { fontSize: 10.5, bold: true, color: ACCENT },
  outcome: { bold: true },
  header: { fontSize: 8.5, color: MUTED },
  footer: { fontSize: 8.5, color: MUTED },
};

/** Thin horizontal lines only, as in printed municipal tables. */
const DATA_TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: (i) => (i <= 1 ? ACCENT : RULE),
  fillColor: (row) => (row === 0 ? TINT : null),
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** One TOC line: cells without borders except a dotted leader under the gap after the title. */
const TOC_ENTRY_LAYOUT: CustomTableLayout = {
  defaultBorder: false,
  hLineWidth: () => 0.7,
  hLineColor: () => MUTED,
  hLineStyle: () => ({ dash: { length: 0.8, space: 2.2 } }),
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: (i) => (i === 1 ? 5 : 0),
  paddingTop: () => 4,
  paddingBottom: () => 0,
};

const BOX_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: (i) => (i === 0 ? 2.5 : 0),
  vLineColor: () => ACCENT,
  fillColor: () => TINT,
  paddingLeft: () => 10,
  paddingRight: () => 10,
  paddingTop: () => 7,
  paddingBottom: () => 7,
};

const BANNER_LAYOUT: CustomTableLayout = {
  hLineWidth: (i) => (i === 1 ? 1 : 0),
  hLineColor: () => ACCENT,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 3,
};

/** Renders the agenda package or the minutes as PDF bytes. */
export async function renderMeetingPdf(
  doc: MeetingDocument,
  kind: MeetingPdfKind,
): Promise<Uint8Array> {
  return createPdfBytes(buildMeetingPdfDefinition(doc, kind));
}

/** The pdfmake document definition (exported for tests and for other output formats). */
export function buildMeetingPdfDefinition(
  doc: MeetingDocument,
  kind: MeetingPdfKind,
): TDocumentDefinitions {
  const kindLabel = KIND_LABEL[kind];
  const dateText = formatDanishDate(doc.meeting.date);
  const runningLeft = `${doc.committee.shortName} · ${kindLabel}`;
  const runningRight =
    doc.meeting.date === null ? 'Møde uden dato' : `Møde den ${formatShortDate(doc.meeting.date)}`;

  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: 'da-DK',
    info: {
      title: `${doc.committee.name}: ${kindLabel} for mødet ${dateText}`,
      subject: kindLabel,
      author: doc.committee.name,
      creator: 'Socialaftale',
      keywords: [doc.committee.shortName, kindLabel, dateText].join(', '),
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25, color: '#1b1f24' },
    styles: STYLES,
    header: (currentPage) =>
      currentPage === 1
        ? null
        : {
            margin: [PAGE_MARGINS[0], 30, PAGE_MARGINS[2], 0],
            stack: [
              {
                columns: [
                  { text: runningLeft, style: 'header', bold: true },
                  { text: runningRight, style: 'header', alignment: 'right' },
                ],
              },
              hairline(CONTENT_WIDTH, 4),
            ],
          },
    footer: (currentPage, pageCount) => ({
      margin: [PAGE_MARGINS[0], 20, PAGE_MARGINS[2], 0],
      text: `Side ${currentPage} af ${pageCount}`,
      style: 'footer',
      alignment: 'right',
    }),
    content: [frontPage(doc, kind), tableOfContents(doc), ...body(doc, kind)],
  };
}

// ---------------------------------------------------------------------------------------------
// Front page

function frontPage(doc: MeetingDocument, kind: MeetingPdfKind): Content {
  const { meeting } = doc;
  const timeSpan = formatTimeSpan(meeting.startTime, meeting.endTime);
  const rows: TableCell[][] = [];
  const addRow = (label: string, value: Content) =>
    rows.push([{ text: label, style: 'coverLabel' }, value]);

  addRow('Status', STATUS_LABEL[meeting.status]);
  addRow('Deltagere', personList(doc.participants));
  if (doc.apologies.length > 0) addRow('Afbud', personList(doc.apologies));
  if (doc.guests.length > 0) addRow('Gæster', personList(doc.guests));

  const stack: Content[] = [
    { text: doc.committee.name, style: 'coverCommittee', margin: [0, 40, 0, 6] },
    { text: KIND_LABEL[kind], style: 'coverKind', margin: [0, 0, 0, 4] },
    hairline(120, 0, ACCENT, 2),
    {
      text: capitalize(formatDanishDate(meeting.date, true)),
      style: 'coverDate',
      margin: [0, 18, 0, 4],
    },
  ];
  if (timeSpan !== '') stack.push({ text: timeSpan, style: 'coverLine' });
  if (meeting.place.trim() !== '') {
    stack.push({ text: meeting.place, style: 'coverLine', margin: [0, 2, 0, 0] });
  }
  if (meeting.status === 'cancelled') {
    const reason = meeting.cancelReason?.trim() ?? '';
    stack.push(
      box([
        { text: CANCELLED_NOTE, style: 'cancelled' },
        ...(reason === '' ? [] : [{ text: reason, margin: [0, 3, 0, 0] } as Content]),
      ]),
    );
  }
  stack.push({
    margin: [0, 26, 0, 0],
    table: { widths: [80, '*'], body: rows },
    layout: {
      hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.4),
      hLineColor: () => RULE,
      vLineWidth: () => 0,
      paddingLeft: () => 0,
      paddingRight: () => 8,
      paddingTop: () => 6,
      paddingBottom: () => 6,
    },
  });
  if (doc.publicEdition) {
    stack.push({ text: PUBLIC_EDITION_NOTE, style: 'note', margin: [0, 18, 0, 0] });
  }
  return { stack, pageBreak: 'after' };
}

function personList(people: DocumentPerson[]): Content {
  if (people.length === 0) return { text: 'Ingen registreret', style: 'meta' };
  return {
    stack: people.map((p) => ({
      text:
        p.organisation.trim() === ''
          ? p.name
          : [p.name, { text: `, ${p.organisation}`, color: MUTED }],
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Table of contents

function tableOfContents(doc: MeetingDocument): Content {
  const entries: Content[] = [{ text: 'Indholdsfortegnelse', style: 'tocTitle' }];
  for (const group of groupBySection(doc.items)) {
    entries.push({
      text: SECTION_LABEL[group.section],
      style: 'tocSection',
      margin: [0, entries.length === 1 ? 0 : 10, 0, 1],
    });
    for (const item of group.items) entries.push(tocEntry(item));
  }
  if (doc.items.length === 0) entries.push({ text: 'Dagsordenen har ingen punkter.' });
  return { stack: entries, pageBreak: 'after' };
}

/** The tag after a title that is not open: personal data reach only the users named on the item. */
function accessTag(access: DocumentItem['access']): string | null {
  return access === 'closed' ? 'lukket' : access === 'personal' ? 'personoplysninger' : null;
}

function tocEntry(item: DocumentItem): Content {
  const title = item.hidden ? HIDDEN_TITLE : item.title;
  const tag = item.hidden ? null : accessTag(item.access);
  const titleCell: Content =
    tag !== null ? { text: [title, { text: `  (${tag})`, style: 'closedTag' }] } : { text: title };
  return {
    table: {
      dontBreakRows: true,
      // The number column is narrow on purpose: pdfmake lays the reference out as "00000" and
      // shifts the real, right-aligned number into place when it writes the page.
      widths: [52, 'auto', '*', 'auto', 18],
      body: [
        [
          { text: `Punkt ${item.number}`, noWrap: true },
          { ...titleCell, linkToDestination: anchorId(item) },
          { text: '', border: [false, false, false, true] },
          { text: 'side', color: MUTED, verticalAlignment: 'bottom', margin: [5, 0, 0, 0] },
          {
            pageReference: anchorId(item),
            alignment: 'right',
            noWrap: true,
            verticalAlignment: 'bottom',
          },
        ],
      ],
    },
    layout: TOC_ENTRY_LAYOUT,
    // Line height 1 puts the dotted leader (a cell border) close to the text's baseline.
    lineHeight: 1,
  };
}

// ---------------------------------------------------------------------------------------------
// Items

function body(doc: MeetingDocument, kind: MeetingPdfKind): Content[] {
  const content: Content[] = [];
  for (const group of groupBySection(doc.items)) {
    group.items.forEach((item, index) => {
      const banner = index === 0 ? sectionBanner(group.section, content.length > 0) : null;
      content.push(...itemContent(item, kind, banner, index > 0));
    });
  }
  return content;
}

function sectionBanner(section: Section, spaceAbove: boolean): Content {
  return {
    margin: [0, spaceAbove ? 22 : 0, 0, 10],
    table: {
      widths: ['*'],
      body: [[{ text: SECTION_LABEL[section].toUpperCase(), style: 'sectionBanner' }]],
    },
    layout: BANNER_LAYOUT,
  };
}

/** The heading block (kept together with the start of the item) followed by the rest. */
function itemContent(
  item: DocumentItem,
  kind: MeetingPdfKind,
  banner: Content | null,
  ruleAbove: boolean,
): Content[] {
  const head: Content[] = [];
  if (banner !== null) head.push(banner);
  if (ruleAbove) head.push(hairline(CONTENT_WIDTH, 14, RULE, 0.6));
  const title = item.hidden ? HIDDEN_TITLE : item.title;
  head.push({
    text: `Punkt ${item.number}. ${title}`,
    id: anchorId(item),
    style: 'itemHeading',
    outline: true,
    margin: [0, ruleAbove ? 10 : 0, 0, 2],
  });

  if (item.hidden) return [{ stack: head, unbreakable: true }];

  if (item.access !== 'open') {
    const label = item.access === 'personal' ? 'Personoplysninger' : HIDDEN_TITLE;
    head.push({ text: label, style: 'closedTag', margin: [0, 0, 0, 2] });
  }
  const meta: Content[] = [];
  if (item.presenter.trim() !== '') meta.push(metaLine('Oplægsholder', item.presenter));
  if (item.guests.length > 0) meta.push(metaLine('Gæster under punktet', item.guests.join(', ')));
  if (meta.length > 0) head.push({ stack: meta, margin: [0, 2, 0, 0] });

  const parts: Content[][] = [];
  if (item.summary.trim() !== '') {
    parts.push([label('Resumé'), ...paragraphs(item.summary)]);
  }
  if (item.recommendations.length > 0) {
    parts.push([
      label('Indstilling'),
      { text: 'Det indstilles, at', margin: [0, 0, 0, 3] },
      { ul: item.recommendations.map((r) => ({ text: r, margin: [0, 0, 0, 2] })) },
    ]);
  }
  const blocks = parseCaseDescription(item.caseDescription);
  if (blocks.length > 0) {
    parts.push([label('Sagsbeskrivelse'), ...renderBlocks(blocks)]);
  }
  if (item.attachments.length > 0) {
    parts.push([
      label('Bilag'),
      {
        stack: item.attachments.map((a) => ({
          text: [
            { text: `${a.label}: `, bold: true },
            a.title,
            ...(accessTag(a.access) !== null
              ? [{ text: `  (${accessTag(a.access)})`, style: 'closedTag' }]
              : []),
          ],
          margin: [0, 0, 0, 2],
        })),
      },
    ]);
  }

  // Keep the heading with the first part when that part is short, so no heading ends a page.
  const [first, ...rest] = parts;
  const result: Content[] = [];
  if (first !== undefined && isShort(first)) {
    result.push({ stack: [...head, ...first], unbreakable: true });
  } else {
    result.push({ stack: head, unbreakable: true });
    if (first !== undefined) result.push(...keepLabelWithStart(first));
  }
  for (const part of rest) result.push(...keepLabelWithStart(part));
  if (kind === 'minutes' && item.decision !== null) result.push(decisionBlock(item, item.decision));
  return result;
}

/** The decision in a tinted box, kept on one page unless it is long. */
function decisionBlock(item: DocumentItem, decision: string): Content {
  const inner: Content[] = [{ text: 'Beslutning', style: 'decisionLabel', margin: [0, 0, 0, 3] }];
  if (item.outcome !== null) {
    inner.push({ text: OUTCOME_LABEL[item.outcome], style: 'outcome', margin: [0, 0, 0, 2] });
  }
  if (decision.trim() !== '') inner.push(...paragraphs(decision));
  if (item.postMeetingNote.trim() !== '') {
    inner.push({ text: 'Bemærkning efter mødet', bold: true, margin: [0, 5, 0, 1] });
    inner.push(...paragraphs(item.postMeetingNote));
  }
  for (const c of item.corrections) {
    const when = /^\d{4}-\d{2}-\d{2}/.test(c.createdAt)
      ? ` (${formatDanishDate(c.createdAt.slice(0, 10))})`
      : '';
    inner.push({
      text: [{ text: 'Rettet efter godkendelse: ', bold: true }, `${c.reason}${when}`],
      italics: true,
      fontSize: 9.5,
      margin: [0, 4, 0, 0],
    });
  }
  const length =
    decision.length +
    item.postMeetingNote.length +
    item.corrections.reduce((n, c) => n + c.reason.length + 60, 0);
  return {
    margin: [0, 12, 0, 0],
    table: {
      widths: ['*'],
      dontBreakRows: length < 2 * KEEP_TOGETHER_CHARS,
      body: [[{ stack: inner }]],
    },
    layout: BOX_LAYOUT,
    unbreakable: length < 2 * KEEP_TOGETHER_CHARS,
  };
}

function renderBlocks(blocks: Block[]): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block === undefined) continue;
    if (block.kind === 'heading') {
      // A sub-heading is kept on the page of the text that follows it, when that text is short.
      const heading: Content = { text: block.text, style: 'caseHeading' };
      const next = blocks[i + 1];
      if (next !== undefined && next.kind !== 'heading' && blockSize(next) < KEEP_TOGETHER_CHARS) {
        out.push({ stack: [heading, renderBlock(next)], unbreakable: true });
        i++;
      } else {
        out.push(heading);
      }
    } else {
      out.push(renderBlock(block));
    }
  }
  return out;
}

function renderBlock(block: Block): Content {
  switch (block.kind) {
    case 'heading':
      return { text: block.text, style: 'caseHeading' };
    case 'paragraph':
      return { text: block.text, style: 'paragraph' };
    case 'list':
      return {
        ul: block.items.map((t) => ({ text: t, margin: [0, 0, 0, 1.5] })),
        margin: [0, 0, 0, 5],
      };
    case 'table':
      return dataTable(block.rows);
  }
}

const NUMERIC = /^[-−+]?[\d.\s]*\d(?:,\d+)?\s*(?:%|kr\.?|mio\.?(?: kr\.?)?)?$/i;

function dataTable(rows: string[][]): Content {
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const numeric = Array.from({ length: columns }, (_, c) =>
    rows.slice(1).every((r) => {
      const cell = (r[c] ?? '').trim();
      return cell === '' || NUMERIC.test(cell);
    }),
  );
  const body: TableCell[][] = rows.map((row, r) =>
    Array.from({ length: columns }, (_, c) => ({
      text: row[c] ?? '',
      style: r === 0 ? 'tableHeader' : 'tableCell',
      alignment: c > 0 && numeric[c] === true && rows.length > 1 ? 'right' : 'left',
    })),
  );
  // Number columns get a fixed width (roomy and aligned) when there is space, else 'auto'.
  const numberColumns = numeric.filter((n, c) => c > 0 && n).length;
  const numberWidth = numberColumns * 62 <= CONTENT_WIDTH * 0.6 ? 62 : 'auto';
  const widths = numeric.map((isNumber, c) => (c > 0 && isNumber ? numberWidth : '*'));
  return {
    margin: [0, 3, 0, 8],
    table: {
      headerRows: rows.length > 1 ? 1 : 0,
      keepWithHeaderRows: rows.length > 1 ? 1 : 0,
      dontBreakRows: true,
      widths: widths.every((w) => w !== '*') ? widths.map(() => '*') : widths,
      body,
    },
    layout: DATA_TABLE_LAYOUT,
  };
}

// ---------------------------------------------------------------------------------------------
// Small pieces

function label(text: string): Content {
  return { text, style: 'label' };
}

function metaLine(name: string, value: string): Content {
  return { text: [{ text: `${name}: `, bold: true }, value], style: 'meta' };
}

function paragraphs(text: string): Content[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => ({ text: p, style: 'paragraph' }));
}

function keepLabelWithStart(part: Content[]): Content[] {
  if (isShort(part)) return [{ stack: part, unbreakable: true }];
  const [labelNode, firstNode, ...rest] = part;
  if (labelNode === undefined) return [];
  if (firstNode === undefined) return [labelNode];
  return [{ stack: [labelNode, firstNode], unbreakable: true }, ...rest];
}

/** Rough size of a part in characters, to decide whether to keep it on one page. */
function isShort(part: Content[]): boolean {
  return textLength(part) < KEEP_TOGETHER_CHARS;
}

function textLength(content: unknown): number {
  if (typeof content === 'string') return content.length;
  if (typeof content === 'number') return 4;
  if (Array.isArray(content)) {
    return content.reduce<number>((n, c: unknown) => n + textLength(c), 0);
  }
  if (typeof content !== 'object' || content === null) return 0;
  if ('text' in content) return textLength(content.text);
  if ('stack' in content) return textLength(content.stack);
  if ('ul' in content && Array.isArray(content.ul)) {
    return textLength(content.ul) + content.ul.length * 40;
  }
  // Tables, boxes: count generously, they are tall.
  if ('table' in content) return KEEP_TOGETHER_CHARS;
  return 40;
}

function blockSize(block: Block): number {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return block.text.length;
    case 'list':
      return block.items.reduce((n, t) => n + t.length + 40, 0);
    case 'table':
      return KEEP_TOGETHER_CHARS;
  }
}

function box(stack: Content[]): Content {
  return {
    margin: [0, 22, 0, 0],
    table: { widths: ['*'], body: [[{ stack }]] },
    layout: BOX_LAYOUT,
  };
}

function hairline(width: number, marginTop = 0, color = RULE, lineWidth = 0.6): Content {
  return {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth, lineColor: color }],
    margin: [0, marginTop, 0, 0],
  };
}

function groupBySection(items: DocumentItem[]): { section: Section; items: DocumentItem[] }[] {
  const groups: { section: Section; items: DocumentItem[] }[] = [];
  for (const item of [...items].sort((a, b) => a.number - b.number)) {
    const last = groups.at(-1);
    if (last?.section === item.section) last.items.push(item);
    else groups.push({ section: item.section, items: [item] });
  }
  return groups;
}

function anchorId(item: DocumentItem): string {
  return `punkt-${item.id}`;
}

/** "13:00:00", "16:00:00" → "kl. 13.00-16.00"; an open end gives "kl. 13.00". */
export function formatTimeSpan(start: string | null, end: string | null): string {
  const from = formatTime(start);
  const to = formatTime(end);
  if (from === '') return '';
  return to === '' ? `kl. ${from}` : `kl. ${from}-${to}`;
}

/** "2021-01-20" → "20.01.2021"; no date gives "". */
export function formatShortDate(iso: string | null): string {
  if (iso === null) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  if (y === undefined || m === undefined || d === undefined) return iso;
  return `${d}.${m}.${y}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
