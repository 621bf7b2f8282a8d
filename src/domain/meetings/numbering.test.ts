import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insertItem, moveItem, numberAttachments, renumber, type Placed } from './numbering.ts';

const agenda: Placed[] = [
  { id: 1, section: 'welcome', number: 1 },
  { id: 2, section: 'welcome', number: 2 },
  { id: 3, section: 'for-decision', number: 3 },
  { id: 4, section: 'for-decision', number: 4 },
  { id: 5, section: 'for-information', number: 5 },
  { id: 6, section: 'closing', number: 6 },
];
const order = (items: Placed[]) => items.map((i) => `${i.number}:${i.id}:${i.section}`);

void describe('item numbering', () => {
  void it('numbers 1..n in section order even when stored numbers are out of order', () => {
    const shuffled: Placed[] = [
      { id: 9, section: 'closing', number: 1 },
      { id: 8, section: 'welcome', number: 7 },
      { id: 7, section: 'for-decision', number: 3 },
    ];
    assert.deepEqual(order(renumber(shuffled)), ['1:8:welcome', '2:7:for-decision', '3:9:closing']);
  });

  void it('swaps neighbours inside a section', () => {
    assert.deepEqual(order(moveItem(agenda, 4, 'up')).slice(2, 4), [
      '3:4:for-decision',
      '4:3:for-decision',
    ]);
  });

  void it('moves across a section boundary into the neighbouring section', () => {
    const moved = moveItem(agenda, 5, 'up');
    assert.deepEqual(order(moved).slice(2, 5), [
      '3:3:for-decision',
      '4:4:for-decision',
      '5:5:for-decision',
    ]);
    const down = moveItem(agenda, 4, 'down');
    assert.deepEqual(order(down).slice(3, 5), ['4:4:for-information', '5:5:for-information']);
  });

  void it('leaves the first item of the first section in place', () => {
    assert.deepEqual(order(moveItem(agenda, 1, 'up')), order(agenda));
  });

  void it('keeps numbers gap-free after any sequence of moves', () => {
    let items = agenda;
    const moves: [number, 'up' | 'down'][] = [
      [6, 'up'],
      [6, 'up'],
      [1, 'down'],
      [3, 'down'],
      [2, 'up'],
      [5, 'down'],
      [5, 'down'],
    ];
    for (const [id, dir] of moves) items = moveItem(items, id, dir);
    assert.deepEqual(
      items.map((i) => i.number),
      [1, 2, 3, 4, 5, 6],
    );
    assert.equal(new Set(items.map((i) => i.id)).size, 6);
  });

  void it('inserts a new item at the end of its section', () => {
    const items = insertItem(agenda, { id: 10, section: 'for-decision', number: 0 });
    assert.deepEqual(order(items).slice(2, 6), [
      '3:3:for-decision',
      '4:4:for-decision',
      '5:10:for-decision',
      '6:5:for-information',
    ]);
  });

  void it('rejects an unknown item', () => {
    assert.throws(() => moveItem(agenda, 99, 'up'), /findes ikke/);
  });
});

void describe('attachment numbering', () => {
  void it('numbers Bilag across the meeting in agenda order, then by position', () => {
    const numbers = numberAttachments(
      [
        { id: 1, number: 2 },
        { id: 2, number: 1 },
      ],
      [
        { id: 100, itemId: 1, position: 2 },
        { id: 101, itemId: 1, position: 1 },
        { id: 102, itemId: 2, position: 1 },
      ],
    );
    assert.deepEqual(
      [...numbers.entries()].sort((a, b) => a[0] - b[0]),
      [
        [100, 3],
        [101, 2],
        [102, 1],
      ],
    );
  });
});
