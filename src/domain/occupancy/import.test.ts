import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeText, parseCsv } from './csv.ts';
import { parseDanishNumber } from './danish-number.ts';
import { describeProblem, readOccupancyRows } from './import.ts';
import { parseMonth } from './months.ts';

const CSV = [
  'Institution;Måned;Pladser;Belagte dage',
  'Kvisten;2024-01;10;279',
  'Kvisten;februar 2024;10;290',
  '"Børnehus Nord; afd. Øst";jan. 2024;7,5;1.162,5',
].join('\r\n');

/** Latin-1 bytes of a string with only Latin-1 characters. */
const latin1 = (s: string) => Uint8Array.from([...s].map((ch) => ch.charCodeAt(0)));

function readBytes(bytes: Uint8Array) {
  const { text, encoding } = decodeText(bytes);
  return { encoding, result: readOccupancyRows(parseCsv(text)) };
}

void describe('occupancy files', () => {
  void it('reads Danish numbers', () => {
    assert.equal(parseDanishNumber('1.260.562'), 1260562);
    assert.equal(parseDanishNumber('7,5'), 7.5);
    assert.equal(parseDanishNumber('1.162,5'), 1162.5);
    assert.equal(parseDanishNumber('-3,25'), -3.25);
    assert.equal(parseDanishNumber('1 260 562'), 1260562);
    assert.equal(parseDanishNumber('12.5'), null);
    assert.equal(parseDanishNumber('abc'), null);
    assert.equal(parseDanishNumber(''), null);
  });

  void it('reads months in ISO and Danish', () => {
    assert.equal(parseMonth('2021-01'), '2021-01');
    assert.equal(parseMonth('1-2021'), '2021-01');
    assert.equal(parseMonth('Januar 2021'), '2021-01');
    assert.equal(parseMonth('maj 2021'), '2021-05');
    assert.equal(parseMonth('okt. 21'), '2021-10');
    assert.equal(parseMonth('sept. 2021'), '2021-09');
    assert.equal(parseMonth('2021-13'), null);
    assert.equal(parseMonth('foråret'), null);
  });

  for (const [name, bytes, encoding] of [
    [
      'UTF-8 with BOM',
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)]),
      'utf-8-bom',
    ],
    ['UTF-8 without BOM', new TextEncoder().encode(CSV), 'utf-8'],
    ['Latin-1', latin1(CSV), 'windows-1252'],
  ] as const) {
    void it(`reads a semicolon CSV in ${name} with Danish decimals`, () => {
      const { encoding: found, result } = readBytes(bytes);
      assert.equal(found, encoding);
      assert.ok(result.ok, JSON.stringify(result));
      assert.deepEqual(
        result.records.map((r) => [r.institution, r.month, r.places, r.occupiedDays, r.line]),
        [
          ['Kvisten', '2024-01', 10, 279, 2],
          ['Kvisten', '2024-02', 10, 290, 3],
          ['Børnehus Nord; afd. Øst', '2024-01', 7.5, 1162.5, 4],
        ],
      );
    });
  }

  void it('turns placed children per day into place-days', () => {
    const result = readOccupancyRows(
      parseCsv('Institution;Måned;Pladser;Indskrevne pr. dag\nKvisten;2024-02;10;9,5\n'),
    );
    assert.ok(result.ok);
    assert.equal(result.records[0]?.occupiedDays, 9.5 * 29);
    assert.equal(result.occupiedFrom, 'mean-placed');
  });

  void it('reports bad rows with their row numbers and accepts nothing', () => {
    const result = readOccupancyRows(
      parseCsv(
        [
          'Institution;Måned;Pladser;Belagte dage',
          'Kvisten;2024-01;10;279',
          ';2024-02;ti;290',
          'Kvisten;2024-01;10;279',
        ].join('\n'),
      ),
    );
    assert.equal(result.ok, false);
    if (result.ok) return;
    const messages = result.problems.map(describeProblem);
    assert.ok(messages.some((m) => m.startsWith('Række 3: Institution er tom.')));
    assert.ok(messages.some((m) => m.startsWith('Række 3: Pladser skal være et tal')));
    assert.ok(
      messages.some((m) => /^Række 4: Kvisten har allerede tal for 2024-01 i række 2/.test(m)),
    );
  });

  void it('names missing columns', () => {
    const result = readOccupancyRows(parseCsv('Institution;Pladser\nKvisten;10\n'));
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.problems[0]?.message ?? '', /Belagte dage.*Måned/);
  });

  void it('reads XLSX-style cells (numbers and dates)', () => {
    const result = readOccupancyRows([
      { line: 1, cells: ['Institution', 'Måned', 'Pladser', 'Belagte dage'] },
      { line: 2, cells: ['Kvisten', new Date(Date.UTC(2024, 1, 1)), 10, 290] },
    ]);
    assert.ok(result.ok);
    assert.equal(result.records[0]?.month, '2024-02');
  });
});
