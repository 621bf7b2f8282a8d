import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMentions } from './mentions.ts';

void test('kommuner, the region and offers', () => {
  const found = findMentions(
    'Vesthimmerlands Kommune og Aalborg ÆH driver Specialbørnehaven Birken og Aktivitetshuset Hobro. Regionen tilbyder Børnehus Nord.\nBørnehuset er nyt.',
  );
  assert.deepEqual(found.municipalities, ['Vesthimmerland', 'Aalborg']);
  assert.equal(found.region, true);
  assert.deepEqual(found.offers, [
    'Specialbørnehaven Birken',
    'Aktivitetshuset Hobro',
    'Børnehus Nord',
  ]);
  assert.equal(findMentions('Aalborghus og Rebildbakken').municipalities.length, 0);
});

void test('sections of law, including ranges', () => {
  assert.deepEqual(findMentions('jf. §108, § 107 og §§ 109-110 samt §82a').sections, [
    '§108',
    '§107',
    '§109',
    '§110',
    '§82a',
  ]);
});

void test('amounts in whole kroner, exactly', () => {
  assert.deepEqual(
    findMentions('255.000 kr., 1,18 mio. kr., 13.491 kr og 2 mia. kr.; 16.928 uden enhed').amounts,
    [255000, 1180000, 13491, 2000000000],
  );
});

void test('meeting and item references', () => {
  const found = findMentions(
    'DAS drøftede på møde den 19. oktober 2020 sagen, jf. punkt 9 og dagsordenspunkt 4. Besluttede DAS den 17. august.',
    2,
  );
  assert.deepEqual(found.meetingReferences, [
    { date: '2020-10-19', committee: null, raw: 'møde den 19. oktober 2020' },
    { date: null, committee: 'DAS', raw: 'Besluttede DAS den 17. august' },
  ]);
  assert.deepEqual(found.itemReferences, [9, 4]);
  assert.deepEqual(findMentions('se punkt 2', 2).itemReferences, [], 'not the item itself');
});
