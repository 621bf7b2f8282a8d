import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { monthsBetween, proposeLinks } from './linking.ts';
import type { ThreadCandidate } from './types.ts';

let nextId = 1;
function item(
  over: Partial<ThreadCandidate> & Pick<ThreadCandidate, 'title' | 'date'>,
): ThreadCandidate {
  const id = nextId++;
  return {
    itemId: id,
    meetingId: 1000 + id,
    committee: 'DAS',
    number: 3,
    access: 'open',
    summary: '',
    text: '',
    standardKind: null,
    offers: [],
    meetingReferences: [],
    ...over,
  };
}

const pairs = (links: { a: number; b: number; reason: string }[]) =>
  links.map((l) => `${l.a}-${l.b}:${l.reason}`);

void describe('proposeLinks', () => {
  void it('links an explicit reference to an earlier meeting with a shared subject', () => {
    const earlier = item({
      date: '2020-10-19',
      title: 'Betalingsforpligtelse for grønlandske borgere med udviklingshæmning og dom',
    });
    const later = item({
      date: '2021-01-20',
      title: 'Orientering om status vedr. betalingsforpligtelse for grønlandske borgere',
      summary: 'DAS drøftede på møde den 19. oktober 2020 betalingsforpligtelsen.',
      meetingReferences: [{ date: '2020-10-19', committee: null }],
    });
    const sameDayOther = item({
      date: '2020-10-19',
      title: 'Pædagogdimensionering for studieåret',
      meetingId: earlier.meetingId,
    });
    assert.deepEqual(pairs(proposeLinks([earlier, later, sameDayOther])), [
      `${earlier.itemId}-${later.itemId}:reference`,
    ]);
  });

  void it('needs a shared subject besides the reference, and the right committee', () => {
    const earlier = item({ date: '2020-10-19', title: 'Pædagogdimensionering for studieåret' });
    const later = item({
      date: '2021-01-20',
      title: 'Orientering om budget for Børnehus Nord',
      meetingReferences: [{ date: '2020-10-19', committee: null }],
    });
    assert.deepEqual(proposeLinks([earlier, later]), []);
    const fu = item({ date: '2020-10-19', committee: 'FU', title: 'Budget for Børnehus Nord' });
    const ref = item({
      date: '2021-01-20',
      title: 'Budget for Børnehus Nord 2021',
      meetingReferences: [{ date: '2020-10-19', committee: 'DAS' }],
    });
    assert.ok(!pairs(proposeLinks([fu, ref])).some((p) => p.endsWith('reference')));
  });

  void it('links a quoted name to a later item that names it, but not an overview of many', () => {
    const start = item({
      date: '2019-01-22',
      title: 'Igangsættelse af fokusområde 1: ”Socialfagligt fokus på beskæftigelse”',
    });
    const other = item({
      date: '2019-03-01',
      title: 'Igangsættelse af ”Nye samarbejdsformer i regionen”',
    });
    const status = item({
      date: '2021-01-20',
      title: 'Orientering om status',
      text: 'Status for Socialfagligt fokus på beskæftigelse: en IPS dag afholdes.',
    });
    const overview = item({
      date: '2021-06-01',
      title: 'Årsrapport',
      text: 'Socialfagligt fokus på beskæftigelse og Nye samarbejdsformer i regionen er afsluttet.',
    });
    const partial = item({ date: '2021-06-02', title: 'Fokus', text: 'fokus på beskæftigelse' });
    assert.deepEqual(pairs(proposeLinks([start, other, status, overview, partial])), [
      `${start.itemId}-${status.itemId}:named-subject`,
    ]);
  });

  void it('links strongly similar titles with a shared subject within two years', () => {
    const text =
      'Analysen af udgifterne på det specialiserede socialområde viser stigende udgifter til botilbud og forsorgshjem i kommunerne.';
    const a = item({
      date: '2020-08-17',
      title: 'Analyse af udgifter på det specialiserede socialområde',
      text,
    });
    const b = item({
      date: '2021-01-20',
      title: 'Analyse af udgifter på det specialiserede socialområde – anbefalinger',
      text,
    });
    const far = item({
      date: '2024-01-20',
      title: 'Analyse af udgifter på det specialiserede socialområde – opfølgning',
      text,
    });
    const links = pairs(proposeLinks([a, b, far]));
    assert.deepEqual(links, [`${a.itemId}-${b.itemId}:similar-title`]);
  });

  void it('does not link recurring yearly items or the same heading years apart', () => {
    const y1 = item({ date: '2020-03-01', title: 'Orientering om budget for Børnehus Nord 2020' });
    const y2 = item({
      date: '2021-01-20',
      title: 'Orientering om budget for Børnehus Nord 2021',
      offers: ['Børnehus Nord'],
    });
    const t1 = item({ date: '2019-05-01', title: 'Proces vedrørende takstindberetning' });
    const t2 = item({ date: '2020-05-01', title: 'Proces vedrørende takstindberetning' });
    assert.deepEqual(proposeLinks([y1, y2, t1, t2]), []);
    // the same heading soon after: a postponed item taken up again
    const p1 = item({
      date: '2020-05-01',
      title: 'Efterregulering for drift af sikrede døgninstitutioner',
    });
    const p2 = item({
      date: '2020-08-20',
      title: 'Efterregulering for drift af sikrede døgninstitutioner',
    });
    assert.deepEqual(pairs(proposeLinks([p1, p2])), [`${p1.itemId}-${p2.itemId}:similar-title`]);
  });

  void it('links the same offer named in both titles within two years', () => {
    const a = item({ date: '2020-10-19', title: 'Kvisten i nødspor', offers: ['Kvisten'] });
    const b = item({
      date: '2021-08-23',
      title: 'Underskudsdækning for Kvisten',
      offers: ['Kvisten'],
    });
    const old = item({
      date: '2012-05-01',
      title: 'Orientering om proces vedrørende Kvisten',
      offers: ['Kvisten'],
    });
    const undated = item({ date: null, title: 'Kvisten: ny takstmodel', offers: ['Kvisten'] });
    const mentionOnly = item({ date: '2021-01-20', title: 'Følgegrupper', offers: ['Kvisten'] });
    assert.deepEqual(pairs(proposeLinks([a, b, old, undated, mentionOnly])), [
      `${a.itemId}-${b.itemId}:same-offer`,
    ]);
  });

  void it('never links standard, generic or closed items, or items of one meeting', () => {
    const minutesA = item({
      date: '2020-01-01',
      title: 'Godkendelse af referat fra mødet den 1. december 2019',
    });
    const minutesB = item({
      date: '2020-03-01',
      title: 'Godkendelse af referat fra mødet den 1. december 2019',
    });
    const fuA = item({ date: '2020-01-01', title: 'Orientering om FU beslutninger' });
    const fuB = item({ date: '2020-03-01', title: 'Orientering om FU beslutninger' });
    const closedA = item({
      date: '2020-01-01',
      title: 'Kvisten økonomi',
      offers: ['Kvisten'],
      access: 'closed',
    });
    const closedB = item({ date: '2020-03-01', title: 'Kvisten økonomi', offers: ['Kvisten'] });
    const sameA = item({
      date: '2020-01-01',
      title: 'Birken takster',
      offers: ['Birken'],
      meetingId: 1,
    });
    const sameB = item({
      date: '2020-01-01',
      title: 'Birken takster',
      offers: ['Birken'],
      meetingId: 1,
    });
    assert.deepEqual(
      proposeLinks([minutesA, minutesB, fuA, fuB, closedA, closedB, sameA, sameB]),
      [],
    );
  });

  void it('counts months between dates', () => {
    assert.equal(Math.round(monthsBetween('2020-01-15', '2022-01-15')), 24);
    assert.ok(monthsBetween('2021-01-20', '2019-01-22') < 24.1);
  });
});
