// Golden tests on the four real archive documents in ../shared/seeds/ (read at test time, never
// copied into the repo). Structure comes from expected.json; the field values asserted below
// were read from the documents by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseMeetingDocument } from './parse-meeting.ts';
import { toContractJson } from './contract.ts';
import type { ParsedItem, ParsedMeeting } from './types.ts';

const seeds = new URL('../../../shared/seeds/', import.meta.url);

interface Expected {
  committee: string | null;
  date: string | null;
  kind: string;
  titles: string[];
}
const expected = JSON.parse(readFileSync(new URL('expected.json', seeds), 'utf8')) as Record<
  string,
  Expected
>;

const cache = new Map<string, ParsedMeeting>();
function parse(file: string): ParsedMeeting {
  const hit = cache.get(file);
  if (hit) return hit;
  const parsed = parseMeetingDocument({ pages: [readFileSync(new URL(file, seeds), 'utf8')] });
  cache.set(file, parsed);
  return parsed;
}

function item(file: string, number: number): ParsedItem {
  const found = parse(file).items.find((candidate) => candidate.number === number);
  assert.ok(found, `item ${number} of ${file}`);
  return found;
}

for (const [file, facts] of Object.entries(expected)) {
  void test(`${file}: committee, date, kind and every item's number and title`, () => {
    const parsed = parse(file);
    assert.equal(parsed.committee, facts.committee);
    assert.equal(parsed.date, facts.date);
    assert.equal(parsed.kind, facts.kind);
    assert.deepEqual(
      parsed.items.map((entry) => entry.number),
      facts.titles.map((_, index) => index + 1),
    );
    assert.deepEqual(
      parsed.items.map((entry) => entry.title),
      facts.titles,
    );
  });

  void test(`${file}: cleaning removed running headers, footers and odd characters`, () => {
    for (const entry of parse(file).items) {
      const all = [
        entry.text,
        entry.summary ?? '',
        entry.decision ?? '',
        ...entry.recommendations,
      ].join('\n');
      assert.doesNotMatch(all, /DAS SocialDAS/);
      assert.doesNotMatch(all, /Side \d+ af \d+/);
      assert.doesNotMatch(all, /^\s*\d+\s*\/\s*\d+\s*$/m, `page number in item ${entry.number}`);
      assert.doesNotMatch(all, /^Punkt \d+\s*[-+]\s*\d+/m);
      assert.doesNotMatch(all, /Møde den \d\d\.\d\d\.\d{4}/);
      assert.doesNotMatch(all, /[\uf000-\uf8ff\u00a0\u030a]/);
      assert.equal(all, all.normalize('NFC'));
    }
  });

  void test(`${file}: the contract JSON has exactly the contract's keys`, () => {
    const json = toContractJson(parse(file));
    assert.deepEqual(Object.keys(json), ['committee', 'date', 'kind', 'items']);
    for (const entry of json.items) {
      assert.deepEqual(Object.keys(entry), [
        'number',
        'title',
        'access',
        'summary',
        'recommendations',
        'decision',
        'attachments',
        'text',
      ]);
      for (const attachment of entry.attachments)
        assert.deepEqual(Object.keys(attachment), ['label', 'title']);
    }
  });
}

const A2021 = 'das-2021-01-20-dagsorden.txt';
const M2017 = 'das-2017-03-02-referat.txt';
const M2012 = 'das-2012-referat.txt';
const L2019 = 'das-2019-01-22-orientering-og-bilag.txt';

