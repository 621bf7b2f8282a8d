export * from './dates.ts';
export * from './holidays.ts';
export * from './month-grid.ts';
export * from './ics.ts';
export * from './annual-plan.ts';
