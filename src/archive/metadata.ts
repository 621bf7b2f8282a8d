import type { Line } from './lines.ts';
import type { MeetingHeader } from './clean.ts';
import { findDanishDates, firstIsoDate } from './dates.ts';
import { findCommittee, leadingCommittee } from './committees.ts';
import { foldWhitespace } from './clean.ts';
import { joinLines } from './text.ts';
import { parseSectionLine } from './sections.ts';

export interface MeetingMetadata {
  committee: string | null;
  date: string | null;
  participants: string[];
  apologies: string[];
  guests: string[];
}

/** Labels of the front block ("Møde Den Administrative Styregruppe", "Tid 2. marts 2017 ..."). */
const FRONT_LABEL =
  /^(?:(Møde|Tid|Dato|Sted|Deltagere|Afbud|Fraværende|Gæster|Referent)(?![\p{L}])\s*:?|(Til|Fra|Emne|Sendt|Udvalg|Mødeforum|Mødedato|Tidspunkt|Mødested)\s*:)\s*(.*)$/iu;

/**
 * The e-mail sent instead of a cancelled meeting: it calls itself an "orienteringsmail", or it
 * opens with a salutation and says the meeting was cancelled or that points follow for
 * information. A cover letter of an agenda package has the salutation but not the rest.
 */
export function isLetter(opening: Line[]): boolean {
  const text = opening.map((line) => line.text).join('\n');
  if (/orienteringsmail/i.test(text)) return true;
  return /^Kære\b/im.test(text) && /aflys|til orientering/i.test(text);
}

/** Reads the labelled fields of the front block, each label's text running to the next label. */
function readFrontFields(front: Line[]): Map<string, string> {
  const fields = new Map<string, Line[]>();
  let current: Line[] | null = null;
  for (const line of front) {
    const match = FRONT_LABEL.exec(line.text);
    if (match) {
      const label = (match[1] ?? match[2] ?? '').toLowerCase();
      const rest = match[3] ?? '';
      current = [];
      if (!fields.has(label)) fields.set(label, current);
      if (rest !== '') current.push({ ...line, text: rest });
      continue;
    }
    // A section line or a numbered line ends the labelled block (the table of contents starts).
    if (/^\d{1,3}\.\s/.test(line.text) || parseSectionLine(line.text) !== null) current = null;
    current?.push(line);
  }
  const out = new Map<string, string>();
  // A line break after a closing parenthesis or full stop separates two entries of a list.
  for (const [label, lines] of fields) {
    out.set(
      label,
      joinLines(lines)
        .replace(/([).])\n(?=\p{Lu})/gu, '$1, ')
        .replace(/\n/g, ' '),
    );
  }
  return out;
}

/**
 * A title or subject line that names the document and its date: "Orienteringsmail til DAS d. 22.
 * januar 2019", "Referat af møde i FU den 3. maj 2018", "Emne: Dagsorden ...". It must start so:
 * an agenda line such as "2. Godkendelse af referat fra mødet den ..." names another meeting.
 */
const SUBJECT_LINE =
  /^(?:Bilag\s+\d{1,3}\.?\s+)?(?:Orienteringsmail|Referat|Dagsorden|Emne\s*:|Vedr\.?\s*:)/i;

/** Splits a list of people on commas (not inside parentheses) and on "og" between two names. */
export function splitPeople(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if ((char === ',' || char === ';') && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  const name = /^\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,4}(?:\s*\([^)]*\))?$/u;
  return parts
    .flatMap((part) => {
      const trimmed = foldWhitespace(part).replace(/\.$/, '');
      const pair = /^(.+?)\s+og\s+(.+)$/.exec(trimmed);
      if (pair && name.test(pair[1] ?? '') && name.test(pair[2] ?? ''))
        return [pair[1] ?? '', pair[2] ?? ''];
      return [trimmed];
    })
    .filter((part) => part !== '' && part !== '-');
}

/** The committee addressed by most recommendations ("Den Administrative Styregruppe bedes ..."). */
function committeeOfRecommendations(addressees: string[]): string | null {
  const counts = new Map<string, number>();
  for (const text of addressees) {
    const name = leadingCommittee(text);
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 1;
  for (const [name, count] of counts) {
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Committee, date and people of a meeting, from the evidence the text gives and nothing else:
 * the front block ("Møde ...", "Tid ..."), a running header ("DAS Social Møde den 20.01.2021"),
 * a letter's subject or sent line ("Orienteringsmail til DAS d. 22. januar 2019"), and for the
 * committee, as a last resort, the body the recommendations address. Null when none says.
 *
 * @param front the lines before the first item
 * @param addressees lead-in and recommendation lines of the items
 */
export function readMetadata(
  front: Line[],
  headers: MeetingHeader[],
  addressees: string[],
): MeetingMetadata {
  const fields = readFrontFields(front);
  const letter = isLetter(front);
  const subjectLine = front
    .slice(0, 15)
    .find((line) => SUBJECT_LINE.test(line.text) && findDanishDates(line.text).some((d) => d.iso));

  const meetingField = fields.get('møde') ?? fields.get('udvalg') ?? fields.get('mødeforum') ?? '';
  const dateField =
    fields.get('tid') ??
    fields.get('dato') ??
    fields.get('mødedato') ??
    fields.get('tidspunkt') ??
    fields.get('sendt') ??
    '';
  const header = headers[0];

  const committee =
    findCommittee(meetingField) ??
    (header ? findCommittee(header.words) : null) ??
    (subjectLine ? findCommittee(subjectLine.text) : null) ??
    (letter ? null : committeeOfRecommendations(addressees));
  const date =
    firstIsoDate(dateField) ??
    header?.date ??
    (subjectLine ? firstIsoDate(subjectLine.text) : null);

  return {
    committee,
    date,
    participants: splitPeople(fields.get('deltagere') ?? ''),
    apologies: splitPeople(fields.get('afbud') ?? fields.get('fraværende') ?? ''),
    guests: splitPeople(fields.get('gæster') ?? ''),
  };
}