void test('2021 agenda: summaries, recommendations and attachments, letter-spacing repaired', () => {
  const three = item(A2021, 3);
  assert.match(three.summary ?? '', /^KLK vil på temadrøftelsen inden DAS mødet give et oplæg/);
  assert.deepEqual(three.recommendations, [
    'Den Administrative Styregruppe drøfter om der skal indledes et samarbejde med KLK i forhold til at skabe en monitoreringsmodel i forhold til udgifterne på det specialiserede socialområde i Nordjylland',
  ]);
  assert.deepEqual(three.attachments, [
    {
      label: 'Bilag 2',
      title: 'KLK rapport om monitorering af de specialiserede socialområde 2020 i KKR Hovedstaden',
    },
    { label: 'Bilag 3', title: 'KLK regneark 1: Niveau 1-3' },
    { label: 'Bilag 4', title: 'KLK regneark 1: Niveau 4' },
  ]);
  assert.equal(three.decision, null);
  assert.match(three.text, /Overordnet fokuserer KLK analysen/);

  assert.deepEqual(item(A2021, 2).attachments, [
    { label: 'Bilag 1', title: 'Referat af DAS møde 19 10 20' },
  ]);

  const six = item(A2021, 6);
  assert.deepEqual(six.recommendations, [
    'Den Administrative Styregruppe tager orienteringen om indkomne bemærkninger til efterretning',
    'Den Administrative Styregruppe drøfter, om kredsen har fælles bemærkninger til pædagogdimensioneringen',
  ]);
  assert.match(six.summary ?? '', /Der gives en mundtlig tilbagemelding om indkomne bemærkninger/);
  assert.match(six.summary ?? '', /pædagogdimensioneringen for studieåret/);
  assert.deepEqual(six.attachments, [
    { label: 'Bilag 9', title: 'Notat om pædagogdimensionering' },
  ]);

  const seven = item(A2021, 7);
  assert.deepEqual(seven.recommendations, [
    'Den Administrative Styregruppe tager orienteringen til efterretning',
  ]);
  assert.deepEqual(seven.mentions.amounts.slice(0, 3), [255000, 28213, 226787]);
  assert.ok(seven.mentions.amounts.includes(13491) && seven.mentions.amounts.includes(12995));
  assert.ok(seven.mentions.offers.includes('Børnehus Nord'));

  // A hyphen across lines joined, a real hyphen before "og" kept.
  assert.match(item(A2021, 4).text, /Nordjysk Socialaftale 2021-2022\. På baggrund heraf/);
  assert.match(item(A2021, 4).text, /børne- og ungeområdet samt voksenområdet/);
  assert.deepEqual(item(A2021, 4).mentions.sections, ['§82ab', '§82a', '§82b']);
  assert.ok(item(A2021, 5).mentions.offers.includes('Specialbørnehaven Birken'));
  assert.deepEqual(item(A2021, 3).mentions.itemReferences, [4]);
  assert.ok(
    item(A2021, 13).mentions.meetingReferences.some(
      (reference) => reference.date === '2020-08-17' && reference.committee === 'DAS',
    ),
  );
  assert.equal(item(A2021, 11).source.fromLine, 702);
  for (const entry of parse(A2021).items) {
    assert.equal(entry.access, 'open');
    assert.equal(entry.decision, null);
  }
});

