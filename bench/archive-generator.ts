/**
 * A synthetic archive of DAS/FU/KDK meeting documents, written from the LAYOUTS of the family
 * (2012-2021), not from any seed text: every sentence is assembled here from a Danish vocabulary
 * of the domain, with a seeded PRNG, so the same seed gives byte-identical documents.
 *
 * Three families, as the issue lists them, each in the text form a PDF extraction gives:
 *
 * - `punkt-agenda` (2020-21 agendas): a stuttered running header on the first page ("DAS
 *   SocialDAS Social…"), "DAS Social Møde den DD.MM.YYYY" at the top of every page, "Side X af Y"
 *   footers; items as " Punkt N." on its own line, a blank line, the title (sometimes wrapped);
 *   "Resume", "Indstilling" / "Det indstilles, at" with one point per paragraph (sometimes
 *   U+F0B7 bullets), " Sagsbeskrivelse " with "Baggrund", "Bilag" with "Bilag N Title" lines.
 * - `numbered-minutes` (2012-2019 minutes): a front block ("Referat", "Møde …", "Tid …", "Sted",
 *   "Deltagere", "Afbud"), a table of contents with sections, time spans and "(side N)", then
 *   "N. Title" items under section lines, page-header repeats ("Punkt 3" above "3. Title",
 *   "Punkt 4-5"), "2/12" page footers, and decisions headed "Beslutning:", "Referat:" or
 *   "Referat", or bare ("Godkendt") under the title of the standard items.
 * - `information-letter`: "Orienteringsmail til DAS d. …", "Kære alle", the cancelled meeting,
 *   numbered points with bullets, "Med venlig hilsen", then the attachments.
 *
 * The text carries the artefacts the cleaning rules exist for: words hyphenated across line ends,
 * letter-spaced words ("t i l", "vi l"), symbol-font bullets (U+F0B7), non-breaking spaces, and
 * some documents in Windows-1252 instead of UTF-8. Each document comes with what a correct parse
 * must give (committee, date, kind, item titles), so the bench can check the parser's agreement.
 */

export type ArchiveFamily = 'punkt-agenda' | 'numbered-minutes' | 'information-letter';

export interface GeneratedDocument {
  filename: string;
  family: ArchiveFamily;
  /** The file as stored: UTF-8, or Windows-1252 for some documents; pages split by form feeds. */
  bytes: Uint8Array;
  /** Number of pages (form feeds + 1). */
  pages: number;
  expected: {
    committee: string;
    date: string;
    kind: 'agenda' | 'minutes' | 'information-letter';
    titles: string[];
  };
}

/** mulberry32: a small, fast, seeded PRNG (deterministic across platforms). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rand {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    const value = list[Math.floor(this.next() * list.length)];
    if (value === undefined) throw new Error('pick from an empty list');
    return value;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary of the domain

export const MUNICIPALITIES = [
  'Aalborg',
  'Brønderslev',
  'Frederikshavn',
  'Hjørring',
  'Jammerbugt',
  'Læsø',
  'Mariagerfjord',
  'Morsø',
  'Rebild',
  'Thisted',
  'Vesthimmerland',
];

/** Offers by name; picked with a skewed distribution (the first ones are named most often). */
export const OFFERS = [
  'Taleinstituttet',
  'Børnehus Nord',
  'Hjerneskadecenter Nordjylland',
  'Specialbørnehjemmet Engen',
  'Bostedet Ager',
  'Kvisten',
  'Specialbørnehaven Birken',
  'Center for Døvblindhed og Høretab',
  'Bostedet Solsikken',
  'Opgangsfællesskabet Lærken',
  'Botilbuddet Hvidbjerg',
  'Institution Egebakken',
  'Bøgehuset',
  'Bostedet Toftegården',
  'Kollegiet Fyrtårnet',
  'Botilbuddet Hedebo',
  'Behandlingshjemmet Ådalen',
  'Krisecenter Nord',
  'Forsorgshjemmet Skansen',
  'Bostedet Mølleparken',
  'Specialskolen Skovbakken',
  'Døgntilbuddet Vestervang',
  'Autismecenter Nordjylland',
  'Bostedet Granly',
];

function pickOffer(r: Rand): string {
  return OFFERS[Math.floor(OFFERS.length * r.float() ** 1.6)] ?? 'Kvisten';
}

