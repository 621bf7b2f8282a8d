import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoWeek } from './dates.ts';
import { danishHolidays, easterSunday, isWorkingDay } from './holidays.ts';
import { monthGrid } from './month-grid.ts';

void describe('Easter Sunday', () => {
  void it('matches known dates over many years', () => {
    const known: Record<number, string> = {
      1961: '1961-04-02',
      1981: '1981-04-19',
      2000: '2000-04-23',
      2008: '2008-03-23',
      2011: '2011-04-24',
      2018: '2018-04-01',
      2019: '2019-04-21',
      2020: '2020-04-12',
      2021: '2021-04-04',
      2022: '2022-04-17',
      2023: '2023-04-09',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2030: '2030-04-21',
      2038: '2038-04-25',
      2049: '2049-04-18',
      2285: '2285-03-22',
    };
    for (const [year, date] of Object.entries(known))
      assert.equal(easterSunday(Number(year)), date);
  });

  void it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let y = 1900; y <= 2200; y++) {
      const e = easterSunday(y);
      assert.equal(new Date(`${e}T00:00:00Z`).getUTCDay(), 0, e);
      assert.ok(e.slice(5) >= '03-22' && e.slice(5) <= '04-25', e);
    }
  });
});

void describe('Danish public holidays', () => {
  const names = (year: number) =>
    Object.fromEntries(danishHolidays(year).map((h) => [h.name, h.date]));

  void it('names the Easter-based holidays of 2021', () => {
    const h = names(2021);
    assert.equal(h['Skærtorsdag'], '2021-04-01');
    assert.equal(h['Langfredag'], '2021-04-02');
    assert.equal(h['2. påskedag'], '2021-04-05');
    assert.equal(h['Store bededag'], '2021-04-30');
    assert.equal(h['Kristi himmelfartsdag'], '2021-05-13');
    assert.equal(h['Pinsedag'], '2021-05-23');
    assert.equal(h['2. pinsedag'], '2021-05-24');
  });

  void it('has Store bededag up to 2023 and not from 2024', () => {
    assert.equal(names(2023)['Store bededag'], '2023-05-05');
    for (let y = 2024; y <= 2060; y++) assert.equal(names(y)['Store bededag'], undefined);
    assert.ok(isWorkingDay('2024-04-26')); // would have been Store bededag
    assert.ok(!isWorkingDay('2023-05-05'));
  });

  void it('2025: Kristi himmelfart 29 May, pinse 8-9 June', () => {
    const h = names(2025);
    assert.equal(h['Kristi himmelfartsdag'], '2025-05-29');
    assert.equal(h['2. pinsedag'], '2025-06-09');
  });

  void it('shows Grundlovsdag and Juleaften but not as public holidays', () => {
    const list = danishHolidays(2021);
    const g = list.find((h) => h.name === 'Grundlovsdag');
    assert.deepEqual(g, { date: '2021-06-05', name: 'Grundlovsdag', public: false });
    assert.equal(list.find((h) => h.name === 'Juleaften')?.public, false);
    assert.equal(list.find((h) => h.name === 'Juledag')?.public, true);
    assert.ok(isWorkingDay('2020-06-05')); // a Friday: working day, though many close
    assert.ok(isWorkingDay('2021-12-27')); // the Monday after Christmas is a working day
  });

  void it('Kristi himmelfartsdag is always a Thursday, 2. pinsedag a Monday', () => {
    for (let y = 1950; y <= 2100; y++) {
      const h = names(y);
      assert.equal(new Date(`${h['Kristi himmelfartsdag']}T00:00:00Z`).getUTCDay(), 4);
      assert.equal(new Date(`${h['2. pinsedag']}T00:00:00Z`).getUTCDay(), 1);
    }
  });
});

void describe('ISO week numbers', () => {
  void it('handles the year boundaries', () => {
    assert.deepEqual(isoWeek('2021-01-01'), { year: 2020, week: 53 });
    assert.deepEqual(isoWeek('2021-01-04'), { year: 2021, week: 1 });
    assert.deepEqual(isoWeek('2024-12-30'), { year: 2025, week: 1 });
    assert.deepEqual(isoWeek('2026-12-31'), { year: 2026, week: 53 });
    assert.deepEqual(isoWeek('2027-01-03'), { year: 2026, week: 53 });
    assert.deepEqual(isoWeek('2022-01-02'), { year: 2021, week: 52 });
    assert.deepEqual(isoWeek('2020-10-19'), { year: 2020, week: 43 });
  });

  void it('agrees with a day-by-day count over 30 years', () => {
    // Walk Mondays: the week increases by one, resetting to 1 when the Thursday's year changes.
    let d = new Date(Date.UTC(2000, 0, 3)); // Monday of week 1, 2000
    let expected = { year: 2000, week: 1 };
    while (d.getUTCFullYear() < 2030) {
      const iso = d.toISOString().slice(0, 10);
      assert.deepEqual(isoWeek(iso), expected, iso);
      for (let k = 1; k < 7; k++)
        assert.deepEqual(
          isoWeek(new Date(d.getTime() + k * 864e5).toISOString().slice(0, 10)),
          expected,
        );
      d = new Date(d.getTime() + 7 * 864e5);
      const thursdayYear = new Date(d.getTime() + 3 * 864e5).getUTCFullYear();
      expected =
        thursdayYear !== expected.year
          ? { year: thursdayYear, week: 1 }
          : { year: expected.year, week: expected.week + 1 };
    }
  });
});

void describe('month grid', () => {
  void it('lays out twelve months with weekday letters, week numbers on Mondays and holidays', () => {
    const grid = monthGrid(2021, [{ date: '2021-01-20', endDate: null, title: 'DAS' }]);
    assert.equal(grid.length, 12);
    assert.equal(grid[1]?.days.length, 28);
    assert.equal(grid[0]?.name, 'januar');
    const jan = grid[0]?.days ?? [];
    assert.equal(jan[0]?.weekdayLetter, 'F'); // 1 January 2021 was a Friday
    assert.equal(jan[0]?.holiday?.name, 'Nytårsdag');
    assert.equal(jan[3]?.week, 1); // Monday 4 January
    assert.equal(jan[2]?.week, null);
    assert.equal(jan[2]?.weekend, true);
    assert.equal(jan[19]?.events.length, 1);
    assert.equal(grid[3]?.days[1]?.holiday?.name, 'Langfredag');
    assert.equal(monthGrid(2024)[1]?.days.length, 29);
  });

  void it('spreads a multi-day event over its days', () => {
    const grid = monthGrid(2021, [{ date: '2021-03-30', endDate: '2021-04-02' }]);
    const count = grid.flatMap((m) => m.days).filter((d) => d.events.length > 0).length;
    assert.equal(count, 4);
  });
});
