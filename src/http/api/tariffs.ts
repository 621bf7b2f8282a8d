/** Tariff reporting over JSON: rounds, an operator's own report, approval, the appendix and its files. */
import { publishing, publishSchema } from './publishing.ts';
import { Hono } from 'hono';
import { NotFoundError } from '../../domain/errors.ts';
import type { AppEnv } from '../context.ts';
import {
  approveAppendixSchema,
  fixedShareSchema,
  reportSchema,
  roundSchema,
  roundStatusSchema,
  roundUpdateSchema,
  submitSchema,
} from '../schemas/tariff.schema.ts';
import { idParam, readBody, type ApiContext } from './input.ts';
import { requireSecretariat } from '../../services/offer.service.ts';
import { actorOf, offerServices } from './offers.ts';
import type { RouteDoc } from './openapi.ts';
import { z } from 'zod';
import { version } from '../schemas/fields.ts';

export const tariffApi = new Hono<AppEnv>();

function yearParam(c: ApiContext): number {
  const year = idParam(c, 'year', 'Takstindberetningen');
  if (year < 2000 || year > 2100) throw new NotFoundError('Takstindberetningen findes ikke.');
  return year;
}

export const versionOnlySchema = z.object({ version });

tariffApi.get('/tariff-rounds', async (c) =>
  c.json({ rounds: await offerServices(c).tariffs.rounds(actorOf(c)) }),
);

tariffApi.post('/tariff-rounds', async (c) => {
  requireSecretariat(c.get('viewer'), 'oprette en takstindberetning');
  const data = await readBody(c, roundSchema);
  return c.json(await offerServices(c).tariffs.createRound(actorOf(c), data), 201);
});

tariffApi.get('/tariff-rounds/:year', async (c) =>
  c.json(await offerServices(c).tariffs.overview(actorOf(c), yearParam(c))),
);

tariffApi.put('/tariff-rounds/:year', async (c) => {
  const year = yearParam(c);
  const { tariffs } = offerServices(c);
  await tariffs.round(actorOf(c), year);
  const data = await readBody(c, roundUpdateSchema);
  await tariffs.updateRound(actorOf(c), year, data.version, { ...data, year });
  return c.json(await tariffs.round(actorOf(c), year));
});

tariffApi.post('/tariff-rounds/:year/status', async (c) => {
  const year = yearParam(c);
  const data = await readBody(c, roundStatusSchema);
  const { tariffs } = offerServices(c);
  await tariffs.setRoundStatus(actorOf(c), year, data.version, data.status);
  return c.json(await tariffs.round(actorOf(c), year));
});

async function myReportJson(c: ApiContext, year: number) {
  const r = await offerServices(c).tariffs.myReport(actorOf(c), year);
  return {
    round: r.round,
    phase: r.phase,
    timeToDeadline: r.timeToDeadline,
    report: r.report,
    lines: r.lines,
    offers: r.offers.map((o) => ({ id: o.id, name: o.name, operatorName: o.operatorName })),
    previous: Object.fromEntries(r.previous),
    fixedShares: r.fixedShares,
  };
}

tariffApi.get('/tariff-rounds/:year/report', async (c) =>
  c.json(await myReportJson(c, yearParam(c))),
);

tariffApi.put('/tariff-rounds/:year/report', async (c) => {
  const year = yearParam(c);
  const data = await readBody(c, reportSchema);
  await offerServices(c).tariffs.saveReport(actorOf(c), year, data.version, data.lines);
  return c.json(await myReportJson(c, year));
});

tariffApi.post('/tariff-rounds/:year/report/submit', async (c) => {
  const year = yearParam(c);
  const data = await readBody(c, submitSchema);
  await offerServices(c).tariffs.submitReport(actorOf(c), year, data.version);
  return c.json(await myReportJson(c, year));
});

