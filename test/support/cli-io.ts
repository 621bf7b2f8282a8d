/** A command line's input and output for tests: what a command writes is kept per stream. */
import type { CliIo } from '../../src/cli/io.ts';

export function fakeIo(stdin = ''): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readStdin: () => Promise.resolve(stdin),
  };
}
