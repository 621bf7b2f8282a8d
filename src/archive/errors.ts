/** Why an archive file was refused; lets callers react without parsing the message. */
export type ArchiveInputProblem =
  'empty' | 'too-large' | 'binary' | 'encrypted-pdf' | 'broken-pdf' | 'pdf-without-text';

/**
 * Bad input to the archive importer. The message is a Danish sentence for the user that says
 * what is wrong and, where possible, what to do.
 */
export class ArchiveInputError extends Error {
  override name = 'ArchiveInputError';

  constructor(
    readonly problem: ArchiveInputProblem,
    message: string,
  ) {
    super(message);
  }
}
