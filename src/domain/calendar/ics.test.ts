import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeText, foldLine, parseIcs, unescapeText, writeIcs, type IcsEvent } from './ics.ts';

const stamp = new Date('2021-01-10T09:00:00Z');

const events: IcsEvent[] = [
  {
    uid: 'meeting-1@socialaftale',
    summary: 'DAS-møde',
    date: '2021-01-20',
    startTime: '13:00',
    endTime: '16:00',
    location: 'Aalborg, Rådhuset; mødelokale 1',
    description: 'Tema: Børn og unge\nFrokost 12-13',
    categories: ['Møde', 'DAS'],
  },
  {
    uid: 'event-7@socialaftale',
    summary: 'Takstindberetning, frist',
    date: '2021-08-06',
    internal: true,
  },
  {
    uid: 'event-8@socialaftale',
    summary: 'Seminar om det forstærkede samarbejde',
    date: '2021-09-29',
    endDate: '2021-09-30',
    description: 'Backslash \\ og komma, semikolon; og æøå '.repeat(5),
  },
];

void describe('ICS writing', () => {
  const text = writeIcs({ name: 'Årshjul, DAS', stamp, events });

  void it('uses CRLF and folds every line at 75 octets', () => {
    assert.ok(text.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'bare LF');
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
    assert.ok(text.includes('\r\n '), 'long description is folded');
  });

  void it('writes timed events with TZID and a VTIMEZONE, all-day events as DATE', () => {
    assert.ok(text.includes('DTSTART;TZID=Europe/Copenhagen:20210120T130000'));
    assert.ok(text.includes('BEGIN:VTIMEZONE'));
    assert.ok(text.includes('DTSTART;VALUE=DATE:20210806'));
    assert.ok(text.includes('DTEND;VALUE=DATE:20210807'));
    assert.ok(text.includes('DTSTAMP:20210110T090000Z'));
    assert.ok(text.includes('CLASS:PRIVATE'));
    assert.ok(text.includes('LOCATION:Aalborg\\, Rådhuset\\; mødelokale 1'));
  });

  void it('parses its own output back', () => {
    const cal = parseIcs(text);
    assert.equal(cal.name, 'Årshjul, DAS');
    assert.equal(cal.events.length, 3);
    const [m, d, s] = cal.events;
    assert.deepEqual(
      [m?.uid, m?.summary, m?.date, m?.startTime, m?.endTime, m?.location, m?.description],
      [
        'meeting-1@socialaftale',
        'DAS-møde',
        '2021-01-20',
        '13:00',
        '16:00',
        'Aalborg, Rådhuset; mødelokale 1',
        'Tema: Børn og unge\nFrokost 12-13',
      ],
    );
    assert.deepEqual(m?.categories, ['Møde', 'DAS']);
    assert.equal(m?.internal, false);
    assert.deepEqual(
      [d?.date, d?.endDate, d?.startTime, d?.internal],
      ['2021-08-06', null, null, true],
    );
    assert.deepEqual([s?.date, s?.endDate], ['2021-09-29', '2021-09-30']);
    assert.equal(s?.description, events[2]?.description);
  });
});

void describe('ICS reading', () => {
  void it('reads foreign files: LF, UTC times, VALARM, quoted params', () => {
    const foreign = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:abc',
      'DTSTART:20210615T110000Z',
      'DTEND:20210615T130000Z',
      'SUMMARY;LANGUAGE="da":KKR-mø',
      ' de',
      'BEGIN:VALARM',
      'DESCRIPTION:påmindelse',
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\n');
    const [e] = parseIcs(foreign).events;
    assert.deepEqual(
      [e?.summary, e?.date, e?.startTime, e?.endTime, e?.description],
      ['KKR-møde', '2021-06-15', '13:00', '15:00', ''],
    );
  });

  void it('refuses what is not a calendar', () => {
    assert.throws(() => parseIcs('hello'), /iCalendar/);
    assert.throws(
      () => parseIcs('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\n'),
      /DTSTART/,
    );
  });

  void it('escapes and unescapes symmetrically and never splits a UTF-8 character', () => {
    for (const s of ['a,b;c\\d\ne', '', 'æøå,,;;\\\\'])
      assert.equal(unescapeText(escapeText(s)), s);
    const folded = foldLine(`SUMMARY:${'ø'.repeat(100)}`);
    for (const line of folded.split('\r\n')) {
      assert.ok(Buffer.byteLength(line) <= 75);
      assert.ok(!line.includes('\uFFFD'));
    }
    assert.equal(folded.replace(/\r\n /g, ''), `SUMMARY:${'ø'.repeat(100)}`);
  });
});
