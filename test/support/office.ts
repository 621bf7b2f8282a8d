/**
 * Real Office files built in the test (no binary fixtures): a workbook written by exceljs and a
 * minimal valid Word document zipped by jszip.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export type SheetRows = (ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string })[][];

/** A workbook with the given sheets; a cell may carry its own number format. */
export async function xlsxBytes(sheets: Record<string, SheetRows>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const target = sheet.getCell(r + 1, c + 1);
        if (cell !== null && typeof cell === 'object' && 'numFmt' in cell) {
          target.value = cell.value;
          target.numFmt = cell.numFmt;
        } else target.value = cell;
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A paragraph of plain text (escaped). */
export const para = (text: string) =>
  `<w:p><w:r><w:t xml:space="preserve">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`;

/** A table of plain-text cells. */
export const table = (rows: string[][]) =>
  `<w:tbl><w:tblPr/>${rows
    .map((r) => `<w:tr>${r.map((c) => `<w:tc>${para(c)}</w:tc>`).join('')}</w:tr>`)
    .join('')}</w:tbl>`;

/** A .docx whose body is the given WordprocessingML (paragraphs, tables). */
export async function docxBytes(
  body: string,
  parts: Record<string, string> = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  );
  for (const [name, xml] of Object.entries(parts)) zip.file(name, xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
