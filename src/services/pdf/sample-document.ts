/**
 * A realistic synthetic DAS meeting, for benchmarks, tests and looking at the PDF layout. The
 * content is invented but written the way the secretariat writes: sections, recommendations,
 * a case description with sub-headings, bullets and a table, attachments numbered across the
 * meeting, and one closed item. Decisions are filled in, so the same document serves the minutes.
 */
import type {
  DocumentAttachment,
  DocumentItem,
  DocumentPerson,
  MeetingDocument,
} from '../../domain/meetings/document.ts';
import type { Outcome, Section } from '../../domain/meetings/types.ts';

const MUNICIPALITIES = [
  'Aalborg Kommune',
  'Brønderslev Kommune',
  'Frederikshavn Kommune',
  'Hjørring Kommune',
  'Jammerbugt Kommune',
  'Læsø Kommune',
  'Mariagerfjord Kommune',
  'Morsø Kommune',
  'Rebild Kommune',
  'Thisted Kommune',
  'Vesthimmerland Kommune',
  'Region Nordjylland',
];

const PEOPLE = [
  'Søren Østergaard',
  'Birthe Kjærgaard',
  'Jørgen Møller',
  'Åse Bøgh Nielsen',
  'Mette Frederiksen Dahl',
  'Lars Ærenlund',
  'Pia Skovgård',
  'Henrik Thøgersen',
  'Karin Sørensen',
  'Niels Højgaard',
  'Lene Bækgaard',
  'Torben Lykkegård',
];

const TOPICS: { title: string; presenter: string }[] = [
  { title: 'Takster 2022 for de specialiserede sociale tilbud', presenter: 'Sekretariatet' },
  { title: 'Analyse af udviklingen på børne- og ungeområdet', presenter: 'Pia Skovgård' },
  { title: 'Rammeaftale 2021-2022: status på udviklingsstrategien', presenter: 'Sekretariatet' },
  { title: 'Koordinationsaftale for de sikrede institutioner', presenter: 'Henrik Thøgersen' },
  { title: 'Budget for sekretariatet for Nordjysk Socialaftale 2022', presenter: 'Sekretariatet' },
  {
    title: 'Evaluering af styringsaftalen og nøgletal for kapaciteten',
    presenter: 'Lene Bækgaard',
  },
  { title: 'Udbud af botilbud til borgere med erhvervet hjerneskade', presenter: 'Niels Højgaard' },
  { title: 'Fælles kompetenceudvikling på autismeområdet', presenter: 'Karin Sørensen' },
  { title: 'Socialtilsyn Nords årsrapport og tilsynets takster', presenter: 'Socialtilsyn Nord' },
  { title: 'Høring om den nationale koordinationsstruktur (VISO)', presenter: 'Sekretariatet' },
  { title: 'Belægningsprocenter og tomgang på regionens tilbud', presenter: 'Jørgen Møller' },
  { title: 'Årshjul for DAS og KKR Nordjylland i 2022', presenter: 'Sekretariatet' },
];

const OUTCOMES: Outcome[] = ['approved', 'noted', 'discussed', 'approved-with-changes'];

const DECISIONS: Record<Outcome, string> = {
  approved: 'Indstillingen godkendes.',
  'approved-with-changes':
    'Godkendt med forbehold for ændringer. Sekretariatet indarbejder bemærkningerne fra mødet og udsender en revideret version til DAS.',
  discussed:
    'DAS drøftede sagen. Det aftales, at regionen kommer med et bud på nye takster, som præsenteres på DAS mødet i januar.',
  noted: 'Orienteringen tages til efterretning.',
  postponed: 'Punktet udsat til møde i august.',
  rejected: 'Indstillingen blev ikke godkendt.',
};

function person(i: number): DocumentPerson {
  return {
    name: PEOPLE[i % PEOPLE.length] ?? 'Ukendt',
    organisation: MUNICIPALITIES[i % MUNICIPALITIES.length] ?? '',
  };
}

