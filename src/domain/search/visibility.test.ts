import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ANONYMOUS, type Viewer } from '../meetings/index.ts';
import { searchVisibility } from './visibility.ts';
import {
  HIT_END,
  HIT_START,
  buildSnippet,
  markHighlights,
  queryLexemes,
  snippetSegments,
  stripHighlights,
} from './snippet.ts';

void describe('searchVisibility', () => {
  void it('gives the public published meetings, public decisions and no closed items', () => {
    const v = searchVisibility(ANONYMOUS, [1, 2, 3]);
    assert.ok(!v.meetingStages.includes('agenda-draft'));
    assert.ok(v.meetingStages.includes('agenda-published'));
    assert.deepEqual(v.decisionStages, ['minutes-published', 'minutes-approved']);
    assert.deepEqual(v.closedCommitteeIds, []);
  });

  void it('gives the secretariat everything and a member the closed items of their committees', () => {
    const secretariat: Viewer = { userId: 1, role: 'secretariat', committeeIds: [] };
    const all = searchVisibility(secretariat, [1, 2, 3]);
    assert.equal(all.meetingStages.length, 5);
    assert.equal(all.decisionStages.length, 5);
    assert.deepEqual(all.closedCommitteeIds, [1, 2, 3]);
    const member: Viewer = { userId: 2, role: 'member', committeeIds: [2] };
    const v = searchVisibility(member, [1, 2, 3]);
    assert.deepEqual(v.closedCommitteeIds, [2]);
    assert.ok(!v.meetingStages.includes('agenda-draft'));
    assert.ok(!v.decisionStages.includes('minutes-draft'));
  });
});

void describe('snippets', () => {
  const snippet = `Ny ${HIT_START}takst${HIT_END} <b>for</b> ${HIT_START}Kvisten${HIT_END}`;
  void it('splits into segments an HTML layer can escape', () => {
    assert.deepEqual(snippetSegments(snippet), [
      { text: 'Ny ', hit: false },
      { text: 'takst', hit: true },
      { text: ' <b>for</b> ', hit: false },
      { text: 'Kvisten', hit: true },
    ]);
  });
  void it('strips or replaces the marks', () => {
    assert.equal(stripHighlights(snippet), 'Ny takst <b>for</b> Kvisten');
    assert.equal(markHighlights(snippet, '«', '»'), 'Ny «takst» <b>for</b> «Kvisten»');
  });
});

void describe('building snippets', () => {
  const mark = (s: string) => markHighlights(s, '[', ']');
  void it('reads the lexemes PostgreSQL prints, leaving out negated ones', () => {
    assert.deepEqual(queryLexemes("'takst':* & !'kvist':* & ( 'fokus':* <-> 'd''or' )"), [
      { lexeme: 'takst', prefix: true },
      { lexeme: 'fokus', prefix: true },
      { lexeme: "d'or", prefix: false },
    ]);
  });

  void it('marks prefix and inflection hits in the first text that has one', () => {
    const lexemes = queryLexemes("'kvist':*");
    assert.equal(
      mark(buildSnippet(['Intet her.', 'Kvistens belægning og Kvisten.'], lexemes)),
      '[Kvistens] belægning og [Kvisten].',
    );
    const exact = queryLexemes("'takst'");
    assert.equal(
      mark(buildSnippet(['takster og takstindberetning'], exact)),
      '[takster] og takstindberetning',
    );
  });

  void it('cuts a window around the hits and falls back to the opening words', () => {
    const long = `${'ord '.repeat(50)}takst ${'mere '.repeat(50)}`;
    const snippet = buildSnippet([long], queryLexemes("'takst':*"), 10);
    assert.equal(mark(snippet), `… ord ord ord ord [takst] mere mere mere mere mere …`);
    assert.equal(buildSnippet(['', 'a b c d'], queryLexemes("'zzz':*"), 2), 'a b …');
    assert.equal(buildSnippet([], queryLexemes("'zzz':*")), '');
  });
});
