import type { MeetingDocumentInput, MeetingKind, ParsedItem, ParsedMeeting } from './types.ts';
import { cleanDocument } from './lines.ts';
import { segmentItems } from './items.ts';
import { extractFields, findBareDecision } from './fields.ts';
import { isLetter, readMetadata } from './metadata.ts';
import { findMentions } from './mentions.ts';
import { joinLines } from './text.ts';

/**
 * Parses one archive meeting document (agenda, minutes or information letter) into a
 * structured meeting. Pure: text in, data out; never throws on odd text, it just finds less.
 *
 * @param input the text of each page (a text file is one page; form feeds split pages)
 * @returns committee, date and kind as far as the text states them, and the items in order
 * @example parseMeetingDocument({ pages: [' Punkt 1.\n\nGodkendelse af dagsorden\n'] })
 */
export function parseMeetingDocument(input: MeetingDocumentInput): ParsedMeeting {
  const { lines, meetingHeaders } = cleanDocument(input.pages);
  const opening = lines.filter((line) => line.text !== '').slice(0, 25);
  const letter = isLetter(opening);
  const { front, items: segments } = segmentItems(lines, { letter });

  const parsed = segments.map((segment) => ({ segment, fields: extractFields(segment.body) }));
  const frontSaysMinutes = front.some((line) =>
    /^(?:Referat|Beslutningsprotokol)$/i.test(line.text),
  );
  const headedDecisions = parsed.some(({ fields }) => fields.decision !== null);
  const minutes = !letter && (headedDecisions || frontSaysMinutes);

  const items: ParsedItem[] = parsed.map(({ segment, fields }) => {
    const decision =
      fields.decision ?? (minutes && !fields.hasHeadings ? findBareDecision(segment.body) : null);
    const text = joinLines(segment.body);
    return {
      number: segment.number,
      title: segment.title,
      access: segment.access,
      section: segment.section,
      summary: fields.summary,
      recommendations: fields.recommendations,
      decision,
      postMeetingNote: fields.postMeetingNote,
      attachments: fields.attachments,
      text,
      source: {
        fromPage: segment.headingLine.page,
        toPage: segment.lastLine.endPage,
        fromLine: segment.headingLine.line,
        toLine: segment.lastLine.endLine,
      },
      mentions: findMentions(`${segment.title}\n${text}`, segment.number),
    };
  });

  const addressees = segments.flatMap((segment) =>
    segment.body.filter((line) => /\bbedes\b/i.test(line.text)).map((line) => line.text),
  );
  addressees.push(...items.flatMap((item) => item.recommendations));
  const metadata = readMetadata(front, meetingHeaders, addressees);
  const kind: MeetingKind = letter
    ? 'information-letter'
    : items.some((item) => item.decision !== null) || frontSaysMinutes
      ? 'minutes'
      : 'agenda';
  return { ...metadata, kind, items };
}
