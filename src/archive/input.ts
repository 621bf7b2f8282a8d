import { ArchiveInputError } from './errors.ts';

/** Default upper limit for one archive file; real agenda packages are a few MB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export type ArchiveInput = { type: 'pdf'; bytes: Uint8Array } | { type: 'text'; text: string };

export interface ValidateOptions {
  /** Largest accepted file in bytes (default 50 MB). */
  maxBytes?: number;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/**
 * Checks raw file bytes and tells a PDF from text before anything is parsed.
 *
 * Text that is not valid UTF-8 is decoded as Windows-1252 (the superset of Latin-1 that old
 * Danish Windows exports use) instead of being refused: such files are common in the archive
 * and every byte has a meaning there, so nothing is lost or guessed. UTF-16 with a byte-order
 * mark is decoded too.
 *
 * @throws ArchiveInputError with a Danish message for an empty, oversized or binary file.
 */
export function validateArchiveBytes(
  bytes: Uint8Array,
  options: ValidateOptions = {},
): ArchiveInput {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw new ArchiveInputError('empty', 'Filen er tom.');
  if (bytes.length > maxBytes) {
    throw new ArchiveInputError(
      'too-large',
      `Filen er for stor (${formatMegabytes(bytes.length)}); den største tilladte størrelse er ${formatMegabytes(maxBytes)}.`,
    );
  }
  if (hasPdfHeader(bytes)) return { type: 'pdf', bytes };
  const text = decodeText(bytes);
  if (text === null) {
    throw new ArchiveInputError(
      'binary',
      'Filen er hverken en PDF eller en tekstfil og kan ikke læses som et mødedokument.',
    );
  }
  if (text.trim() === '') throw new ArchiveInputError('empty', 'Filen indeholder ingen tekst.');
  return { type: 'text', text };
}

/** A PDF may put its header anywhere in the first 1024 bytes (after junk such as a BOM). */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length - PDF_MAGIC.length, 1024);
  for (let start = 0; start <= limit; start++) {
    if (PDF_MAGIC.every((byte, i) => bytes[start + i] === byte)) return true;
  }
  return false;
}

/** Decodes text bytes, or returns null when they look binary. */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksBinary(bytes)) return null;
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}

// Windows-1252 puts printable characters (dashes, quotes, €) where Latin-1 has C1 controls.
// Node's TextDecoder maps those bytes as Latin-1, so the table is applied here.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decodes Windows-1252 (a superset of printable Latin-1) byte for byte. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}

/**
 * Text files have no NUL bytes and few control characters; anything else (images, zip,
 * Word files) is binary. Only the first 64 KB are sampled to stay fast on large files.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample.length * 0.01;
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1).replace('.', ',')} MB`;
}
