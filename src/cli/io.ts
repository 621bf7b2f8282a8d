/** What a CLI command may touch of the outside world, so commands can be tested without a process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The whole of standard input as UTF-8 text. */
  readStdin(): Promise<string>;
}

/**
 * Bad input or usage: the CLI prints the Danish message on stderr and exits 2.
 * Any other thrown error is a failure of the program (exit 1).
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A command gets its own arguments (without its name) and returns the exit status. */
export type Command = (args: string[], io: CliIo) => Promise<number>;
