/**
 * The searchable text of an uploaded attachment: a PDF's text layer, a workbook's (XLSX) cells, a
 * Word document's (DOCX) paragraphs and tables, or a text file decoded (UTF-8, UTF-16 with a
 * byte-order mark, else Windows-1252). Other formats, PDFs without text and files that cannot be
 * read give null: the attachment is stored all the same and is found by its title.
 */
import { decodeText, hasPdfHeader } from './input.ts';
import { normalizeCharacters } from './clean.ts';
import { docxText } from './docx-text.ts';
import { hasZipHeader } from './office-zip.ts';
import { extractPdfPages } from './pdf-text.ts';
import { xlsxText } from './xlsx-text.ts';

/** Text beyond this is not indexed (PostgreSQL's tsvector has a 1 MB limit). */
const MAX_CHARS = 400_000;

const XLSX = {
  extension: /\.xls[xm]$/i,
  mediaTypes: [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.ms-excel.sheet.macroenabled.12',
  ],
};
const DOCX = {
  extension: /\.doc[xm]$/i,
  mediaTypes: [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-word.document.macroenabled.12',
  ],
};

/** An Office file is a zip named or typed as one (the zip alone does not say which). */
const isOffice = (
  kind: typeof XLSX,
  bytes: Uint8Array,
  filename: string,
  mediaType: string,
): boolean =>
  hasZipHeader(bytes) &&
  (kind.extension.test(filename) || kind.mediaTypes.includes(mediaType.toLowerCase()));

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
  } else if (isOffice(XLSX, bytes, filename, mediaType)) {
    text = await xlsxText(bytes, MAX_CHARS).catch(() => null);
  } else if (isOffice(DOCX, bytes, filename, mediaType)) {
    text = await docxText(bytes, MAX_CHARS).catch(() => null);
  } else if (mediaType.startsWith('text/') || /\.(txt|csv|md)$/i.test(filename)) {
    text = decodeText(bytes);
  }
  // normalizeCharacters turns tabs into spaces, so each tab-separated cell is cleaned on its own.
  return text === null ? null : text.split('\t').map(normalizeCharacters).join('\t');
}
