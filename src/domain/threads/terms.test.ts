import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isGenericTitle, isLinkable, standardKindOfTitle } from './item-kinds.ts';
import { quotedNames, stem, subjectStems, yearsOf } from './terms.ts';

void describe('terms', () => {
  void it('stems Danish inflections to one form', () => {
    assert.equal(stem('kvistens'), stem('Kvisten'));
    assert.equal(stem('takster'), stem('taksterne'));
    assert.equal(stem('specialbørnehjemmene'), stem('specialbørnehjem'));
    assert.equal(stem('betalingsforpligtelsen'), stem('betalingsforpligtelse'));
    assert.notEqual(stem('takst'), stem('tilsyn'));
  });

  void it('keeps subject words and drops agenda words, numbers and years', () => {
    assert.deepEqual(
      [...subjectStems('Orientering om status på Nordjysk Socialaftale 2018-2020')],
      [],
    );
    assert.deepEqual(
      [...subjectStems('Orientering om budget for Børnehus Nord 2021')],
      [stem('budget'), stem('børnehus'), 'nord'],
    );
    assert.deepEqual([...yearsOf('Udmøntningsplan 2021-2022, punkt 3')], ['2021', '2022']);
  });

  void it('finds quoted names of three words or more', () => {
    assert.deepEqual(
      quotedNames('Igangsættelse af fokusområde 1: ”Socialfagligt fokus på beskæftigelse”'),
      ['socialfagligt fokus på beskæftigelse'],
    );
    assert.deepEqual(quotedNames('Projekt "Bedre liv"'), []);
    assert.deepEqual(quotedNames('Ingen citater her'), []);
  });
});

void describe('item kinds', () => {
  void it('recognises standard items', () => {
    assert.equal(standardKindOfTitle('Godkendelse af dagsorden'), 'approve-agenda');
    assert.equal(
      standardKindOfTitle('Godkendelse af referat for mødet d. 1. marts 2012'),
      'approve-minutes',
    );
    assert.equal(standardKindOfTitle('Godkendelse af referat fra seneste møde'), 'approve-minutes');
    assert.equal(standardKindOfTitle('Evt.'), 'any-other-business');
    assert.equal(standardKindOfTitle('Eventuelt'), 'any-other-business');
    assert.equal(standardKindOfTitle('Næste møde'), 'next-meeting');
    assert.equal(standardKindOfTitle('Styringsaftalen for 2013, godkendelse'), null);
    assert.equal(standardKindOfTitle('Godkendelse af takster for Kvisten'), null);
  });

  void it('recognises generic recurring items but not cases that mention FU', () => {
    assert.ok(isGenericTitle('Orientering om FU beslutninger'));
    assert.ok(isGenericTitle('Orientering fra formandskabet'));
    assert.ok(isGenericTitle('Forslag til mødekalender'));
    assert.ok(
      !isGenericTitle('Orientering om ny ydelses- og takststruktur på Specialbørnehjemmene'),
    );
    assert.ok(!isGenericTitle('FU beslutning om takster for Kvisten'));
    assert.ok(!isLinkable({ title: 'Evt.', standardKind: null }));
    assert.ok(!isLinkable({ title: 'Takster', standardKind: 'next-meeting' }));
    assert.ok(isLinkable({ title: 'Takster for Kvisten', standardKind: null }));
  });
});
