import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommand } from './parse.ts';
import { UsageError } from '../io.ts';
import { fakeIo } from '../../../test/support/cli-io.ts';

const seed = fileURLToPath(
  new URL('../../../../shared/seeds/das-2021-01-20-dagsorden.txt', import.meta.url),
);

async function withTempDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'parse-test-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function usageError(args: string[]): Promise<string> {
  const io = fakeIo();
  try {
    await parseCommand(args, io);
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    assert.deepEqual(io.out, [], 'nothing printed on bad input');
    return error.message;
  }
  assert.fail('expected a UsageError');
}

void test('parse --json prints exactly the contract JSON of a seed document', async () => {
  const io = fakeIo();
  assert.equal(await parseCommand([seed, '--json'], io), 0);
  const json = JSON.parse(io.out.join('')) as {
    committee: string;
    date: string;
    kind: string;
    items: { number: number; title: string }[];
  };
  assert.deepEqual(Object.keys(json), ['committee', 'date', 'kind', 'items']);
  assert.equal(json.committee, 'DAS');
  assert.equal(json.date, '2021-01-20');
  assert.equal(json.kind, 'agenda');
  assert.equal(json.items.length, 15);
  assert.deepEqual(json.items[2] && Object.keys(json.items[2]), [
    'number',
    'title',
    'access',
    'summary',
    'recommendations',
    'decision',
    'attachments',
    'text',
  ]);
  assert.equal(io.out.join(''), `${JSON.stringify(json, null, 2)}\n`);
});

void test('parse without --json prints a Danish summary', async () => {
  const io = fakeIo();
  assert.equal(await parseCommand([seed], io), 0);
  const text = io.out.join('');
  assert.match(text, /^Udvalg: DAS\nDato: 2021-01-20\nType: dagsorden\nPunkter: 15\n/);
  assert.match(text, /\n {2}3\. Monitorering af udgifter på det specialiserede socialområde\n/);
});

void test('bad usage and bad files are UsageErrors with Danish messages', async () => {
  assert.match(await usageError([]), /Angiv præcis én fil/);
  assert.match(await usageError([seed, '--xml']), /Ukendt tilvalg: --xml/);
  assert.match(await usageError(['/findes/ikke.pdf', '--json']), /findes ikke/);
  await withTempDir(async (dir) => {
    const empty = join(dir, 'tom.txt');
    await writeFile(empty, '');
    assert.match(await usageError([empty, '--json']), /Filen er tom\./);

    const binary = join(dir, 'billede.bin');
    await writeFile(
      binary,
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
    );
    assert.match(await usageError([binary, '--json']), /hverken en PDF eller en tekstfil/);

    const brokenPdf = join(dir, 'brudt.pdf');
    await writeFile(brokenPdf, '%PDF-1.4\nikke en rigtig pdf');
    assert.match(await usageError([brokenPdf, '--json']), /beskadiget/);

    const folder = join(dir, 'mappe');
    await mkdir(folder);
    assert.match(await usageError([folder]), /er en mappe/);
  });
});

void test('a Latin-1 text file is read as Latin-1, not refused', async () => {
  await withTempDir(async (dir) => {
    const file = join(dir, 'latin1.txt');
    const text =
      ' Punkt 1.\n\nGodkendelse af referat fra mødet på Læsø\n\nIndstilling\n\nDet indstilles, at\n\nDAS godkender referatet\n';
    await writeFile(file, Buffer.from(text, 'latin1'));
    const io = fakeIo();
    assert.equal(await parseCommand([file, '--json'], io), 0);
    const json = JSON.parse(io.out.join('')) as {
      items: { title: string; recommendations: string[] }[];
    };
    assert.equal(json.items[0]?.title, 'Godkendelse af referat fra mødet på Læsø');
    assert.deepEqual(json.items[0]?.recommendations, ['DAS godkender referatet']);
  });
});