function caseDescription(topic: string, long: boolean): string {
  const background = [
    '## Baggrund',
    `DAS drøftede på møde den 19. oktober 2020 ${topic.toLowerCase()} og bad sekretariatet om at`,
    'udarbejde et samlet overblik over udviklingen i de nordjyske kommuner. Overblikket bygger på',
    'kommunernes indberetninger til sekretariatet og på data fra Danmarks Statistik. Der er taget',
    'højde for ændringer i målgruppernes sammensætning og for de særlige forhold på Læsø.',
    '',
  ];
  if (!long) {
    return [
      ...background,
      '## Orientering',
      'Sekretariatet orienterer kort om status. Der er ikke behov for en beslutning på dette møde,',
      'men DAS vil blive præsenteret for et egentligt beslutningsgrundlag på mødet i august.',
    ].join('\n');
  }
  return [
    ...background,
    '## Sagsfremstilling',
    'Udviklingen viser, at efterspørgslen efter pladser på de højt specialiserede tilbud fortsat',
    'stiger, mens belægningen på flere af de mindre tilbud er faldende. Det giver en risiko for,',
    'at enkelte tilbud ikke kan opretholdes med den nuværende takststruktur. Sekretariatet har',
    'derfor i samarbejde med driftsherrerne set på følgende forhold:',
    '- belægningsprocenten på de enkelte tilbud de seneste tre år',
    '- udviklingen i antallet af borgere med komplekse behov',
    '- mulighederne for fælles kompetenceudvikling på tværs af kommunerne',
    '- konsekvenserne for taksterne, hvis kapaciteten tilpasses',
    '',
    '| Kommune | 2019 | 2020 | 2021 | Ændring |',
    '|---|---|---|---|---|',
    '| Aalborg Kommune | 1.245 | 1.302 | 1.356 | 4,1 % |',
    '| Frederikshavn Kommune | 412 | 398 | 405 | 1,8 % |',
    '| Hjørring Kommune | 388 | 401 | 417 | 4,0 % |',
    '| Brønderslev Kommune | 197 | 204 | 199 | -2,5 % |',
    '| Læsø Kommune | 12 | 11 | 13 | 18,2 % |',
    '',
    '## Økonomi',
    'De samlede udgifter til området udgjorde i 2020 ca. 1,2 mia. kr. Den foreslåede model vil',
    'ifølge sekretariatets beregninger være udgiftsneutral for kommunerne samlet set, men der vil',
    'være forskydninger mellem de enkelte kommuner, som fremgår af bilaget.',
    '',
    '## Det videre forløb',
    'Sekretariatet udarbejder en plan for implementeringen, som præsenteres på DAS mødet i januar.',
    'KKR Nordjylland orienteres om sagen på førstkommende møde.',
  ].join('\n');
}

function section(i: number, count: number): Section {
  if (i === 0 || (i === 1 && count >= 3)) return 'welcome';
  if (count >= 3 && i === count - 1) return 'closing';
  if (count >= 5 && i === count - 2) return 'closing';
  if (i === 2 && count >= 6) return 'presentation';
  const middleStart = count >= 6 ? 3 : 2;
  const middleEnd = count >= 5 ? count - 2 : count - 1;
  const split = middleStart + Math.ceil((middleEnd - middleStart) * 0.6);
  return i < split ? 'for-decision' : 'for-information';
}

