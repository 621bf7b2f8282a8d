/** Search: query terms from user input, what a viewer may find, and highlighted snippets. */
export * from './query.ts';
export * from './visibility.ts';
export * from './snippet.ts';
