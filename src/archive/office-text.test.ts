import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { docxBytes, para, table, xlsxBytes } from '../../test/support/office.ts';
import { attachmentLines, extractAttachmentText } from './attachment-text.ts';
import { formatDate, formatNumber } from './cell-format.ts';
import { MAX_UNZIPPED_BYTES } from './office-zip.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const date = (y: number, m: number, d: number, h = 0, min = 0) =>
  new Date(Date.UTC(y, m - 1, d, h, min));

void describe('text of XLSX attachments', () => {
  void it('reads every sheet, a row a line, cells as the cells show them', async () => {
    const bytes = await xlsxBytes({
      Borgere: [
        ['Oversigt over ophold'],
        ['Navn', 'Fødselsdato', 'CPR', 'Beløb', 'Andel', 'Note'],
        [
          'Anna Hansen',
          { value: date(1990, 2, 1), numFmt: 'dd.mm.yyyy' },
          { value: 102901234, numFmt: '000000-0000' },
          { value: 1234567.5, numFmt: '#,##0.00' },
          { value: 0.25, numFmt: '0%' },
          '',
        ],
        [
          'Bo Jensen',
          date(2001, 4, 3),
          { formula: '1+2', result: 3 },
          { richText: [{ text: 'rig ' }, { text: 'tekst' }] },
          -3.5,
          'bemærkning\nmed linjeskift',
        ],
      ],
      Skjult: [
        [true, { value: date(2021, 1, 5, 13, 7), numFmt: 'd. mmmm yyyy hh:mm' }],
        [],
        ['efter en tom række', { formula: 'A1', result: { error: '#REF!' } }],
      ],
    });
    assert.equal(
      await attachmentLines(bytes, 'ophold.xlsx', XLSX_TYPE),
      [
        'Borgere',
        'Oversigt over ophold',
        // Each cell ends with a tab, so the empty last cell keeps the row as wide as its table.
        'Navn\tFødselsdato\tCPR\tBeløb\tAndel\tNote\t',
        'Anna Hansen\t01.02.1990\t010290-1234\t1.234.567,50\t25%\t\t',
        'Bo Jensen\t03-04-2001\t3\trig tekst\t-3,5\tbemærkning med linjeskift\t',
        'Skjult',
        'SAND\t5. januar 2021 13:07\t',
        '',
        'efter en tom række\t#REF!\t',
      ].join('\n'),
    );
    // Recognised by the media type alone, and flattened for search.
    assert.match(
      (await extractAttachmentText(bytes, 'bilag', XLSX_TYPE)) ?? '',
      /^Borgere Oversigt over ophold Navn Fødselsdato CPR .* 010290-1234 /,
    );
  });

  void it('formats numbers and dates as a Danish Excel shows them', () => {
    assert.deepEqual(
      [
        formatNumber(1234.5, undefined),
        formatNumber(1 / 3, 'General'),
        formatNumber(42, '0000'),
        formatNumber(-1234.567, '#,##0.0 "kr."'),
        formatNumber(-5, '#,##0;(#,##0)'),
        formatNumber(0.125, '0.0%'),
        formatNumber(2.5, '0.##'),
        formatNumber(3, '0.##'),
        formatNumber(1.5e-7, '0.00E+00'),
      ],
      ['1234,5', '0,3333333333', '0042', '-1.234,6 kr.', '(5)', '12,5%', '2,5', '3', '1,5e-7'],
    );
    const d = date(1985, 3, 15, 8, 5);
    assert.deepEqual(
      [
        formatDate(d, 'mm-dd-yy'),
        formatDate(d, 'd/m/yy'),
        formatDate(d, '[$-406]dddd "den" d. mmm yyyy'),
        formatDate(d, 'h:mm AM/PM'),
        formatDate(d, '0.00'),
      ],
      ['15-03-1985', '15/3/85', 'fredag den 15. mar 1985', '8:05 AM', '15-03-1985'],
    );
  });
});

