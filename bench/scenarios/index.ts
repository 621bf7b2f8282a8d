/**
 * The scenarios `npm run bench` runs, in order, each with its own baseline measured in the same
 * run. archive-import and search (issue 3) open databases of their own.
 */
import type { Scenario } from '../scenario.ts';
import { agendaPdf } from './agenda-pdf.ts';
import { archiveImport } from './archive-import.ts';
import { backupRestore } from './backup-restore.ts';
import { load } from './load.ts';
import { meetingPage } from './meeting-page.ts';
import { monitoring } from './monitoring.ts';
import { search } from './search.ts';
import { tariffAppendix } from './tariff-appendix.ts';

export const SCENARIOS: readonly Scenario[] = [
  meetingPage,
  agendaPdf,
  archiveImport,
  search,
  tariffAppendix,
  monitoring,
  load,
  backupRestore,
];
