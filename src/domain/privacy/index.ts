export * from './cpr.ts';
export * from './citizen-table.ts';
export * from './findings.ts';
export * from './public-text.ts';
