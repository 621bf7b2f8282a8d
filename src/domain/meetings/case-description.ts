/**
 * The case description is stored as light markup that a secretary can type and the importer can
 * produce: "## Overskrift", "- punkt" (or "• punkt"), "| a | b |" table rows, blank lines between
 * paragraphs. Parsed into blocks; pages and PDFs render blocks, always as escaped text.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; rows: string[][] };

const isTableRow = (line: string) => /^\|.*\|$/.test(line);
const isSeparatorRow = (line: string) => /^\|[\s\-:|]+\|$/.test(line);
const bullet = /^(?:[-*•]\s+)/;

export function parseCaseDescription(markup: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const raw of markup.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const last = blocks.at(-1);
    if (line === '') {
      flush();
    } else if (line.startsWith('#')) {
      flush();
      blocks.push({ kind: 'heading', text: line.replace(/^#+\s*/, '') });
    } else if (bullet.test(line)) {
      flush();
      const text = line.replace(bullet, '');
      if (last?.kind === 'list' && paragraph.length === 0) last.items.push(text);
      else blocks.push({ kind: 'list', items: [text] });
    } else if (isTableRow(line)) {
      flush();
      if (isSeparatorRow(line)) continue;
      const cells = line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim());
      if (last?.kind === 'table') last.rows.push(cells);
      else blocks.push({ kind: 'table', rows: [cells] });
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** The plain text of the blocks, for search and for the text layer of PDFs. */
export function blocksToText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
          return b.text;
        case 'list':
          return b.items.map((i) => `• ${i}`).join('\n');
        case 'table':
          return b.rows.map((r) => r.join('  ')).join('\n');
      }
    })
    .join('\n\n');
}