const AREAS = [
  'børne- og ungeområdet',
  'voksenområdet',
  'handicapområdet',
  'socialpsykiatrien',
  'misbrugsområdet',
  'hjerneskadeområdet',
  'autismeområdet',
  'det specialiserede socialområde',
  'beskæftigelsesområdet',
  'forsorgshjemsområdet',
];

const TOPICS = [
  'udviklingsstrategien',
  'styringsaftalen',
  'kapaciteten på de højt specialiserede tilbud',
  'den fælles kompetenceudvikling',
  'fokusområdet om beskæftigelse',
  'egenmestring og recovery',
  'den nationale koordinationsstruktur',
  'pædagogdimensioneringen',
  'tilbagebetaling af ledsagerudgifter',
  'forebyggelse af vold på botilbud',
  'monitoreringsmodellen for udgifterne',
  'det forstærkede samarbejde',
];

const PEOPLE = [
  'Søren Østergaard',
  'Birthe Kjærgaard',
  'Jørgen Møller',
  'Åse Bøgh Nielsen',
  'Lars Ærenlund',
  'Pia Skovgård',
  'Henrik Thøgersen',
  'Karin Sørensen',
  'Niels Højgaard',
  'Lene Bækgaard',
  'Torben Lykkegård',
  'Mette Dahl',
  'Ulla Verner',
  'Peter Rasmussen',
];

const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

interface CommitteeSpec {
  short: string;
  /** Name in the front block ("Møde …"). */
  name: string;
  /** Words of the running header ("DAS Social"). */
  header: string;
  /** How recommendations address it. */
  addressee: string;
}

const COMMITTEES: CommitteeSpec[] = [
  {
    short: 'DAS',
    name: 'Den Administrative Styregruppe',
    header: 'DAS Social',
    addressee: 'Den Administrative Styregruppe',
  },
  {
    short: 'FU',
    name: 'Forretningsudvalget',
    header: 'FU Social',
    addressee: 'Forretningsudvalget',
  },
  {
    short: 'KDK',
    name: 'Kommunaldirektørkredsen',
    header: 'KDK Social',
    addressee: 'Kommunaldirektørkredsen',
  },
];

// ---------------------------------------------------------------------------------------------
// Dates

interface Day {
  year: number;
  month: number;
  day: number;
}

