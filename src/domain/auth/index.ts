export * from './password-policy.ts';
export * from './throttle.ts';
export * from './messages.ts';
