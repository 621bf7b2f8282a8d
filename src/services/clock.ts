/** The one source of "now" for services; tests pass a fixed clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Today's calendar date in Danish time, as 'YYYY-MM-DD'. */
export function today(clock: Clock): string {
  return clock.now().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
}
