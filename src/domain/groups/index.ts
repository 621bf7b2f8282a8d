export * from './types.ts';
export * from './coverage.ts';
export * from './representation.ts';
export * from './nomination.ts';
