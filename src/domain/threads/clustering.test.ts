import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deriveThreadTitle, planThreads } from './clustering.ts';
import type { ThreadCandidate, ThreadDecision, ThreadLink } from './types.ts';

function item(itemId: number, date: string | null, meetingId = itemId): ThreadCandidate {
  return {
    itemId,
    meetingId,
    committee: 'DAS',
    date,
    number: itemId,
    title: `Sag ${itemId}`,
    access: 'open',
    summary: '',
    text: '',
    standardKind: null,
    offers: [],
    meetingReferences: [],
  };
}
const link = (a: number, b: number, strength = 0.7): ThreadLink => ({
  a,
  b,
  reason: 'similar-title',
  strength,
});
let decisionId = 1;
const decision = (
  d: Omit<ThreadDecision, 'id' | 'otherItemIds' | 'title'> & Partial<ThreadDecision>,
): ThreadDecision => ({
  id: decisionId++,
  otherItemIds: [],
  title: null,
  ...d,
});
const ids = (threads: { items: { itemId: number }[] }[]) =>
  threads.map((t) => t.items.map((i) => i.itemId));

const items = [
  item(1, '2021-01-20'),
  item(2, '2019-01-22'),
  item(3, '2020-05-01'),
  item(4, null),
  item(5, '2022-01-01'),
  item(6, '2022-02-01'),
];

void describe('planThreads', () => {
  void it('puts linked items in one thread in date order, undated last, each item once', () => {
    const threads = planThreads(items, [link(1, 2), link(2, 3), link(3, 4)], []);
    assert.deepEqual(ids(threads), [[2, 3, 1, 4]]);
  });

  void it('never puts two items of one meeting in a thread, and refuses weak bridges', () => {
    const sameMeeting = [item(1, '2021-01-01', 9), item(2, '2021-01-01', 9), item(3, '2020-01-01')];
    assert.deepEqual(ids(planThreads(sameMeeting, [link(1, 3), link(2, 3)], [])), [[3, 1]]);
    // {1,2} and {5,6} are threads; a weak link between them does not merge them
    const bridged = planThreads(items, [link(1, 2, 0.8), link(5, 6, 0.8), link(1, 5, 0.6)], []);
    assert.deepEqual(ids(bridged), [
      [2, 1],
      [5, 6],
    ]);
    const referenced = planThreads(items, [link(1, 2, 0.8), link(5, 6, 0.8), link(1, 5, 0.9)], []);
    assert.deepEqual(ids(referenced), [[2, 1, 5, 6]]);
  });

  void it('applies manual links, separations, detachments and confirmations', () => {
    const links = [link(1, 2), link(2, 3)];
    const split = planThreads(items, links, [
      decision({ action: 'separate', itemIds: [2], otherItemIds: [1] }),
    ]);
    assert.deepEqual(ids(split), [[2, 3]]);
    const detached = planThreads(items, links, [decision({ action: 'detach', itemIds: [3] })]);
    assert.deepEqual(ids(detached), [[2, 1]]);
    const linked = planThreads(items, [], [decision({ action: 'link', itemIds: [5, 4] })]);
    assert.deepEqual(ids(linked), [[5, 4]]);
    assert.ok(linked[0]?.items.every((i) => i.manual && !i.confirmed));
    const confirmed = planThreads(items, links, [
      decision({ action: 'confirm', itemIds: [1, 2, 3] }),
    ]);
    assert.ok(confirmed[0]?.items.every((i) => i.confirmed));
  });

  void it('lets a later choice undo an earlier one', () => {
    const links = [link(1, 2)];
    const relinked = planThreads(items, links, [
      decision({ action: 'detach', itemIds: [1] }),
      decision({ action: 'link', itemIds: [1, 2] }),
    ]);
    assert.deepEqual(ids(relinked), [[2, 1]]);
    const reseparated = planThreads(
      items,
      [],
      [
        decision({ action: 'link', itemIds: [1, 2] }),
        decision({ action: 'separate', itemIds: [1], otherItemIds: [2] }),
      ],
    );
    assert.deepEqual(ids(reseparated), []);
  });

  void it('ignores choices about items that no longer exist', () => {
    const threads = planThreads(
      items,
      [link(1, 2)],
      [
        decision({ action: 'link', itemIds: [1, 99] }),
        decision({ action: 'separate', itemIds: [98], otherItemIds: [1] }),
      ],
    );
    assert.deepEqual(ids(threads), [[2, 1]]);
  });

  void it('names a thread by hand or from its earliest title', () => {
    const renamed = planThreads(
      items,
      [link(1, 2)],
      [decision({ action: 'rename', itemIds: [1], title: ' Kvisten ' })],
    );
    assert.equal(renamed[0]?.title, 'Kvisten');
    assert.equal(renamed[0]?.titledByHand, true);
    assert.equal(
      deriveThreadTitle([
        { title: 'Igangsættelse af fokusområde 1: ”Socialfagligt fokus på beskæftigelse”' },
        { title: 'Orientering om status' },
      ]),
      'Socialfagligt fokus på beskæftigelse',
    );
    assert.equal(
      deriveThreadTitle([{ title: 'Orientering om budget for Børnehus Nord' }]),
      'Budget for Børnehus Nord',
    );
  });
});
