import type { Line } from './lines.ts';
import type { Attachment } from './types.ts';
import { foldWhitespace } from './clean.ts';
import { joinLines } from './text.ts';

/** The parts of an item the secretariat's template heads with a fixed word. */
export interface ItemFields {
  summary: string | null;
  recommendations: string[];
  decision: string | null;
  postMeetingNote: string | null;
  attachments: Attachment[];
  /** True when any field heading was found (an item without any may carry a bare decision). */
  hasHeadings: boolean;
}

type FieldKind = 'summary' | 'recommendation' | 'description' | 'attachments' | 'decision' | 'note';

const HEADINGS: { kind: FieldKind; pattern: RegExp }[] = [
  { kind: 'summary', pattern: /^Resum[eé]\s*(?::\s*(.*))?$/i },
  {
    kind: 'recommendation',
    pattern: /^(?:Indstilling(?:er)?|Forslag til beslutning)\s*(?::\s*(.*))?$/i,
  },
  {
    kind: 'description',
    pattern: /^(?:Sagsbeskrivelse|Sagsfremstilling|Beskrivelse af sagen)\s*(?:[:–-]\s*(.*))?$/i,
  },
  { kind: 'description', pattern: /^Baggrund\s*:?$/i },
  { kind: 'attachments', pattern: /^Bilag(?:sliste)?\s*:?$/i },
  {
    kind: 'decision',
    pattern: /^(?:Beslutning|Referat|Beslutning\s*\/\s*referat)\s*(?::\s*(.*))?$/i,
  },
  { kind: 'note', pattern: /^Bemærkning(?:er)?\s+efter\s+mødet\s*(?::\s*(.*))?$/i },
];

/**
 * A labelled attachment line: "Bilag 2. KLK rapport ...", "• Bilag 5: ...", "BILAG 3 TITLE".
 * Without a separator after the number a lowercase word makes it prose ("Bilag 4 er efter
 * mødet opdateret ..."), not a label.
 */
const ATTACHMENT_LINE =
  /^(?:•\s*)?(?:Bilag|BILAG)\s+(\d{1,3})(?:\s*[.:,–-]\s*|\s+(?!\p{Ll}))(\S.*)$/u;
const BULLET = /^(?:[•▪●■◦*–-]|o(?=\s+[\p{Lu}\d]))\s+/u;
const URL_LINE = /^(?:https?:\/\/|www\.)\S*$/i;
const LEAD_IN = /\b(?:indstilles|bedes)\b/i;

/** Typical wordings of a decision written straight under the title in old minutes. */
const BARE_DECISION =
  /^(?:Godkend|Indstillingen\s+godkend|(?:Orienteringen|Status|Punktet)\s+(?:blev\s+)?(?:taget|tages|udsat)|Tag(?:et|es)\s+til\s+efterretning|Udsat|Drøftet|Der\s+var\s+ikke\s+noget|Intet\s+til|Ingen\s+bemærkninger)/i;

function matchHeading(text: string): { kind: FieldKind; inline: string } | null {
  for (const { kind, pattern } of HEADINGS) {
    const match = pattern.exec(text);
    if (match) return { kind, inline: (match[1] ?? '').trim() };
  }
  return null;
}

/** True for a line that heads a field of an item (Resumé, Indstilling, Bilag, Beslutning, ...). */
export function isFieldHeading(text: string): boolean {
  return matchHeading(text) !== null;
}

export function parseAttachmentLine(text: string): Attachment | null {
  const match = ATTACHMENT_LINE.exec(text);
  if (!match) return null;
  return { label: `Bilag ${Number(match[1])}`, title: foldWhitespace(match[2] ?? '') };
}

function stripBullet(text: string): { text: string; bullet: boolean } {
  const match = BULLET.exec(text);
  return match ? { text: text.slice(match[0].length), bullet: true } : { text, bullet: false };
}

/**
 * The recommendation points of an "Indstilling" block. The lead-in ("Det indstilles, at",
 * "Den Administrative Styregruppe bedes") and anything above it go; each point starts at a
 * bullet, at an indented line (a bullet the extraction lost), at a capital after a blank
 * line, or at a capital after a point that ended its sentence (a list whose bullets are drawn,
 * not written, as in the product's own PDFs, extracts as bare lines); other lines continue the
 * point before them.
 */
