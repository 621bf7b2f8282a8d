// Fuzzing: thousands of mutated documents (synthetic layouts generated here, and the real seed
// texts when present) must parse without throwing, within a time bound, to well-formed output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { parseMeetingDocument } from './parse-meeting.ts';
import { toContractJson } from './contract.ts';
import type { ParsedMeeting } from './types.ts';

const seedsDir = new URL('../../../shared/seeds/', import.meta.url);
const seeds = (() => {
  try {
    return readdirSync(seedsDir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => readFileSync(new URL(name, seedsDir), 'utf8'));
  } catch {
    return [];
  }
})();

/** Pieces the layouts are made of, including the awkward ones the archive has. */
const fragments = [
  'Punkt 1.',
  'Punkt 2.',
  ' Punkt 3.',
  'Punkt 7-9',
  'Punkt 1 + 2',
  '1. Godkendelse af dagsorden',
  '2. Godkendelse af referat fra mødet den 17. november 2016',
  '3. Evt.',
  '12. Næste møde',
  '4. Status (side 5)',
  'Resume',
  'Resumé',
  'Indstilling',
  'Indstilling:',
  'Det indstilles, at',
  'Den Administrative Styregruppe bedes',
  '\uf0b7 at godkende',
  '• DAS godkender',
  'o Primo 2021:',
  'Sagsbeskrivelse',
  'SAGSBESKRIVELSE - NY MODEL',
  'Baggrund',
  'Bilag',
  'Bilag:',
  'Bilag 2. KLK rapport',
  'BILAG 3. TAKSTER',
  'Beslutning:',
  'Referat',
  'Referat:',
  'Godkendt',
  'Bemærkning efter mødet',
  'Lukket punkt',
  'Sager til behandling',
  'Sager til orientering (15.30-15.50)',
  'Velkomst',
  '(13.00-13.05)',
  'DAS SocialDAS SocialDAS SocialDAS Social',
  'DAS Social Møde den 20.01.2021',
  'Mødet den 19.10.2020 FU Social',
  'kl. 13.00 Side 5 af 5Side 12 af 39',
  '2/12',
  'Side 3 af 9',
  'Kære alle',
  'Med venlig hilsen',
  'Møde Den Administrative Styregruppe',
  'Tid 2. marts 2017, kl. 13.00-16.00',
  'Deltagere A (B), C og D',
  'be-',
  'slutning',
  'børne-',
  'og ungeområdet',
  'vi l  på',
  'mundtl ig t i lbagemelding',
  't i l',
  'Taksten falder fra 13.491 kr. til 12.995 kr.',
  '1,18 mio. kr.',
  '§§ 109-110',
  'jf. punkt 9',
  'DAS drøftede på møde den 19. oktober 2020',
  'a\u030a',
  '\u00a0',
  '\f',
  '',
  '',
  ' ',
  '   ',
  '15. maj 2012 1. møde',
  'http://rammeaftalernord.dk/x.pdf',
  '(((((((',
  '§§§§',
  '.........',
  '-----',
];

const line = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...fragments) },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 0, max: 1000 })
      .map((n) => `${n}. ${n % 2 ? 'Titel' : 'titel'} ${n}`),
  },
);
const syntheticDocument = fc.array(line, { maxLength: 120 }).map((lines) => lines.join('\n'));

interface Mutation {
  at: number;
  kind: 'insert' | 'delete' | 'duplicate' | 'swapLines';
  text: string;
  length: number;
}
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert', 'delete', 'duplicate', 'swapLines'),
  text: fc.oneof(
    fc.constantFrom(...fragments).map((f) => `\n${f}\n`),
    fc.string({ maxLength: 20 }),
  ),
  length: fc.integer({ min: 1, max: 400 }),
});

function mutate(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else if (m.kind === 'duplicate')
      out = out.slice(0, at) + out.slice(at, at + m.length) + out.slice(at);
    else {
      const lines = out.split('\n');
      const i = at % Math.max(1, lines.length);
      const j = (at * 7 + m.length) % Math.max(1, lines.length);
      const a = lines[i] ?? '';
      lines[i] = lines[j] ?? '';
      lines[j] = a;
      out = lines.join('\n');
    }
  }
  return out;
}

/** What must hold for every parse, whatever the input. */
function checkWellFormed(parsed: ParsedMeeting): void {
  let previous = -Infinity;
  for (const item of parsed.items) {
    assert.ok(item.number > previous, 'items in increasing order, each once');
    previous = item.number;
    assert.ok(!/\n/.test(item.title), 'title on one line');
    assert.equal(item.title, item.title.trim());
    assert.ok(item.source.fromPage <= item.source.toPage);
    assert.equal(item.text, item.text.normalize('NFC'));
    assert.doesNotMatch(item.text, /[\ue000-\uf8ff\u00a0]/);
    for (const amount of item.mentions.amounts) assert.ok(Number.isSafeInteger(amount));
  }
  assert.ok(parsed.date === null || /^\d{4}-\d{2}-\d{2}$/.test(parsed.date));
  JSON.stringify(toContractJson(parsed));
}

/**
 * Speed is the bench's business (bench/README.md), never a timed assert. A quadratic or
 * backtracking blow-up on these inputs would run for hours, so each test carries a generous
 * timeout that only such a blow-up reaches, even on a loaded machine.
 */
const BLOW_UP = { timeout: 300_000 };

void test('fuzz: synthetic layouts never throw and stay well-formed', BLOW_UP, () => {
  fc.assert(
    fc.property(fc.array(syntheticDocument, { minLength: 1, maxLength: 3 }), (pages) => {
      checkWellFormed(parseMeetingDocument({ pages }));
    }),
    { numRuns: 4000, seed: 20210120 },
  );
});

void test(
  'fuzz: mutated seed documents never throw and stay well-formed',
  { ...BLOW_UP, skip: seeds.length === 0 },
  () => {
    fc.assert(
      fc.property(
        fc.nat(seeds.length - 1),
        fc.array(mutation, { maxLength: 12 }),
        (index, mutations) => {
          const text = mutate(seeds[index] ?? '', mutations);
          checkWellFormed(parseMeetingDocument({ pages: text.split('\f') }));
        },
      ),
      { numRuns: 600, seed: 20170302 },
    );
  },
);

void test('adversarial inputs parse without a blow-up', BLOW_UP, () => {
  const cases = [
    'a b '.repeat(50_000),
    'x'.repeat(500_000),
    `${'1. Titel\n'.repeat(5000)}`,
    Array.from({ length: 4000 }, (_, i) => `${i + 1}. Titel ${i}\nTekst`).join('\n'),
    'Punkt 1.\n'.repeat(5000),
    `${'DAS Social'.repeat(5000)}\n`,
    `${'-\n'.repeat(20_000)}`,
    `${'be-\n\n'.repeat(10_000)}slutning`,
    `Side 1 af 2${' '.repeat(100_000)}x`,
    '§'.repeat(100_000),
    `${'1.'.repeat(50_000)} kr.`,
    `Møde den ${'1.'.repeat(30_000)}`,
    `${'(('.repeat(20_000)}`,
    `${'Bilag 1 x\n'.repeat(5000)}`,
  ];
  for (const text of cases) checkWellFormed(parseMeetingDocument({ pages: [text] }));
});
