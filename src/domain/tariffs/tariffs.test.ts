import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StateError } from '../errors.ts';
import { POPULATION_2020K1 } from '../financing/population-2020.fixture.ts';
import {
  assertReportEditable,
  assertReportingOpen,
  buildAppendix,
  changeHundredths,
  checkLines,
  exceedsChangeLimit,
  formatDanishDateTime,
  historyKey,
  overviewStatus,
  parseDanishDateTime,
  roundPhase,
  splitByPopulation,
  timeToDeadline,
  type LineInput,
  type RoundWindow,
} from './index.ts';

const round: RoundWindow = {
  status: 'open',
  opensAt: new Date('2021-06-11T06:00:00Z'),
  deadline: new Date('2021-08-06T08:00:00Z'), // 10:00 Danish summer time
  correctionOpensAt: new Date('2021-10-25T07:00:00Z'),
  correctionDeadline: new Date('2021-11-05T11:00:00Z'),
};

void describe('the reporting window', () => {
  void it('is open from the opening time to the deadline, and in the correction round', () => {
    assert.equal(roundPhase(round, new Date('2021-06-10T12:00:00Z')), 'not-yet-open');
    assert.equal(roundPhase(round, new Date('2021-08-06T08:00:00Z')), 'open');
    assert.equal(roundPhase(round, new Date('2021-08-06T08:00:01Z')), 'after-deadline');
    assert.equal(roundPhase(round, new Date('2021-10-26T08:00:00Z')), 'correction');
    assert.equal(roundPhase(round, new Date('2021-11-06T08:00:00Z')), 'after-deadline');
    assert.equal(roundPhase({ ...round, status: 'draft' }, new Date('2021-07-01')), 'draft');
    assert.equal(roundPhase({ ...round, status: 'closed' }, new Date('2021-07-01')), 'closed');
  });
  void it('refuses reports outside the window with a Danish reason', () => {
    assert.throws(
      () => assertReportingOpen(round, new Date('2021-08-06T08:01:00Z')),
      (e: unknown) => e instanceof StateError && /6\. august 2021 kl\. 10\.00/.test(e.message),
    );
    assert.doesNotThrow(() => assertReportingOpen(round, new Date('2021-07-01T08:00:00Z')));
  });
  void it('reads and writes Danish date-times', () => {
    assert.equal(
      parseDanishDateTime('06.08.2021 10:00')?.toISOString(),
      '2021-08-06T08:00:00.000Z',
    );
    assert.equal(
      parseDanishDateTime('1.12.2021 kl. 9.30')?.toISOString(),
      '2021-12-01T08:30:00.000Z',
    );
    assert.equal(parseDanishDateTime('32.01.2021 10:00'), null);
    assert.equal(formatDanishDateTime(round.deadline), '6. august 2021 kl. 10.00');
    assert.equal(
      timeToDeadline(new Date('2021-08-04T06:00:00Z'), round.deadline),
      '2 dage og 2 timer',
    );
    assert.equal(
      timeToDeadline(new Date('2021-08-07T06:00:00Z'), round.deadline),
      'Fristen er overskredet',
    );
  });
});

void describe('the change check', () => {
  void it('measures the change exactly against the limit', () => {
    // Børnehus Nord 2021: 13.491 → 12.995 kr. is −3.68 %
    assert.equal(changeHundredths(1_349_100, 1_299_500), -368);
    assert.equal(exceedsChangeLimit(1_349_100, 1_299_500, 1000), false);
    assert.equal(exceedsChangeLimit(100_000, 110_000, 1000), false); // exactly 10 %
    assert.equal(exceedsChangeLimit(100_000, 110_001, 1000), true);
    assert.equal(exceedsChangeLimit(100_000, 89_999, 1000), true);
    assert.equal(exceedsChangeLimit(0, 1, 1000), true);
    assert.equal(changeHundredths(null, 5), null);
  });
  const line = (over: Partial<LineInput> = {}): LineInput => ({
    offerId: 1,
    kind: 'main',
    service: 'Døgnophold',
    unit: 'day',
    amount: 1_299_550,
    basisAmount: null,
    serviceAmount: null,
    occupancy: 9500,
    changeReason: '',
    ...over,
  });
  const prev = new Map([[historyKey(line()), 1_000_000]]);
  void it('asks for a reason beyond the limit, and checks amounts and occupancy', () => {
    const errors = checkLines(
      [line(), line({ service: '', amount: -1, occupancy: 10_001, offerId: 9 })],
      prev,
      1000,
      new Set([1]),
    );
    assert.match(errors['lines.0.changeReason'] ?? '', /mere end 10 %/);
    assert.equal(errors['lines.1.service'], 'Skriv ydelsens navn.');
    assert.equal(errors['lines.1.amount'], 'Taksten må ikke være negativ.');
    assert.match(errors['lines.1.occupancy'] ?? '', /mellem 0 og 100/);
    assert.match(errors['lines.1.offerId'] ?? '', /egne tilbud/);
    assert.deepEqual(
      checkLines([line({ changeReason: 'Ny normering' })], prev, 1000, new Set([1])),
      {},
    );
    // a higher limit set by the secretariat lets the change through
    assert.deepEqual(checkLines([line()], prev, 3000, new Set([1])), {});
  });
  void it('requires basis and service tariff to add up', () => {
    const errors = checkLines(
      [line({ basisAmount: 100, serviceAmount: 200, amount: 1_000_000 })],
      prev,
      1000,
      new Set([1]),
    );
    assert.match(errors['lines.0.serviceAmount'] ?? '', /tilsammen/);
  });
});

