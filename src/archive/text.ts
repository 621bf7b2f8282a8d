import type { Line } from './lines.ts';

/**
 * Joins cleaned lines into text. A line that starts in lowercase and follows a line without
 * closing punctuation continues it (a PDF line wrap) and is joined with a space; otherwise a
 * new line starts. Blank lines are dropped: PDF extraction puts them everywhere, so they say
 * little about paragraphs.
 */
export function joinLines(lines: Line[]): string {
  let out = '';
  for (const line of lines) {
    const text = line.text;
    if (text === '') continue;
    if (out === '') out = text;
    else if (continuesLine(text) && !/[.!?:]$/.test(out)) out += ` ${text}`;
    else out += `\n${text}`;
  }
  return out;
}

/** Bullets, including the "o" of a second-level Word list, start a new line. */
const BULLET_START = /^(?:[•▪●■◦*–-]|o(?=\s+[\p{Lu}\d]))\s/u;

function continuesLine(text: string): boolean {
  return /^\p{Ll}/u.test(text) && !BULLET_START.test(text);
}
