/** The four levels on a hand-computed example: region sums, fixed prices, per inhabitant, benchmarks. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  aggregate,
  benchmark,
  deviation,
  deviationShare,
  toFixed,
  type AmountRow,
  type Effort,
} from './aggregate.ts';

const efforts: Effort[] = [
  { code: 'botilbud', name: 'Botilbud', targetGroup: 'adults' },
  { code: 'anbringelser', name: 'Anbringelser', targetGroup: 'children' },
];
const mapping = new Map<string, string | null>([
  ['5.38.50', 'botilbud'],
  ['5.38.52', 'botilbud'],
  ['5.28.23', 'anbringelser'],
  ['5.38.99', null],
]);

const a = (
  kind: AmountRow['kind'],
  areaCode: string,
  year: number,
  functionCode: string,
  amount: number,
): AmountRow => ({
  kind,
  areaCode,
  year,
  functionCode,
  amount,
});

const amounts: AmountRow[] = [
  a('accounts', '851', 2022, '5.38.50', 1_000_000),
  a('accounts', '851', 2022, '5.38.52', 500_000),
  a('accounts', '851', 2023, '5.38.50', 1_200_000),
  a('accounts', '851', 2023, '5.28.23', 300_000),
  a('accounts', '825', 2023, '5.38.50', 20_000),
  a('accounts', '825', 2023, '5.38.99', 7),
  a('budget', '851', 2023, '5.38.50', 1_000_000),
  a('budget', '851', 2023, '5.28.23', 400_000),
  // A region row: ignored, the region is the sum of its kommuner in the data.
  a('accounts', '081', 2023, '5.38.50', 99_999_999),
];

const population = [
  { areaCode: '851', period: '2023K1', group: '18-64' as const, count: 1000 },
  { areaCode: '851', period: '2023K2', group: '18-64' as const, count: 5 },
  { areaCode: '851', period: '2022K1', group: '18-64' as const, count: 1000 },
  { areaCode: '851', period: '2023K1', group: '0-17' as const, count: 300 },
  { areaCode: '825', period: '2023K1', group: '18-64' as const, count: 100 },
];

void describe('aggregate', () => {
  const result = aggregate({
    amounts,
    mapping,
    efforts,
    population,
    priceIndex: new Map([
      [2022, 100],
      [2023, 125],
    ]),
    activity: [{ areaCode: '851', effortCode: 'botilbud', year: 2023, citizens: 12 }],
  });
  const aalborg = result.municipalities.find((m) => m.area.code === '851');
  const laesoe = result.municipalities.find((m) => m.area.code === '825');
  const region = result.regions.find((r) => r.area.code === '081');

  void it('level 1 and 2: totals and areas of effort per year, region = sum of kommuner', () => {
    assert.deepEqual(result.years, [2022, 2023]);
    assert.deepEqual(aalborg?.total.accounts, [1_500_000, 1_500_000]);
    assert.deepEqual(aalborg?.byEffort.botilbud?.accounts, [1_500_000, 1_200_000]);
    assert.deepEqual(aalborg?.byEffort.anbringelser?.accounts, [null, 300_000]);
    assert.deepEqual(region?.total.accounts, [1_500_000, 1_520_000]);
    assert.deepEqual(result.unmapped, [{ functionCode: '5.38.99', rows: 1 }]);
  });

  void it('fixed prices in the newest index year', () => {
    assert.equal(result.baseYear, 2023);
    assert.deepEqual(result.priceFactor, [1.25, 1]);
    assert.deepEqual(
      toFixed(aalborg?.total.accounts ?? [], result.priceFactor),
      [1_875_000, 1_500_000],
    );
  });

  void it('budget against accounts', () => {
    assert.deepEqual(aalborg?.total.budget, [null, 1_400_000]);
    assert.deepEqual(deviation(aalborg?.total ?? { accounts: [], budget: [] }), [null, 100_000]);
    assert.deepEqual(
      deviationShare(aalborg?.byEffort.anbringelser ?? { accounts: [], budget: [] }),
      [null, -0.25],
    );
  });

  void it('level 3: per inhabitant of the age group on 1 January, per citizen', () => {
    assert.deepEqual(aalborg?.perInhabitant.adults, [1500, 1200]);
    assert.deepEqual(aalborg?.perInhabitant.children, [null, 1000]);
    assert.deepEqual(laesoe?.perInhabitant.adults, [null, 200]);
    // The region's population is the sum of its kommuner when FOLK1A has no region row.
    assert.deepEqual(region?.population.adults, [1000, 1100]);
    assert.deepEqual(region?.perInhabitant.adults, [1500, 1_220_000 / 1100]);
    assert.deepEqual(aalborg?.perCitizen.botilbud, [null, 100_000]);
  });

  void it('benchmarks each kommune against the others and the region', () => {
    const b = benchmark(result, '081', 2023, 'adults');
    assert.equal(b.region?.value, 1_220_000 / 1100);
    const aal = b.rows.find((r) => r.area.code === '851');
    assert.equal(aal?.rank, 1);
    assert.equal(aal?.index, (1200 / (1_220_000 / 1100)) * 100);
    // 1500 × 1.25 (fixed 2023 prices) → 1200: −36 %
    assert.equal(aal?.growth, 1200 / 1875 - 1);
    assert.equal(b.rows.find((r) => r.area.code === '825')?.rank, 2);
    assert.equal(b.rows.find((r) => r.area.code === '810')?.value ?? null, null);
  });
});
