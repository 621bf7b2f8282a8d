import type { SectionName } from './types.ts';

/**
 * Section lines of an agenda, with an optional time span: "Sager til behandling",
 * "Sager til orientering (15.30-15.50)", "Oplæg til drøftelse", "Afslutning".
 */
const SECTION_LINE =
  /^(Velkomst|Indledning|Oplæg(?: til (?:drøftelse|debat))?|Temadrøftelse|Sager til (?:behandling|beslutning|drøftelse)|Beslutningssager|Sager til orientering|Orienteringssager|Afrunding|Afslutning)\s*:?\s*(?:\(\s*\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}\s*\))?$/i;

/** A time span on its own line under a section in a table of contents: "(13.00-13.05)". */
export function isTimeSpanLine(text: string): boolean {
  return /^\(?\s*(?:kl\.?\s*)?\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}\s*\)?$/.test(text);
}

/** The canonical section a line names, or null when the line is not a section line. */
export function parseSectionLine(text: string): SectionName | null {
  const match = SECTION_LINE.exec(text.trim());
  if (!match) return null;
  const name = (match[1] ?? '').toLowerCase();
  if (name === 'velkomst' || name === 'indledning') return 'Velkomst';
  if (name.startsWith('oplæg') || name === 'temadrøftelse') return 'Oplæg';
  if (name === 'sager til orientering' || name === 'orienteringssager')
    return 'Sager til orientering';
  if (name === 'afrunding' || name === 'afslutning') return 'Afrunding';
  return 'Sager til behandling';
}
