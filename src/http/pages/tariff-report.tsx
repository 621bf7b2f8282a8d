/**
 * The operator's tariff report form: per offer, per service line, with Danish amounts. Field
 * names are "lines.<row>.<field>"; rows left empty are skipped when saving, and the service's
 * error keys (over the saved lines) are mapped back to the rows the user typed in.
 */
import type { FieldErrors } from '../../domain/errors.ts';
import { formatOre, formatPercent } from '../../domain/offers/index.ts';
import {
  formatDanishDateTime,
  historyKey,
  TARIFF_KIND_LABEL,
  TARIFF_KINDS,
  TARIFF_UNIT_LABEL,
  TARIFF_UNITS,
  type TariffUnit,
} from '../../domain/tariffs/index.ts';
import type { LineRow } from '../../db/repositories/tariff.repository.ts';
import { Select, TextField } from './components.tsx';
import { kr } from './offer-view.tsx';

export const LINE_FIELDS = [
  'offerId',
  'kind',
  'service',
  'unit',
  'amount',
  'basisAmount',
  'serviceAmount',
  'occupancy',
  'changeReason',
] as const;
type LineField = (typeof LINE_FIELDS)[number];
export type RawLine = Record<LineField, string>;

/** The typed rows by row number, in order. */
export function rowsFromValues(values: Record<string, string>): Map<number, RawLine> {
  const rows = new Map<number, RawLine>();
  for (const [key, value] of Object.entries(values)) {
    const m = /^lines\.(\d{1,4})\.(\w+)$/.exec(key);
    if (!m || !(LINE_FIELDS as readonly string[]).includes(m[2] ?? '')) continue;
    const i = Number(m[1]);
    const row = rows.get(i) ?? emptyRow('');
    row[m[2] as LineField] = value;
    rows.set(i, row);
  }
  return new Map([...rows.entries()].sort(([a], [b]) => a - b));
}

export function emptyRow(offerId: string): RawLine {
  return {
    offerId,
    kind: 'main',
    service: '',
    unit: 'day',
    amount: '',
    basisAmount: '',
    serviceAmount: '',
    occupancy: '',
    changeReason: '',
  };
}

export function isBlank(r: RawLine): boolean {
  return (
    r.service.trim() === '' &&
    r.amount.trim() === '' &&
    r.basisAmount.trim() === '' &&
    r.serviceAmount.trim() === '' &&
    r.occupancy.trim() === '' &&
    r.changeReason.trim() === ''
  );
}

/** The non-blank rows for the schema, and where each came from. */
export function compact(rows: Map<number, RawLine>): { lines: RawLine[]; rowOf: number[] } {
  const lines: RawLine[] = [];
  const rowOf: number[] = [];
  for (const [i, r] of rows) {
    if (isBlank(r)) continue;
    lines.push(r);
    rowOf.push(i);
  }
  return { lines, rowOf };
}

/** "lines.<saved index>.x" → "lines.<row>.x". */
export function remapErrors(errors: FieldErrors, rowOf: readonly number[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const m = /^lines\.(\d+)\.(.+)$/.exec(key);
    const row = m ? rowOf[Number(m[1])] : undefined;
    out[m && row !== undefined ? `lines.${row}.${m[2]}` : key] ??= message;
  }
  return out;
}

export function rowFromLine(l: LineRow): RawLine {
  return {
    offerId: String(l.offerId),
    kind: l.kind,
    service: l.service,
    unit: l.unit,
    amount: formatOre(l.amount),
    basisAmount: l.basisAmount === null ? '' : formatOre(l.basisAmount),
    serviceAmount: l.serviceAmount === null ? '' : formatOre(l.serviceAmount),
    occupancy: l.occupancy === null ? '' : formatPercent(l.occupancy),
    changeReason: l.changeReason,
  };
}

export interface ReportOffer {
  id: number;
  name: string;
  operatorName: string;
  lawSections: string[];
  places: number;
}

