/**
 * Reads any response body as text, whatever it is: HTML, JSON, ICS and CSV as they are, PDF
 * through its text layer (unpdf), XLSX cell by cell (exceljs), anything else (downloads) as
 * UTF-8. The permission test scans that text for canary words.
 */
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

async function xlsxText(bytes: Uint8Array): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const parts: string[] = [];
  book.eachSheet((sheet) => {
    parts.push(sheet.name);
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        parts.push(cell.text);
        const note = cell.note;
        if (note !== undefined) parts.push(typeof note === 'string' ? note : JSON.stringify(note));
      }),
    );
  });
  return parts.join('\n');
}

const isPdf = (b: Uint8Array) => b.length > 4 && String.fromCharCode(...b.slice(0, 4)) === '%PDF';
const isZip = (b: Uint8Array) => b.length > 2 && b[0] === 0x50 && b[1] === 0x4b;

/** The response's text, lower-cased for a case-insensitive scan. */
export async function bodyText(res: Response): Promise<string> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  // The raw bytes too: a canary in an uncompressed stream shows even if extraction missed it.
  const raw = new TextDecoder().decode(bytes);
  if (isPdf(bytes)) return `${await pdfText(bytes)}\n${raw}`.toLowerCase();
  if (isZip(bytes)) return `${await xlsxText(bytes)}`.toLowerCase();
  return raw.toLowerCase();
}