export function splitRecommendations(block: Line[]): string[] {
  const lines = block.filter((line) => !URL_LINE.test(line.text));
  const firstText = lines.findIndex((line) => line.text !== '');
  let start = 0;
  let pending = '';
  for (let i = 0; i < lines.length && i <= firstText + 4; i++) {
    const text = lines[i]?.text ?? '';
    if (text === '' || BULLET.test(text) || !LEAD_IN.test(text)) continue;
    start = i + 1;
    // "Det indstilles, at embedsmandsudvalget drøfter ..." keeps what follows the lead-in.
    const rest = /\bindstilles,?\s*at\s*:?\s*(.*)$/i.exec(text)?.[1] ?? '';
    pending = rest;
    break;
  }
  const entries: string[] = pending === '' ? [] : [pending];
  let afterBlank = pending === '';
  for (const line of lines.slice(start)) {
    if (line.text === '') {
      afterBlank = true;
      continue;
    }
    const { text, bullet } = stripBullet(line.text);
    const startsNew =
      entries.length === 0 ||
      bullet ||
      (afterBlank && /^[\p{Lu}\d"“”]/u.test(text)) ||
      (/[.!?]$/.test(entries[entries.length - 1] ?? '') && /^\p{Lu}/u.test(text)) ||
      (line.indented && /^[\p{Lu}\d]/u.test(text));
    if (startsNew) entries.push(text);
    else entries[entries.length - 1] = `${entries[entries.length - 1] ?? ''} ${text}`;
    afterBlank = false;
  }
  return entries.map(foldWhitespace).filter((entry) => entry !== '');
}

/**
 * Attachments listed under a "Bilag" heading. Numbered lines ("Bilag 2. ...") count anywhere
 * in the block; unnumbered lines count only as a plain list before any numbered one and before
 * prose (a long line or a link) starts, since after a numbered list the text is the attached
 * document's own first page.
 */
function readAttachmentBlock(block: Line[]): Attachment[] {
  const attachments: Attachment[] = [];
  let listOpen = true;
  for (const line of block) {
    if (line.text === '') continue;
    const { text } = stripBullet(line.text);
    const attachment = parseAttachmentLine(text);
    if (attachment) {
      listOpen = false;
      attachments.push(attachment);
      continue;
    }
    if (!listOpen || URL_LINE.test(text) || text.length > 150 || attachments.length >= 30) {
      listOpen = false;
      continue;
    }
    const last = attachments[attachments.length - 1];
    if (last && /^\p{Ll}/u.test(text)) last.title = `${last.title} ${text}`;
    else attachments.push({ label: null, title: text });
  }
  return attachments;
}

/** Reads the fields of an item from its body lines (the lines under its title). */
export function extractFields(body: Line[]): ItemFields {
  const blocks: Record<FieldKind, Line[][]> = {
    summary: [],
    recommendation: [],
    description: [],
    attachments: [],
    decision: [],
    note: [],
  };
  let current: Line[] | null = null;
  let currentKind: FieldKind | null = null;
  let hasHeadings = false;
  for (const line of body) {
    const heading = line.text === '' ? null : matchHeading(line.text);
    if (heading) {
      hasHeadings = true;
      current = [];
      currentKind = heading.kind;
      blocks[heading.kind].push(current);
      if (heading.inline !== '') current.push({ ...line, text: heading.inline });
      continue;
    }
    // A numbered attachment line lists attachments even without a "Bilag" heading above it.
    if (currentKind !== 'attachments' && parseAttachmentLine(stripBullet(line.text).text)) {
      current = [];
      currentKind = 'attachments';
      blocks.attachments.push(current);
    }
    current?.push(line);
  }
  const attachments: Attachment[] = [];
  for (const block of blocks.attachments) {
    attachments.push(...readAttachmentBlock(block));
  }
  const textOf = (kind: FieldKind): string | null => {
    const parts = blocks[kind]
      .map((block) => joinLines(block.filter((line) => !URL_LINE.test(line.text))))
      .filter((part) => part !== '');
    return parts.length === 0 ? null : parts.join('\n');
  };
  return {
    summary: textOf('summary'),
    recommendations: blocks.recommendation.flatMap(splitRecommendations),
    decision: textOf('decision'),
    postMeetingNote: textOf('note'),
    attachments: dedupeAttachments(attachments),
    hasHeadings,
  };
}

/** The same attachment is often listed twice (in the item and as the attached file's title). */
function dedupeAttachments(attachments: Attachment[]): Attachment[] {
  const seen = new Set<string>();
  return attachments.filter((attachment) => {
    const key = attachment.label ?? `title:${attachment.title.toLowerCase()}`;
    if (seen.has(key) || attachment.title === '') return false;
    seen.add(key);
    return true;
  });
}

/**
 * A decision written straight under the title, as old minutes do ("Godkendt"): only for an
 * item with no field headings whose short body reads like a decision.
 */
export function findBareDecision(body: Line[]): string | null {
  const lines = body.filter((line) => line.text !== '' && !URL_LINE.test(line.text));
  if (lines.length === 0 || lines.length > 3) return null;
  const text = joinLines(lines);
  if (text.length > 300 || !BARE_DECISION.test(text)) return null;
  return text;
}
