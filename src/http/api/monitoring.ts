/**
 * Monitoring API (minimal): the computed levels per kommune and region, a benchmark, the per-
 * kommune workbook, the function mapping, notes per year and the imports. Secretariat only.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import {
  benchmark,
  deviation,
  NORDJYLLAND,
  toFixed,
  type AreaResult,
  type MonitoringResult,
} from '../../domain/monitoring/index.ts';
import { requireFinance } from '../../services/financing.service.ts';
import {
  IMPORT_KINDS,
  monitoringService,
  type ImportKind,
} from '../../services/monitoring.service.ts';
import { monitoringWorkbook } from '../../services/xlsx/monitoring-workbook.ts';
import type { AppEnv } from '../context.ts';
import {
  monitoringFunctionSchema,
  monitoringNoteSchema,
  monitoringYear,
} from '../schemas/monitoring.schema.ts';
import type { RouteDoc } from './openapi.ts';
import { QueryReader, readObject, validate, type ApiContext } from './input.ts';

export const monitoringApi = new Hono<AppEnv>();

const service = (c: ApiContext) => monitoringService(c.get('services').db);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function presentArea(r: AreaResult, result: MonitoringResult) {
  return {
    code: r.area.code,
    name: r.area.name,
    level: r.area.level,
    region: r.area.region,
    accounts: r.total.accounts,
    accountsFixed: toFixed(r.total.accounts, result.priceFactor),
    budget: r.total.budget,
    deviation: deviation(r.total),
    byEffort: Object.fromEntries(
      Object.entries(r.byEffort).map(([code, f]) => [
        code,
        { accounts: f.accounts, budget: f.budget },
      ]),
    ),
    population: r.population,
    perInhabitant: r.perInhabitant,
    perInhabitantByEffort: r.perInhabitantByEffort,
    perCitizen: r.perCitizen,
  };
}

monitoringApi.get('/finance/monitoring', async (c) => {
  const q = new QueryReader(c);
  const region =
    q.optional('region', z.string().regex(/^\d{3}$/, 'Angiv regionen som fx 081.')) ?? NORDJYLLAND;
  q.done();
  const { result, notes } = await service(c).model(c.get('viewer'));
  return c.json({
    years: result.years,
    baseYear: result.baseYear,
    priceFactor: result.priceFactor,
    efforts: result.efforts,
    region:
      result.regions.filter((r) => r.area.code === region).map((r) => presentArea(r, result))[0] ??
      null,
    municipalities: result.municipalities
      .filter((m) => m.area.region === region)
      .map((m) => presentArea(m, result)),
    unmapped: result.unmapped,
    notes,
  });
});

monitoringApi.get('/finance/monitoring/benchmark', async (c) => {
  const q = new QueryReader(c);
  const year = q.optional('year', monitoringYear);
  const group =
    q.optional('group', z.enum(['adults', 'children'], { error: 'Vælg adults eller children.' })) ??
    'adults';
  const effort = q.optional('effort', z.string()) ?? null;
  const region =
    q.optional('region', z.string().regex(/^\d{3}$/, 'Angiv regionen som fx 081.')) ?? NORDJYLLAND;
  q.done();
  const { result } = await service(c).model(c.get('viewer'));
  if (effort !== null && !result.efforts.some((e) => e.code === effort)) {
    throw new ValidationError({ effort: 'Indsatsområdet findes ikke.' });
  }
  const b = benchmark(result, region, year ?? result.years.at(-1) ?? 0, group, effort);
  return c.json({
    year: b.year,
    group: b.group,
    effort: b.effort,
    region: b.region && {
      code: b.region.area.code,
      name: b.region.area.name,
      value: b.region.value,
      growth: b.region.growth,
    },
    municipalities: b.rows.map((r) => ({
      code: r.area.code,
      name: r.area.name,
      value: r.value,
      index: r.index,
      rank: r.rank,
      growth: r.growth,
    })),
  });
});

monitoringApi.get('/finance/monitoring/workbook/:area', async (c) => {
  const area = c.req.param('area');
  const { result, notes } = await service(c).model(c.get('viewer'));
  if (!result.municipalities.some((m) => m.area.code === area)) {
    throw new NotFoundError('Kommunen har ingen tal i monitoreringen.');
  }
  const bytes = await monitoringWorkbook({ result, areaCode: area, notes });
  return c.body(bytes.buffer as ArrayBuffer, 200, {
    'content-type': XLSX,
    'content-disposition': `attachment; filename="monitorering-${area}.xlsx"`,
    'cache-control': 'no-store',
  });
});

monitoringApi.get('/finance/monitoring/functions', async (c) => {
  return c.json(await service(c).functions(c.get('viewer')));
});

monitoringApi.put('/finance/monitoring/functions/:code', async (c) => {
  const code = c.req.param('code');
  const body = validate(monitoringFunctionSchema, await readObject(c));
  const { functions } = await service(c).functions(c.get('viewer'));
  if (!functions.some((f) => f.functionCode === code))
    throw new NotFoundError('Funktionen findes ikke.');
  await service(c).updateFunction(c.get('viewer'), code, body.version, body);
  return c.body(null, 204);
});

monitoringApi.put('/finance/monitoring/notes/:year', async (c) => {
  const body = validate(monitoringNoteSchema, {
    ...(await readObject(c)),
    year: c.req.param('year'),
  });
  await service(c).saveNote(c.get('viewer'), body.year, body.version, body.text);
  return c.body(null, 204);
});

monitoringApi.post('/finance/monitoring/imports/:kind', async (c) => {
  const viewer = c.get('viewer');
  requireFinance(viewer);
  const kind = c.req.param('kind');
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
    throw new NotFoundError(`Importtypen findes ikke; brug ${IMPORT_KINDS.join(', ')}.`);
  }
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw new ValidationError({ file: 'Send filen som multipart/form-data med feltet "file".' });
  }
  const body = await c.req.parseBody();
  const file = body.file;
  if (!(file instanceof File)) throw new ValidationError({ file: 'Vælg en fil (feltet "file").' });
  const limit = c.get('config').maxUploadBytes;
  if (file.size > limit) return c.json({ error: 'Filen er for stor.' }, 413);
  const summary = await service(c).importFile(
    viewer,
    kind as ImportKind,
    file.name,
    new Uint8Array(await file.arrayBuffer()),
  );
  return c.json(summary, 201);
});

const REGION_QUERY = {
  name: 'region',
  description: 'Regionens kode (standard 081 Region Nordjylland)',
  schema: { type: 'string' },
};

export const MONITORING_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/finance/monitoring',
    tag: 'Økonomi',
    summary: 'Monitorering: niveau 1-3 pr. kommune og for regionen, noter (niveau 4)',
    query: [REGION_QUERY],
    ok: {
      status: 200,
      description: '{ years, baseYear, efforts, region, municipalities, unmapped, notes }',
      content: 'json',
    },
    errors: [403],
  },
  {
    method: 'get',
    path: '/finance/monitoring/benchmark',
    tag: 'Økonomi',
    summary: 'Benchmark: hver kommunes udgift pr. indbygger mod de andre og regionen',
    query: [
      { name: 'year', description: 'Året (standard: det nyeste)', schema: { type: 'integer' } },
      {
        name: 'group',
        description: 'adults (pr. 18-64-årig) eller children (pr. 0-17-årig)',
        schema: { enum: ['adults', 'children'] },
      },
      {
        name: 'effort',
        description: 'Et indsatsområdes kode (standard: hele målgruppen)',
        schema: { type: 'string' },
      },
      REGION_QUERY,
    ],
    ok: {
      status: 200,
      description: '{ year, group, effort, region, municipalities }',
      content: 'json',
    },
    errors: [403],
  },
  {
    method: 'get',
    path: '/finance/monitoring/workbook/:area',
    tag: 'Økonomi',
    summary: 'En kommunes monitoreringsregneark (XLSX), fx /workbook/851',
    ok: { status: 200, description: 'Regnearket', content: 'binary' },
    errors: [403],
  },
  {
    method: 'get',
    path: '/finance/monitoring/functions',
    tag: 'Økonomi',
    summary: 'Funktionerne og deres indsatsområder og paragraffer',
    ok: { status: 200, description: '{ functions, efforts }', content: 'json' },
    errors: [403],
  },
  {
    method: 'put',
    path: '/finance/monitoring/functions/:code',
    tag: 'Økonomi',
    summary: 'Ret en funktions navn, indsatsområde, paragraffer og note',
    body: { name: 'MonitoringFunction', schema: monitoringFunctionSchema },
    ok: { status: 204, description: 'Gemt', content: 'none' },
    errors: [403, 409],
  },
  {
    method: 'put',
    path: '/finance/monitoring/notes/:year',
    tag: 'Økonomi',
    summary: 'Gem sekretariatets note for et år (version 0 opretter den)',
    body: { name: 'MonitoringNote', schema: monitoringNoteSchema.omit({ year: true }) },
    ok: { status: 204, description: 'Gemt', content: 'none' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/finance/monitoring/imports/:kind',
    tag: 'Økonomi',
    summary:
      'Indlæs en CSV (multipart: file); kind = accounts, budget, population, price-index eller activity',
    body: 'multipart',
    ok: { status: 201, description: '{ kind, rows, encoding, layout, notes }', content: 'json' },
    errors: [403, 413],
  },
];