export function ReportFields(p: {
  offers: readonly ReportOffer[];
  rows: Map<number, RawLine>;
  errors: FieldErrors;
  previous: ReadonlyMap<string, number>;
  fixedShares: readonly { offerId: number; amount: number }[];
  limitPercent: string;
}) {
  return (
    <>
      {p.offers.map((o) => {
        const rows = [...p.rows.entries()].filter(([, r]) => r.offerId === String(o.id));
        const share = p.fixedShares.find((s) => s.offerId === o.id);
        return (
          <fieldset class="tariff-offer" id={`offer-${o.id}`}>
            <legend class="h3">{o.name}</legend>
            <p class="muted">
              {o.operatorName}
              {o.lawSections.length > 0 ? ` · ${o.lawSections.join(', ')}` : ''} · {o.places}{' '}
              pladser
              {share !== undefined
                ? ` · Objektiv finansiering: ${formatOre(share.amount * 100)} kr. om året`
                : ''}
            </p>
            {rows.map(([i, r], n) => {
              const f = (name: LineField) => `lines.${i}.${name}`;
              const prev = p.previous.get(
                historyKey({
                  offerId: o.id,
                  service: r.service,
                  unit: (TARIFF_UNITS as readonly string[]).includes(r.unit)
                    ? (r.unit as TariffUnit)
                    : 'day',
                }),
              );
              return (
                <div class="tariff-line">
                  <p class="tariff-line-title">
                    Ydelse {n + 1}
                    {prev !== undefined ? (
                      <span class="muted"> · Sidste års takst: {kr(prev)}</span>
                    ) : null}
                  </p>
                  <input type="hidden" name={f('offerId')} value={r.offerId} />
                  <div class="tariff-line-fields">
                    <TextField
                      name={f('service')}
                      label="Ydelse"
                      value={r.service}
                      errors={p.errors}
                      width="l"
                    />
                    <Select
                      name={f('kind')}
                      label="Art"
                      value={r.kind}
                      errors={p.errors}
                      options={TARIFF_KINDS.map((k) => ({ value: k, label: TARIFF_KIND_LABEL[k] }))}
                    />
                    <Select
                      name={f('unit')}
                      label="Enhed"
                      value={r.unit}
                      errors={p.errors}
                      options={TARIFF_UNITS.map((u) => ({ value: u, label: TARIFF_UNIT_LABEL[u] }))}
                    />
                    <TextField
                      name={f('amount')}
                      label="Takst (kr.)"
                      hint="Fx 12.995,50"
                      value={r.amount}
                      errors={p.errors}
                      width="s"
                    />
                    <TextField
                      name={f('basisAmount')}
                      label="Basistakst (valgfri)"
                      value={r.basisAmount}
                      errors={p.errors}
                      width="s"
                    />
                    <TextField
                      name={f('serviceAmount')}
                      label="Servicetakst (valgfri)"
                      value={r.serviceAmount}
                      errors={p.errors}
                      width="s"
                    />
                    <TextField
                      name={f('occupancy')}
                      label="Budgetteret belægning %"
                      value={r.occupancy}
                      errors={p.errors}
                      width="xs"
                    />
                  </div>
                  <TextField
                    name={f('changeReason')}
                    label="Begrundelse for ændringen"
                    hint={`Skal udfyldes, når taksten ændres mere end ${p.limitPercent} % i forhold til sidste år.`}
                    value={r.changeReason}
                    errors={p.errors}
                    width="xl"
                  />
                </div>
              );
            })}
          </fieldset>
        );
      })}
    </>
  );
}

/** The lines as a table (a submitted report, or the secretariat's view of one). */
export function LinesTable(p: {
  offers: readonly { id: number; name: string }[];
  lines: readonly LineRow[];
  previous: ReadonlyMap<string, number>;
}) {
  const name = new Map(p.offers.map((o) => [o.id, o.name]));
  return (
    <table class="table table--compact tariff-lines">
      <thead>
        <tr>
          <th scope="col">Tilbud</th>
          <th scope="col">Ydelse</th>
          <th scope="col">Art</th>
          <th scope="col">Enhed</th>
          <th scope="col" class="num">
            Takst forrige år
          </th>
          <th scope="col" class="num">
            Takst
          </th>
          <th scope="col" class="num">
            Basis / service
          </th>
          <th scope="col" class="num">
            Belægning
          </th>
          <th scope="col">Begrundelse</th>
        </tr>
      </thead>
      <tbody>
        {p.lines.map((l) => (
          <tr>
            <td>{name.get(l.offerId) ?? ''}</td>
            <td>{l.service}</td>
            <td>{TARIFF_KIND_LABEL[l.kind]}</td>
            <td>{TARIFF_UNIT_LABEL[l.unit]}</td>
            <td class="num">{kr(p.previous.get(historyKey(l)))}</td>
            <td class="num">{kr(l.amount)}</td>
            <td class="num">
              {l.basisAmount !== null || l.serviceAmount !== null
                ? `${kr(l.basisAmount) || '–'} / ${kr(l.serviceAmount) || '–'}`
                : ''}
            </td>
            <td class="num">{l.occupancy === null ? '' : `${formatPercent(l.occupancy)} %`}</td>
            <td>{l.changeReason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function dateTime(at: Date | null): string {
  return at === null ? '' : formatDanishDateTime(at);
}
