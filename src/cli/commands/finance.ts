import {
  allocateDeficit,
  parseDeficitCoverModel,
  toDeficitCoverJson,
  type FieldError,
} from '../../domain/financing/index.ts';
import { UsageError, type Command } from '../io.ts';

export const FINANCE_USAGE_DA = [
  'Brug: socialaftale finance deficit --json',
  '  Læser en model for underskudsdækning som JSON på standardinput og skriver',
  '  fordelingen på driftsherre og kommuner i hele kroner som JSON.',
].join('\n');

/**
 * `finance deficit --json`: stdin model → allocation JSON (CONTRACT), exit 0.
 * Bad arguments, bad JSON or an invalid model throw UsageError (exit 2) with every problem listed.
 */
export const financeCommand: Command = async (args, io) => {
  const [subcommand, ...flags] = args;
  if (subcommand !== 'deficit') {
    const what =
      subcommand === undefined
        ? 'Angiv en underkommando.'
        : `Ukendt underkommando "${subcommand}".`;
    throw new UsageError(`${what}\n${FINANCE_USAGE_DA}`);
  }
  const unknown = flags.filter((f) => f !== '--json');
  if (unknown.length > 0 || !flags.includes('--json')) {
    const what =
      unknown.length > 0
        ? `Ukendt tilvalg: ${unknown.join(' ')}.`
        : 'Angiv --json: fordelingen skrives kun som JSON.';
    throw new UsageError(`${what}\n${FINANCE_USAGE_DA}`);
  }

  const input = parseJson(await io.readStdin());
  const parsed = parseDeficitCoverModel(input);
  if (!parsed.ok) throw new UsageError(describeErrors(parsed.errors));

  io.stdout(`${JSON.stringify(toDeficitCoverJson(allocateDeficit(parsed.value)), null, 2)}\n`);
  return 0;
};

function parseJson(text: string): unknown {
  if (text.trim() === '') {
    throw new UsageError(
      'Input er ikke gyldig JSON: standardinput er tomt. Send modellen som JSON.',
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`Input er ikke gyldig JSON: ${reason}`);
  }
}

function describeErrors(errors: readonly FieldError[]): string {
  const lines = errors.map((e) => `  ${e.path === '' ? '(hele modellen)' : e.path}: ${e.message}`);
  return ['Modellen for underskudsdækning er ugyldig. Ret disse felter:', ...lines].join('\n');
}
