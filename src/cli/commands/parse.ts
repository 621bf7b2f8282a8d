import { readFile } from 'node:fs/promises';
import { UsageError, type Command } from '../io.ts';
import { ArchiveInputError } from '../../archive/errors.ts';
import { readArchiveDocument } from '../../archive/read-document.ts';
import { parseMeetingDocument } from '../../archive/parse-meeting.ts';
import { toContractJson } from '../../archive/contract.ts';
import type { MeetingKind, ParsedMeeting } from '../../archive/types.ts';

const USAGE = 'Brug: socialaftale parse FIL [--json]';

const KIND_NAMES: Record<MeetingKind, string> = {
  agenda: 'dagsorden',
  minutes: 'referat',
  'information-letter': 'orienteringsmail',
};

/**
 * `parse FILE [--json]`: parses one archive document (PDF or text) and prints it; writes
 * nothing. Bad input (no file, unreadable or invalid file) is a UsageError (exit 2).
 */
export const parseCommand: Command = async (args, io) => {
  const json = args.includes('--json');
  const unknown = args.filter((arg) => arg.startsWith('-') && arg !== '--json');
  if (unknown.length > 0) throw new UsageError(`Ukendt tilvalg: ${unknown.join(', ')}. ${USAGE}`);
  const files = args.filter((arg) => !arg.startsWith('-'));
  if (files.length !== 1) throw new UsageError(`Angiv præcis én fil. ${USAGE}`);
  const file = files[0] ?? '';

  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`Filen ${file} findes ikke.`);
    if (code === 'EISDIR') throw new UsageError(`${file} er en mappe, ikke en fil.`);
    if (code === 'EACCES') throw new UsageError(`Filen ${file} kan ikke læses (ingen adgang).`);
    throw error;
  }

  let parsed: ParsedMeeting;
  try {
    parsed = parseMeetingDocument(await readArchiveDocument(bytes));
  } catch (error) {
    if (error instanceof ArchiveInputError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }

  if (json) {
    io.stdout(`${JSON.stringify(toContractJson(parsed), null, 2)}\n`);
    return 0;
  }
  io.stdout(`${summarize(parsed)}\n`);
  return 0;
};

/** A short Danish overview of a parsed document for people. */
function summarize(parsed: ParsedMeeting): string {
  const lines = [
    `Udvalg: ${parsed.committee ?? 'ikke angivet'}`,
    `Dato: ${parsed.date ?? 'ikke angivet'}`,
    `Type: ${KIND_NAMES[parsed.kind]}`,
    `Punkter: ${parsed.items.length}`,
  ];
  for (const item of parsed.items) {
    const marks = [
      item.access === 'closed' ? 'lukket' : null,
      item.decision !== null ? 'beslutning' : null,
    ]
      .filter((mark) => mark !== null)
      .join(', ');
    lines.push(`  ${item.number}. ${item.title}${marks === '' ? '' : ` (${marks})`}`);
  }
  return lines.join('\n');
}
