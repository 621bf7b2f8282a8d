/**
 * The fixture world of the permission test: one of everything a route can show, with canary
 * words in every text that must stay closed. Built once per store through the services (and
 * plain SQL for reference rows the services only link to), with a logged-in client per viewer.
 */
import { createTestApp, type Client, type TestApp } from '../support/app.ts';
import { importSeed, insertPlan, insertThread } from '../support/sql-fixtures.ts';
import type { Viewer } from '../../src/domain/meetings/index.ts';

export const VIEWERS = [
  'anonymous',
  'otherMember',
  'member',
  'otherOperator',
  'operator',
  'secretariat',
  'administrator',
  'named',
] as const;
export type ViewerName = (typeof VIEWERS)[number];

/**
 * Canary words, each in one kind of text. All start with "kanarie", so one search finds them all.
 * `closed`: only the committee's members and the secretariat; `personal`: only the user named
 * on the item and the secretariat; `draft`: only the secretariat; `internal`: users who are
 * members of some committee and the secretariat (the plan); `nominee`: logged-in users only.
 */
export const CANARIES = {
  closed: [
    'kanarielukkettitel',
    'kanarielukketresume',
    'kanarielukketindstilling',
    'kanarielukketsagsfremstilling',
    'kanarielukketbeslutning',
    'kanarielukketbilagstekst',
    'kanarielukketbilagstitel',
    'kanarielukketopfoelgning',
    'kanarielukketaabentbilag',
  ],
  personal: [
    'kanariepersontitel',
    'kanariepersonresume',
    'kanariepersonindstilling',
    'kanariepersonsagsfremstilling',
    'kanariepersonbeslutning',
    'kanariepersonbilagstekst',
    'kanariepersonopfoelgning',
  ],
  draft: ['kanarieudkasttitel'],
  internal: ['kanarieplanaktivitet'],
  nominee: ['kanarienominee'],
} as const;
export type CanaryKind = keyof typeof CANARIES;

/** Which viewers may read each kind of canary. */
export const CANARY_READERS: Record<CanaryKind, readonly ViewerName[]> = {
  closed: ['member', 'secretariat', 'administrator'],
  personal: ['named', 'secretariat', 'administrator'],
  draft: ['secretariat', 'administrator'],
  internal: ['otherMember', 'member', 'named', 'secretariat', 'administrator'],
  nominee: VIEWERS.filter((v) => v !== 'anonymous'),
};

/** An open canary: everyone sees it; proves a page shows content at all. */
export const OPEN_CANARY = 'kanarieaabenttitel';

export interface World {
  t: TestApp;
  clients: Record<ViewerName, Client>;
  ids: {
    committee: number;
    meeting: number;
    draftMeeting: number;
    openItem: number;
    closedItem: number;
    personalItem: number;
    closedAttachment: number;
    personalAttachment: number;
    closedAttachmentOnOpenItem: number;
    openAttachment: number;
    attendance: number;
    followUp: number;
    offer: number;
    tariffYear: number;
    group: number;
    groupMembership: number;
    wanted: number;
    round: number;
    nomination: number;
    agreement: number;
    focusArea: number;
    initiative: number;
    activity: number;
    event: number;
    thread: number;
    source: number;
    deficitModel: number;
    institution: number;
    membership: number;
  };
}

const SECRETARIAT_VIEWER: Viewer = { userId: null, role: 'secretariat', committeeIds: [] };

async function one<T>(t: TestApp, sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await t.db.query<T>(sql, params as never[]);
  if (row === undefined) throw new Error(`Ingen række: ${sql}`);
  return row;
}

const textFile = (words: string) => new TextEncoder().encode(`Bilag til sagen. ${words}\n`);

