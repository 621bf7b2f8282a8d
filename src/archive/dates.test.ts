import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDanishDates, firstIsoDate } from './dates.ts';

void test('reads Danish dates in the forms the documents use', () => {
  assert.equal(firstIsoDate('Tid 2. marts 2017, kl. 13.00-16.00'), '2017-03-02');
  assert.equal(firstIsoDate('DAS Social Møde den 20.01.2021'), '2021-01-20');
  assert.equal(firstIsoDate('FU Social: 22.01.19'), '2019-01-22');
  assert.equal(firstIsoDate('den 17. nov. 2016'), '2016-11-17');
  assert.equal(firstIsoDate('opdateret 2021-01-20'), '2021-01-20');
});

void test('a date without a year is found but has no ISO form', () => {
  const [date] = findDanishDates('DAS mødet d. 17. januar blev aflyst');
  assert.deepEqual(date && { day: date.day, month: date.month, year: date.year, iso: date.iso }, {
    day: 17,
    month: 1,
    year: null,
    iso: null,
  });
});

void test('times and impossible dates are not dates', () => {
  assert.deepEqual(findDanishDates('kl. 13.00-16.00'), []);
  assert.deepEqual(findDanishDates('den 31. februar 2021'), []);
  assert.deepEqual(findDanishDates('side 13.14'), []);
});
