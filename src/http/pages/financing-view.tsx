/** The pieces of the financing pages: the two DAS tables, the parameter form, formatting. */
import type { FieldErrors } from '../../domain/errors.ts';
import {
  ROUNDING_RULE_DA,
  toNumber,
  type DeficitCoverResult,
  type Fraction,
} from '../../domain/financing/index.ts';
import { formatDanishDate } from '../../domain/meetings/index.ts';
import { formatDanishDecimal, formatKroner } from '../../domain/occupancy/index.ts';
import type { DeficitModelFields, ItemChoice } from '../../db/repositories/financing.repository.ts';
import { formatYears, municipalityCount } from '../schemas/financing.schema.ts';
import { Csrf, Select, TextField } from './components.tsx';

/** A share as a Danish percentage with 3 decimals: 1/3 → "33,333 %". */
export function sharePercent(f: Fraction | number, decimals = 3): string {
  const v = typeof f === 'number' ? f : toNumber(f);
  return `${new Intl.NumberFormat('da-DK', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(v * 100)} %`;
}

export const kr = (n: number) => `${formatKroner(n)} kr.`;

export function itemLabel(i: ItemChoice): string {
  return `${i.committee} ${formatDanishDate(i.date)} · punkt ${i.number}: ${i.title}${i.access === 'closed' ? ' (lukket)' : ''}`;
}

/** The saved fields as the form shows them, Danish number format. */
export function modelToValues(f: DeficitModelFields): Record<string, string> {
  const v: Record<string, string> = {
    name: f.name,
    operator: f.operator,
    threshold: formatKroner(f.threshold),
    operatorShareAboveThreshold: formatDanishDecimal(f.operatorShare),
    'weights.population': formatDanishDecimal(f.populationWeight),
    'weights.usage': formatDanishDecimal(f.usageWeight),
    populationPeriod: f.populationPeriod,
    usageYears: formatYears(f.usageYears),
    shownYears: f.usageYears.join(', '),
    exampleDeficit: formatKroner(f.exampleDeficit),
    itemId: f.itemId === null ? '' : String(f.itemId),
    offerId: f.offerId === null ? '' : String(f.offerId),
    municipalityCount: String(f.municipalities.length),
  };
  f.municipalities.forEach((m, i) => {
    v[`municipalities.${i}.name`] = m.name;
    v[`municipalities.${i}.population`] = formatKroner(m.population);
    m.usage.forEach((u, j) => (v[`municipalities.${i}.usage.${j}`] = formatKroner(u)));
  });
  return v;
}

export function RoundingRule() {
  return (
    <div class="rounding-rule">
      <h3 class="h5">Afrunding</h3>
      <p>{ROUNDING_RULE_DA}</p>
    </div>
  );
}

