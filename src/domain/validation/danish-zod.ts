/**
 * Danish messages for zod's built-in checks. Most fields carry their own message ("Skriv
 * punktets titel."); this map covers the rest (a number sent as text, a list where an object
 * was expected, an unknown choice), which would otherwise reach the user in English. A schema's
 * own message always wins over this map (zod's precedence), so nothing written by hand changes.
 *
 * Importing this module installs the map for the whole process; the schemas' shared modules
 * import it, so every parse uses it.
 */
import { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const danishNumber = (n: number | bigint) =>
  typeof n === 'bigint' ? n.toString() : n.toLocaleString('da-DK', { maximumFractionDigits: 6 });

const TYPES: Record<string, string> = {
  string: 'Skal være tekst.',
  number: 'Skal være et tal.',
  int: 'Skal være et helt tal.',
  bigint: 'Skal være et helt tal.',
  boolean: 'Skal være ja eller nej (true eller false).',
  array: 'Skal være en liste.',
  object: 'Skal være et objekt med felter.',
  date: 'Skal være en dato.',
  null: 'Skal være tom (null).',
};

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const max = danishNumber(issue.maximum);
  if (issue.origin === 'string') return `Højst ${max} tegn.`;
  if (issue.origin === 'array' || issue.origin === 'set') return `Højst ${max} elementer.`;
  if (issue.origin === 'file') return `Filen må højst fylde ${max} bytes.`;
  return issue.inclusive === false ? `Skal være mindre end ${max}.` : `Højst ${max}.`;
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const min = issue.minimum;
  if (issue.origin === 'string')
    return Number(min) <= 1 ? 'Skal udfyldes.' : `Mindst ${danishNumber(min)} tegn.`;
  if (issue.origin === 'array' || issue.origin === 'set')
    return Number(min) <= 1 ? 'Vælg eller skriv mindst én.' : `Mindst ${danishNumber(min)}.`;
  return issue.inclusive === false
    ? `Skal være større end ${danishNumber(min)}.`
    : `Mindst ${danishNumber(min)}.`;
}

/** The Danish sentence for one issue (exported for the test; installed below). */
export function danishIssueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Skal udfyldes.';
      if (issue.expected === 'number' && typeof issue.input === 'number')
        return 'Skal være et endeligt tal.';
      return TYPES[issue.expected] ?? 'Har ikke den rigtige type.';
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_value':
      return issue.values.length === 1
        ? `Skal være ${String(issue.values[0])}.`
        : `Vælg en af: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_format':
      return issue.format === 'email'
        ? 'Skriv en gyldig e-mailadresse.'
        : 'Har ikke det rigtige format.';
    case 'not_multiple_of':
      return `Skal gå op i ${danishNumber(issue.divisor)}.`;
    case 'unrecognized_keys':
      return `Ukendte felter: ${issue.keys.join(', ')}.`;
    case 'invalid_union':
      return 'Værdien har ikke en af de tilladte former.';
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return 'Ugyldig værdi.';
  }
}

z.config({ customError: (issue) => danishIssueMessage(issue) });