void test('2017 minutes: decisions under "Referat", sections from the table of contents, participants', () => {
  const parsed = parse(M2017);
  assert.equal(item(M2017, 1).decision, 'Indstillingen godkendes');
  assert.deepEqual(item(M2017, 1).recommendations, [
    'Den Administrative Styregruppe godkender dagsordenen',
  ]);
  assert.deepEqual(item(M2017, 4).recommendations, [
    'DAS beslutter hvilke temaer der skal gå videre til den politiske temadag',
    'DAS drøfter tilrettelæggelsen af den politiske temadag den 28. april',
    'DAS beslutter, hvilken form for materiale, der skal udsendes til deltagerne inden den politiske temadag',
  ]);
  assert.deepEqual(item(M2017, 5).recommendations, [
    'Den Administrative Styregruppe drøfter status for tilbagebetalingen, og vurderer om den giver anledning til yderligere tiltag',
  ]);
  assert.match(
    item(M2017, 5).decision ?? '',
    /DAS drøftede den fremlagte status, og vurderede, at der ikke var behov for yderligere tiltag\.$/,
  );
  assert.ok(item(M2017, 5).mentions.amounts.includes(1180000));
  assert.deepEqual(item(M2017, 6).attachments, [
    {
      label: 'Bilag 5',
      title: 'Notat fra KL vedr. task force til forebyggelse af vold på botilbud',
    },
    { label: 'Bilag 6', title: 'FU’s høringssvar vedr. task force' },
  ]);
  // The decision of item 6 runs over a page break with a "Sager til behandling" page header.
  assert.match(
    item(M2017, 6).decision ?? '',
    /Det aftales, at Rammeaftalesekretariatet er sekretariat for funktionen/,
  );
  assert.match(
    item(M2017, 6).decision ?? '',
    /For private botilbud vil det være myndighedsfunktionen/,
  );
  assert.doesNotMatch(item(M2017, 6).text, /^Sager til behandling$/m);
  assert.match(item(M2017, 7).decision ?? '', /^Orienteringerne tages til efterretning/);
  assert.match(item(M2017, 9).decision ?? '', /^Orienteringen tages til efterretning\./);
  assert.match(item(M2017, 9).text, /Den nye ydelsesstruktur implementeres per 1\. oktober 2017/);
  assert.equal(item(M2017, 11).decision, null);

  assert.deepEqual(
    parsed.items.map((entry) => entry.section),
    [
      'Velkomst',
      'Velkomst',
      'Oplæg',
      'Sager til behandling',
      'Sager til behandling',
      'Sager til behandling',
      'Sager til orientering',
      'Sager til orientering',
      'Sager til orientering',
      'Afrunding',
      'Afrunding',
    ],
  );
  assert.equal(parsed.participants.length, 14);
  assert.equal(parsed.participants[0], 'Alice Aagaard Hagemann (Aalborg Kommune ÆH)');
  assert.ok(
    parsed.participants.includes('Lone Becker (Thisted Kommune)'),
    'hyphenated name joined',
  );
  assert.deepEqual(parsed.apologies, []);
  assert.equal(parsed.guests[0], 'Dorthe Jende (Vesthimmerlands Kommune)');
});

void test('2012 minutes: bare decisions under the title, "bedes" lead-in, unnumbered attachments', () => {
  assert.equal(item(M2012, 1).decision, 'Godkendt');
  assert.equal(item(M2012, 2).decision, 'Godkendt');
  assert.deepEqual(item(M2012, 3).recommendations, [
    'at drøfte og godkende udkast til Styringsaftale med henblik på videre politisk behandling',
  ]);
  assert.deepEqual(item(M2012, 3).attachments, [
    { label: null, title: 'Udkast til Styringsaftalen for 2013' },
    { label: null, title: 'Specifikation til Styringsaftalen' },
    { label: null, title: 'Principperne for fastlæggelse af tillægsydelser' },
  ]);
  assert.deepEqual(item(M2012, 5).recommendations, ['at godkende proces for takstindberetning']);
  assert.match(
    item(M2012, 5).decision ?? '',
    /Anden indberetning af takster flyttes fra uge 43 til 44\.$/,
  );
  assert.equal(item(M2012, 10).decision, 'Punktet udsat til møde i august.');
  assert.equal(item(M2012, 11).decision, 'Godkendt med forbehold for ændringer');
  assert.equal(item(M2012, 12).decision, 'Der var ikke noget til punktet');
  assert.deepEqual(item(M2012, 9).mentions.itemReferences, [7]);
  // A date line inside an item ("15. maj 2012 1. møde") is not an item heading.
  assert.match(item(M2012, 9).text, /15\. maj 2012 1\. møde/);
  assert.match(item(M2012, 7).text, /specialbørnehjem i Nørresundby/);
});

void test('2019 information letter: the points are the items, the attachments are not', () => {
  const parsed = parse(L2019);
  assert.equal(parsed.items.length, 5);
  assert.match(
    item(L2019, 1).text,
    /• Forbrug på Taleinstituttet\/Hjerneskadecenter Nordjylland i 2018\./,
  );
  assert.match(item(L2019, 5).text, /Anne Cathrine vil derfor de kommende uger interviewe/);
  assert.doesNotMatch(item(L2019, 5).text, /Med venlig hilsen|Kommissorium/);
  for (const entry of parsed.items) {
    assert.equal(entry.decision, null);
    assert.deepEqual(entry.recommendations, []);
  }
});

// How fast the seeds parse is measured by `npm run bench` (archive-import), not asserted here.
