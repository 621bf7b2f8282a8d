import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildSearchTerms } from './query.ts';

void describe('buildSearchTerms', () => {
  void it('makes every word a prefix term, ANDed', () => {
    assert.equal(buildSearchTerms('takst').tsquery, 'takst:*');
    assert.equal(buildSearchTerms('Kvisten  Takster').tsquery, 'kvisten:* & takster:*');
    assert.deepEqual(buildSearchTerms('Kvisten Takster').words, ['kvisten', 'takster']);
  });

  void it('keeps quoted phrases in order and excludes minus words', () => {
    assert.equal(
      buildSearchTerms('”fokus på beskæftigelse” -kvisten').tsquery,
      '(fokus:* <-> på:* <-> beskæftigelse:*) & !kvisten:*',
    );
    assert.equal(buildSearchTerms('"takst"').tsquery, 'takst:*');
  });

  void it('joins the parts of a hyphenated or dotted word as a phrase', () => {
    assert.equal(buildSearchTerms('2021-2022').tsquery, '(2021:* <-> 2022:*)');
    assert.equal(buildSearchTerms('§108').tsquery, '108:*');
  });

  void it('matches single letters exactly and folds NFD to NFC', () => {
    assert.equal(buildSearchTerms('a').tsquery, 'a');
    assert.equal(buildSearchTerms('la\u030aste').tsquery, 'låste:*');
  });

  void it('marks single words of five letters or more for their compound tails', () => {
    assert.deepEqual(
      buildSearchTerms('indberetning "takst tal" -kvisten 20215 ydelse-takst').parts,
      [
        { query: 'indberetning:*', negated: false, tail: 'indberetning' },
        { query: '(takst:* <-> tal:*)', negated: false, tail: null },
        { query: 'kvisten:*', negated: true, tail: 'kvisten' },
        { query: '20215:*', negated: false, tail: null },
        { query: '(ydelse:* <-> takst:*)', negated: false, tail: null },
      ],
    );
    assert.deepEqual(buildSearchTerms('takst').parts, [
      { query: 'takst:*', negated: false, tail: 'takst' },
    ]);
    assert.equal(buildSearchTerms('bil').parts[0]?.tail, null);
    assert.deepEqual(buildSearchTerms('-kvisten').parts, []);
  });

  void it('returns null when nothing searchable is left', () => {
    assert.equal(buildSearchTerms('').tsquery, null);
    assert.equal(buildSearchTerms('  &|!():*  ').tsquery, null);
    assert.equal(buildSearchTerms('-kvisten').tsquery, null);
  });

  void it('only ever emits letters, digits and its own operators', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (input) => {
        const { tsquery } = buildSearchTerms(input);
        if (tsquery === null) return;
        assert.match(tsquery, /^[\p{L}\p{N}:*&!()<\->\s]+$/u);
        // balanced parentheses
        let depth = 0;
        for (const c of tsquery) {
          depth += c === '(' ? 1 : c === ')' ? -1 : 0;
          assert.ok(depth >= 0);
        }
        assert.equal(depth, 0);
        assert.ok(tsquery.split(' & ').length <= 16);
      }),
    );
  });
});
