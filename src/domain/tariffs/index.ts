// Tariff reporting, the appendix and fixed-share financing of offers.
export * from './appendix.ts';
export * from './fixed-share.ts';
export * from './rules.ts';