tariffApi.post('/tariff-reports/:id/:decision', async (c) => {
  const id = idParam(c, 'id', 'Indberetningen');
  const decision = c.req.param('decision');
  if (decision !== 'approve' && decision !== 'reopen')
    throw new NotFoundError('Handlingen findes ikke.');
  const data = await readBody(c, versionOnlySchema);
  const { tariffs } = offerServices(c);
  if (decision === 'approve') await tariffs.approveReport(actorOf(c), id, data.version);
  else await tariffs.reopenReport(actorOf(c), id, data.version);
  return c.json(await tariffs.reportDetail(actorOf(c), id));
});

/** The split without the exact fractions (bigint): population and whole kroner per kommune. */
async function splitJson(c: ApiContext, year: number, offerId: number) {
  const split = await offerServices(c).tariffs.fixedShareSplit(actorOf(c), year, offerId);
  if (split === null)
    throw new NotFoundError('Tilbuddet har ingen objektiv finansiering dette år.');
  return {
    offerId: split.offerId,
    amount: split.amount,
    note: split.note,
    period: split.period,
    allocations: split.split.allocations.map((a) => ({
      name: a.name,
      population: a.population,
      amount: a.amount,
    })),
  };
}

tariffApi.put('/tariff-rounds/:year/fixed-shares', async (c) => {
  const year = yearParam(c);
  const data = await readBody(c, fixedShareSchema);
  const { tariffs } = offerServices(c);
  await tariffs.setFixedShare(actorOf(c), year, data.offerId, data.amount, data.note);
  return c.json(await splitJson(c, year, data.offerId));
});

tariffApi.get('/tariff-rounds/:year/fixed-shares/:offerId', async (c) =>
  c.json(await splitJson(c, yearParam(c), idParam(c, 'offerId', 'Tilbuddet'))),
);

tariffApi.post('/tariff-rounds/:year/appendix/approve', async (c) => {
  const year = yearParam(c);
  const data = await readBody(c, approveAppendixSchema);
  const { tariffs } = offerServices(c);
  await tariffs.approveAppendix(actorOf(c), year, data.version, data.itemId);
  return c.json(await tariffs.round(actorOf(c), year));
});

tariffApi.post('/tariff-rounds/:year/appendix/publish', async (c) => {
  const year = yearParam(c);
  const data = await readBody(c, publishSchema);
  const { tariffs } = offerServices(c);
  return publishing(c, async () => {
    await tariffs.publish(actorOf(c), year, data.version, {
      confirmFindings: data.confirmFindings === true,
    });
    return c.json(await tariffs.round(actorOf(c), year));
  });
});

tariffApi.get('/tariff-rounds/:year/appendix', async (c) =>
  c.json(await offerServices(c).tariffs.appendix(actorOf(c), yearParam(c))),
);

