/**
 * The text of a Word document (DOCX) for search and the publishing guard: each paragraph a line,
 * each table row a line of tab-separated cells (as a spreadsheet row, see xlsx-text.ts), read
 * from the body and then from headers, footers, footnotes, endnotes and comments, which are
 * published with the file as well. Deleted text of tracked changes is read too: it is still in
 * the file. The XML is walked by hand with indexOf, so any input is read in linear time.
 */
import { openOfficeZip } from './office-zip.ts';

const BODY = 'word/document.xml';
const OTHER_PARTS = /^word\/(?:header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlText(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (!name.startsWith('#')) return ENTITIES[name] ?? whole;
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

interface Table {
  /** rows of a nested table, kept as text for the cell around it */
  rows: string[];
  row: string[] | null;
  cell: string[] | null;
  span: number;
}

/** Walks one part's XML (w:p, w:t, w:tab, w:br, w:tbl/w:tr/w:tc) into lines. */
export function wordXmlLines(xml: string): string[] {
  const lines: string[] = [];
  const paragraphs: string[] = [];
  const tables: Table[] = [];
  let inText = false;
  let runs = 0;
  let skipped = 0;

  const append = (s: string) => {
    if (paragraphs.length > 0) paragraphs[paragraphs.length - 1] += s;
  };
  const endParagraph = () => {
    const text = paragraphs.pop() ?? '';
    const table = tables.at(-1);
    if (table?.cell) table.cell.push(text.replace(/\s+/g, ' ').trim());
    else lines.push(...text.split('\n'));
  };
  const open = (name: string, attrs: string, selfClosing: boolean) => {
    const table = tables.at(-1);
    switch (name) {
      case 'w:p':
        paragraphs.push('');
        if (selfClosing) endParagraph();
        break;
      case 'w:r':
        if (!selfClosing) runs++;
        break;
      case 'w:t':
      case 'w:delText':
        inText = !selfClosing;
        break;
      // Tab stops in w:pPr are also w:tab; only a run's w:tab is a character.
      case 'w:tab':
      case 'w:ptab':
        if (runs > 0) append('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (runs > 0) append('\n');
        break;
      case 'w:noBreakHyphen':
        append('-');
        break;
      case 'w:tbl':
        if (!selfClosing) tables.push({ rows: [], row: null, cell: null, span: 1 });
        break;
      case 'w:tr':
        if (table && !selfClosing) table.row = [];
        break;
      case 'w:tc':
        if (table && !selfClosing) [table.cell, table.span] = [[], 1];
        break;
      case 'w:gridSpan': {
        const span = Number(/w:val\s*=\s*["'](\d+)["']/.exec(attrs)?.[1] ?? 1);
        if (table) table.span = Math.min(Math.max(span, 1), 64);
        break;
      }
    }
  };
  const close = (name: string) => {
    const table = tables.at(-1);
    switch (name) {
      case 'w:p':
        endParagraph();
        break;
      case 'w:r':
        runs = Math.max(0, runs - 1);
        break;
      case 'w:t':
      case 'w:delText':
        inText = false;
        break;
      case 'w:tc':
        if (table?.row && table.cell) {
          table.row.push(table.cell.join(' ').trim(), ...Array<string>(table.span - 1).fill(''));
        }
        if (table) table.cell = null;
        break;
      case 'w:tr':
        if (table?.row) {
          // Each cell ends with a tab, so an empty last cell keeps the row's width (see xlsx-text.ts).
          if (tables.length > 1) table.rows.push(table.row.join(' '));
          else lines.push(table.row.map((c) => `${c}\t`).join(''));
        }
        if (table) table.row = null;
        break;
      case 'w:tbl': {
        const done = tables.pop();
        const outer = tables.at(-1);
        if (done && outer?.cell) outer.cell.push(done.rows.join(' '));
        break;
      }
    }
  };

  let pos = 0;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const end = lt < 0 ? xml.length : lt;
    if (inText && skipped === 0 && end > pos) append(decodeXmlText(xml.slice(pos, end)));
    if (lt < 0) break;
    const closer = xml.startsWith('<!--', lt)
      ? '-->'
      : xml.startsWith('<![CDATA[', lt)
        ? ']]>'
        : xml.startsWith('<?', lt)
          ? '?>'
          : '>';
    const gt = xml.indexOf(closer, lt + 1);
    if (gt < 0) break;
    pos = gt + closer.length;
    if (closer === ']]>' && inText && skipped === 0) append(xml.slice(lt + 9, gt));
    if (closer !== '>') continue;
    const tag = xml.slice(lt + 1, gt);
    const closing = tag.startsWith('/');
    const selfClosing = tag.endsWith('/');
    const name = /^\/?([^\s/>]+)/.exec(tag)?.[1] ?? '';
    // Alternative content is written twice (a text box and its fallback): read it once.
    if (name === 'mc:Fallback') {
      if (!selfClosing) skipped += closing ? -1 : 1;
      skipped = Math.max(skipped, 0);
      continue;
    }
    if (skipped > 0) continue;
    if (closing) close(name);
    else open(name, tag, selfClosing);
  }
  while (paragraphs.length > 0) endParagraph();
  return lines;
}

/** The document's text, or null when it cannot be read (broken, encrypted, too large). */
export async function docxText(bytes: Uint8Array, maxChars: number): Promise<string | null> {
  const zip = await openOfficeZip(bytes);
  if (zip === null || !zip.names.includes(BODY)) return null;
  const parts = [BODY, ...zip.names.filter((n) => OTHER_PARTS.test(n)).sort()];
  const lines: string[] = [];
  let chars = 0;
  for (const name of parts) {
    const xml = await zip.read(name);
    if (xml === null) return null;
    for (const line of wordXmlLines(new TextDecoder().decode(xml))) {
      lines.push(line);
      chars += line.length + 1;
      if (chars > maxChars) return lines.join('\n');
    }
  }
  return lines.join('\n');
}
