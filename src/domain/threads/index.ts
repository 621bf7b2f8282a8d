/** Case threads: pure rules that link items across meetings into one case's timeline. */
export * from './types.ts';
export * from './item-kinds.ts';
export * from './terms.ts';
export * from './linking.ts';
export * from './clustering.ts';
