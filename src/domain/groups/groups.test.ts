import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coverage, matchesProfile } from './coverage.ts';
import { mayNominateFor } from './nomination.ts';
import { representationMatrix, type MatrixOrganisation } from './representation.ts';
import type { Profile, WantedProfile } from './types.ts';

const p = (
  fn: Profile['function'],
  t: Profile['targetGroup'],
  l: Profile['level'] = null,
): Profile => ({
  function: fn,
  targetGroup: t,
  level: l,
});

void describe('profile coverage', () => {
  const wanted: WantedProfile[] = [
    {
      id: 1,
      label: '5-6 myndighed, børn, unge og voksne',
      ...p('authority', null),
      minCount: 5,
      maxCount: 6,
    },
    { id: 2, label: '1 økonomi', ...p('finance', null), minCount: 1, maxCount: 1 },
    {
      id: 3,
      label: '2 psykiatri, voksne',
      ...p('psychiatry', 'adults'),
      minCount: 2,
      maxCount: null,
    },
  ];

  void it('counts matches and reports under, met, over and missing', () => {
    const members = [
      ...Array.from({ length: 4 }, () => p('authority', 'children')),
      p('finance', null),
      p('finance', null),
    ];
    const c = coverage(wanted, members);
    assert.deepEqual(
      c.map((x) => [x.count, x.status]),
      [
        [4, 'under'],
        [2, 'over'],
        [0, 'missing'],
      ],
    );
    const more = coverage(wanted, [
      ...members.slice(0, 5),
      p('authority', 'adults'),
      p('psychiatry', 'both'),
      p('psychiatry', 'adults'),
    ]);
    assert.deepEqual(
      more.map((x) => x.status),
      ['met', 'met', 'met'],
    );
  });

  void it('matches a member for both target groups to either wish, but not the reverse', () => {
    assert.ok(matchesProfile(p('authority', 'both'), p('authority', 'children')));
    assert.ok(!matchesProfile(p('authority', 'children'), p('authority', 'both')));
    assert.ok(!matchesProfile(p(null, null), p('authority', null)));
    assert.ok(matchesProfile(p('operator', 'adults', 'manager'), p(null, null, 'manager')));
  });
});

const orgs: MatrixOrganisation[] = [
  { id: 1, name: 'Aalborg', kind: 'municipality', parentId: null },
  { id: 2, name: 'Brønderslev', kind: 'municipality', parentId: null },
  { id: 3, name: 'Læsø', kind: 'municipality', parentId: null },
  { id: 4, name: 'Region Nordjylland', kind: 'region', parentId: null },
  { id: 5, name: 'Aalborg ÆH', kind: 'unit', parentId: 1 },
  { id: 6, name: 'Specialsektoren', kind: 'unit', parentId: 4 },
  { id: 7, name: 'KL', kind: 'other', parentId: null },
];

void describe('representation matrix', () => {
  const groups = [
    { id: 10, shortName: 'SAG', name: 'Styringsaftalegruppen' },
    { id: 11, shortName: 'AG', name: 'Arbejdsgruppe' },
  ];
  const m = (
    committeeId: number,
    organisationId: number | null,
    personName: string,
    role = 'member',
  ) => ({
    committeeId,
    organisationId,
    personName,
    role,
  });

  void it('puts unit seats under their parent and lists the kommuner with nobody', () => {
    const x = representationMatrix(orgs, groups, [
      m(10, 5, 'A'),
      m(10, 2, 'B'),
      m(10, 6, 'R'),
      m(11, 1, 'Sekretær', 'secretary'),
      m(11, 7, 'KL-konsulent'),
      m(99, 3, 'elsewhere'),
    ]);
    assert.deepEqual(
      x.rows.map((r) => r.organisation.name),
      ['Aalborg', 'Brønderslev', 'Læsø', 'Region Nordjylland'],
    );
    assert.deepEqual(
      x.rows[0]?.cells[0]?.map((c) => c.personName),
      ['A'],
    );
    assert.deepEqual(
      x.rows[3]?.cells[0]?.map((c) => c.personName),
      ['R'],
    );
    assert.deepEqual(
      x.gaps[0]?.map((o) => o.name),
      ['Læsø'],
    );
    // the secretary does not represent Aalborg; the region is never a gap
    assert.deepEqual(
      x.gaps[1]?.map((o) => o.name),
      ['Aalborg', 'Brønderslev', 'Læsø'],
    );
    assert.deepEqual(
      x.others[1]?.map((o) => o.personName),
      ['KL-konsulent'],
    );
  });

  void it('closes the gap when a kommune gets a member', () => {
    const before = representationMatrix(orgs, groups, [m(11, 1, 'A'), m(11, 2, 'B')]);
    assert.deepEqual(
      before.gaps[1]?.map((o) => o.name),
      ['Læsø'],
    );
    const after = representationMatrix(orgs, groups, [m(11, 1, 'A'), m(11, 2, 'B'), m(11, 3, 'C')]);
    assert.deepEqual(after.gaps[1], []);
  });
});

void describe('nomination rights', () => {
  void it('lets a kommune contact nominate for the kommune and its units only', () => {
    const contact = { role: 'member', organisationId: 1 };
    assert.ok(mayNominateFor(contact, 1, orgs));
    assert.ok(mayNominateFor(contact, 5, orgs));
    assert.ok(!mayNominateFor(contact, 2, orgs));
    assert.ok(mayNominateFor({ role: 'secretariat', organisationId: null }, 3, orgs));
    assert.ok(!mayNominateFor({ role: 'member', organisationId: null }, 3, orgs));
    assert.ok(!mayNominateFor(null, 3, orgs));
  });
});
