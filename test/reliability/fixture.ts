/**
 * The set-up the process tests share, as node:test hooks of the calling suite: a database the
 * children can open (with `setup` run on it first, e.g. users), and every child started through
 * `serve` or `cli` killed at the end if a failed test left it running.
 */
import { after, before } from 'node:test';
import {
  createProcessDb,
  spawnCli,
  startServe,
  stopChild,
  type Child,
  type ProcessDb,
  type ServeChild,
} from '../support/processes.ts';

export function processSuite(setup: (pdb: ProcessDb) => Promise<unknown> = async () => {}) {
  let pdb: ProcessDb | undefined;
  const children: Child[] = [];
  before(async () => {
    pdb = await createProcessDb();
    await setup(pdb);
  });
  after(async () => {
    await Promise.all(children.map((c) => stopChild(c)));
    await pdb?.dispose();
  });
  const db = () => {
    if (pdb === undefined) throw new Error('the suite has not started');
    return pdb;
  };
  return {
    db,
    async serve(env: Record<string, string> = {}): Promise<ServeChild> {
      const child = await startServe(db(), env);
      children.push(child);
      return child;
    },
    cli(args: string[]): Child {
      const child = spawnCli(args, db());
      children.push(child);
      return child;
    },
  };
}