function addDays(start: Day, days: number): Day {
  const d = new Date(Date.UTC(start.year, start.month - 1, start.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const iso = (d: Day) => `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
const numeric = (d: Day) => `${pad2(d.day)}.${pad2(d.month)}.${d.year}`;
const longDate = (d: Day) => `${d.day}. ${MONTHS[d.month - 1] ?? ''} ${d.year}`;
const shortDate = (d: Day) => `${d.day}. ${MONTHS[d.month - 1] ?? ''}`;

// ---------------------------------------------------------------------------------------------
// Sentences

function sentence(r: Rand, c: CommitteeSpec, meeting: Day, itemCount: number): string {
  const offer = pickOffer(r);
  const muni = r.pick(MUNICIPALITIES);
  const area = r.pick(AREAS);
  const topic = r.pick(TOPICS);
  if (r.chance(0.7)) return genericSentence(r, c, meeting, muni, area, topic);
  const amount = `${r.int(1, 40)}.${String(r.int(0, 999)).padStart(3, '0')}`;
  const earlier = addDays(meeting, -r.int(30, 200));
  const section = r.pick(['§ 107', '§ 108', '§ 85', '§ 66', '§ 67', '§ 103', '§ 104']);
  const templates = [
    () =>
      `${c.short} drøftede på mødet den ${longDate(earlier)} ${topic} og bad sekretariatet om et samlet overblik over udviklingen i de nordjyske kommuner.`,
    () =>
      `Taksten for ${offer} stiger fra ${amount} kr. til ${r.int(41, 90)}.${String(r.int(0, 999)).padStart(3, '0')} kr. om året for tilbud efter ${section} i serviceloven.`,
    () =>
      `${muni} Kommune er driftsherre for ${offer}, som henvender sig til borgere med komplekse behov på ${area}.`,
    () =>
      `Takstindberetningen for ${meeting.year + 1} viser, at takststrukturen på ${area} er uændret i forhold til sidste år.`,
    () =>
      `Belægningsprocenten på ${offer} har de seneste tre år ligget under det budgetterede, hvilket giver en risiko for, at tilbuddet ikke kan opretholdes med den nuværende takst.`,
    () =>
      `Sekretariatet har i samarbejde med driftsherrerne udarbejdet et notat om ${topic}, som vedlægges som bilag.`,
    () =>
      `Arbejdsgruppen har repræsentanter fra ${area}, brugerpanelet og Region Nordjylland, og arbejdet forventes afsluttet i ${r.pick(MONTHS)} ${meeting.year + 1}.`,
    () =>
      `Sagen blev forelagt ${c.short} mødet d. ${shortDate(earlier)}, hvor der var enighed om at gå videre med den skitserede model, jf. punkt ${r.int(1, itemCount)}.`,
    () =>
      `De samlede udgifter til ${area} udgjorde i ${meeting.year - 1} ca. ${r.int(2, 900)} mio. kr., og forventningen er en stigning på ${r.int(1, 9)},${r.int(0, 9)} pct.`,
    () =>
      `Socialtilsyn Nord har fremsendt sin årsrapport, som blandt andet omtaler kvaliteten på ${offer} og tilsynets samlede takster.`,
    () =>
      `Det forstærkede samarbejde omfatter de tilbud, hvor kommunerne i fællesskab sikrer forsyningen, herunder ${offer}.`,
    () =>
      `Kommunerne bedes melde tilbage om kapaciteten på ${area} inden udgangen af ${r.pick(MONTHS)}.`,
    () =>
      `KKR Nordjylland orienteres om sagen på førstkommende møde, og ${c.short} får en mundtlig tilbagemelding.`,
    () =>
      `Udviklingen viser, at efterspørgslen efter pladser på de højt specialiserede tilbud fortsat stiger, mens belægningen på flere af de mindre tilbud er faldende.`,
  ];
  return r.pick(templates)();
}

/** Sentences of the domain's everyday prose: no offer names, no amounts. */
function genericSentence(
  r: Rand,
  c: CommitteeSpec,
  meeting: Day,
  muni: string,
  area: string,
  topic: string,
): string {
  const other = r.pick(MUNICIPALITIES);
  const templates = [
    () =>
      `Sekretariatet udarbejder et oplæg til den videre proces, som drøftes på et kommende møde.`,
    () => `Kommunerne har bidraget med oplysninger om ${area}, og materialet er samlet i et notat.`,
    () => `Arbejdet med ${topic} følger den tidsplan, som blev aftalt ved opstarten.`,
    () =>
      `Der er nedsat en tværkommunal arbejdsgruppe med ledere og medarbejdere fra ${muni} Kommune og ${other} Kommune.`,
    () => `Formanden indleder punktet og giver ordet til sekretariatet.`,
    () =>
      `Evalueringen viser, at samarbejdet på tværs af kommunerne fungerer godt, men at der er behov for en tydeligere opgavefordeling.`,
    () => `Regionen og kommunerne er enige om at fortsætte dialogen om ${topic}.`,
    () => `Der henvises i øvrigt til det udsendte materiale.`,
    () => `Sekretariatet foreslår, at status på ${topic} fremover gives en gang om året.`,
    () =>
      `Socialstyrelsen har offentliggjort en ny vejledning om ${area}, som kan få betydning for kommunernes praksis.`,
    () => `Der er tale om en mindre justering af den eksisterende aftale.`,
    () => `Flere kommuner peger på udfordringer med at rekruttere fagpersonale på ${area}.`,
    () => `Projektet finansieres af puljemidler og løber frem til udgangen af ${meeting.year + 2}.`,
    () => `Den politiske temadag afholdes i foråret med deltagelse af udvalgsformændene.`,
    () => `Forslaget er udarbejdet på baggrund af drøftelserne i følgegruppen.`,
    () => `Der er enighed om, at data skal indgå som et fast element i den årlige opfølgning.`,
    () => `Borgernes perspektiv inddrages gennem brugerpanelet og de pårørendes organisationer.`,
    () =>
      `Notatet beskriver fordele og ulemper ved de to modeller, som ${c.short} kan vælge imellem.`,
    () => `Kredsen bedes give input til prioriteringen af indsatserne for det kommende år.`,
    () =>
      `Erfaringerne fra ${muni} Kommune viser, at tidlig opsporing kan forebygge dyrere indsatser.`,
    () => `Udkastet har været i høring hos kommunerne, og høringssvarene er indarbejdet.`,
    () => `Der afholdes et fælles seminar for medarbejderne i efteråret.`,
    () => `Sekretariatet følger op på sagen og giver en skriftlig status inden sommerferien.`,
    () => `Der er ikke behov for yderligere tiltag på nuværende tidspunkt.`,
  ];
  return r.pick(templates)();
}

function paragraph(r: Rand, c: CommitteeSpec, meeting: Day, itemCount: number): string {
  const n = r.int(2, 5);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(sentence(r, c, meeting, itemCount));
  return out.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Line layout: wrapping, hyphenation, letter-spacing

const VOWELS = /[aeiouyæøå]/;

/** A hyphenation point inside a long lowercase word: between a vowel and a consonant. */
function hyphenate(word: string, r: Rand): [string, string] | null {
  if (word.length < 9 || !/^[a-zæøå]+[.,]?$/.test(word)) return null;
  const points: number[] = [];
  for (let i = 3; i < word.length - 4; i++) {
    const a = word[i - 1] ?? '';
    const b = word[i] ?? '';
    if (VOWELS.test(a) && !VOWELS.test(b)) points.push(i + 1);
  }
  if (points.length === 0) return null;
  const at = r.pick(points);
  return [`${word.slice(0, at)}-`, word.slice(at)];
}

/** Letter-spacing as PDF extraction leaves it around narrow glyphs. */
const LETTER_SPACED: Record<string, string> = {
  til: 't i l',
  vil: 'vi l',
  tilbagemelding: 't i lbagemelding',
  mundtlig: 'mundtl ig',
  fælles: 'fæl les',
  tilbuddet: 't i lbuddet',
};

interface LayoutOptions {
  width: number;
  hyphenation: number;
  letterSpacing: number;
  /** Non-breaking spaces now and then, as Word's PDFs have them. */
  nbsp: number;
}

function wrap(text: string, r: Rand, o: LayoutOptions): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (let w of words) {
    if (r.chance(o.letterSpacing)) w = LETTER_SPACED[w] ?? w;
    const candidate = line === '' ? w : `${line} ${w}`;
    if (candidate.length <= o.width || line === '') {
      line = candidate;
      continue;
    }
    const split = r.chance(o.hyphenation) ? hyphenate(w, r) : null;
    if (split && `${line} ${split[0]}`.length <= o.width + 4) {
      lines.push(`${line} ${split[0]}`);
      line = split[1];
    } else {
      lines.push(line);
      line = w;
    }
  }
  if (line !== '') lines.push(line);
  // Extractions often leave a trailing space, and now and then a non-breaking one.
  return lines.map((l) => (r.chance(o.nbsp) ? `${l}\u00a0` : r.chance(0.3) ? `${l} ` : l));
}

// ---------------------------------------------------------------------------------------------
// Items

interface ItemContent {
  title: string;
  standard: 'agenda' | 'minutes' | 'aob' | 'next' | null;
  summary: string;
  recommendations: string[];
  description: string[];
  bullets: string[];
  attachments: string[];
  decision: string;
  section: 'Velkomst' | 'Oplæg' | 'Sager til behandling' | 'Sager til orientering' | 'Afrunding';
}

function caseTitle(r: Rand, meeting: Day): string {
  const offer = pickOffer(r);
  const area = r.pick(AREAS);
  const topic = r.pick(TOPICS);
  const y = meeting.year;
  return r.pick([
    () => `Takster ${y + 1} for ${offer}`,
    () => `Takstindberetning for ${y + 1}`,
    () => `Ny takststruktur på ${area}`,
    () => `Status på ${topic}`,
    () => `Rammeaftale ${y}-${y + 1}: status på ${topic}`,
    () => `Udmøntningsplan for Nordjysk Socialaftale ${y}-${y + 1}`,
    () => `Behandling af ønske om udmelding af ${offer} fra det forstærkede samarbejde`,
    () => `Kapacitet og belægning på ${area}`,
    () => `Høring om ${topic}`,
    () => `Årsrapport fra Socialtilsyn Nord ${y - 1}`,
    () => `Analyse af udgifterne på ${area}`,
    () => `Kompetenceudvikling på ${area}`,
    () => `Fælles indsats for borgere med komplekse behov på ${area}`,
  ])();
}

function orientationTitle(r: Rand): string {
  return r.pick([
    () => `Orientering om ${r.pick(TOPICS)}`,
    () => `Orientering om FU beslutninger`,
    () => `Orientering om ny ydelses- og takststruktur på ${pickOffer(r)}`,
    () => `Orientering fra Socialtilsyn Nord`,
  ])();
}

const DECISIONS = [
  'Indstillingen godkendes.',
  'Godkendt.',
  'Orienteringen tages til efterretning.',
  'Godkendt med forbehold for ændringer.',
  'Punktet udsat til næste møde.',
];

function buildItems(r: Rand, c: CommitteeSpec, meeting: Day, previous: Day): ItemContent[] {
  const middle = r.int(4, 10);
  const count = 2 + middle + 2;
  const items: ItemContent[] = [];
  let attachmentNo = 0;
  const attach = (title: string) => `Bilag ${++attachmentNo} ${title}`;
  const para = () => paragraph(r, c, meeting, count);
  items.push({
    title: 'Godkendelse af dagsorden',
    standard: 'agenda',
    summary: '',
    recommendations: [`${c.addressee} godkender dagsordenen`],
    description: [],
    bullets: [],
    attachments: [],
    decision: 'Godkendt',
    section: 'Velkomst',
  });
  items.push({
    title: `Godkendelse af referat fra mødet den ${longDate(previous)}`,
    standard: 'minutes',
    summary: '',
    recommendations: [`${c.addressee} godkender referat fra mødet den ${longDate(previous)}`],
    description: [],
    bullets: [],
    attachments: [attach(`Referat af ${c.short} møde ${numeric(previous)}`)],
    decision: 'Godkendt',
    section: 'Velkomst',
  });
  const decisionCount = Math.ceil(middle * 0.6);
  for (let k = 0; k < middle; k++) {
    const forDecision = k < decisionCount;
    const title = forDecision ? caseTitle(r, meeting) : orientationTitle(r);
    const recommendations = forDecision
      ? Array.from(
          { length: r.int(1, 3) },
          (_, i) =>
            `${c.addressee} ${['godkender den foreslåede model', 'drøfter, hvordan kommunerne inddrages i det videre arbejde', 'beslutter, om sagen skal forelægges KKR'][i] ?? 'drøfter sagen'}`,
        )
      : [`${c.addressee} tager orienteringen til efterretning`];
    items.push({
      title,
      standard: null,
      summary: para(),
      recommendations,
      description: Array.from({ length: r.int(1, 4) }, para),
      bullets: r.chance(0.5)
        ? Array.from({ length: r.int(2, 4) }, () => `${pickOffer(r)} i ${r.pick(MUNICIPALITIES)}`)
        : [],
      attachments: Array.from({ length: r.int(0, 2) }, () =>
        attach(`Notat om ${r.pick(TOPICS)} ${meeting.year}`),
      ),
      decision: forDecision ? r.pick(DECISIONS) : 'Orienteringen tages til efterretning.',
      section: forDecision
        ? k === 0 && r.chance(0.3)
          ? 'Oplæg'
          : 'Sager til behandling'
        : 'Sager til orientering',
    });
  }
  items.push({
    title: r.pick(['Eventuelt', 'Evt.']),
    standard: 'aob',
    summary: '',
    recommendations: [],
    description: [],
    bullets: [],
    attachments: [],
    decision: r.pick(['Intet til punktet.', 'Der var ikke noget til punktet.']),
    section: 'Afrunding',
  });
  items.push({
    title: 'Næste møde',
    standard: 'next',
    summary: `Næste møde afholdes den ${longDate(addDays(meeting, r.int(40, 90)))} kl. 13.00-16.00 i Aalborg.`,
    recommendations: [],
    description: [],
    bullets: [],
    attachments: [],
    decision: 'Taget til efterretning.',
    section: 'Afrunding',
  });
  return items;
}

// ---------------------------------------------------------------------------------------------
// Pages

/** Lays body lines out on pages of `perPage` lines. */
function paginate(lines: string[], r: Rand, perPage: [number, number]): string[][] {
  const pages: string[][] = [];
  let at = 0;
  while (at < lines.length) {
    const n = r.int(perPage[0], perPage[1]);
    pages.push(lines.slice(at, at + n));
    at += n;
  }
  return pages.length === 0 ? [[]] : pages;
}

function punktAgenda(r: Rand, c: CommitteeSpec, meeting: Day, previous: Day): [string[], string[]] {
  const o: LayoutOptions = {
    width: r.int(85, 110),
    hyphenation: 0.5,
    letterSpacing: 0.02,
    nbsp: 0.05,
  };
  const items = buildItems(r, c, meeting, previous);
  const lines: string[] = [];
  items.forEach((item, index) => {
    const number = index + 1;
    lines.push(` Punkt ${number}.`, '');
    // A long title wraps onto a second line (lowercase continuation).
    const title = wrap(item.title, r, { ...o, width: 60, hyphenation: 0, letterSpacing: 0 });
    lines.push(...title.map((l) => l.trimEnd()), '');
    if (item.summary !== '')
      lines.push(r.pick(['Resume', 'Resumé']), '', ...wrap(item.summary, r, o), '');
    if (item.recommendations.length > 0) {
      lines.push(r.pick(['Indstilling', 'Indstilling:']), '', 'Det indstilles, at', '');
      const bullets = r.chance(0.4);
      for (const rec of item.recommendations) {
        const wrapped = wrap(rec, r, { ...o, letterSpacing: 0 });
        if (bullets) wrapped[0] = `\uf0b7 ${wrapped[0] ?? ''}`;
        lines.push(...wrapped, '');
      }
    }
    if (item.description.length > 0) {
      lines.push(' Sagsbeskrivelse ', 'Baggrund ');
      item.description.forEach((p, i) => {
        lines.push(...wrap(p, r, o), ' ');
        if (i === 0 && item.bullets.length > 0) {
          for (const b of item.bullets) lines.push(`\uf0b7 ${b} `, '');
        }
      });
    }
    if (item.attachments.length > 0) {
      lines.push(' Bilag:', '');
      for (const a of item.attachments) lines.push(` ${a}`, '');
    }
  });
  const pages = paginate(lines, r, [38, 52]);
  const total = pages.length;
  const header = ` ${c.header} Møde den ${numeric(meeting)}`;
  const out = pages.map((page, i) => {
    const top = i === 0 ? [`${c.header}${c.header}${c.header}${c.header}`, header] : [header];
    return [...top, ...page, `Side ${i + 1} af ${total}`].join('\n');
  });
  return [out, items.map((i) => i.title)];
}

function numberedMinutes(
  r: Rand,
  c: CommitteeSpec,
  meeting: Day,
  previous: Day,
): [string[], string[]] {
  const o: LayoutOptions = {
    width: r.int(90, 115),
    hyphenation: 0.5,
    letterSpacing: 0.02,
    nbsp: 0.05,
  };
  const items = buildItems(r, c, meeting, previous);
  const front: string[] = [
    ' Sekretariat for Nordjysk Socialaftale  Boulevarden 13  9000 Aalborg ',
    '',
    'Referat ',
    '',
    `Møde ${c.name} `,
    '',
    `Tid ${longDate(meeting)}, kl. 13.00-16.00 `,
    '',
    `Sted ${r.pick(['Aalborg Rådhus, mødelokale 1', 'Regionshuset, Niels Bohrs Vej 30, 9220 Aalborg Ø', 'Hjørring Rådhus, Springvandspladsen 5'])} `,
    '',
  ];
  const participants = PEOPLE.slice(0, r.int(6, 12)).map(
    (p, i) => `${p} (${MUNICIPALITIES[i % MUNICIPALITIES.length] ?? ''} Kommune)`,
  );
  front.push(...wrap(`Deltagere ${participants.join(', ')}`, r, { ...o, letterSpacing: 0 }), '');
  front.push(`Afbud ${r.pick(PEOPLE)} (Region Nordjylland)`, '');
  // Table of contents: sections with time spans, "N. Title (side P)".
  let lastSection = '';
  let page = 2;
  items.forEach((item, index) => {
    if (item.section !== lastSection) {
      front.push(item.section, '', `(${13 + index}.00-${13 + index}.30)`, '');
      lastSection = item.section;
    }
    front.push(`${index + 1}. ${item.title} (side ${page})`, '');
    page += r.int(0, 2);
  });

  // Body: items grouped under section lines; page breaks decided afterwards.
  const blocks: { number: number; lines: string[]; heading: number }[] = [];
  lastSection = '';
  items.forEach((item, index) => {
    const number = index + 1;
    const lines: string[] = [];
    if (item.section !== lastSection) {
      lines.push(item.section, '');
      lastSection = item.section;
    }
    const heading = lines.length;
    lines.push(`${number}. ${item.title} `, '');
    const bare = item.standard !== null && item.standard !== 'next' && r.chance(0.5);
    if (bare) {
      lines.push(`${item.decision.replace(/\.$/, '')} `, '', '');
      blocks.push({ number, lines, heading });
      return;
    }
    if (item.summary !== '') lines.push(...wrap(item.summary, r, o), '');
    for (const p of item.description.slice(0, 2)) lines.push(...wrap(p, r, o), '');
    if (item.bullets.length > 0) for (const b of item.bullets) lines.push(`\uf0b7 ${b}`, '');
    if (item.recommendations.length > 0) {
      lines.push('Indstilling ', '');
      if (r.chance(0.5)) {
        lines.push(`${c.addressee} bedes`, '');
        for (const rec of item.recommendations)
          lines.push(`\uf0b7 at ${rec.slice(c.addressee.length + 1)}`, '');
      } else {
        lines.push('Det indstilles, at  ', '');
        for (const rec of item.recommendations) lines.push(` ${rec}`, '');
      }
    }
    if (item.attachments.length > 0) {
      lines.push('Bilag ', '');
      for (const a of item.attachments)
        lines.push(` ${a.replace(/^Bilag (\d+) /, 'Bilag $1. ')}`, '');
    }
    const label = r.pick(['Beslutning:', 'Referat:', 'Referat ']);
    lines.push(label, ...wrap(item.decision, r, { ...o, letterSpacing: 0 }), '');
    blocks.push({ number, lines, heading });
  });

  // Pages of about 45 lines; a page starting with an item gets "Punkt N" just above its heading
  // (below the section line), a page holding several item starts gets "Punkt a-b" at the top.
  const pages: string[][] = [front];
  let current: { lines: string[]; starts: number[] } = { lines: [], starts: [] };
  const flush = () => {
    if (current.lines.length === 0) return;
    const [first] = current.starts;
    const last = current.starts[current.starts.length - 1];
    let top: string[] = [];
    if (first !== undefined && last !== undefined && last > first)
      top = [` Punkt ${first}${r.pick(['-', ' + '])}${last}`, ''];
    pages.push([...top, ...current.lines]);
    current = { lines: [], starts: [] };
  };
  const limit = r.int(40, 55);
  for (const block of blocks) {
    if (current.lines.length + block.lines.length > limit && current.lines.length > 0) flush();
    const repeat = current.lines.length === 0 && current.starts.length === 0 && r.chance(0.5);
    current.starts.push(block.number);
    for (const [i, line] of block.lines.entries()) {
      if (repeat && i === block.heading) current.lines.push(` Punkt ${block.number}`, '');
      current.lines.push(line);
      if (current.lines.length >= limit + 15) {
        flush();
      }
    }
  }
  flush();
  const total = pages.length;
  const out = pages.map((p, i) => [...p, '', `  ${i + 1}/${total} `, ''].join('\n'));
  return [out, items.map((i) => i.title)];
}

function informationLetter(r: Rand, c: CommitteeSpec, sent: Day): [string[], string[]] {
  const o: LayoutOptions = {
    width: r.int(90, 110),
    hyphenation: 0.5,
    letterSpacing: 0.02,
    nbsp: 0.05,
  };
  const cancelled = addDays(sent, -r.int(2, 6));
  const count = r.int(3, 7);
  const titles: string[] = [];
  const lines: string[] = [
    ` Orienteringsmail til ${c.short} d. ${longDate(sent)} `,
    ' ',
    'Kære alle ',
    ' ',
    ...wrap(
      `${c.short} mødet d. ${shortDate(cancelled)} blev aflyst grundet for få dagsordenspunkter. På den baggrund fremsendes her punkter til orientering:`,
      r,
      o,
    ),
    ' ',
    '',
  ];
  for (let n = 1; n <= count; n++) {
    const title = n % 2 === 0 ? orientationTitle(r) : caseTitle(r, sent);
    titles.push(title);
    lines.push(`${n}. ${title} `);
    for (let p = 0; p < r.int(1, 3); p++) {
      lines.push(...wrap(paragraph(r, c, sent, count), r, o), ' ');
    }
    if (r.chance(0.5)) {
      lines.push('');
      for (let b = 0; b < r.int(2, 3); b++)
        lines.push(`\uf0b7 ${pickOffer(r)} i ${r.pick(MUNICIPALITIES)}. `, '');
    }
    lines.push(' ', '');
  }
  lines.push(
    'Med venlig hilsen ',
    '',
    r.pick(PEOPLE),
    'Sekretariatet for Nordjysk Socialaftale',
    '',
  );
  const attachments = r.int(1, 3);
  for (let a = 1; a <= attachments; a++) {
    lines.push(`Bilag ${a}. Notat om ${r.pick(TOPICS)}`, '');
    lines.push(...wrap(paragraph(r, c, sent, count), r, o), '');
  }
  const pages = paginate(lines, r, [40, 55]);
  return [pages.map((p, i) => [...p, `Side ${i + 1} af ${pages.length}`].join('\n')), titles];
}

// ---------------------------------------------------------------------------------------------
// Encoding

const CP1252_EXTRA: Record<string, number> = { '–': 0x96, '•': 0x95, '’': 0x92, '”': 0x94 };

/** Windows-1252 bytes, or null when the text has a character that encoding lacks. */
function encodeCp1252(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const code = ch.charCodeAt(0);
    const extra = CP1252_EXTRA[ch];
    if (extra !== undefined) out[i] = extra;
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out[i] = code;
    else return null;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The archive

/**
 * `count` documents, each a distinct meeting (committee + date), deterministic for a seed.
 * The mix: about 45 % "Punkt N." agendas, 40 % "N. Title" minutes, 15 % information letters;
 * about one in ten is Windows-1252 rather than UTF-8.
 */
export function generateArchive(count: number, seed = 20240501): GeneratedDocument[] {
  const r = new Rand(seed);
  const docs: GeneratedDocument[] = [];
  // Meetings every 3 days from January 2012: distinct dates, so distinct meetings.
  const start: Day = { year: 2012, month: 1, day: 9 };
  for (let k = 0; k < count; k++) {
    const date = addDays(start, k * 3);
    const c = COMMITTEES[k % 5 === 4 ? 2 : k % 3 === 2 ? 1 : 0] ?? COMMITTEES[0];
    if (c === undefined) throw new Error('no committee');
    const previous = addDays(date, -r.int(40, 90));
    const roll = r.float();
    const family: ArchiveFamily =
      roll < 0.45 ? 'punkt-agenda' : roll < 0.85 ? 'numbered-minutes' : 'information-letter';
    const [pages, titles] =
      family === 'punkt-agenda'
        ? punktAgenda(r, c, date, previous)
        : family === 'numbered-minutes'
          ? numberedMinutes(r, c, date, previous)
          : informationLetter(r, c, date);
    const text = pages.join('\f');
    const latin1 = r.chance(0.1) ? encodeCp1252(text.replaceAll('\uf0b7', '•')) : null;
    const bytes = latin1 ?? new TextEncoder().encode(text);
    const kind =
      family === 'punkt-agenda'
        ? 'agenda'
        : family === 'numbered-minutes'
          ? 'minutes'
          : 'information-letter';
    docs.push({
      filename: `${c.short.toLowerCase()}-${iso(date)}-${kind}.txt`,
      family,
      bytes,
      pages: pages.length,
      expected: { committee: c.short, date: iso(date), kind, titles },
    });
  }
  return docs;
}

/** Danish item text for the search corpus: a title and a body, from the same vocabulary. */
export function generateItemText(
  r: Rand,
  meetingDate: string,
): { title: string; summary: string; body: string; decision: string; recommendations: string[] } {
  const [y, m, d] = meetingDate.split('-').map(Number);
  const day: Day = { year: y ?? 2020, month: m ?? 1, day: d ?? 1 };
  const c = r.pick(COMMITTEES);
  const title = r.chance(0.7) ? caseTitle(r, day) : orientationTitle(r);
  return {
    title,
    summary: paragraph(r, c, day, 12),
    body: [paragraph(r, c, day, 12), paragraph(r, c, day, 12)].join('\n'),
    decision: r.pick(DECISIONS),
    recommendations: [
      `${c.addressee} ${r.pick(['godkender den foreslåede model', 'tager orienteringen til efterretning', 'drøfter sagen'])}`,
    ],
  };
}