for (const format of ['xlsx', 'pdf'] as const) {
  tariffApi.get(`/tariff-rounds/:year/appendix.${format}`, async (c) => {
    const year = yearParam(c);
    const bytes = await offerServices(c).tariffs.appendixFile(actorOf(c), year, format);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type':
        format === 'pdf'
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="takstbilag-${year}.${format}"`,
    });
  });
}

/** This router's entries in the OpenAPI route table (openapi.ts spreads them in). */
export const TARIFF_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/tariff-rounds',
    tag: 'Takster',
    summary: 'Takstindberetninger brugeren må se',
    ok: { status: 200, description: 'Indberetningsrunderne', content: 'json' },
  },
  {
    method: 'post',
    path: '/tariff-rounds',
    tag: 'Takster',
    summary:
      'Opret en takstindberetning (åbning, frist med klokkeslæt, korrektionsrunde, ændringsgrænse)',
    body: { name: 'TariffRoundInput', schema: roundSchema },
    ok: { status: 201, description: 'Runden', content: 'json' },
    errors: [403],
  },
  {
    method: 'get',
    path: '/tariff-rounds/:year',
    tag: 'Takster',
    summary: 'Sekretariatets overblik: status pr. driftsherre, manglende, tid til frist, ændringer',
    ok: { status: 200, description: 'Overblikket', content: 'json' },
    errors: [403],
  },
  {
    method: 'put',
    path: '/tariff-rounds/:year',
    tag: 'Takster',
    summary: 'Ret rundens tidspunkter, ændringsgrænse og befolkningsperiode',
    body: { name: 'TariffRoundUpdate', schema: roundUpdateSchema },
    ok: { status: 200, description: 'Runden', content: 'json' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/tariff-rounds/:year/status',
    tag: 'Takster',
    summary: 'Åbn eller luk runden',
    body: { name: 'TariffRoundStatus', schema: roundStatusSchema },
    ok: { status: 200, description: 'Runden', content: 'json' },
    errors: [403, 409],
  },
  {
    method: 'get',
    path: '/tariff-rounds/:year/report',
    tag: 'Takster',
    summary: 'Driftsherrens egen indberetning med egne tilbud og sidste års takster',
    ok: { status: 200, description: 'Indberetningen', content: 'json' },
    errors: [403],
  },
  {
    method: 'put',
    path: '/tariff-rounds/:year/report',
    tag: 'Takster',
    summary: 'Gem driftsherrens takster (beløb som "12.995,50" eller hele øre)',
    body: { name: 'TariffReportInput', schema: reportSchema },
    ok: { status: 200, description: 'Indberetningen', content: 'json' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/tariff-rounds/:year/report/submit',
    tag: 'Takster',
    summary: 'Indsend indberetningen (låses til sekretariatet genåbner den)',
    body: { name: 'TariffSubmit', schema: submitSchema },
    ok: { status: 200, description: 'Indberetningen', content: 'json' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/tariff-reports/:id/:decision',
    tag: 'Takster',
    summary: 'Godkend (approve) eller genåbn (reopen) en indberetning',
    body: { name: 'TariffReportDecision', schema: versionOnlySchema },
    ok: { status: 200, description: 'Indberetningen', content: 'json' },
    errors: [403, 409],
  },
  {
    method: 'put',
    path: '/tariff-rounds/:year/fixed-shares',
    tag: 'Takster',
    summary: 'Sæt et tilbuds objektive finansiering (hele kroner) og få fordelingen',
    body: { name: 'FixedShareInput', schema: fixedShareSchema },
    ok: { status: 200, description: 'Fordelingen på kommunerne', content: 'json' },
    errors: [403],
  },
  {
    method: 'get',
    path: '/tariff-rounds/:year/fixed-shares/:offerId',
    tag: 'Takster',
    summary: 'Et tilbuds objektive finansiering fordelt efter folketal',
    ok: { status: 200, description: 'Fordelingen på kommunerne', content: 'json' },
  },
  {
    method: 'post',
    path: '/tariff-rounds/:year/appendix/approve',
    tag: 'Takster',
    summary: 'Registrér godkendelsen af takstbilaget med mødepunktet (DAS eller FU)',
    body: { name: 'AppendixApproval', schema: approveAppendixSchema },
    ok: { status: 200, description: 'Runden', content: 'json' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/tariff-rounds/:year/appendix/publish',
    tag: 'Takster',
    summary:
      'Offentliggør det godkendte takstbilag (409 med fund af CPR-numre eller tabeller med borgere, indtil confirmFindings: true)',
    body: { name: 'AppendixPublish', schema: publishSchema },
    ok: { status: 200, description: 'Runden', content: 'json' },
    errors: [403, 409],
    findings: true,
  },
  {
    method: 'get',
    path: '/tariff-rounds/:year/appendix',
    tag: 'Takster',
    summary: 'Takstbilaget som data (offentligt når det er offentliggjort)',
    ok: { status: 200, description: 'Takstbilaget', content: 'json' },
  },
  {
    method: 'get',
    path: '/tariff-rounds/:year/appendix.xlsx',
    tag: 'Takster',
    summary: 'Takstbilaget som regneark (XLSX)',
    ok: { status: 200, description: 'Regnearket', content: 'binary' },
  },
  {
    method: 'get',
    path: '/tariff-rounds/:year/appendix.pdf',
    tag: 'Takster',
    summary: 'Takstbilaget som PDF',
    ok: { status: 200, description: 'PDF', content: 'pdf' },
  },
];
