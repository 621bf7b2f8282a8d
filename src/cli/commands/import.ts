/**
 * `socialaftale import FILE... [--committee KORTNAVN]`: parses and stores archive documents.
 * Every file is read and parsed before anything is written, and all files are stored in one
 * transaction: on bad input (exit 2) or a failure (exit 1) nothing is stored, and a process killed
 * while storing (it reports each file on stderr: "Gemmer 2 af 4: FIL") has committed nothing.
 * Importing the same document again changes nothing; a corrected version updates its meeting.
 */
import { readFile } from 'node:fs/promises';
import { ArchiveInputError } from '../../archive/errors.ts';
import { CLI_ACTOR, withActor } from '../../db/actor.ts';
import type { Db } from '../../db/client.ts';
import { ValidationError } from '../../domain/errors.ts';
import {
  KIND_LABEL,
  STATUS_LABEL,
  prepareImport,
  storeImport,
  type ImportSummary,
  type PreparedImport,
} from '../../services/archive-import.service.ts';
import { systemClock, type Clock } from '../../services/clock.ts';
import { rebuildThreads } from '../../services/thread.service.ts';
import { UsageError, type Command } from '../io.ts';

const USAGE =
  'Brug: socialaftale import FIL... [--committee KORTNAVN]\n' +
  '  --committee  udvalget (fx DAS) for dokumenter, der ikke selv angiver det';

/** Reads a file named on the command line; a missing or unreadable file is bad input. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`Filen ${file} findes ikke.`);
    if (code === 'EISDIR') throw new UsageError(`${file} er en mappe, ikke en fil.`);
    if (code === 'EACCES') throw new UsageError(`Filen ${file} kan ikke læses (ingen adgang).`);
    throw error;
  }
}

/** Removes `--data DIR` (main.ts reads it) and returns the other arguments. */
export function withoutDataFlag(args: readonly string[]): string[] {
  const rest = [...args];
  const index = rest.indexOf('--data');
  if (index !== -1) rest.splice(index, 2);
  return rest;
}

/** One Danish line for a stored file. */
export function describeImport(s: ImportSummary): string {
  const items = `${s.itemCount} ${s.itemCount === 1 ? 'punkt' : 'punkter'}`;
  const line = `${STATUS_LABEL[s.status]}: ${s.filename} – ${s.committee} ${s.date ?? 'uden dato'}, ${KIND_LABEL[s.kind]}, ${items}`;
  return s.note === null ? line : `${line} (${s.note})`;
}

export function makeImportCommand(openDb: () => Promise<Db>, clock: Clock = systemClock): Command {
  return async (rawArgs, io) => {
    const args = withoutDataFlag(rawArgs);
    let fallbackCommittee: string | undefined;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] ?? '';
      if (arg === '--committee') {
        const value = args[++i];
        if (value === undefined || value.startsWith('-'))
          throw new UsageError(`--committee mangler et udvalg, fx --committee DAS.\n${USAGE}`);
        fallbackCommittee = value;
      } else if (arg.startsWith('-')) {
        throw new UsageError(`Ukendt tilvalg: ${arg}.\n${USAGE}`);
      } else {
        files.push(arg);
      }
    }
    if (files.length === 0) throw new UsageError(`Angiv mindst én fil.\n${USAGE}`);

    const prepared: PreparedImport[] = [];
    for (const file of files) {
      const bytes = await readInputFile(file);
      try {
        prepared.push(await prepareImport({ filename: file, bytes }));
      } catch (error) {
        if (error instanceof ArchiveInputError)
          throw new UsageError(`${file}: ${error.message} Intet er importeret.`);
        throw error;
      }
    }

    // Logged in the audit trail as made on the command line.
    const db = withActor(await openDb(), CLI_ACTOR);
    try {
      const summaries = await db.transaction(async (tx) => {
        const stored: ImportSummary[] = [];
        for (const [index, p] of prepared.entries()) {
          // Progress on stderr (stdout is the result): a long import shows where it is.
          if (prepared.length > 1)
            io.stderr(`Gemmer ${index + 1} af ${prepared.length}: ${p.filename}\n`);
          stored.push(
            await storeImport(
              tx,
              p,
              clock,
              fallbackCommittee === undefined ? {} : { fallbackCommittee },
            ),
          );
        }
        if (stored.some((s) => s.status !== 'unchanged')) await rebuildThreads(tx, clock);
        return stored;
      });
      for (const s of summaries) io.stdout(`${describeImport(s)}\n`);
      return 0;
    } catch (error) {
      if (error instanceof ValidationError)
        throw new UsageError(`${error.message} Intet er importeret.`);
      throw error;
    } finally {
      await db.close();
    }
  };
}
