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
  const text = await attachmentLines(bytes, filename, mediaType);
  if (text === null) return null;
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean === '' ? null : clean.slice(0, MAX_CHARS);
}

/**
 * The attachment's text with its lines and tabs kept (the publishing guard reports lines and reads
 * tab-separated tables), or null as above.
 */
export async function attachmentLines(
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
  // normalizeCharacters turns tabs into spaces, so each tab-separated cell is cleaned on its own.
  return text === null ? null : text.split('\t').map(normalizeCharacters).join('\t');
}
