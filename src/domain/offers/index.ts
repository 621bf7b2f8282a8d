// The offer register: categories, coverage, places, the reinforced cooperation, money formats.
export * from './money.ts';
export * from './register.ts';
