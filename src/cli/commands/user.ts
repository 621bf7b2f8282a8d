/**
 * `socialaftale user add|password|unlock`: creates users (the first administrator among them),
 * sets a user's password, and lifts a login lockout. Passwords come on standard input, never as
 * an argument (which other users of the machine could see in the process list).
 */
import { MIN_PASSWORD_LENGTH } from '../../domain/auth/index.ts';
import { ValidationError } from '../../domain/errors.ts';
import { ROLES, type Role } from '../../domain/meetings/index.ts';
import { CLI_ACTOR, withActor } from '../../db/actor.ts';
import type { Db } from '../../db/client.ts';
import { committeeRepository } from '../../db/repositories/committee.repository.ts';
import { authService } from '../../services/auth.service.ts';
import { systemClock } from '../../services/clock.ts';
import { UsageError, type CliIo, type Command } from '../io.ts';

const USAGE = `Brug: socialaftale user add --email E --name "Navn" (--admin | --role ROLLE) [--organisation NAVN]
       socialaftale user password --email E
       socialaftale user unlock (--email E | --address IP)

Adgangskoden læses fra standardinput, fx:
  printf '%s' 'en lang adgangskode' | npx socialaftale user add --admin --email a@b.dk --name "Anne"
Den skal være mindst ${MIN_PASSWORD_LENGTH} tegn, ikke en almindelig adgangskode og ikke indeholde navnet foran @.
Roller: ${ROLES.join(', ')}. En driftsherre (operator) skal have --organisation, fx --organisation Hjørring.
"password" sætter en ny adgangskode og logger brugeren af overalt; "unlock" ophæver en loginspærring.`;

function flag(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--'))
    throw new UsageError(`${name} mangler en værdi.\n\n${USAGE}`);
  return value;
}

const readPassword = async (io: CliIo) => (await io.readStdin()).replace(/\r?\n$/, '');

/** Runs `fn` on the database and closes it; field errors become exit 2 with their sentences. */
async function withAuth<T>(
  openDb: () => Promise<Db>,
  fn: (auth: ReturnType<typeof authService>, db: Db) => Promise<T>,
): Promise<T> {
  // Logged in the audit trail as made on the command line.
  const db = withActor(await openDb(), CLI_ACTOR);
  try {
    return await fn(authService(db, systemClock, 12), db);
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new UsageError(Object.values(error.fields).join('\n'));
    }
    throw error;
  } finally {
    await db.close();
  }
}

export function makeUserCommand(openDb: () => Promise<Db>): Command {
  return async (args, io) => {
    if (args[0] === 'password') {
      const email = flag(args, '--email');
      if (email === undefined) throw new UsageError(USAGE);
      const password = await readPassword(io);
      await withAuth(openDb, (auth) => auth.setPassword(email, password));
      io.stdout(`Adgangskoden for ${email} er skiftet; brugeren er logget af overalt.\n`);
      return 0;
    }
    if (args[0] === 'unlock') {
      const email = flag(args, '--email');
      const address = flag(args, '--address');
      if ((email === undefined) === (address === undefined)) throw new UsageError(USAGE);
      await withAuth(openDb, (auth) =>
        auth.unlock(email !== undefined ? { email } : { address: address ?? '' }, null),
      );
      io.stdout(`Loginspærringen for ${email ?? address} er ophævet.\n`);
      return 0;
    }
    if (args[0] !== 'add') throw new UsageError(USAGE);
    const email = flag(args, '--email');
    const name = flag(args, '--name');
    const roleFlag = args.includes('--admin') ? 'administrator' : flag(args, '--role');
    if (email === undefined || name === undefined || roleFlag === undefined)
      throw new UsageError(USAGE);
    if (!(ROLES as readonly string[]).includes(roleFlag)) {
      throw new UsageError(`Ukendt rolle "${roleFlag}". Vælg en af: ${ROLES.join(', ')}.`);
    }
    const organisationName = flag(args, '--organisation');
    if (roleFlag === 'operator' && organisationName === undefined) {
      throw new UsageError(
        'En driftsherre skal knyttes til sin organisation: tilføj --organisation, fx --organisation Hjørring.',
      );
    }
    const password = await readPassword(io);
    return withAuth(openDb, async (auth, db) => {
      let organisationId: number | null = null;
      if (organisationName !== undefined) {
        const organisations = await committeeRepository(db).organisations();
        const wanted = organisationName.toLowerCase();
        const match = organisations.find(
          (o) => o.name.toLowerCase() === wanted || o.shortName?.toLowerCase() === wanted,
        );
        if (match === undefined) {
          const names = organisations.map((o) => o.shortName ?? o.name).join(', ');
          throw new UsageError(
            `Organisationen "${organisationName}" findes ikke. Brug et af navnene: ${names}.`,
          );
        }
        organisationId = match.id;
      }
      const id = await auth.createUser({
        email,
        name,
        password,
        role: roleFlag as Role,
        organisationId,
      });
      io.stdout(`Brugeren ${email} (${roleFlag}) er oprettet med id ${id}.\n`);
      return 0;
    });
  };
}
