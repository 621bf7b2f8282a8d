/**
 * Prints the result tables readably and writes them, with the run's conditions, to
 * bench/out/results.json (git-ignored) for comparing runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metric, ResultTable, Target, Unit } from './scenario.ts';

export const RESULTS_FILE = fileURLToPath(new URL('./out/results.json', import.meta.url));

function fixed(value: number, digits: number): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function formatValue(value: number | undefined, unit: Unit): string {
  if (value === undefined) return '';
  if (!Number.isFinite(value)) return '–';
  switch (unit) {
    case 'ms':
    case 's': {
      const digits = Math.abs(value) < 10 ? 2 : Math.abs(value) < 100 ? 1 : 0;
      return `${fixed(value, digits)} ${unit}`;
    }
    case 'req/s':
      return `${fixed(value, 0)} req/s`;
    case 'MB':
      return `${fixed(value, 1)} MB`;
    case 'MB/s':
      return `${fixed(value, 1)} MB/s`;
    case 'bytes':
      return value >= 1024 ? `${fixed(value / 1024, 1)} KB` : `${fixed(value, 0)} B`;
    case 'pages':
      return `${fixed(value, 0)} pages`;
    case 'count':
      return fixed(value, 0);
  }
}

function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined) return '';
  if (!Number.isFinite(ratio)) return '–';
  return `${ratio >= 10 ? fixed(ratio, 1) : fixed(ratio, 2)}×`;
}

function formatTarget(target: Target | undefined, unit: Unit): string {
  if (target === undefined) return '';
  return `${target.op} ${formatValue(target.value, unit)}`;
}

function status(m: Metric): string {
  if (m.met === undefined) return '';
  return m.met ? 'met' : 'NOT MET';
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

export function formatTable(table: ResultTable): string {
  const header = ['metric', 'value', 'baseline', 'ratio', 'target', 'status', 'note'];
  const rows = table.metrics.map((m) => [
    m.name,
    formatValue(m.value, m.unit),
    formatValue(m.baseline, m.unit),
    formatRatio(m.ratio),
    formatTarget(m.target, m.unit),
    status(m),
    m.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = new Set([1, 2, 3]);
  const line = (cells: string[]) =>
    '  ' +
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, numeric.has(i)))
      .join('  ')
      .trimEnd();
  const out = [`\n${table.title}`];
  if (table.baseline !== undefined) out.push(`  baseline: ${table.baseline}`);
  out.push(line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line));
  for (const note of table.notes ?? []) out.push(`  * ${note}`);
  return out.join('\n');
}

/** One line per target: the targets at a glance. */
export function formatTargets(tables: readonly ResultTable[]): string {
  const lines = ['\nTargets (informational; the run does not fail on them)'];
  for (const table of tables) {
    for (const m of table.metrics) {
      if (m.target === undefined) continue;
      lines.push(
        `  ${m.met === true ? 'met    ' : 'NOT MET'}  ${table.id} / ${m.name}: ${formatValue(m.value, m.unit)} (target ${formatTarget(m.target, m.unit)})`,
      );
    }
  }
  return lines.join('\n');
}

export function writeResults(data: unknown, file = RESULTS_FILE): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
