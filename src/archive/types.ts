/** The structured meeting the archive parser produces from one meeting document. */

export type MeetingKind = 'agenda' | 'minutes' | 'information-letter';
export type ItemAccess = 'open' | 'closed';

/** The five section names an agenda groups its items in, canonicalised. */
export type SectionName =
  'Velkomst' | 'Oplæg' | 'Sager til behandling' | 'Sager til orientering' | 'Afrunding';

export interface Attachment {
  /** "Bilag N" where the attachment is numbered, else null. */
  label: string | null;
  title: string;
}

export interface MeetingReference {
  /** ISO date when the text gives day, month and year; null when the year is missing. */
  date: string | null;
  /** Short committee name when the reference names one (e.g. "DAS mødet"), else null. */
  committee: string | null;
  /** The phrase as it stands in the text. */
  raw: string;
}

export interface ItemMentions {
  municipalities: string[];
  region: boolean;
  offers: string[];
  /** Sections of law, e.g. "§108", "§82a". */
  sections: string[];
  /** Amounts in whole kroner. */
  amounts: number[];
  meetingReferences: MeetingReference[];
  /** Numbers of other items of the same meeting the text refers to ("jf. punkt 9"). */
  itemReferences: number[];
}

/** Where an item stands in the source: 1-based pages and 1-based lines within those pages. */
export interface SourceRange {
  fromPage: number;
  toPage: number;
  fromLine: number;
  toLine: number;
}

export interface ParsedItem {
  number: number;
  title: string;
  access: ItemAccess;
  section: SectionName | null;
  summary: string | null;
  recommendations: string[];
  decision: string | null;
  postMeetingNote: string | null;
  attachments: Attachment[];
  /** The item's whole cleaned text below its heading. */
  text: string;
  source: SourceRange;
  mentions: ItemMentions;
}

export interface ParsedMeeting {
  /** Short name of the body ("DAS", "FU", ...) or null when the text does not say. */
  committee: string | null;
  /** ISO date of the meeting (of the letter for an information letter) or null. */
  date: string | null;
  kind: MeetingKind;
  items: ParsedItem[];
  participants: string[];
  apologies: string[];
  guests: string[];
}

/** Input to the parser: the text of each page, in order. A text file is one page. */
export interface MeetingDocumentInput {
  pages: string[];
}