export async function buildWorld(): Promise<World> {
  const t = await createTestApp({ now: () => new Date('2021-07-01T08:00:00Z') });
  const sec = await t.login('secretariat');
  const secViewer: Viewer = { ...SECRETARIAT_VIEWER, userId: sec.userId };
  const named = await t.login('member', { committees: ['EP'] });
  const clients: Record<ViewerName, Client> = {
    anonymous: t.anonymous,
    otherMember: await t.login('member', { committees: ['FU'] }),
    member: await t.login('member', { committees: ['DAS'] }),
    otherOperator: await t.login('operator', { organisation: 'Brønderslev' }),
    operator: await t.login('operator', { organisation: 'Aalborg' }),
    secretariat: sec,
    administrator: await t.login('administrator'),
    named,
  };
  const namedEmail = (
    await one<{ email: string }>(t, `select email from app_user where id = $1`, [named.userId])
  ).email;
  const m = t.services.meetings;
  const committee = (
    await one<{ id: number }>(t, `select id from committee where short_name = 'DAS'`)
  ).id;
  const org = async (short: string) =>
    (await one<{ id: number }>(t, `select id from organisation where short_name = $1`, [short])).id;

  // The meeting: an open, a closed (with a neutral public title) and a personal item.
  const meeting = await m.createMeeting(secViewer, {
    committeeId: committee,
    date: '2021-05-20',
    startTime: '13:00',
    endTime: '15:00',
    place: 'Aalborg',
  });
  const item = (
    title: string,
    access: 'open' | 'closed' | 'personal',
    words: string[] = [],
    meetingId = meeting.id,
  ) =>
    m.addItem(secViewer, meetingId, {
      section: 'for-decision',
      title,
      publicTitle: access === 'closed' ? 'Neutral sag' : null,
      access,
      summary: words[0] ?? 'Resumé.',
      recommendations: [words[1] ?? 'Udvalget godkender.'],
      caseDescription: words[2] ?? 'Sagsfremstilling.',
      presenter: 'Sekretariatet',
      viewers: access === 'personal' ? [namedEmail] : [],
    });
  const openItem = await item(`Åbent punkt ${OPEN_CANARY}`, 'open');
  const closedItem = await item('Sag kanarielukkettitel', 'closed', [
    'kanarielukketresume',
    'kanarielukketindstilling',
    'kanarielukketsagsfremstilling',
  ]);
  const personalItem = await item('Sag kanariepersontitel', 'personal', [
    'kanariepersonresume',
    'kanariepersonindstilling',
    'kanariepersonsagsfremstilling',
  ]);
  const attach = (itemId: number, title: string, access: 'open' | 'closed', words: string) =>
    m.addAttachment(secViewer, itemId, {
      title,
      filename: 'bilag.txt',
      mediaType: 'text/plain',
      access,
      bytes: textFile(words),
    });
  const closedAttachment = await attach(
    closedItem.id,
    'Bilag kanarielukketbilagstitel',
    'open',
    'kanarielukketbilagstekst',
  );
  const personalAttachment = await attach(
    personalItem.id,
    'Bilag',
    'open',
    'kanariepersonbilagstekst',
  );
  const closedAttachmentOnOpenItem = await attach(
    openItem.id,
    'Lukket bilag',
    'closed',
    'kanarielukketaabentbilag',
  );
  const openAttachment = await attach(openItem.id, 'Åbent bilag', 'open', 'Offentlig tekst');
  await m.addAttendance(secViewer, meeting.id, {
    kind: 'participant',
    name: 'Deltager Dorte',
    organisation: 'Aalborg Kommune',
    itemId: null,
    personId: null,
  });
  const attendance = (
    await one<{ id: number }>(t, `select id from attendance where meeting_id = $1`, [meeting.id])
  ).id;
  const version = async () => (await m.meetingRow(secViewer, meeting.id)).version;
  await m.advance(secViewer, meeting.id, await version(), 'publish-agenda');
  await m.advance(secViewer, meeting.id, await version(), 'start-minutes');
  const decide = async (itemId: number, decision: string) => {
    const { item: row } = await m.item(secViewer, itemId);
    await m.recordDecision(secViewer, itemId, row.version, {
      decision,
      outcome: 'approved',
      postMeetingNote: '',
    });
  };
  await decide(openItem.id, 'Godkendt.');
  await decide(closedItem.id, 'kanarielukketbeslutning');
  await decide(personalItem.id, 'kanariepersonbeslutning');
  await m.advance(secViewer, meeting.id, await version(), 'publish-minutes');

  const followUp = await t.services.followUps.create(secViewer, closedItem.id, {
    what: 'kanarielukketopfoelgning',
    ownerOrganisationId: null,
    ownerPerson: 'Sekretariatet',
    dueDate: '2021-12-01',
    dueMeetingId: null,
  });
  await t.services.followUps.create(secViewer, personalItem.id, {
    what: 'kanariepersonopfoelgning',
    ownerOrganisationId: null,
    ownerPerson: 'Sekretariatet',
    dueDate: '2021-12-01',
    dueMeetingId: null,
  });

  // A later meeting still in draft: nobody but the secretariat sees it.
  const draft = await m.createMeeting(secViewer, {
    committeeId: committee,
    date: '2021-09-01',
    startTime: null,
    endTime: null,
    place: '',
  });
  await item('Udkast kanarieudkasttitel', 'open', [], draft.id);

  // An offer run by Aalborg whose history points at the closed item.
  const aalborg = await org('Aalborg');
  const offer = (
    await one<{ id: number }>(
      t,
      `insert into offer (name, operator_id, address, category, active_from)
       values ('Tilbuddet Kvisten', $1, 'Vej 1', 3, '2021-01-01') returning id`,
      [aalborg],
    )
  ).id;
  await t.db.query(
    `insert into offer_section (offer_id, section, places, valid_from) values ($1, '108', 10, '2021-01-01')`,
    [offer],
  );
  await t.db.query(
    `insert into offer_event (offer_id, kind, date, effective_year, note, item_id)
     values ($1, 'entry', '2021-05-20', 2021, 'Indmeldt', $2)`,
    [offer, closedItem.id],
  );

  // A published tariff round whose appendix was approved on the closed item.
  await t.db.query(
    `insert into tariff_round (year, opens_at, deadline, status, approved_item_id, approved_at, published_at)
     values (2022, '2021-06-01', '2021-08-01', 'open', $1, '2021-06-01', '2021-06-02')`,
    [closedItem.id],
  );

  // A group (a seeded follow-group) approved on the closed item, with an open nomination round.
  const groupRow = await one<{ id: number }>(
    t,
    `select id from committee where kind in ('follow-group', 'working-group', 'panel') order by id limit 1`,
  );
  await t.services.committees.list();
  const groupsModule = await import('../../src/services/group.service.ts');
  const groups = groupsModule.groupService(t.db, t.services.clock);
  await groups.list();
  await groups.addApproval(secViewer, groupRow.id, {
    approverCommitteeId: committee,
    itemId: closedItem.id,
    approvedOn: '2021-05-20',
    note: '',
  });
  const round = await groups.openRound(secViewer, groupRow.id, {
    deadline: '2021-12-01',
    note: '',
  });
  const nomination = await groups.nominate(secViewer, round, {
    organisationId: aalborg,
    name: 'kanarienominee',
    email: null,
    title: null,
    function: null,
    targetGroup: null,
    level: null,
  });
  const groupMembership = (
    await one<{ id: number }>(
      t,
      `insert into committee_membership (committee_id, person_id, organisation_id, role, valid_from)
       values ($1, (select id from person order by id limit 1), $2, 'member', '2020-01-01') returning id`,
      [groupRow.id, aalborg],
    )
  ).id;
  const wanted = (
    await one<{ id: number }>(
      t,
      `insert into wanted_profile (committee_id, label) values ($1, 'Ønsket profil') returning id`,
      [groupRow.id],
    )
  ).id;

  // The agreement's plan, with an activity on the closed item and one on the personal item (its
  // title only for the named user and the secretariat).
  const plan = await insertPlan(t.db, committee, [
    { title: 'kanarieplanaktivitet', itemId: closedItem.id, period: 'h1' },
    { title: 'Aktivitet om borgersagen', itemId: personalItem.id, period: 'h2' },
  ]);
  const { agreement, focusArea, initiative } = plan;
  const [activity = 0] = plan.activities;

  const event = (
    await one<{ id: number }>(
      t,
      `insert into annual_event (title, kind, date, internal) values ('Temadag', 'event', '2021-10-01', false) returning id`,
    )
  ).id;

  // The archive: one imported document, and a case thread through the three items.
  const source = (await importSeed(t.db, t.services.clock, 'das-2021-01-20-dagsorden.txt')).id;
  const thread = await insertThread(t.db, 'Sagsforløb', [
    openItem.id,
    closedItem.id,
    personalItem.id,
  ]);

  const deficitModel = (
    await one<{ id: number }>(
      t,
      `insert into deficit_model (name, operator, threshold, operator_share, population_weight, usage_weight,
         population_period, item_id)
       values ('Underskudsmodel', 'Region Nordjylland', 500000, 0.25, 0.5, 0.5, '2020K1', $1) returning id`,
      [closedItem.id],
    )
  ).id;
  const institution = await one<{ id: number }>(
    t,
    `insert into occupancy_institution (name) values ('Botilbuddet') returning id`,
  );
  const membership = (
    await one<{ id: number }>(
      t,
      `select id from committee_membership where committee_id = $1 order by id limit 1`,
      [committee],
    )
  ).id;

  return {
    t,
    clients,
    ids: {
      committee,
      meeting: meeting.id,
      draftMeeting: draft.id,
      openItem: openItem.id,
      closedItem: closedItem.id,
      personalItem: personalItem.id,
      closedAttachment: closedAttachment.id,
      personalAttachment: personalAttachment.id,
      closedAttachmentOnOpenItem: closedAttachmentOnOpenItem.id,
      openAttachment: openAttachment.id,
      attendance,
      followUp: followUp.id,
      offer,
      tariffYear: 2022,
      group: groupRow.id,
      groupMembership,
      wanted,
      round,
      nomination,
      agreement,
      focusArea,
      initiative,
      activity,
      event,
      thread,
      source,
      deficitModel,
      institution: institution.id,
      membership,
    },
  };
}
