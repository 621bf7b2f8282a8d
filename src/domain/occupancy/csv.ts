/**
 * CSV as Danish spreadsheets write it: semicolon-separated (a tab is accepted too), fields in
 * double quotes when they hold a separator, a quote or a line break ("" inside quotes is one
 * quote), UTF-8 with or without BOM, or Latin-1 (Windows-1252) as older Excel saves it.
 */

export type TextEncodingName = 'utf-8-bom' | 'utf-8' | 'windows-1252';

/**
 * The file's text: UTF-8 when it has a BOM or decodes as valid UTF-8, else Windows-1252 (which
 * is what "Latin-1" means in practice). The BOM is removed.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** A row of fields with the 1-based line number it starts on (for messages). */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** Splits CSV text into rows; the separator is ";" unless the first line has tabs but no ";". */
export function parseCsv(text: string): CsvRow[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const sep = !firstLine.includes(';') && firstLine.includes('\t') ? '\t' : ';';
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === sep) {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(field);
      rows.push({ line: rowLine, cells });
      cells = [];
      field = '';
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (field !== '' || cells.length > 0) {
    cells.push(field);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}
