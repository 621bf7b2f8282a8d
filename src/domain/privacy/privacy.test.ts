import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  appendixPublicTexts,
  birthDate,
  birthYear,
  cprRule,
  findCitizenTables,
  meetingPublicTexts,
  passesModulus11,
  requireConfirmation,
  PublishingFindingsError,
  scanCpr,
  scanPublicTexts,
  type ScannedItem,
} from './index.ts';

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
/** Completes nine digits to a modulus-11 number, or null when no last digit does. */
function withCheckDigit(nine: string): string | null {
  const sum = WEIGHTS.slice(0, 9).reduce((s, w, i) => s + w * Number(nine[i]), 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? null : `${nine}${check}`;
}
const pad = (n: number) => String(n).padStart(2, '0');

/** A modulus-11 CPR number for a random date, with a 7th digit that gives the right century. */
const validCpr = fc
  .record({
    date: fc.date({
      min: new Date('1937-01-02T00:00:00Z'),
      max: new Date('2036-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    serial: fc.integer({ min: 0, max: 99 }),
  })
  .map(({ date, serial }) => {
    const y = date.getUTCFullYear();
    // 4 covers 1937-2036, the range every property here uses.
    const nine = `${pad(date.getUTCDate())}${pad(date.getUTCMonth() + 1)}${pad(y % 100)}4${pad(serial)}`;
    return withCheckDigit(nine);
  })
  .filter((d): d is string => d !== null && !d.startsWith('0101'));

const RUNS = { numRuns: 60 };

void describe('CPR rules', () => {
  void it('gives the century from the year and the 7th digit', () => {
    assert.deepEqual(
      [
        [50, 0],
        [50, 3],
        [20, 4],
        [40, 4],
        [36, 9],
        [37, 9],
        [57, 5],
        [58, 8],
      ].map(([yy, d]) => birthYear(yy ?? 0, d ?? 0)),
      [1950, 1950, 2020, 1940, 2036, 1937, 2057, 1858],
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9 }), (yy, d) => {
        const year = birthYear(yy, d);
        return year % 100 === yy && year >= 1858 && year <= 2057;
      }),
      RUNS,
    );
  });

  void it('checks the date, leap years included', () => {
    assert.equal(birthDate('2902004001'), '2000-02-29');
    assert.equal(birthDate('2902001001'), null, '1900 was no leap year');
    assert.equal(birthDate('3104901234'), null);
    assert.equal(birthDate('0013901234'), null);
    assert.equal(birthDate('1503850008'), '1985-03-15');
  });

  void it('accepts modulus 11, and without it only the dates the CPR office lists', () => {
    assert.equal(cprRule('1503850008'), 'modulus-11');
    assert.equal(cprRule('1503850005'), null, 'fails modulus 11 on an ordinary date');
    assert.equal(passesModulus11('0101650000'), false);
    assert.equal(cprRule('0101650000'), 'without-modulus-11', '1 January 1965 is listed');
    assert.equal(cprRule('0101950001'), 'without-modulus-11', '1 January 1995 is listed');
    assert.equal(cprRule('0101610000'), null, '1 January 1961 is not listed');
    // The 7th digit 5 makes YY 65 the year 1865, which is not on the list.
    assert.equal(cprRule('0101655000'), null);
    assert.equal(cprRule('0202300008', '2026-11-23'), null, 'born 2030: not yet');
  });

  void it('finds every valid modulus-11 number, with a dash, a space or nothing', () => {
    fc.assert(
      fc.property(validCpr, fc.constantFrom('-', ' ', ''), (d, sep) => {
        const hits = scanCpr(`Borgeren, ${d.slice(0, 6)}${sep}${d.slice(6)}, er visiteret.`);
        return hits.length === 1 && hits[0]?.masked === `${d.slice(0, 6)}-XXXX`;
      }),
      RUNS,
    );
  });

  void it('rejects every single-digit change of a modulus-11 number off the list', () => {
    fc.assert(
      fc.property(validCpr, fc.nat(9), fc.integer({ min: 1, max: 9 }), (d, pos, delta) => {
        const changed = d.slice(0, pos) + String((Number(d[pos]) + delta) % 10) + d.slice(pos + 1);
        return !passesModulus11(changed);
      }),
      RUNS,
    );
  });

  void it('never finds a number inside a longer run of digits or letters', () => {
    fc.assert(
      fc.property(validCpr, fc.constantFrom('1', 'A', '+', '/'), (d, glue) => {
        return (
          scanCpr(`${glue}${d}`).length === 0 &&
          scanCpr(`${d}${glue === '+' || glue === '/' ? '7' : glue}`).length === 0
        );
      }),
      RUNS,
    );
  });

  void it('leaves phone numbers, accounts, amounts and digit groups alone', () => {
    const d = '1503850008';
    assert.equal(scanCpr(`Tlf. ${d}`).length, 0);
    assert.equal(scanCpr(`kontonr. ${d}`).length, 0);
    assert.equal(scanCpr(`i alt ${d} kr.`).length, 0);
    assert.equal(scanCpr(`beløb: ${d}`).length, 0);
    assert.equal(scanCpr(`${d},50`).length, 0);
    assert.equal(scanCpr(`1.${d}`).length, 0);
    assert.equal(scanCpr(`12 150385 0008 44`).length, 0);
    assert.equal(scanCpr('Periode 010121-311221').length, 0, 'a date range');
    assert.equal(scanCpr('150385-XXXX').length, 0, 'already masked');
    // A dashed number next to other numbers in a table row is still a CPR number.
    assert.equal(scanCpr('Sean 150385-0008 12 år').length, 1);
  });

  void it('reports the line and never the serial', () => {
    const hits = scanCpr('Første linje\nAnden: 150385-0008\n\n0101650000');
    assert.deepEqual(
      hits.map((h) => [h.line, h.masked, h.rule]),
      [
        [2, '150385-XXXX', 'modulus-11'],
        [4, '010165-XXXX', 'without-modulus-11'],
      ],
    );
    assert.ok(!JSON.stringify(hits).includes('0008'));
  });
});

void describe('tables per citizen', () => {
  void it('finds a case-description table of names and birth dates', () => {
    const found = findCitizenTables(
      'Tekst først\n\n| Navn | Født | Kommune |\n|---|---|---|\n| Anna Hansen | 01.02.1990 | Aalborg |\n| Bo Jensen | 03.04.2001 | Hjørring |',
    );
    assert.deepEqual(found, [{ line: 3, personRows: 2, header: ['Navn', 'Født', 'Kommune'] }]);
  });

  void it('finds initials with ages in tab or semicolon text, with or without a header', () => {
    assert.equal(findCitizenTables('Initialer\tAlder\tTilbud\nAH\t34\tX\nBJ\t17\tY').length, 1);
    assert.equal(findCitizenTables('A.H.;34 år;Aalborg\nB.J.;17 år;Hjørring').length, 1);
    assert.equal(
      findCitizenTables('Borger;CPR;Sag\nBorger 1;150385-XXXX;a\nBorger 2;010165-XXXX;b').length,
      1,
    );
  });

  void it('does not fire on tables of kommuner, amounts or a single person', () => {
    assert.deepEqual(
      findCitizenTables(
        'Kommune;Indsatsområde;År;Borgere\nAalborg;Voksne;2023;120\nHjørring;Børn;2023;45',
      ),
      [],
    );
    assert.deepEqual(
      findCitizenTables(
        '| Kommune | Andel | Beløb |\n|---|---|---|\n| Aalborg Kommune | 35 | 1.200.000 |\n| Region Nordjylland | 10 | 300.000 |',
      ),
      [],
    );
    // Action lists: initials and meeting dates, without a birth-date header.
    assert.deepEqual(
      findCitizenTables('Opgave;Ansvarlig;Frist\nNotat;AH;01.02.2024\nBrev;BJ;03.04.2024'),
      [],
    );
    assert.deepEqual(findCitizenTables('Navn;Alder\nAnna Hansen;34'), [], 'one person is no table');
  });
});

const item = (fields: Partial<ScannedItem>): ScannedItem => ({
  id: 1,
  number: 3,
  title: 'Visitation',
  publicTitle: null,
  access: 'open',
  summary: '',
  recommendations: [],
  caseDescription: '',
  presenter: '',
  decision: '',
  postMeetingNote: '',
  ...fields,
});

void describe('public text of a publication', () => {
  const open = item({
    caseDescription: 'Intro\nBorger 150385-0008 er flyttet',
    decision: 'Se 0101650000',
  });
  const closed = item({
    id: 2,
    number: 4,
    access: 'closed',
    title: 'Anna Hansen 150385-0008',
    publicTitle: 'Sag om 010165-0000',
    caseDescription: '150385-0008',
  });
  const attachments = [
    {
      itemId: 1,
      label: 'Bilag 1',
      title: 'Liste',
      filename: 'liste.csv',
      access: 'open' as const,
      text: 'Navn;Født\nAnna Hansen;01.02.1990\nBo Jensen;03.04.2001',
    },
    {
      itemId: 1,
      label: 'Bilag 2',
      title: 'Lukket',
      filename: 'l.txt',
      access: 'closed' as const,
      text: '150385-0008',
    },
    {
      itemId: 2,
      label: 'Bilag 3',
      title: 'Til lukket',
      filename: 'm.txt',
      access: 'open' as const,
      text: '150385-0008',
    },
  ];

  void it('scans the open fields and attachments, and of a closed item only its public title', () => {
    const findings = scanPublicTexts(meetingPublicTexts('agenda', [open, closed], attachments));
    assert.deepEqual(
      findings.map((f) => [f.kind, f.text, f.where.item?.number, f.where.source, f.where.line]),
      [
        ['cpr', '150385-XXXX', 3, 'Sagsfremstilling', 2],
        [
          'citizen-table',
          '2 rækker med personer; kolonner: Navn, Født',
          3,
          'Bilag 1: Liste (liste.csv)',
          1,
        ],
        ['cpr', '010165-XXXX', 4, 'Offentlig titel', 1],
      ],
    );
    // The closed item's real title never appears in a finding.
    assert.ok(!JSON.stringify(findings).includes('Anna Hansen 150385'));
  });

  void it('adds decisions when the minutes are published', () => {
    const findings = scanPublicTexts(meetingPublicTexts('minutes', [open], []));
    assert.deepEqual(
      findings.map((f) => f.where.source),
      ['Sagsfremstilling', 'Beslutning'],
    );
  });

  void it('refuses without confirmation and names the counts', () => {
    const findings = scanPublicTexts(meetingPublicTexts('agenda', [open], attachments));
    assert.throws(
      () => requireConfirmation(findings, false),
      (e: unknown) => {
        assert.ok(e instanceof PublishingFindingsError);
        assert.match(e.message, /1 muligt CPR-nummer og 1 tabel med borgere/);
        return true;
      },
    );
    requireConfirmation(findings, true);
    requireConfirmation([], false);
  });

  void it('does not fire on an ordinary tariff appendix', () => {
    const row = (operator: string, offer: string, amount: number) => ({
      operator,
      offer,
      service: 'Døgnophold (døgn)',
      targetGroup: 'Voksne med autisme',
      lawSection: 'SEL § 107',
      places: 12,
      previous: 2000,
      amount,
      change: 250,
    });
    const appendix = {
      year: 2025,
      groups: [
        {
          operator: 'Aalborg Kommune',
          rows: [
            row('Aalborg Kommune', 'Bostedet Hansen', 2050),
            row('Aalborg Kommune', 'Kollegiet Gl. Lindholm', 3100),
          ],
          totalPlaces: 24,
        },
        {
          operator: 'Region Nordjylland',
          rows: [row('Region Nordjylland', 'Center for Døvblindhed', 4100)],
          totalPlaces: 12,
        },
      ],
      totalPlaces: 36,
      offerCount: 3,
      rowCount: 3,
    };
    assert.deepEqual(scanPublicTexts(appendixPublicTexts(appendix)), []);
    appendix.groups[0]!.rows[0]!.targetGroup = 'Fx borger 150385-0008';
    assert.deepEqual(
      scanPublicTexts(appendixPublicTexts(appendix)).map((f) => [f.where.source, f.where.line]),
      [['Takstbilag 2025', 2]],
    );
  });
});