/** Table 1 of the DAS paper: the allocation key. */
export function KeyTable(p: {
  result: DeficitCoverResult;
  period: string;
  years: readonly number[];
}) {
  const r = p.result;
  const populationTotal = r.municipalities.reduce((a, m) => a + m.population, 0);
  const usageTotal = r.municipalities.reduce((a, m) => a + toNumber(m.usage), 0);
  return (
    <div class="finance-scroll">
      <table class="table table--compact finance-table" id="deficit-key">
        <caption>Fordelingsnøgle</caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col" class="number-cell">
              Befolkning {p.period}
            </th>
            <th scope="col" class="number-cell">
              Befolknings&shy;andel
            </th>
            <th scope="col" class="number-cell">
              Forbrug {formatYears(p.years)}
            </th>
            <th scope="col" class="number-cell">
              Forbrugs&shy;andel
            </th>
            <th scope="col" class="number-cell">
              Samlet nøgle
            </th>
            <th scope="col" class="number-cell">
              Andel over grænsen
            </th>
          </tr>
        </thead>
        <tbody>
          {r.municipalities.map((m) => (
            <tr>
              <th scope="row">{m.name}</th>
              <td class="number-cell">{formatKroner(m.population)}</td>
              <td class="number-cell">{sharePercent(m.populationShare)}</td>
              <td class="number-cell">{formatKroner(Math.round(toNumber(m.usage)))}</td>
              <td class="number-cell">{sharePercent(m.usageShare)}</td>
              <td class="number-cell">{sharePercent(m.municipalShare)}</td>
              <td class="number-cell">{sharePercent(m.key)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{r.operator.name} (driftsherre)</th>
            <td class="number-cell" colspan={5}></td>
            <td class="number-cell">{sharePercent(r.operator.key)}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr class="total-row">
            <th scope="row">I alt</th>
            <td class="number-cell">{formatKroner(populationTotal)}</td>
            <td class="number-cell">{sharePercent(1)}</td>
            <td class="number-cell">{formatKroner(Math.round(usageTotal))}</td>
            <td class="number-cell">{sharePercent(usageTotal > 0 ? 1 : 0)}</td>
            <td class="number-cell">{sharePercent(1)}</td>
            <td class="number-cell">{sharePercent(1)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Table 2 of the DAS paper: the amounts in whole kroner. */
export function AmountTable({ result }: { result: DeficitCoverResult }) {
  const parties = [
    { ...result.operator, name: `${result.operator.name} (driftsherre)` },
    ...result.municipalities,
  ];
  return (
    <div class="finance-scroll">
      <table class="table table--compact finance-table" id="deficit-amounts">
        <caption>Beløb i hele kroner</caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col" class="number-cell">
              Op til grænsen
            </th>
            <th scope="col" class="number-cell">
              Over grænsen
            </th>
            <th scope="col" class="number-cell">
              I alt
            </th>
          </tr>
        </thead>
        <tbody>
          {parties.map((p) => (
            <tr data-party={p.name}>
              <th scope="row">{p.name}</th>
              <td class="number-cell">{formatKroner(p.thresholdPart)}</td>
              <td class="number-cell">{formatKroner(p.partAbove)}</td>
              <td class="number-cell amount">{formatKroner(p.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr class="total-row">
            <th scope="row">I alt</th>
            <td class="number-cell">{formatKroner(result.thresholdPart)}</td>
            <td class="number-cell">{formatKroner(result.partAbove)}</td>
            <td class="number-cell" id="deficit-total">
              {formatKroner(result.total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** A number input as Danes type it (text, right-aligned, inputmode decimal). */
export function NumberInput(p: {
  name: string;
  value: string | undefined;
  label: string;
  errors: FieldErrors;
  width?: 's' | 'm';
}) {
  const error = p.errors[p.name];
  return (
    <input
      class={`form-input input-number input-width-${p.width ?? 's'}${error ? ' form-input-error' : ''}`}
      id={p.name}
      name={p.name}
      type="text"
      inputmode="decimal"
      value={p.value ?? ''}
      aria-label={p.label}
      aria-invalid={error ? 'true' : undefined}
      title={error}
    />
  );
}

export interface ParameterFormProps {
  action: string;
  csrf: string;
  version: number;
  values: Record<string, string>;
  errors: FieldErrors;
  periods: readonly string[];
  operators: readonly string[];
  items: readonly ItemChoice[];
}

/** The parameter form: the model's numbers, the link to the item, the kommuner's figures. */
export function ParameterForm(p: ParameterFormProps) {
  const v = p.values;
  const e = p.errors;
  const count = municipalityCount(v);
  const years = (v.shownYears ?? '')
    .split(/[,\s]+/)
    .filter((s) => s !== '')
    .map(Number);
  const operators = p.operators.includes(v.operator ?? '')
    ? p.operators
    : [...p.operators, v.operator ?? ''].filter((o) => o !== '');
  const periods = p.periods.includes(v.populationPeriod ?? '')
    ? p.periods
    : [v.populationPeriod ?? '', ...p.periods].filter((o) => o !== '');
  const gridErrors = Object.entries(e).filter(([k]) => k.startsWith('municipalities.'));
  return (
    <form method="post" action={p.action} class="app-form deficit-form" novalidate>
      <Csrf token={p.csrf} />
      <input type="hidden" name="version" value={String(p.version)} />
      <input type="hidden" name="shownYears" value={v.shownYears ?? ''} />
      <input type="hidden" name="municipalityCount" value={String(count)} />
      <input type="hidden" name="offerId" value={v.offerId ?? ''} />
      <TextField name="name" label="Modellens navn" value={v.name} errors={e} width="xl" />
      <div class="finance-fields">
        <Select
          name="operator"
          label="Driftsherre"
          value={v.operator}
          errors={e}
          options={operators.map((o) => ({ value: o, label: o }))}
        />
        <TextField
          name="threshold"
          label="Grænse (kr.)"
          hint="Driftsherren betaler alene op til grænsen"
          value={v.threshold}
          errors={e}
          width="s"
        />
        <TextField
          name="operatorShareAboveThreshold"
          label="Driftsherrens andel over grænsen"
          hint="Mellem 0 og 1, fx 0,25 for 25 %"
          value={v.operatorShareAboveThreshold}
          errors={e}
          width="xs"
        />
        <TextField
          name="weights.population"
          label="Vægt for befolkning"
          hint="Fx 0,5; vægtene skal summe til 1"
          value={v['weights.population']}
          errors={
            e.weights === undefined
              ? e
              : { ...e, 'weights.population': e['weights.population'] ?? e.weights }
          }
          width="xs"
        />
        <TextField
          name="weights.usage"
          label="Vægt for forbrug"
          hint="Fx 0,5"
          value={v['weights.usage']}
          errors={e}
          width="xs"
        />
        <TextField
          name="exampleDeficit"
          label="Underskud i eksemplet (kr.)"
          value={v.exampleDeficit}
          errors={e}
          width="s"
        />
      </div>
      <div class="finance-fields">
        <Select
          name="populationPeriod"
          label="Befolkningstal fra perioden"
          hint="Fra platformens befolkningstal (Danmarks Statistik, FOLK1A)"
          value={v.populationPeriod}
          errors={e}
          options={periods.map((o) => ({ value: o, label: o }))}
        />
        <TextField
          name="usageYears"
          label="Forbrugsår"
          hint="Fx 2017-2019 eller 2017, 2018, 2019"
          value={v.usageYears}
          errors={e}
          width="s"
        />
      </div>
      <Select
        name="itemId"
        label="Vedtaget på punkt"
        hint="Det dagsordenspunkt, der vedtog modellen"
        value={v.itemId}
        errors={e}
        emptyLabel="Ikke knyttet til et punkt"
        options={p.items.map((i) => ({ value: i.id, label: itemLabel(i) }))}
      />
      <h3>Kommunernes befolkning og forbrug</h3>
      <p class="form-hint">
        Befolkningstallene er hentet fra platformen for den valgte periode og kan rettes. Forbruget
        er kommunens køb af tilbuddet i kroner pr. år, fx 1.260.562. Skifter du til lige så mange
        helt andre forbrugsår, omdøbes kolonnerne; ellers følger tallene deres år, og nye år starter
        på 0.
      </p>
      {e.municipalities ? (
        <div class="form-group form-error">
          <span class="form-error-message" id="municipalities">
            <span class="sr-only">Fejl: </span>
            {e.municipalities}
          </span>
        </div>
      ) : null}
      <div class={`finance-scroll${gridErrors.length > 0 ? ' form-error' : ''}`}>
        {gridErrors.map(([key, message]) => {
          const i = key.split('.')[1] ?? '';
          const who = v[`municipalities.${i}.name`];
          return (
            <span class="form-error-message">
              <span class="sr-only">Fejl: </span>
              <a href={`#${key}`}>{who ? `${who}: ` : `Kommune nr. ${Number(i) + 1}: `}</a>
              {message}
            </span>
          );
        })}
        <table class="table table--compact finance-grid">
          <thead>
            <tr>
              <th scope="col">Kommune</th>
              <th scope="col" class="number-cell">
                Befolkning
              </th>
              {years.map((y) => (
                <th scope="col" class="number-cell">
                  Forbrug {y} (kr.)
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: count }, (_, i) => {
              const name = v[`municipalities.${i}.name`] ?? '';
              return (
                <tr>
                  <td>
                    <input
                      class={`form-input input-width-s${e[`municipalities.${i}.name`] ? ' form-input-error' : ''}`}
                      id={`municipalities.${i}.name`}
                      name={`municipalities.${i}.name`}
                      value={name}
                      aria-label={`Kommune nr. ${i + 1}`}
                    />
                  </td>
                  <td>
                    <NumberInput
                      name={`municipalities.${i}.population`}
                      value={v[`municipalities.${i}.population`]}
                      label={`Befolkning, ${name}`}
                      errors={e}
                    />
                  </td>
                  {years.map((y, j) => (
                    <td>
                      <NumberInput
                        name={`municipalities.${i}.usage.${j}`}
                        value={v[`municipalities.${i}.usage.${j}`]}
                        label={`Forbrug ${y}, ${name}`}
                        errors={e}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div class="button-row">
        <button class="button button-primary" type="submit" name="action" value="save">
          Gem og beregn
        </button>
        <button class="button button-secondary" type="submit" name="action" value="fill-population">
          Hent befolkningstal for perioden
        </button>
      </div>
    </form>
  );
}
