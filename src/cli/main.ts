/**
 * `socialaftale <command>`: thin wrappers over the services. Exit 0 on success, 2 on bad input
 * or usage (a Danish sentence on stderr), 1 on a failure of the program.
 */
import { ConfigError, loadConfig } from '../config.ts';
import { classifyDbError, DatabaseUnavailableError } from '../db/errors.ts';
import { openDatabase } from '../db/open.ts';
import { makeBackupCommand, makeRestoreCommand } from './commands/backup.ts';
import { financeCommand } from './commands/finance.ts';
import { makeImportCommand } from './commands/import.ts';
import { parseCommand } from './commands/parse.ts';
import { makeSearchCommand } from './commands/search.ts';
import { makeServeCommand } from './commands/serve.ts';
import { makeThreadsCommand } from './commands/threads.ts';
import { makeUserCommand } from './commands/user.ts';
import { UsageError, type CliIo, type Command } from './io.ts';

const USAGE = `Brug: socialaftale <kommando> [--data MAPPE]

Kommandoer:
  serve [--port N]                 start webapplikationen (standard: port 3000)
  user add --admin|--role ROLLE    opret en bruger (spørger ikke; se --help)
  user password --email E          sæt en brugers adgangskode (læses fra standardinput)
  user unlock --email E            ophæv en loginspærring (eller --address IP)
  parse FIL --json                 læs et arkivdokument og udskriv det som JSON
  import FIL... [--committee DAS]  læs og gem arkivdokumenter (samme dokument to gange ændrer intet)
  search SØGNING [--json]          søg i det, offentligheden må se
  threads [--json]                 vis sagsforløb (punkter sammenkædet på tværs af møder)
  finance deficit --json           fordel et underskud (model som JSON på stdin)
  backup FIL [--force]             gem en sikkerhedskopi af hele databasen i FIL
  restore FIL [--force]            gendan databasen fra en sikkerhedskopi (--force: erstat indhold)

Databasen er PostgreSQL, når DATABASE_URL er sat; ellers PGlite-mappen fra --data (standard ./data).`;

/** Removes `--data DIR` from the arguments and returns it. */
export function takeDataFlag(args: string[]): { dataDir: string | undefined; rest: string[] } {
  const rest = [...args];
  const index = rest.indexOf('--data');
  if (index === -1) return { dataDir: undefined, rest };
  const dir = rest[index + 1];
  if (dir === undefined || dir.startsWith('--'))
    throw new UsageError('--data skal efterfølges af en mappe, fx --data ./data.');
  rest.splice(index, 2);
  return { dataDir: dir, rest };
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { dataDir, rest } = takeDataFlag(argv);
    const [name, ...args] = rest;
    const config = loadConfig(dataDir === undefined ? {} : { dataDir });
    const openDb = () => openDatabase(config);
    const commands: Record<string, Command> = {
      serve: makeServeCommand(config, openDb),
      user: makeUserCommand(openDb),
      parse: parseCommand,
      import: makeImportCommand(openDb),
      search: makeSearchCommand(openDb),
      threads: makeThreadsCommand(openDb),
      finance: financeCommand,
      backup: makeBackupCommand(openDb),
      restore: makeRestoreCommand(openDb),
    };
    if (name === undefined || name === '--help' || name === 'help') {
      io.stdout(USAGE + '\n');
      return name === undefined ? 2 : 0;
    }
    const command = commands[name];
    if (command === undefined) throw new UsageError(`Ukendt kommando "${name}".\n\n${USAGE}`);
    return await command(args, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    // The database down, unopenable or full: its Danish sentence, not the driver's English.
    const failure = classifyDbError(error);
    if (error instanceof DatabaseUnavailableError || failure !== null) {
      io.stderr(
        `${error instanceof DatabaseUnavailableError ? error.message : failure?.message}\n`,
      );
      return 1;
    }
    io.stderr(`Fejl: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

// Run only when started as the program, not when imported by a test.
const entry = process.argv[1] ?? '';
if (/(?:cli[\\/]main\.ts|socialaftale(?:\.mjs)?)$/.test(entry)) {
  const code = await runCli(process.argv.slice(2), processIo);
  // serve keeps running; every other command ends here.
  if (code !== -1) process.exitCode = code;
}
