/**
 * One small world for the fuzz tests: a record behind every path parameter of the API and every
 * form of the pages (a meeting with an item, attendance, an attachment and a follow-up, a deficit
 * model, an offer, a tariff round, an agreement with a focus area, an initiative and an activity).
 */
import assert from 'node:assert/strict';
import type { Client, TestApp } from '../support/app.ts';
import {
  addItem,
  committeeIdOf,
  createMeeting,
  expectJson,
  upload,
} from '../../src/http/api/test-fixtures.ts';

/** The ids of one small world: a record behind every path parameter. */
export interface World {
  meeting: number;
  item: number;
  attendance: number;
  attachment: number;
  followUp: number;
  deficitModel: number;
  offer: number;
  agreement: number;
  focusArea: number;
  initiative: number;
  activity: number;
  tariffReport: number;
  ids: number[];
}

export async function buildWorld(t: TestApp, sec: Client): Promise<World> {
  const das = await committeeIdOf(sec, 'DAS');
  const meeting = (await createMeeting(sec, das, '2021-03-01')).meeting.id;
  const item = (await addItem(sec, meeting)).id;
  // The new record's id, whether the answer is the record or wraps it ({ offer: {...} }).
  const post = async (path: string, body: unknown): Promise<{ id: number }> => {
    const answer = await expectJson<Record<string, unknown>>(
      await sec.json(path, 'POST', body),
      201,
    );
    const inner = Object.values(answer).find(
      (v): v is { id: number } => typeof (v as { id?: unknown } | null)?.id === 'number',
    );
    const id = typeof answer.id === 'number' ? answer.id : inner?.id;
    assert.ok(id !== undefined, `${path}: ${JSON.stringify(answer).slice(0, 200)}`);
    return { id };
  };
  const attendance = (
    await post(`/api/meetings/${meeting}/attendance`, { kind: 'guest', name: 'Gæst' })
  ).id;
  const attachment = (
    await expectJson<{ id: number }>(
      await upload(sec, item, new TextEncoder().encode('%PDF-1.4\n'), { title: 'Bilag' }),
      201,
    )
  ).id;
  const followUp = (
    await post(`/api/items/${item}/follow-ups`, {
      what: 'Følg op',
      ownerPerson: 'Sekretariatet',
      dueDate: '2021-06-01',
    })
  ).id;
  const [org] = await t.db.query<{ id: number }>(
    `select id from organisation where short_name = 'Regionen'`,
  );
  const model = await post('/api/finance/deficit-models', {
    name: 'Model',
    operator: 'Region Nordjylland',
    threshold: 500000,
    operatorShareAboveThreshold: 0.25,
    weights: { population: 0.5, usage: 0.5 },
    populationPeriod: '2020K1',
    usageYears: [2019],
    municipalities: [{ name: 'Aalborg', population: 1000, usage: [1] }],
    exampleDeficit: 1000000,
  });
  const offer = await post('/api/offers', {
    name: 'Børnehus Nord',
    operatorId: org?.id,
    category: 3,
    targetGroups: ['Børn'],
    section: '§ 50',
    places: 4,
    activeFrom: '01.01.2021',
  });
  const round = {
    year: 2022,
    opensAt: '11.06.2021 08:00',
    deadline: '06.08.2021 10:00',
    changeLimit: '10',
  };
  await expectJson(await sec.json('/api/tariff-rounds', 'POST', round), 201);
  const agreement = await post('/api/agreements', {
    name: 'Rammeaftale',
    periodStart: 2021,
    periodEnd: 2022,
  });
  const focusArea = await post(`/api/agreements/${agreement.id}/focus-areas`, {
    number: 1,
    title: 'Fokus',
  });
  const initiative = await post(`/api/focus-areas/${focusArea.id}/initiatives`, {
    code: '1A',
    title: 'Initiativ',
  });
  const activity = await post(`/api/initiatives/${initiative.id}/activities`, {
    year: 2021,
    period: 'early',
    title: 'Aktivitet',
  });
  return {
    meeting,
    item,
    attendance,
    attachment,
    followUp,
    deficitModel: model.id,
    offer: offer.id,
    agreement: agreement.id,
    focusArea: focusArea.id,
    initiative: initiative.id,
    activity: activity.id,
    tariffReport: 1,
    ids: [meeting, item, das, org?.id ?? 1],
  };
}
