/**
 * The offer register and tariff reporting over a real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): visibility per operator, entry and withdrawal, the reinforced cooperation,
 * the reporting window, the change rule, locking, conflicts, fixed-share financing, the appendix
 * and its files read back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  StateError,
  ValidationError,
} from '../domain/errors.ts';
import type { Viewer } from '../domain/meetings/index.ts';
import { PublishingFindingsError } from '../domain/privacy/index.ts';
import type { LineInput } from '../domain/tariffs/index.ts';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { committeeRepository } from '../db/repositories/committee.repository.ts';
import { itemRepository } from '../db/repositories/item.repository.ts';
import { publishingConfirmationRepository } from '../db/repositories/publishing-confirmation.repository.ts';
import { meetingService } from './meeting.service.ts';
import { offerService, type Actor } from './offer.service.ts';
import { tariffService } from './tariff.service.ts';
import { APPENDIX_SHEET } from './xlsx/tariff-appendix.ts';

let now = new Date('2021-06-01T08:00:00Z');
const clock = { now: () => now };

const SECRETARIAT: Actor = {
  viewer: { userId: 1, role: 'secretariat', committeeIds: [] },
  organisationId: null,
};
const PUBLIC: Actor = {
  viewer: { userId: null, role: 'anonymous', committeeIds: [] },
  organisationId: null,
};
const operator = (organisationId: number, userId: number): Actor => ({
  viewer: { userId, role: 'operator', committeeIds: [] } satisfies Viewer,
  organisationId,
});

void describe('offers and tariffs', () => {
  let t: TestDb;
  let offers: ReturnType<typeof offerService>;
  let tariffs: ReturnType<typeof tariffService>;
  const org: Record<string, number> = {};
  let dasItem = 0;
  let epItem = 0;
  let sugItem = 0;
  const ids: Record<string, number> = {};
  let aalborg: Actor;
  let region: Actor;
  let bronderslev: Actor;

  before(async () => {
    t = await createTestDb();
    offers = offerService(t.db, clock);
    tariffs = tariffService(t.db, clock);
    for (const o of await offers.organisations()) org[o.shortName ?? o.name] = o.id;
    const user = async (organisationId: number) => {
      const [row] = await t.db.query<{ id: number }>(
        `insert into app_user (email, name, password_hash, role, organisation_id)
         values ($1, 'Indberetter', 'x', 'operator', $2) returning id`,
        [`op${organisationId}@test.dk`, organisationId],
      );
      return operator(organisationId, row?.id ?? 0);
    };
    aalborg = await user(org.Aalborg ?? 0);
    region = await user(org.Regionen ?? 0);
    bronderslev = await user(org['Brønderslev'] ?? 0);
    const meetings = meetingService(t.db, clock);
    const committees = committeeRepository(t.db);
    const items = itemRepository(t.db);
    const firstItem = async (short: string) => {
      const committee = await committees.byShortName(short);
      const m = await meetings.createMeeting(SECRETARIAT.viewer, {
        committeeId: committee?.id ?? 0,
        date: '2021-05-20',
        startTime: null,
        endTime: null,
        place: '',
      });
      return (await items.listByMeeting(m.id))[0]?.id ?? 0;
    };
    dasItem = await firstItem('DAS');
    epItem = await firstItem('EP');
    sugItem = await firstItem('SUG');
  });
  after(() => t.dispose());

  const offer = (name: string, operatorId: number, category: 1 | 2 | 3, places = 10) => ({
    name,
    operatorId,
    address: 'Vej 1, 9000 Aalborg',
    targetGroups: ['Voksne med udviklingshæmning'],
    category,
    categoryReason: 'Købes af flere kommuner',
    equivalentAgreement: false,
    portalId: null,
    activeFrom: '2021-01-01',
    activeTo: null,
    sections: [{ section: '108', subsection: '', places }],
  });

  void it('registers offers; entry makes them covered per year, category 1 cannot enter', async () => {
    ids.hobro = await offers.create(
      SECRETARIAT,
      offer('Aktivitetshuset', org['Aalborg ÆH'] ?? 0, 3, 31),
    );
    ids.bornehus = await offers.create(
      SECRETARIAT,
      offer('Børnehus Nord', org.Regionen ?? 0, 3, 4),
    );
    ids.kvisten = await offers.create(SECRETARIAT, offer('Kvisten', org.Regionen ?? 0, 3, 8));
    ids.own = await offers.create(SECRETARIAT, offer('Eget tilbud', org.Aalborg ?? 0, 1, 5));
    for (const id of [ids.hobro, ids.bornehus, ids.kvisten]) {
      const { offer: o } = await offers.get(SECRETARIAT, id ?? 0);
      await offers.addEvent(SECRETARIAT, o.id, o.version, {
        kind: 'entry',
        date: '2021-05-20',
        effectiveYear: 2021,
        note: 'Indmeldt',
        itemId: dasItem,
      });
    }
    const own = await offers.get(SECRETARIAT, ids.own ?? 0);
    await assert.rejects(
      offers.addEvent(SECRETARIAT, own.offer.id, own.offer.version, {
        kind: 'entry',
        date: '2021-05-20',
        effectiveYear: 2021,
        note: '',
        itemId: null,
      }),
      (e: unknown) => e instanceof ValidationError && /kategori 1/.test(e.fields.kind ?? ''),
    );
    await assert.rejects(
      offers.addEvent(SECRETARIAT, own.offer.id, own.offer.version, {
        kind: 'change',
        date: '2021-05-20',
        effectiveYear: 2021,
        note: '',
        itemId: sugItem,
      }),
      (e: unknown) => e instanceof ValidationError && /DAS eller FU/.test(e.fields.itemId ?? ''),
    );
    const list = await offers.list(SECRETARIAT, { covered: true });
    assert.deepEqual(list.map((o) => o.name).sort(), [
      'Aktivitetshuset',
      'Børnehus Nord',
      'Kvisten',
    ]);
    const detail = await offers.get(SECRETARIAT, ids.hobro ?? 0);
    assert.match(detail.events[0]?.itemLabel ?? '', /^DAS 20\.05\.2021, punkt 1/);
    assert.deepEqual(
      detail.coverage.map((c) => [c.year, c.covered]),
      [
        [2021, true],
        [2022, true],
      ],
    );
  });

  void it('keeps places per section with history (31 → 43 from 2022)', async () => {
    const { offer: o } = await offers.get(SECRETARIAT, ids.hobro ?? 0);
    await offers.changePlaces(SECRETARIAT, o.id, o.version, {
      section: '108',
      subsection: '',
      places: 43,
      validFrom: '2022-01-01',
    });
    const after = await offers.get(SECRETARIAT, o.id);
    assert.deepEqual(
      after.offer.sections.map((s) => [s.places, s.validFrom, s.validTo]),
      [
        [31, '2021-01-01', '2021-12-31'],
        [43, '2022-01-01', null],
      ],
    );
    await assert.rejects(
      offers.changePlaces(SECRETARIAT, o.id, o.version, {
        section: '108',
        subsection: '',
        places: 1,
        validFrom: '2022-01-01',
      }),
      ConflictError,
    );
  });

  void it('shows operators only their own and covered offers, and lets them edit only their own', async () => {
    const seen = (await offers.list(bronderslev)).map((o) => o.name).sort();
    assert.deepEqual(seen, ['Aktivitetshuset', 'Børnehus Nord', 'Kvisten']);
    // Aalborg reaches its unit's offer and its own category-1 offer
    assert.deepEqual((await offers.list(aalborg, { mine: true })).map((o) => o.name).sort(), [
      'Aktivitetshuset',
      'Eget tilbud',
    ]);
    await assert.rejects(offers.get(bronderslev, ids.own ?? 0), NotFoundError);
    await assert.rejects(offers.get(PUBLIC, ids.own ?? 0), NotFoundError);
    const { offer: k } = await offers.get(SECRETARIAT, ids.kvisten ?? 0);
    await assert.rejects(offers.update(aalborg, k.id, k.version, { ...k }), ForbiddenError);
    // the region edits its own offer but cannot change the category
    await offers.update(region, k.id, k.version, { ...k, address: 'Ny vej 2', category: 1 });
    const changed = await offers.get(SECRETARIAT, k.id);
    assert.equal(changed.offer.address, 'Ny vej 2');
    assert.equal(changed.offer.category, 3);
  });

  void it('records the reinforced cooperation with the yearly emergency-track review', async () => {
    const { offer: k } = await offers.get(SECRETARIAT, ids.kvisten ?? 0);
    await assert.rejects(
      offers.setReinforced(SECRETARIAT, k.id, k.version, {
        status: 'emergency-track',
        validFrom: '2021-01-01',
        note: '',
        recommendationItemId: dasItem,
        decisionItemId: dasItem,
      }),
      (e: unknown) => e instanceof ValidationError && 'recommendationItemId' in e.fields,
    );
    await offers.setReinforced(SECRETARIAT, k.id, k.version, {
      status: 'emergency-track',
      validFrom: '2021-01-01',
      note: 'Faldende efterspørgsel',
      recommendationItemId: epItem,
      decisionItemId: dasItem,
    });
    const d = await offers.get(SECRETARIAT, k.id);
    assert.equal(d.offer.reinforced, 'emergency-track');
    assert.ok(d.reinforced[0]?.followUpId);
    const [follow] = await t.db.query<{ what: string; due: string }>(
      `select what, due_date as due from follow_up where id = $1`,
      [d.reinforced[0]?.followUpId ?? 0],
    );
    assert.match(follow?.what ?? '', /Kvisten fortsat være i nødsporet/);
    assert.equal(follow?.due, '2022-01-01');
    assert.equal((await offers.list(SECRETARIAT, { reinforced: 'emergency-track' })).length, 1);
    await assert.rejects(
      offers.setReinforced(aalborg, k.id, d.offer.version, {
        status: 'covered',
        validFrom: '2021-01-01',
        note: '',
        recommendationItemId: null,
        decisionItemId: null,
      }),
      ForbiddenError,
    );
  });

  const line = (offerId: number, amount: number, over: Partial<LineInput> = {}): LineInput => ({
    offerId,
    kind: 'main',
    service: 'Døgnophold',
    unit: 'day',
    amount,
    basisAmount: null,
    serviceAmount: null,
    occupancy: 9500,
    changeReason: '',
    ...over,
  });

  void it('runs a reporting round: window, change rule, conflicts, lock, overview', async () => {
    await tariffs.importHistory(SECRETARIAT, 2021, [
      { offerId: ids.bornehus ?? 0, service: 'Døgnophold', unit: 'day', amount: 1_349_100 },
      { offerId: ids.kvisten ?? 0, service: 'Døgnophold', unit: 'day', amount: 500_000 },
    ]);
    const round = await tariffs.createRound(SECRETARIAT, {
      year: 2022,
      opensAt: new Date('2021-06-11T06:00:00Z'),
      deadline: new Date('2021-08-06T08:00:00Z'),
      correctionOpensAt: new Date('2021-10-25T07:00:00Z'),
      correctionDeadline: new Date('2021-11-05T11:00:00Z'),
      changeLimit: 1000,
      populationPeriod: '2020K1',
    });
    await assert.rejects(tariffs.myReport(region, 2022), NotFoundError);
    await tariffs.setRoundStatus(SECRETARIAT, 2022, round.version, 'open');
    // not open yet (1 June)
    await assert.rejects(
      tariffs.saveReport(region, 2022, 1, [line(ids.bornehus ?? 0, 1_299_550)]),
      StateError,
    );
    now = new Date('2021-07-01T08:00:00Z');
    const mine = await tariffs.myReport(region, 2022);
    assert.deepEqual(mine.offers.map((o) => o.name).sort(), ['Børnehus Nord', 'Kvisten']);
    assert.equal(mine.phase, 'open');
    // Kvisten +20 % without a reason is refused; another operator's offer is refused
    await assert.rejects(
      tariffs.saveReport(region, 2022, 1, [
        line(ids.bornehus ?? 0, 1_299_550),
        line(ids.kvisten ?? 0, 600_000),
        line(ids.hobro ?? 0, 100_000),
      ]),
      (e: unknown) =>
        e instanceof ValidationError &&
        /mere end 10 %/.test(e.fields['lines.1.changeReason'] ?? '') &&
        /egne tilbud/.test(e.fields['lines.2.offerId'] ?? ''),
    );
    const v2 = await tariffs.saveReport(region, 2022, 1, [
      line(ids.bornehus ?? 0, 1_299_550),
      line(ids.kvisten ?? 0, 600_000, { changeReason: 'Ny normering om natten' }),
    ]);
    assert.equal(v2, 2);
    // a second person saving from the old version is refused, nothing lost
    await assert.rejects(
      tariffs.saveReport(region, 2022, 1, [line(ids.bornehus ?? 0, 1_300_000)]),
      ConflictError,
    );
    assert.equal((await tariffs.myReport(region, 2022)).lines[0]?.amount, 1_299_550);
    // Aalborg cannot see the region's report
    const aalborgView = await tariffs.myReport(aalborg, 2022);
    assert.equal(aalborgView.report, null);
    assert.deepEqual(
      aalborgView.offers.map((o) => o.name),
      ['Aktivitetshuset'],
    );
    await assert.rejects(tariffs.overview(aalborg, 2022), ForbiddenError);

    const overview = await tariffs.overview(SECRETARIAT, 2022);
    assert.deepEqual(
      overview.rows.map((r) => [r.organisation, r.status]),
      [
        ['Aalborg Kommune', 'not-started'],
        ['Region Nordjylland', 'in-progress'],
      ],
    );
    assert.equal(overview.missing.length, 2);
    assert.match(overview.timeToDeadline, /^36 dage/);
    assert.deepEqual(
      overview.attention.map((a) => [a.offer, a.why, a.change, a.reason]),
      [['Kvisten', 'beyond-limit', 2000, 'Ny normering om natten']],
    );

    await tariffs.submitReport(region, 2022, v2);
    await assert.rejects(
      tariffs.saveReport(region, 2022, 3, [line(ids.bornehus ?? 0, 1_300_000)]),
      (e: unknown) => e instanceof StateError && /låst/.test(e.message),
    );
    const submitted = (await tariffs.overview(SECRETARIAT, 2022)).rows[1];
    assert.equal(submitted?.status, 'submitted');
    await tariffs.reopenReport(
      SECRETARIAT,
      submitted?.report?.id ?? 0,
      submitted?.report?.version ?? 0,
    );
    const reopened = await tariffs.myReport(region, 2022);
    assert.equal(reopened.report?.status, 'draft');
    await tariffs.submitReport(region, 2022, reopened.report?.version ?? 0);
    // after the deadline: refused with the deadline in the message
    now = new Date('2021-08-06T08:00:01Z');
    await assert.rejects(
      tariffs.submitReport(aalborg, 2022, 1),
      (e: unknown) => e instanceof StateError && /6\. august 2021 kl\. 10\.00/.test(e.message),
    );
    const row = (await tariffs.overview(SECRETARIAT, 2022)).rows[1];
    await tariffs.approveReport(SECRETARIAT, row?.report?.id ?? 0, row?.report?.version ?? 0);
    assert.equal((await tariffs.overview(SECRETARIAT, 2022)).rows[1]?.status, 'approved');
  });

  void it('splits Børnehus Nord’s fixed share by 2020K1 population to the krone', async () => {
    await tariffs.setFixedShare(SECRETARIAT, 2022, ids.bornehus ?? 0, 136_072, 'Netto');
    const result = await tariffs.fixedShareSplit(SECRETARIAT, 2022, ids.bornehus ?? 0);
    assert.ok(result);
    assert.equal(result.split.allocations.length, 11);
    assert.equal(
      result.split.allocations.reduce((s, a) => s + a.amount, 0),
      136_072,
    );
    assert.equal(
      result.split.allocations.reduce((s, a) => s + a.population, 0),
      589_936,
    );
  });

  void it('builds, approves and publishes the appendix; the files read back', async () => {
    await assert.rejects(tariffs.appendix(PUBLIC, 2022), NotFoundError);
    const { appendix } = await tariffs.appendix(SECRETARIAT, 2022);
    assert.deepEqual(
      appendix.groups.map((g) => [
        g.operator,
        g.totalPlaces,
        g.rows.map((r) => [r.offer, r.previous, r.amount, r.change]),
      ]),
      [
        [
          'Region Nordjylland',
          12,
          [
            ['Børnehus Nord', 1_349_100, 1_299_550, -367],
            ['Kvisten', 500_000, 600_000, 2000],
          ],
        ],
      ],
    );
    let round = await tariffs.round(SECRETARIAT, 2022);
    await assert.rejects(tariffs.publish(SECRETARIAT, 2022, round.version), StateError);
    await assert.rejects(
      tariffs.approveAppendix(SECRETARIAT, 2022, round.version, sugItem),
      (e: unknown) => e instanceof ValidationError && /DAS eller af FU/.test(e.fields.itemId ?? ''),
    );
    await tariffs.approveAppendix(SECRETARIAT, 2022, round.version, dasItem);
    round = await tariffs.round(SECRETARIAT, 2022);
    assert.match(round.approvedItemLabel ?? '', /^DAS 20\.05\.2021/);
    // The publishing guard: a CPR number in a target group stops publishing until confirmed.
    assert.deepEqual(await tariffs.appendixFindings(SECRETARIAT, 2022), []);
    const { offer: k } = await offers.get(SECRETARIAT, ids.kvisten ?? 0);
    const groups = k.targetGroups;
    await offers.update(SECRETARIAT, k.id, k.version, {
      ...k,
      targetGroups: ['Fx borger 150385-0008'],
    });
    await assert.rejects(
      tariffs.publish(SECRETARIAT, 2022, round.version),
      (e: unknown) =>
        e instanceof PublishingFindingsError &&
        e.findings.map((f) => `${f.where.source} ${f.where.line} ${f.text}`).join() ===
          'Takstbilag 2022 3 150385-XXXX',
    );
    assert.equal((await tariffs.round(SECRETARIAT, 2022)).publishedAt, null);
    await assert.rejects(tariffs.publish(PUBLIC, 2022, round.version), ForbiddenError);
    const found = await tariffs.publish(SECRETARIAT, 2022, round.version, {
      confirmFindings: true,
    });
    assert.equal(found.length, 1);
    assert.deepEqual(
      (await publishingConfirmationRepository(t.db).list({ tariffYear: 2022 })).map((c) => [
        c.what,
        c.userId,
        c.findingCount,
        c.cprCount,
      ]),
      [['tariff-appendix', 1, 1, 1]],
    );
    const restored = (await offers.get(SECRETARIAT, k.id)).offer;
    await offers.update(SECRETARIAT, k.id, restored.version, { ...restored, targetGroups: groups });
    const pub = await tariffs.appendix(PUBLIC, 2022);
    assert.equal(pub.appendix.rowCount, 2);

    const xlsx = await tariffs.appendixFile(PUBLIC, 2022, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(APPENDIX_SHEET);
    assert.ok(ws);
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    assert.deepEqual(rows[0], [
      'Driftsherre',
      'Tilbud',
      'Ydelse',
      'Målgruppe',
      'Lovgrundlag',
      'Pladser',
      'Takst forrige år',
      'Takst',
      'Ændring %',
    ]);
    assert.deepEqual(rows[1], [
      'Region Nordjylland',
      'Børnehus Nord',
      'Døgnophold (døgn)',
      'Voksne med udviklingshæmning',
      '§ 108',
      4,
      13491,
      12995.5,
      -3.67,
    ]);
    const last = rows.at(-1) ?? [];
    assert.deepEqual([last[0], last[5]], ['I alt', 12]);
    assert.equal(wb.getWorksheet('Forside')?.getCell('A1').text, 'Takstbilag 2022');

    const pdf = await tariffs.appendixFile(PUBLIC, 2022, 'pdf');
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    for (const s of [
      'Takstbilag 2022',
      'Børnehus Nord',
      '12.995,50',
      '13.491,00',
      '-3,67',
      'Kvisten',
      'I alt Region Nordjylland',
      'Godkendt: DAS 20.05.2021',
    ])
      assert.ok(text.includes(s), `PDF'en indeholder ${s}`);

    // approval recorded the 2022 tariffs as history for next year's change check
    const [h] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from tariff_history where year = 2022`,
    );
    assert.equal(h?.n, 2);
  });
});
