/**
 * Opening an Office file (XLSX, DOCX: a zip of XML parts) without trusting it. An uploaded file
 * may be broken, encrypted or a zip bomb, so parts are inflated as a stream and counted: past
 * MAX_UNZIPPED_BYTES in all, the file is given up (null) instead of filling the memory.
 */
import JSZip from 'jszip';

/** Uncompressed bytes read from one file, all parts together; real documents are far smaller. */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;
/** Parts in one file; a workbook of many sheets has a few hundred. */
const MAX_ENTRIES = 10_000;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04"

export const hasZipHeader = (bytes: Uint8Array): boolean =>
  ZIP_MAGIC.every((byte, i) => bytes[i] === byte);

/** An opened file: its part names and a reader that shares one byte budget across parts. */
export interface OfficeZip {
  names: string[];
  /** The part's bytes, or null when it is missing, broken or over the budget. */
  read(name: string): Promise<Uint8Array | null>;
}

export async function openOfficeZip(bytes: Uint8Array): Promise<OfficeZip | null> {
  if (!hasZipHeader(bytes)) return null;
  // Only the central directory is read here (checkCRC32 would inflate every part unbounded).
  const zip = await JSZip.loadAsync(bytes).catch(() => null);
  if (zip === null) return null;
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
  if (names.length > MAX_ENTRIES) return null;
  let budget = MAX_UNZIPPED_BYTES;
  return {
    names,
    async read(name) {
      const entry = zip.file(name);
      if (entry === null) return null;
      const part = await inflate(entry, budget);
      if (part !== null) budget -= part.length;
      return part;
    },
  };
}

/** Inflates one part, stopping as soon as it passes `limit` bytes (the declared size may lie). */
function inflate(entry: JSZip.JSZipObject, limit: number): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    let stream: NodeJS.ReadableStream;
    try {
      // Throws at once for an encrypted part.
      stream = entry.nodeStream('nodebuffer');
    } catch {
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (result: Uint8Array | null) => {
      stream.removeAllListeners('data');
      stream.pause();
      resolve(result);
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) stop(null);
      else chunks.push(chunk);
    });
    stream.on('error', () => stop(null));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Every part read within the budget, or null: exceljs then unzips the same file again safely. */
export async function withinBudget(zip: OfficeZip): Promise<boolean> {
  for (const name of zip.names) {
    if ((await zip.read(name)) === null) return false;
  }
  return true;
}