void describe('locking and status', () => {
  void it('locks submitted and approved reports', () => {
    assert.throws(() => assertReportEditable({ status: 'submitted' }), StateError);
    assert.throws(() => assertReportEditable({ status: 'approved' }), StateError);
    assert.doesNotThrow(() => assertReportEditable({ status: 'draft' }));
  });
  void it('summarises a report for the overview', () => {
    assert.equal(overviewStatus(null), 'not-started');
    assert.equal(overviewStatus({ status: 'draft', lineCount: 0 }), 'not-started');
    assert.equal(overviewStatus({ status: 'draft', lineCount: 2 }), 'in-progress');
    assert.equal(overviewStatus({ status: 'submitted', lineCount: 2 }), 'submitted');
    assert.equal(overviewStatus({ status: 'approved', lineCount: 2 }), 'approved');
  });
});

void describe('fixed-share financing', () => {
  void it('splits Børnehus Nord’s net 136.072 kr. by 2020K1 population, summing exactly', () => {
    const populations = POPULATION_2020K1.map(([name, count]) => ({ name, count }));
    const result = splitByPopulation(136_072, '2020K1', populations);
    const sum = result.allocations.reduce((s, a) => s + a.amount, 0);
    assert.equal(sum, 136_072);
    assert.equal(result.allocations.length, 11);
    const aalborg = result.allocations.find((a) => a.name === 'Aalborg');
    // 136072 × 217075 / 589936 = 50069.8…
    assert.ok(aalborg !== undefined && Math.abs(aalborg.amount - 50_070) <= 1);
    for (const amount of [0, 1, 11, 999_999]) {
      const r = splitByPopulation(amount, '2020K1', populations);
      assert.equal(
        r.allocations.reduce((s, a) => s + a.amount, 0),
        amount,
      );
    }
    assert.throws(() => splitByPopulation(1, 'x', populations), RangeError);
  });
});

void describe('the appendix', () => {
  void it('groups by operator, counts each offer’s places once and computes the change', () => {
    const base = { targetGroups: ['Børn'], lawSections: ['§ 50'], unit: 'day' as const };
    const a = buildAppendix(2021, [
      {
        ...base,
        operator: 'Region Nordjylland',
        offerId: 1,
        offer: 'Børnehus Nord',
        service: 'Undersøgelse',
        places: 4,
        previous: 1_349_100,
        amount: 1_299_500,
      },
      {
        ...base,
        operator: 'Aalborg Kommune',
        offerId: 2,
        offer: 'Aktivitetshuset',
        service: 'Dag',
        places: 43,
        previous: null,
        amount: 50_000,
      },
      {
        ...base,
        operator: 'Aalborg Kommune',
        offerId: 2,
        offer: 'Aktivitetshuset',
        service: 'Tillæg',
        places: 43,
        previous: 10_000,
        amount: 12_000,
      },
    ]);
    assert.deepEqual(
      a.groups.map((g) => [g.operator, g.totalPlaces, g.rows.length]),
      [
        ['Aalborg Kommune', 43, 2],
        ['Region Nordjylland', 4, 1],
      ],
    );
    assert.equal(a.totalPlaces, 47);
    assert.equal(a.offerCount, 2);
    assert.equal(a.groups[0]?.rows[1]?.places, null);
    assert.equal(a.groups[0]?.rows[1]?.change, 2000);
    assert.equal(a.groups[1]?.rows[0]?.change, -368);
    assert.equal(a.groups[1]?.rows[0]?.service, 'Undersøgelse (døgn)');
  });
});
