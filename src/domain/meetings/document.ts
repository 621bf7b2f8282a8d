/**
 * A meeting as one viewer may see it: the shape pages, PDFs and the API render. Built by the
 * meeting service after the access rules have been applied, so a renderer never has to decide
 * what is closed: hidden items carry no content at all.
 */
import type { Access, Meeting, Outcome, Section } from './types.ts';

export interface DocumentAttachment {
  id: number;
  /** "Bilag 3" */
  label: string;
  title: string;
  filename: string;
  size: number;
  access: Access;
}

export interface DocumentItem {
  id: number;
  number: number;
  section: Section;
  access: Access;
  /** true when the viewer may not see this closed item: only number and "Lukket punkt" show */
  hidden: boolean;
  title: string;
  summary: string;
  recommendations: string[];
  caseDescription: string;
  presenter: string;
  /** null when decisions are not (yet) visible to this viewer */
  decision: string | null;
  outcome: Outcome | null;
  postMeetingNote: string;
  attachments: DocumentAttachment[];
  /** guests present for this item only */
  guests: string[];
  corrections: { reason: string; createdAt: string }[];
}

export interface DocumentPerson {
  name: string;
  organisation: string;
}

export interface MeetingDocument {
  committee: { id: number; shortName: string; name: string };
  meeting: Meeting;
  participants: DocumentPerson[];
  apologies: DocumentPerson[];
  guests: DocumentPerson[];
  items: DocumentItem[];
  /** true for the edition a public visitor gets */
  publicEdition: boolean;
}

export const HIDDEN_TITLE = 'Lukket punkt';