/** A meeting of DAS on Wednesday 20 January 2021 with `itemCount` items (at least one). */
export function buildSampleMeetingDocument(itemCount: number): MeetingDocument {
  const count = Math.max(1, Math.floor(itemCount));
  const closedIndex = count >= 6 ? 4 : -1;
  let attachmentNo = 0;
  const items: DocumentItem[] = [];

  for (let i = 0; i < count; i++) {
    const sec = section(i, count);
    const number = i + 1;
    const topic = TOPICS[(i - 3 + TOPICS.length * 10) % TOPICS.length] ?? {
      title: 'Sag til behandling',
      presenter: 'Sekretariatet',
    };
    let title: string;
    let summary: string;
    let recommendations: string[] = [];
    let description = '';
    let presenter = '';
    let outcome: Outcome = 'approved';
    const attachments: DocumentAttachment[] = [];
    const addAttachment = (t: string, access: 'open' | 'closed' = 'open') => {
      attachmentNo++;
      attachments.push({
        id: 1000 + attachmentNo,
        label: `Bilag ${attachmentNo}`,
        title: t,
        filename: `bilag-${attachmentNo}.pdf`,
        size: 120_000 + attachmentNo * 7_919,
        access,
      });
    };

    if (sec === 'welcome' && i === 0) {
      title = 'Godkendelse af dagsorden';
      summary = 'Dagsordenen forelægges til godkendelse.';
      recommendations = ['DAS godkender dagsordenen.'];
    } else if (sec === 'welcome') {
      title = 'Godkendelse af referat fra mødet den 19. oktober 2020';
      summary = 'Referatet fra DAS-mødet den 19. oktober 2020 forelægges til godkendelse.';
      recommendations = ['DAS godkender referatet.'];
      addAttachment('Referat fra DAS-mødet den 19. oktober 2020');
    } else if (sec === 'closing' && i === count - 1) {
      title = 'Næste møde';
      summary = 'Næste møde afholdes onsdag den 17. marts 2021 kl. 13.00-16.00 i Aalborg.';
      outcome = 'noted';
    } else if (sec === 'closing') {
      title = 'Eventuelt';
      summary = 'Punktet giver mulighed for at drøfte emner, der ikke er på dagsordenen.';
      outcome = 'noted';
    } else if (sec === 'presentation') {
      title = 'Oplæg: Børn og unge med komplekse behov – erfaringer fra Nordjylland';
      summary =
        'Forskere fra Aalborg Universitet præsenterer de foreløbige resultater af følgeforskningen ' +
        'og lægger op til en drøftelse af de næste skridt i det fælles udviklingsarbejde.';
      recommendations = ['DAS drøfter oplægget og de foreslåede indsatsområder.'];
      description = caseDescription('Børn og unge med komplekse behov', false);
      presenter = 'Professor Åse Kjær, Aalborg Universitet';
      outcome = 'discussed';
    } else {
      const round = Math.floor((i - 3) / TOPICS.length);
      title = round > 0 ? `${topic.title} (opfølgning ${round})` : topic.title;
      const forDecision = sec === 'for-decision';
      summary =
        `Sekretariatet fremlægger ${forDecision ? 'et beslutningsoplæg' : 'en orientering'} om ` +
        `${topic.title.toLowerCase()}. Sagen har været behandlet i FU, som anbefaler, at DAS ` +
        (forDecision
          ? 'godkender den foreslåede model med de præciseringer, der fremgår af sagsbeskrivelsen.'
          : 'tager orienteringen til efterretning.');
      recommendations = forDecision
        ? [
            'DAS godkender den foreslåede model for det videre arbejde.',
            'DAS drøfter, hvordan kommunerne inddrages i implementeringen.',
            'Sekretariatet udarbejder en plan, som præsenteres på DAS mødet i januar.',
          ]
        : ['DAS tager orienteringen til efterretning.'];
      description = caseDescription(topic.title, forDecision);
      presenter = topic.presenter;
      outcome = forDecision ? (OUTCOMES[i % OUTCOMES.length] ?? 'approved') : 'noted';
      addAttachment(`${topic.title} – notat fra sekretariatet`);
      if (forDecision && i % 2 === 0) addAttachment('Nøgletal og belægningsoversigt, 2019-2021');
    }

    const closed = i === closedIndex;
    if (closed) {
      title = 'Økonomisk tilpasning af et regionalt drevet tilbud';
      summary =
        'Punktet behandles for lukkede døre, da det indeholder oplysninger om enkeltpersoners ' +
        'ansættelsesforhold og om forretningsmæssige forhold hos en leverandør.';
    }

    items.push({
      id: 500 + number,
      number,
      section: sec,
      access: closed ? 'closed' : 'open',
      hidden: false,
      title,
      summary,
      recommendations,
      caseDescription: description,
      presenter,
      decision: DECISIONS[outcome],
      outcome,
      postMeetingNote:
        i === 3 ? 'Bilag 4 er efter mødet opdateret med de endelige tal for 2021.' : '',
      attachments,
      guests: i === 2 ? ['Åse Kjær, Aalborg Universitet', 'Mads Ørum, Aalborg Universitet'] : [],
      corrections:
        i === 1
          ? [{ reason: 'Stavefejl i navnet på en deltager', createdAt: '2021-02-03T10:15:00Z' }]
          : [],
    });
  }

  return {
    committee: {
      id: 1,
      shortName: 'DAS',
      name: 'Den Administrative Styregruppe for Nordjysk Socialaftale',
    },
    meeting: {
      id: 42,
      committeeId: 1,
      date: '2021-01-20',
      startTime: '13:00:00',
      endTime: '16:00:00',
      place: 'Aalborg Rådhus, Boulevarden 13, 9000 Aalborg, mødelokale 1',
      status: 'held',
      cancelReason: null,
      stage: 'minutes-published',
      version: 3,
    },
    participants: Array.from({ length: 10 }, (_, i) => person(i)),
    apologies: [person(10), person(11)],
    guests: [{ name: 'Åse Kjær', organisation: 'Aalborg Universitet' }],
    items,
    publicEdition: false,
  };
}
