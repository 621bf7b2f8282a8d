import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { parseIcs } from '../domain/calendar/index.ts';
import { ANONYMOUS, type Viewer } from '../domain/meetings/index.ts';
import { ForbiddenError, ValidationError } from '../domain/errors.ts';
import { calendarService } from './calendar.service.ts';
import { committeeService } from './committee.service.ts';
import { meetingService } from './meeting.service.ts';

const secretariat: Viewer = { userId: null, role: 'secretariat', committeeIds: [] };
const clock = { now: () => new Date('2021-01-10T09:00:00Z') };
const event = {
  endDate: null,
  startTime: null,
  endTime: null,
  place: '',
  description: '',
  committeeId: null,
  recurringYearly: false,
  sourceUid: null,
};

void describe('årshjul', () => {
  let t: TestDb;
  let svc: ReturnType<typeof calendarService>;
  let das: number;
  let fu: number;
  before(async () => {
    t = await createTestDb();
    svc = calendarService(t.db, clock);
    const committees = await committeeService(t.db, clock).list();
    das = committees.find((c) => c.shortName === 'DAS')!.id;
    fu = committees.find((c) => c.shortName === 'FU')!.id;
    const meetings = meetingService(t.db, clock);
    const m = await meetings.createMeeting(secretariat, {
      committeeId: das,
      date: '2021-01-20',
      startTime: '13:00',
      endTime: '16:00',
      place: 'Aalborg Rådhus',
    });
    await meetings.addItem(secretariat, m.id, {
      section: 'for-decision',
      title: 'Hemmelig sag om borger A',
      publicTitle: null,
      access: 'closed',
      summary: '',
      recommendations: [],
      caseDescription: '',
      presenter: '',
    });
    await meetings.createMeeting(secretariat, {
      committeeId: fu,
      date: '2021-03-03',
      startTime: null,
      endTime: null,
      place: '',
    });
    await svc.create(secretariat, {
      ...event,
      title: 'Takstindberetning, frist',
      kind: 'deadline',
      date: '2021-08-06',
      internal: true,
    });
    await svc.create(secretariat, {
      ...event,
      title: 'KKR-møde',
      kind: 'event',
      date: '2021-06-15',
      internal: false,
    });
    await svc.create(secretariat, {
      ...event,
      title: 'Årsrapporter fra tilbud i det forstærkede samarbejde',
      kind: 'report',
      date: '2019-04-01',
      internal: false,
      recurringYearly: true,
    });
  });
  after(() => t.dispose());

  void it('holds every meeting, own events and recurring events of the year, in date order', async () => {
    const list = await svc.events(2021, secretariat);
    assert.deepEqual(
      list.map((e) => [e.date, e.title, e.internal]),
      [
        ['2021-01-20', 'DAS-møde', false],
        ['2021-03-03', 'FU-møde', false],
        ['2021-04-01', 'Årsrapporter fra tilbud i det forstærkede samarbejde', false],
        ['2021-06-15', 'KKR-møde', false],
        ['2021-08-06', 'Takstindberetning, frist', true],
      ],
    );
    assert.equal(list[0]?.startTime, '13:00');
    const anonymous = await svc.events(2021, ANONYMOUS);
    assert.ok(!anonymous.some((e) => e.internal));
    assert.equal(anonymous.length, 4);
  });

  void it('writes feeds: public without internal events, per committee, never an item', async () => {
    const pub = await svc.feed({
      year: 2021,
      committeeId: null,
      publicOnly: true,
      host: 'socialaftale.test',
    });
    assert.ok(!pub.includes('Hemmelig'));
    const parsed = parseIcs(pub).events;
    assert.ok(
      parsed.some(
        (e) =>
          e.summary === 'DAS-møde' && e.startTime === '13:00' && e.location === 'Aalborg Rådhus',
      ),
    );
    assert.ok(!parsed.some((e) => e.summary.startsWith('Takstindberetning')));
    assert.equal(parsed.filter((e) => e.summary.startsWith('Årsrapporter')).length, 3); // 2020-2022
    const uids = parsed.map((e) => e.uid);
    assert.equal(new Set(uids).size, uids.length);

    const internal = await svc.feed({
      year: 2021,
      committeeId: null,
      publicOnly: false,
      host: 'h',
    });
    assert.ok(
      parseIcs(internal).events.some(
        (e) => e.summary.startsWith('Takstindberetning') && e.internal,
      ),
    );

    const fuFeed = parseIcs(
      await svc.feed({ year: 2021, committeeId: fu, publicOnly: true, host: 'h' }),
    );
    assert.deepEqual(
      fuFeed.events.map((e) => [e.summary, e.date, e.startTime]),
      [['FU-møde', '2021-03-03', null]],
    );
  });

  void it('imports ICS events, updating by UID, skipping own meetings', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:seminar-1@kl.dk',
      'DTSTART;VALUE=DATE:20210929',
      'DTEND;VALUE=DATE:20211001',
      'SUMMARY:Seminar om nødspor',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:meeting-1@socialaftale.test',
      'DTSTART:20210120T120000Z',
      'SUMMARY:DAS-møde',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    assert.deepEqual(await svc.importIcs(secretariat, ics, { internal: false }), {
      imported: 1,
      skipped: 1,
    });
    await svc.importIcs(secretariat, ics.replace('Seminar om nødspor', 'Seminar om nødsporet'), {
      internal: false,
    });
    const list = (await svc.events(2021, secretariat)).filter((e) => e.title.startsWith('Seminar'));
    assert.deepEqual(
      list.map((e) => [e.title, e.date, e.endDate, e.kind]),
      [['Seminar om nødsporet', '2021-09-29', '2021-09-30', 'seminar']],
    );
    await assert.rejects(
      () => svc.importIcs(secretariat, 'not a calendar', { internal: false }),
      ValidationError,
    );
    await assert.rejects(() => svc.importIcs(ANONYMOUS, ics, { internal: false }), ForbiddenError);
  });
});
