export * from './types.ts';
export * from './rules.ts';
export * from './timeline.ts';
export * from './status.ts';
