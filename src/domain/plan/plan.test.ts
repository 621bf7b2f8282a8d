import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildTimeline,
  checkActivityYear,
  checkAgreementPeriod,
  healthOf,
  countActivities,
  isOverdue,
  normaliseInitiativeCode,
  percentDone,
  planStatus,
  slotEnd,
  slotsOf,
  type ActivityStatus,
  type AgreementPlan,
  type PlanActivity,
  type PlanPeriod,
} from './index.ts';

let nextId = 1;
function activity(
  year: number,
  period: PlanPeriod,
  status: ActivityStatus,
  title = `Aktivitet ${nextId}`,
): PlanActivity {
  return {
    id: nextId++,
    initiativeId: 0,
    year,
    period,
    title,
    status,
    committeeId: null,
    itemId: null,
    note: '',
    version: 1,
  };
}

function plan(areas: { activities: PlanActivity[][] }[]): AgreementPlan {
  return {
    agreement: {
      id: 1,
      name: 'Rammeaftale 2021-2022',
      periodStart: 2021,
      periodEnd: 2022,
      vision: '',
      version: 1,
    },
    focusAreas: areas.map((fa, f) => ({
      id: f + 1,
      agreementId: 1,
      number: f + 1,
      title: `Fokusområde ${f + 1}`,
      description: '',
      version: 1,
      initiatives: fa.activities.map((acts, i) => ({
        id: (f + 1) * 10 + i,
        focusAreaId: f + 1,
        code: `${f + 1}${'ABCDEFG'[i]}`,
        title: `Initiativ ${f + 1}${'ABCDEFG'[i]}`,
        description: '',
        committeeId: null,
        version: 1,
        activities: acts,
      })),
    })),
  };
}

void describe('the agreement plan', () => {
  void it('has four slots a year in time order', () => {
    const slots = slotsOf(2021, 2022);
    assert.deepEqual(
      slots.map((s) => s.label),
      [
        'Primo 2021',
        '1. halvår 2021',
        '2. halvår 2021',
        'Ultimo 2021',
        'Primo 2022',
        '1. halvår 2022',
        '2. halvår 2022',
        'Ultimo 2022',
      ],
    );
    assert.equal(slotEnd(2021, 'early'), '2021-03-31');
    assert.equal(slotEnd(2021, 'h1'), '2021-06-30');
    assert.equal(slotEnd(2022, 'late'), '2022-12-31');
  });

  void it('puts activities in their initiative row and slot column, in time order', () => {
    const a = activity(2022, 'h1', 'planned', 'B');
    const b = activity(2021, 'h2', 'done', 'A');
    const c = activity(2022, 'h1', 'planned', 'A');
    const t = buildTimeline(plan([{ activities: [[a, b, c], []] }]));
    assert.equal(t.slots.length, 8);
    assert.deepEqual(
      t.rows.map((r) => r.code),
      ['1A', '1B'],
    );
    assert.deepEqual(
      t.rows[0]?.cells.get('2022-h1')?.map((x) => x.title),
      ['A', 'B'],
    );
    assert.deepEqual(
      t.rows[0]?.cells.get('2021-h2')?.map((x) => x.id),
      [b.id],
    );
    assert.equal(t.rows[1]?.cells.size, 0);
  });

  void it('calls an activity overdue only when planned or running after its slot has ended', () => {
    assert.equal(isOverdue(activity(2021, 'h1', 'planned'), '2021-06-30'), false);
    assert.equal(isOverdue(activity(2021, 'h1', 'planned'), '2021-07-01'), true);
    assert.equal(isOverdue(activity(2021, 'h1', 'in-progress'), '2021-07-01'), true);
    assert.equal(isOverdue(activity(2021, 'h1', 'done'), '2022-01-01'), false);
    assert.equal(isOverdue(activity(2021, 'early', 'planned'), '2021-04-01'), true);
    assert.equal(isOverdue(activity(2021, 'late', 'planned'), '2021-12-31'), false);
  });

  void it('sums health per initiative, focus area and the whole plan', () => {
    const p = plan([
      {
        activities: [
          [activity(2021, 'h1', 'done'), activity(2021, 'h2', 'done')],
          [activity(2021, 'h1', 'planned')],
        ],
      },
      {
        activities: [
          [activity(2022, 'h1', 'in-progress'), activity(2022, 'h2', 'planned')],
          [activity(2022, 'h2', 'delayed')],
        ],
      },
      { activities: [[activity(2022, 'h2', 'planned')], []] },
    ]);
    const s = planStatus(p, '2022-03-15');
    assert.deepEqual(
      s.focusAreas.map((f) => f.initiatives.map((i) => i.health)),
      [
        ['done', 'attention'], // 1B: planned for 1. halvår 2021, not done by March 2022
        ['on-track', 'attention'], // 2B: delayed
        ['not-started', 'empty'],
      ],
    );
    assert.deepEqual(
      s.focusAreas.map((f) => f.health),
      ['attention', 'attention', 'not-started'],
    );
    assert.equal(s.health, 'attention');
    assert.equal(s.counts.total, 7);
    assert.equal(s.counts.overdue, 1);
    assert.deepEqual(
      s.needsAttention.map((a) => [a.year, a.period, a.status]),
      [
        [2021, 'h1', 'planned'],
        [2022, 'h2', 'delayed'],
      ],
    );
    // March 2022 lies in primo and in 1. halvår 2022: the running activity is due now
    assert.deepEqual(
      s.dueNow.map((a) => a.status),
      ['in-progress'],
    );
    assert.equal(percentDone(s.counts), 29); // 2 of 7
  });

  void it('counts cancelled activities out of the share done', () => {
    const c = countActivities(
      [activity(2021, 'h1', 'done'), activity(2021, 'h1', 'cancelled')],
      '2023-01-01',
    );
    assert.equal(percentDone(c), 100);
    assert.equal(healthOf(c), 'done');
  });

  void it('checks codes against the focus area and years against the period', () => {
    assert.deepEqual(normaliseInitiativeCode(' 2 b', 2), { code: '2B' });
    assert.ok('error' in normaliseInitiativeCode('1A', 2));
    assert.ok('error' in normaliseInitiativeCode('A1', 1));
    assert.ok('error' in normaliseInitiativeCode('1AB', 1));
    const agreement = { periodStart: 2021, periodEnd: 2022 };
    assert.deepEqual(checkActivityYear(agreement, 2022), {});
    assert.match(checkActivityYear(agreement, 2023).year ?? '', /2021-2022/);
    assert.deepEqual(checkAgreementPeriod(2021, 2022), {});
    assert.ok(checkAgreementPeriod(2022, 2021).periodEnd);
    assert.ok(checkAgreementPeriod(2020, 2035).periodEnd);
  });
});
