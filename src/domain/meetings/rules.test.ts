import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canSeeAccess, effectiveAccess, type Viewer } from './access.ts';
import { blocksToText, parseCaseDescription } from './case-description.ts';
import { followUpsDueAt, isOverdue } from './follow-ups.ts';
import { formatDanishDate } from './labels.ts';
import { standardItems } from './standard-items.ts';

void describe('standard items of a new meeting', () => {
  const prev = { id: 7, date: '2020-10-19', startTime: null, endTime: null, place: '' };
  const next = {
    id: 9,
    date: '2021-03-10',
    startTime: '13:00:00',
    endTime: '16:00:00',
    place: 'Aalborg',
  };

  void it('links the minutes approval to the previous meeting and pre-fills the next', () => {
    const items = standardItems('Den Administrative Styregruppe', prev, next);
    assert.deepEqual(
      items.map((i) => i.title),
      [
        'Godkendelse af dagsorden',
        'Godkendelse af referat fra mødet den 19. oktober 2020',
        'Eventuelt',
        'Næste møde',
      ],
    );
    assert.equal(items[1]?.approvesMeetingId, 7);
    assert.equal(items[3]?.nextMeetingId, 9);
    assert.equal(
      items[3]?.caseDescription,
      'Næste møde afholdes onsdag den 10. marts 2021, kl. 13.00-16.00, Aalborg.',
    );
  });

  void it('leaves out the minutes approval for a committee’s first meeting', () => {
    const items = standardItems('FU', null, null);
    assert.deepEqual(
      items.map((i) => i.standardKind),
      ['approve-agenda', 'any-other-business', 'next-meeting'],
    );
    assert.match(items[2]?.caseDescription ?? '', /ikke planlagt/);
  });
});

void describe('follow-ups', () => {
  const base = {
    committeeId: 1,
    dueMeetingId: null as number | null,
    status: 'open' as const,
    dueDate: '2021-01-10' as string | null,
  };
  void it('is overdue only when open and past due', () => {
    assert.equal(isOverdue(base, '2021-01-11'), true);
    assert.equal(isOverdue(base, '2021-01-10'), false);
    assert.equal(isOverdue({ ...base, status: 'done' }, '2022-01-01'), false);
    assert.equal(isOverdue({ ...base, dueDate: null }, '2022-01-01'), false);
  });
  void it('offers those due at the meeting when its agenda is drafted', () => {
    const meeting = { id: 5, date: '2021-01-20', committeeId: 1 };
    const list = [
      { ...base, what: 'due before' },
      { ...base, what: 'due after', dueDate: '2021-02-01' },
      { ...base, what: 'other committee', committeeId: 2 },
      { ...base, what: 'named meeting', dueMeetingId: 5, dueDate: null, committeeId: 3 },
      { ...base, what: 'done', status: 'done' as const },
    ];
    assert.deepEqual(
      followUpsDueAt(meeting, list as (typeof base)[]).map(
        (f) => (f as unknown as { what: string }).what,
      ),
      ['due before', 'named meeting'],
    );
  });
});

void describe('access', () => {
  const member: Viewer = { userId: 3, role: 'member', committeeIds: [1] };
  const operator: Viewer = { userId: 4, role: 'operator', committeeIds: [1] };
  void it('shows closed content only to the secretariat and the committee’s members', () => {
    assert.equal(canSeeAccess(member, 1, 'closed'), true);
    assert.equal(canSeeAccess(member, 2, 'closed'), false);
    assert.equal(canSeeAccess(operator, 1, 'closed'), false);
    assert.equal(
      canSeeAccess({ userId: null, role: 'anonymous', committeeIds: [] }, 1, 'closed'),
      false,
    );
    assert.equal(
      canSeeAccess({ userId: 1, role: 'secretariat', committeeIds: [] }, 9, 'closed'),
      true,
    );
    assert.equal(effectiveAccess('closed', 'open'), 'closed');
    assert.equal(effectiveAccess('open', 'closed'), 'closed');
  });
});

void describe('case description markup', () => {
  void it('parses headings, paragraphs, bullets and tables', () => {
    const blocks = parseCaseDescription(
      '## Baggrund\nDAS drøftede\nsagen.\n\n- første\n• anden\n\n| Kommune | Takst |\n|---|---|\n| Aalborg | 13.491 |',
    );
    assert.deepEqual(blocks, [
      { kind: 'heading', text: 'Baggrund' },
      { kind: 'paragraph', text: 'DAS drøftede sagen.' },
      { kind: 'list', items: ['første', 'anden'] },
      {
        kind: 'table',
        rows: [
          ['Kommune', 'Takst'],
          ['Aalborg', '13.491'],
        ],
      },
    ]);
    assert.match(blocksToText(blocks), /• anden/);
  });
  void it('keeps markup-looking HTML as text', () => {
    assert.deepEqual(parseCaseDescription('<script>alert(1)</script>'), [
      { kind: 'paragraph', text: '<script>alert(1)</script>' },
    ]);
  });
});

void describe('Danish dates', () => {
  void it('writes dates as Danes do', () => {
    assert.equal(formatDanishDate('2017-03-02'), '2. marts 2017');
    assert.equal(formatDanishDate('2021-01-20', true), 'onsdag den 20. januar 2021');
  });
});
