/**
 * The password policy, in one place for the CLI, the password page and user creation:
 * long enough, not one of the passwords everybody tries first, not the user's own e-mail name.
 * Length beats composition (NIST SP 800-63B), so there is no rule about special characters.
 */
import { COMMON_PASSWORDS, COMMON_WORDS } from './common-passwords.ts';

export const MIN_PASSWORD_LENGTH = 12;
/** scrypt takes any length, but a megabyte "password" is only load on the server. */
export const MAX_PASSWORD_LENGTH = 256;

const lettersOf = (s: string) => s.replace(/[^\p{L}]/gu, '');

/** True for the passwords an attacker tries first, also dressed up with digits and signs. */
export function isCommonPassword(password: string): boolean {
  const lower = password.normalize('NFC').toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return true;
  // "Sommer2024!!", "Password1234", "adgangskode123": a common word plus digits and signs.
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (COMMON_WORDS.has(core)) return true;
  // "aaaaaaaaaaaa", "121212121212", "abcabcabcabc": hardly any different characters.
  return new Set(lower).size < 5;
}

/**
 * The first problem with a password as a Danish sentence, or null when it may be used.
 * `email` is the user's e-mail: a password containing its name part (before @) is refused.
 */
export function passwordProblem(password: string, email?: string): string | null {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH)
    return `Adgangskoden skal være mindst ${MIN_PASSWORD_LENGTH} tegn.`;
  if (length > MAX_PASSWORD_LENGTH)
    return `Adgangskoden må højst være ${MAX_PASSWORD_LENGTH} tegn.`;
  if (isCommonPassword(password))
    return 'Adgangskoden er for almindelig og gættes let. Vælg fx en sætning af flere ord.';
  const name = email?.trim().split('@')[0]?.toLowerCase() ?? '';
  if (name.length >= 3 && password.normalize('NFC').toLowerCase().includes(name))
    return 'Adgangskoden må ikke indeholde din e-mailadresse eller navnet foran @.';
  if (lettersOf(password).length === password.length || /^\d+$/.test(password))
    return 'Adgangskoden må ikke bestå af lutter bogstaver eller lutter tal.';
  return null;
}
