import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readAppendixImport, splitService } from './appendix-import.ts';

const OFFERS = [
  { id: 1, name: 'Bostedet Kirketoften', operator: 'Aalborg Kommune' },
  { id: 2, name: 'Kvisten', operator: 'Region Nordjylland' },
];
const HEADER = [
  'Driftsherre',
  'Tilbud',
  'Ydelse',
  'Målgruppe',
  'Lovgrundlag',
  'Pladser',
  'Takst forrige år',
  'Takst',
  'Ændring %',
];
const row = (op: string, offer: string, service: string, amount: string) => [
  op,
  offer,
  service,
  '',
  '§ 108',
  '',
  '',
  amount,
  '',
];

void describe('appendix import', () => {
  void it('reads rows, matching offers by operator and name, Danish amounts to øre', () => {
    const r = readAppendixImport(
      [
        ['  driftsherre ', 'TILBUD', 'ydelse', 'takst'],
        ['aalborg  kommune', 'bostedet kirketoften', 'Døgnophold (døgn)', '12.995,50'],
        [],
        ['Region Nordjylland', 'Kvisten', 'Dagtilbud (Måned)', '13491'],
        ['I alt Region Nordjylland', '', '', '8'],
      ],
      OFFERS,
    );
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.rows, [
      { offerId: 1, service: 'Døgnophold', unit: 'day', amount: 1299550 },
      { offerId: 2, service: 'Dagtilbud', unit: 'month', amount: 1349100 },
    ]);
  });

  void it('lists every bad row with its row number and a Danish reason', () => {
    const r = readAppendixImport(
      [
        HEADER,
        row('Aalborg Kommune', 'Bostedet Kirketoften', 'Døgnophold (døgn)', '12,99,5'),
        row('Aalborg Kommune', 'Ukendt Hus', 'Døgnophold (døgn)', '100'),
        row('Aalborg Kommune', 'Kvisten', 'Døgnophold (døgn)', '100'),
        row('Region Nordjylland', 'Kvisten', '', '100'),
        row('Region Nordjylland', 'Kvisten', 'Døgnophold', '100'),
        row('Region Nordjylland', 'Kvisten', 'Døgnophold (døgn)', '100'),
        row('Region Nordjylland', 'Kvisten', 'døgnophold (døgn)', '200'),
        row('Region Nordjylland', 'Kvisten', 'Aflastning (døgn)', '-5'),
      ],
      OFFERS,
    );
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.message]),
      [
        [2, 'Taksten "12,99,5" er ikke et beløb; skriv fx 12.995,50.'],
        [
          3,
          'Tilbuddet "Ukendt Hus" findes ikke i tilbudsregistret. Tjek stavningen, eller opret tilbuddet først.',
        ],
        [
          4,
          'Tilbuddet "Kvisten" findes ikke hos driftsherren "Aalborg Kommune"; i registret hører det til "Region Nordjylland".',
        ],
        [5, 'Ydelsen mangler.'],
        [
          6,
          'Ydelsen "Døgnophold" mangler enheden; skriv fx "Døgnophold (døgn)" (døgn, måned, time, enhed).',
        ],
        [8, 'Ydelsen "døgnophold (døgn)" for "Kvisten" står også i række 7.'],
        [9, 'Taksten "-5" er negativ; en takst kan ikke være under 0 kr.'],
      ],
    );
  });

  void it('takes the unit from an Enhed column and refuses a file without the header', () => {
    const r = readAppendixImport(
      [
        ['Driftsherre', 'Tilbud', 'Ydelse', 'Enhed', 'Takst'],
        ['Region Nordjylland', 'Kvisten', 'Døgnophold', 'pr. døgn', '1.000'],
      ],
      OFFERS,
    );
    assert.deepEqual(r.rows, [{ offerId: 2, service: 'Døgnophold', unit: 'day', amount: 100000 }]);
    const none = readAppendixImport([['Navn', 'Beløb']], OFFERS);
    assert.equal(none.problems[0]?.line, null);
    assert.match(none.problems[0]?.message ?? '', /overskriftsrække/);
    const noOperator = readAppendixImport([['Tilbud', 'Ydelse', 'Takst']], OFFERS);
    assert.deepEqual(noOperator.problems, [
      { line: 1, message: 'Overskriftsrækken mangler kolonnen Driftsherre.' },
    ]);
    assert.deepEqual(readAppendixImport([HEADER], OFFERS).problems, [
      { line: null, message: 'Filen har ingen takster under overskriftsrækken.' },
    ]);
  });

  void it('splits "Service (unit)"', () => {
    assert.deepEqual(splitService('Støtte (Time)'), { service: 'Støtte', unit: 'hour' });
    assert.deepEqual(splitService('Pakke (niveau 2)'), { service: 'Pakke (niveau 2)', unit: null });
  });
});
