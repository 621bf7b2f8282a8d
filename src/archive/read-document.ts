import { extractPdfPages } from './pdf-text.ts';
import { validateArchiveBytes, type ValidateOptions } from './input.ts';
import type { MeetingDocumentInput } from './types.ts';

/**
 * Reads the raw bytes of an archive file (PDF or text) into pages for the parser.
 * Text files are one page unless they carry form feeds, which mark page breaks.
 *
 * @throws ArchiveInputError with a Danish message for input that cannot be read.
 */
export async function readArchiveDocument(
  bytes: Uint8Array,
  options: ValidateOptions = {},
): Promise<MeetingDocumentInput> {
  const input = validateArchiveBytes(bytes, options);
  if (input.type === 'pdf') return { pages: await extractPdfPages(input.bytes) };
  return { pages: input.text.split('\f') };
}
