import * as assert from 'node:assert/strict';
import { isCalendarDate } from '../../server/src/engine/calendarDate';

describe('isCalendarDate', () => {
  it('accepts the days the calendar has, leap days included', () => {
    for (const day of ['2026-03-14', '2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30', '0001-01-01', '0099-05-05', '9999-12-31']) {
      assert.equal(isCalendarDate(day), true, day);
    }
  });

  it('rejects days that do not exist: February 30, leap days of common years, month 13, day 0, year 0000', () => {
    for (const day of ['2026-02-30', '2023-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32', '0000-01-01']) {
      assert.equal(isCalendarDate(day), false, day);
    }
  });

  it('rejects anything not written YYYY-MM-DD', () => {
    for (const text of ['2026-3-14', '26-03-14', '2026/03/14', '2026-03-14T10:00', ' 2026-03-14', '', 'March 14, 2026']) {
      assert.equal(isCalendarDate(text), false, JSON.stringify(text));
    }
  });
});
