import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { throttledMessage } from './messages.ts';
import { ACCOUNT_RULE, ADDRESS_RULE, laterOf, lockedUntil } from './throttle.ts';

const at = (iso: string) => new Date(iso);
const last = at('2021-01-10T09:00:00Z');

void describe('login throttling rules', () => {
  void it('lets the first failures pass, then doubles the wait up to an hour', () => {
    const wait = (failures: number) => {
      const until = lockedUntil(ACCOUNT_RULE, { failures, lastFailureAt: last }, last);
      return until === null ? 0 : (until.getTime() - last.getTime()) / 60_000;
    };
    assert.deepEqual(
      [0, 4, 5, 6, 7, 8, 9, 10, 11, 40, 5000].map(wait),
      [0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60],
    );
  });

  void it('ends the wait when its time has passed', () => {
    const run = { failures: 6, lastFailureAt: last };
    assert.deepEqual(
      lockedUntil(ACCOUNT_RULE, run, at('2021-01-10T09:01:59Z')),
      at('2021-01-10T09:02:00Z'),
    );
    assert.equal(lockedUntil(ACCOUNT_RULE, run, at('2021-01-10T09:02:00Z')), null);
    assert.equal(lockedUntil(ACCOUNT_RULE, { failures: 9, lastFailureAt: null }, last), null);
  });

  void it('allows an address many more failures than an account', () => {
    assert.equal(lockedUntil(ADDRESS_RULE, { failures: 29, lastFailureAt: last }, last), null);
    assert.ok(lockedUntil(ADDRESS_RULE, { failures: 30, lastFailureAt: last }, last));
  });

  void it('takes the later of two waits', () => {
    const a = at('2021-01-10T09:01:00Z');
    const b = at('2021-01-10T09:04:00Z');
    assert.equal(laterOf(a, b), b);
    assert.equal(laterOf(b, a), b);
    assert.equal(laterOf(null, a), a);
    assert.equal(laterOf(null, null), null);
  });

  void it('says in Danish when to try again, in Danish time', () => {
    const message = throttledMessage(at('2021-07-01T08:17:00Z'), at('2021-07-01T08:15:30Z'));
    assert.match(message, /for mange mislykkede loginforsøg/);
    assert.match(message, /kl\. 10\.17 \(om 2 minutter\)/); // summer time: UTC+2
    assert.match(throttledMessage(last, at('2021-01-10T08:59:30Z')), /kl\. 10\.00 \(om 1 minut\)/);
  });
});
