/**
 * The searchable text of an uploaded attachment: a PDF's text layer, or a text file decoded
 * (UTF-8, UTF-16 with a byte-order mark, else Windows-1252). Other formats, and PDFs without text, give null: the attachment
 * is stored all the same and is found by its title.
 */
import { decodeText, hasPdfHeader } from './input.ts';
import { normalizeCharacters } from './clean.ts';
import { extractPdfPages } from './pdf-text.ts';

/** Text beyond this is not indexed (PostgreSQL's tsvector has a 1 MB limit). */
const MAX_CHARS = 400_000;

export async function extractAttachmentText(
  bytes: Uint8Array,
  filename: string,
  mediaType: string,
): Promise<string | null> {
  let text: string | null = null;
  if (hasPdfHeader(bytes)) {
    text = await extractPdfPages(bytes)
      .then((pages) => pages.join('\n'))
      .catch(() => null);
  } else if (mediaType.startsWith('text/') || /\.(txt|csv|md)$/i.test(filename)) {
    text = decodeText(bytes);
  }
  if (text === null) return null;
  const clean = normalizeCharacters(text).replace(/\s+/g, ' ').trim();
  return clean === '' ? null : clean.slice(0, MAX_CHARS);
}
