// Runs node's test runner over the project's test files through tsx.
// `unit` = every *.test.ts(x) outside test/e2e; `e2e` = the browser tests in test/e2e.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const which = process.argv[2] ?? 'unit';
const extra = process.argv.slice(3);

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const all = [...walk('src', []), ...walk('test', [])].sort();
const files = all.filter((f) => (which === 'e2e') === f.startsWith(join('test', 'e2e')));
if (files.length === 0) {
  console.error(`Ingen testfiler fundet for "${which}".`);
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? (which === 'e2e' ? '1' : '2');
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...extra, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
