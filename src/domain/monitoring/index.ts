// The expenditure monitoring model (DOMAIN "Money"): statbank readers, the four levels, benchmarks.
export * from './areas.ts';
export * from './statbank.ts';
export * from './parse.ts';
export * from './aggregate.ts';
