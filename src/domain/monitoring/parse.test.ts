/** The statbank parsers on each CSV variant: layout, encoding, code or text values, bad files. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  describeProblem,
  parseAge,
  parseExpenditure,
  parseFunction,
  parsePopulation,
  parsePriceIndex,
  type ParseResult,
} from './parse.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

function ok<T>(r: ParseResult<T>) {
  if (!r.ok) assert.fail(r.problems.map(describeProblem).join('\n'));
  return r;
}

const find = <T extends { areaCode: string }>(rows: T[], pred: (r: T) => boolean) =>
  rows.filter(pred);

void describe('REGK31 / BUDK32', () => {
  void it('reads the API layout with text values in UTF-8 with BOM', () => {
    const r = ok(parseExpenditure(fixture('regk31-long-text-bom.csv')));
    assert.equal(r.encoding, 'utf-8-bom');
    assert.equal(r.layout, 'long');
    const rows = r.records.map((x) => `${x.areaCode} ${x.functionCode} ${x.year} ${x.amount}`);
    assert.deepEqual(rows.sort(), [
      '081 5.38.50 2022 812345000',
      '825 5.28.23 2022 -12500',
      '851 5.38.50 2022 301234000',
      '851 5.38.50 2023 310500000',
      '851 5.38.52 2022 120000000',
    ]);
    // Hele landet, the hovedkonto 5.38, Anlæg and "Kr. pr. indbygger" were left out.
    assert.ok(r.notes.some((n) => n.includes('1 Driftskonti')));
    assert.equal(r.records[0]?.functionName, 'Botilbud til længerevarende ophold (§ 108)');
  });

  void it('reads the API layout with codes in Latin-1 and keeps only the net figures', () => {
    const r = ok(parseExpenditure(fixture('regk31-long-code-latin1.csv')));
    assert.equal(r.encoding, 'windows-1252');
    assert.deepEqual(r.records.map((x) => `${x.areaCode} ${x.functionCode} ${x.amount}`).sort(), [
      '081 5.38.50 812345000',
      '825 5.28.23 -12000',
      '851 5.28.23 45000000',
      '851 5.38.50 301234000',
    ]);
  });

  void it('reads the statbank.dk layout (periods as columns, blank = as above) in Latin-1', () => {
    const r = ok(parseExpenditure(fixture('regk31-wide-text-latin1.csv')));
    assert.equal(r.layout, 'wide');
    assert.equal(r.encoding, 'windows-1252');
    const aalborg = find(r.records, (x) => x.areaCode === '851');
    assert.equal(aalborg.length, 5); // 3 years of 5.38.50, 2 of 5.38.52 (2021 is "..")
    assert.equal(
      aalborg.find((x) => x.functionCode === '5.38.52' && x.year === 2023)?.amount,
      125000500,
    );
    assert.equal(find(r.records, (x) => x.areaCode === '825').length, 3);
  });

  void it('reads BUDK32 with "Aalborg Kommune" and thousands points', () => {
    const r = ok(parseExpenditure(fixture('budk32-long-text.csv'), 'BUDK32'));
    assert.equal(r.encoding, 'utf-8');
    assert.equal(r.records.find((x) => x.areaCode === '851')?.amount, 295000000);
  });

  void it('refuses a bad file with Danish messages and row numbers', () => {
    const r = parseExpenditure(fixture('regk31-bad.csv'));
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(r.problems.map(describeProblem), ['Række 2: "12x" er ikke et tal.']);
    const r2 = parseExpenditure(
      new TextEncoder().encode(
        'OMRÅDE;FUNKTION;TID;INDHOLD\nAalborg;Botilbud;2022;5\nAalborg;5.38.52 X;22;5\nOz;5.38.52 X;2022;5\n',
      ),
    );
    assert.equal(r2.ok, false);
    if (r2.ok) return;
    assert.deepEqual(r2.problems.map(describeProblem), [
      'Række 2: Funktionen "Botilbud" har ikke et funktionsnummer (fx 5.38.50). Vælg "kode og tekst" eller "kode" i Statistikbanken.',
      'Række 3: Året "22" skal være fx 2023.',
      'Række 4: Området "Oz" kendes ikke.',
    ]);
  });

  void it('refuses a file where a variable has several values that cannot be added', () => {
    const r = parseExpenditure(
      new TextEncoder().encode(
        'OMRÅDE;FUNKTION;ART;TID;INDHOLD\nAalborg;5.38.50;Udgifter;2022;5\nAalborg;5.38.50;Indtægter;2022;-1\n',
      ),
    );
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.problems[0]?.message ?? '', /flere værdier af ART/);
  });

  void it('reads function numbers in each spelling', () => {
    assert.deepEqual(parseFunction('5.38.50 Botilbud (§ 108)'), {
      code: '5.38.50',
      name: 'Botilbud (§ 108)',
    });
    assert.deepEqual(parseFunction('53850'), { code: '5.38.50', name: '' });
    assert.equal(parseFunction('5.38 Tilbud til voksne med særlige behov'), null);
  });
});

void describe('FOLK1A', () => {
  void it('reads the API layout: totals of KØN and CIVILSTAND, single ages, region kept apart', () => {
    const r = ok(parsePopulation(fixture('folk1a-long-text-bom.csv')));
    const get = (area: string, period: string, group: string) =>
      r.records.find((x) => x.areaCode === area && x.period === period && x.group === group)?.count;
    // Aalborg 2024K1: 0 år counted once (not with Mænd/Kvinder/Ugift), "Alder i alt" not added.
    assert.equal(get('851', '2024K1', '0-17'), 2000 + 2100);
    assert.equal(get('851', '2024K1', '18-64'), 3200 + 2300);
    assert.equal(get('851', '2024K1', '65+'), 2250);
    assert.equal(get('851', '2024K1', 'total'), 2000 + 2100 + 3200 + 2300 + 2250);
    assert.equal(get('851', '2024K2', '0-17'), 2010);
    // The region is its own figure, never the sum of its kommuner, and Hele landet is left out.
    assert.equal(get('081', '2024K1', 'total'), 5000 + 6000 + 6500 + 7000 + 7100 + 50);
    assert.equal(get('081', '2024K1', '65+'), 7150);
    assert.equal(get('825', '2024K1', '18-64'), 20);
    assert.equal(
      r.records.some((x) => x.areaCode === '000'),
      false,
    );
    assert.equal(r.records.find((x) => x.areaCode === '081')?.level, 'region');
  });

  void it('reads the statbank.dk layout in Latin-1 with age groups, adding up the sexes', () => {
    const r = ok(parsePopulation(fixture('folk1a-wide-latin1.csv')));
    assert.equal(r.layout, 'wide');
    const get = (area: string, period: string, group: string) =>
      r.records.find((x) => x.areaCode === area && x.period === period && x.group === group)?.count;
    assert.equal(get('851', '2023K1', '0-17'), 5100 + 4900);
    assert.equal(get('851', '2024K1', '18-64'), 12100 + 11600);
    assert.equal(get('825', '2024K1', '65+'), 410 + 430);
  });

  void it('refuses age groups across the boundaries, bad quarters and unknown areas', () => {
    const r = parsePopulation(fixture('folk1a-bad-age.csv'));
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(r.problems.map(describeProblem), [
      'Række 2: Aldersgruppen "15-19 år" går på tværs af 17/18 eller 64/65 år. Vælg enkelte aldre.',
      'Række 3: Kvartalet "2024" skal være fx 2024K1.',
      'Række 4: Området "Narnia" kendes ikke.',
    ]);
  });

  void it('reads ages in each spelling', () => {
    assert.deepEqual(parseAge('17 år'), [17, 17]);
    assert.deepEqual(parseAge('0-4 år'), [0, 4]);
    assert.deepEqual(parseAge('100 år og derover'), [100, Infinity]);
    assert.equal(parseAge('Alder i alt'), 'total');
    assert.equal(parseAge('IALT'), 'total');
    assert.deepEqual(parseAge('17 17 år'), [17, 17]);
    assert.equal(parseAge('IALT Alder i alt'), 'total');
  });
});

void describe('code and text (valuePresentation=CodeAndValue)', () => {
  void it('reads FOLK1A with codes and texts together', () => {
    const csv =
      'OMRÅDE;KØN;ALDER;TID;INDHOLD\n851 Aalborg;TOT I alt;IALT Alder i alt;2024K1 2024K1;9\n851 Aalborg;TOT I alt;17 17 år;2024K1 2024K1;5\n851 Aalborg;1 Mænd;17 17 år;2024K1 2024K1;3\n';
    const r = ok(parsePopulation(new TextEncoder().encode(csv)));
    assert.equal(r.records.find((x) => x.group === '0-17')?.count, 5);
  });
});

void describe('price index', () => {
  void it('reads year and index with Danish decimals', () => {
    const r = ok(parsePriceIndex(fixture('price-index.csv')));
    assert.deepEqual(r.records, [
      { year: 2021, index: 100 },
      { year: 2022, index: 104.2 },
      { year: 2023, index: 108.5 },
    ]);
    const bad = parsePriceIndex(new TextEncoder().encode('År;Indeks\n2021;0\n'));
    assert.equal(bad.ok, false);
  });
});
