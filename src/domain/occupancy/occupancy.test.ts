import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  daysInMonth,
  institutionYear,
  markMonth,
  monthlyOccupancy,
  yearlyOccupancy,
  type MonthFigures,
} from './occupancy.ts';

void describe('occupancy', () => {
  void it('knows 31-day months and leap Februaries', () => {
    assert.equal(daysInMonth(2021, 1), 31);
    assert.equal(daysInMonth(2021, 4), 30);
    assert.equal(daysInMonth(2021, 2), 28);
    assert.equal(daysInMonth(2024, 2), 29);
    assert.equal(daysInMonth(2000, 2), 29);
    assert.equal(daysInMonth(1900, 2), 28);
  });

  void it('computes a 31-day month as occupied / (places × 31)', () => {
    // 10 places in January: 310 place-days; 279 occupied = 90 %.
    assert.equal(monthlyOccupancy({ month: '2021-01', places: 10, occupiedDays: 279 }), 0.9);
    assert.equal(monthlyOccupancy({ month: '2021-01', places: 10, occupiedDays: 310 }), 1);
  });

  void it('uses 29 days in a leap February and 28 otherwise', () => {
    // 290 occupied days with 10 places: exactly full in Feb 2024, over 100 % in Feb 2023.
    assert.equal(monthlyOccupancy({ month: '2024-02', places: 10, occupiedDays: 290 }), 1);
    assert.equal(monthlyOccupancy({ month: '2023-02', places: 10, occupiedDays: 280 }), 1);
    const over = monthlyOccupancy({ month: '2023-02', places: 10, occupiedDays: 290 });
    assert.ok(over !== null && over > 1);
    assert.equal(markMonth(over, null), 'over-capacity');
  });

  void it('has no occupancy without places', () => {
    assert.equal(monthlyOccupancy({ month: '2021-03', places: 0, occupiedDays: 0 }), null);
  });

  void it('computes the year from the days, not the mean of the months', () => {
    // January 2024: 10 places, full (310/310). February 2024: 20 places, half (290/580).
    const figures: MonthFigures[] = [
      { month: '2024-01', places: 10, occupiedDays: 310 },
      { month: '2024-02', places: 20, occupiedDays: 290 },
      { month: '2023-12', places: 99, occupiedDays: 0 },
    ];
    const y = yearlyOccupancy(figures, 2024);
    assert.equal(y.placeDays, 310 + 580);
    assert.equal(y.occupiedDays, 600);
    assert.equal(y.occupancy, 600 / 890);
    assert.notEqual(y.occupancy, 0.75); // the mean of 100 % and 50 %
    assert.equal(y.months, 2);
  });

  void it('marks months over 100 % and under the budget', () => {
    assert.equal(markMonth(1.01, 0.95), 'over-capacity');
    assert.equal(markMonth(0.9, 0.95), 'under-budget');
    assert.equal(markMonth(0.95, 0.95), null);
    assert.equal(markMonth(0.5, null), null);
    const row = institutionYear(
      'Kvisten',
      0.95,
      [
        { month: '2021-01', places: 10, occupiedDays: 320 },
        { month: '2021-02', places: 10, occupiedDays: 200 },
      ],
      2021,
    );
    assert.equal(row.months.length, 12);
    assert.equal(row.months[0]?.mark, 'over-capacity');
    assert.equal(row.months[1]?.mark, 'under-budget');
    assert.equal(row.months[2], null);
    assert.equal(row.year.occupancy, 520 / 590);
    assert.equal(row.yearMark, 'under-budget');
  });
});