void describe('text of DOCX attachments', () => {
  void it('reads paragraphs as lines and table rows as tab-separated cells', async () => {
    const bytes = await docxBytes(
      [
        para('Indledning & <baggrund>'),
        // Tab stops in the paragraph's properties are not text; a run's tab and break are.
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>',
        '<w:r><w:t>a</w:t><w:tab/><w:t>b&#248;</w:t><w:br/><w:t>ny linje</w:t></w:r>',
        '<w:r><w:instrText> PAGE </w:instrText></w:r>',
        '<w:del><w:r><w:delText>slettet</w:delText></w:r></w:del></w:p>',
        table([
          ['Navn', 'CPR', 'Note'],
          ['Anna Hansen', '010290-1234', ''],
        ]),
        '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>',
        para('Flettet'),
        para('to afsnit'),
        '</w:tc><w:tc>',
        table([['indre', 'tabel']]),
        '</w:tc></w:tr></w:tbl>',
        '<w:p/>',
        '<mc:AlternateContent><mc:Choice><w:r><w:txbxContent>',
        para('Tekstboks'),
        '</w:txbxContent></w:r></mc:Choice><mc:Fallback>',
        para('Tekstboks'),
        '</mc:Fallback></mc:AlternateContent>',
      ].join(''),
      {
        'word/footer1.xml': `<w:ftr xmlns:w="x">${para('Sidefod')}</w:ftr>`,
        'word/styles.xml': `<w:styles xmlns:w="x">${para('Ikke tekst')}</w:styles>`,
      },
    );
    assert.equal(
      await attachmentLines(bytes, 'notat.docx', 'application/octet-stream'),
      [
        'Indledning & <baggrund>',
        'a\tbø',
        'ny linjeslettet',
        'Navn\tCPR\tNote\t',
        'Anna Hansen\t010290-1234\t\t',
        'Flettet to afsnit\t\tindre tabel\t',
        '',
        'Tekstboks',
        'Sidefod',
      ].join('\n'),
    );
    assert.equal(
      await extractAttachmentText(bytes, 'notat', DOCX_TYPE),
      'Indledning & <baggrund> a bø ny linjeslettet Navn CPR Note Anna Hansen 010290-1234 Flettet to afsnit indre tabel Tekstboks Sidefod',
    );
  });

  void it('gives null for broken, foreign and oversized files without throwing', async () => {
    const docx = await docxBytes(para('Hej'));
    const broken = docx.slice(0, docx.length - 40);
    broken.set([1, 2, 3], 200);
    const notZip = new TextEncoder().encode('Navn\tCPR\nAnna\t010290-1234');
    // An OLE file, as Office writes a password-protected document.
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const bomb = new JSZip();
    bomb.file('word/document.xml', new Uint8Array(MAX_UNZIPPED_BYTES + 1024));
    const bombBytes = await bomb.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 1 },
    });
    assert.ok(bombBytes.length < 1_000_000, `bomb is ${bombBytes.length} bytes`);
    const sheetBomb = new JSZip();
    sheetBomb.file('xl/workbook.xml', '<workbook/>');
    sheetBomb.file('xl/worksheets/sheet1.xml', new Uint8Array(MAX_UNZIPPED_BYTES + 1024));
    const sheetBombBytes = await sheetBomb.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 1 },
    });
    const started = Date.now();
    assert.deepEqual(
      await Promise.all([
        attachmentLines(broken, 'a.docx', DOCX_TYPE),
        attachmentLines(broken, 'a.xlsx', XLSX_TYPE),
        attachmentLines(notZip, 'a.docx', DOCX_TYPE),
        attachmentLines(ole, 'a.docx', DOCX_TYPE),
        attachmentLines(ole, 'a.xlsx', XLSX_TYPE),
        attachmentLines(docx, 'a.xlsx', XLSX_TYPE),
        attachmentLines(bombBytes, 'a.docx', DOCX_TYPE),
        attachmentLines(sheetBombBytes, 'a.xlsx', XLSX_TYPE),
        // A zip that is neither named nor typed as an Office file is not opened.
        attachmentLines(docx, 'a.zip', 'application/zip'),
      ]),
      [null, null, null, null, null, null, null, null, null],
    );
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  });
});
