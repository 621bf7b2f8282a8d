import type { ItemMentions, MeetingReference } from './types.ts';
import { findDanishDates } from './dates.ts';
import { findCommittee } from './committees.ts';

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
] as const;

// Names stand alone or in the genitive ("Vesthimmerlands Kommune"); not inside other words.
const MUNICIPALITY_PATTERN = new RegExp(
  `(?<![\\p{L}])(${MUNICIPALITIES.join('|')})s?(?![\\p{L}])`,
  'gu',
);
const REGION_PATTERN = /(?<![\p{L}])(?:Region(?:en)?\s+Nordjylland|[Rr]egionen(?:s)?)(?![\p{L}])/u;

/**
 * Offer names: a capitalised institution word ("Specialbørnehaven", "Børnehus", "Aktivitetshuset",
 * "Taleinstituttet") with an optional capitalised name after it, or a capitalised name after
 * "tilbuddet". A heuristic: it finds named offers, not every offer a text alludes to.
 */
const OFFER_PATTERN =
  /(?<![\p{L}])(?:(?=\p{Lu})\p{L}{0,30}?(?:[Bb]ørnehaven|[Bb]ørnehjemmet|[Bb]ørnehjemmene|[Bb]ørnehus|[Bb]otilbuddet|[Bb]otilbud|[Bb]ostedet|[Bb]osted|[Hh]jemmet|[Hh]uset|[Cc]entret|[Cc]enteret|[Ii]nstituttet|[Ii]nstitutionen|[Ss]kolen|[Tt]ilbuddet)(?: (?!Kommune|Region)\p{Lu}\p{Ll}[\p{L}-]*)?|Center for \p{Lu}[\p{L}-]+(?: og \p{Lu}[\p{L}-]+)?)(?![\p{L}])/gu;
/** Institution words in the definite form refer back to an offer; they do not name one. */
const GENERIC_OFFER_WORDS =
  /^(?:Børnehuset|Botilbuddet|Bostedet|Hjemmet|Huset|Centret|Centeret|Instituttet|Institutionen|Skolen|Tilbuddet|Regionshuset|Rådhuset)$/;
const NAMED_AFTER_OFFER =
  /(?<![\p{L}])tilbuddet (\p{Lu}\p{Ll}[\p{L}-]*(?: \p{Lu}\p{Ll}[\p{L}-]*){0,2})/gu;

const SECTION_PATTERN =
  /§{1,2}\s*(\d{1,3})([a-z]{0,2})(?![a-z])(?:\s*[-–]\s*(\d{1,3})([a-z]{0,2})(?![a-z]))?/g;

// "255.000 kr.", "1,18 mio. kr.", "kr. 500.000" is rare in these documents and not read.
const AMOUNT_PATTERN =
  /(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,3}))?\s*(mio\.?|mia\.?|millioner|million|milliarder|milliard)?\s*kr(?:oner)?\.?(?![\p{L}])/giu;

const MONTHS =
  '(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)';
// "DAS mødet d. 20. januar 2021", "på møde den 19.10.2020", "besluttede DAS den 17. august".
// No `i` flag: the committee is an acronym in capitals.
const MEETING_REFERENCE = new RegExp(
  `(?:(?<![\\p{L}])([A-ZÆØÅ]{2,5})[ -]?)?(?<![\\p{L}])[Mm]øde(?:t)? (?:i [A-ZÆØÅ]{2,5} )?(?:den|d\\.) ?(\\d{1,2}\\. ?${MONTHS}(?: \\d{4})?|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4})` +
    `|(?<![\\p{L}])(?:[Bb]esluttede|[Dd]røftede|[Gg]odkendte|[Vv]edtog) ([A-ZÆØÅ]{2,5}) (?:på møde(?:t)? )?(?:den|d\\.) ?(\\d{1,2}\\. ?${MONTHS}(?: \\d{4})?)`,
  'gu',
);

const ITEM_REFERENCE =
  /(?<![\p{L}])(?:dagsordens)?punkt(?:et|erne)?\s+(\d{1,3})(?:\s*[a-z])?(?:\s*(?:og|,)\s*(\d{1,3}))?/giu;

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Kroner as an exact integer, without floating-point rounding. */
function toKroner(
  whole: string,
  fraction: string | undefined,
  scale: string | undefined,
): number | null {
  const digits = whole.replace(/\./g, '');
  const unit = (scale ?? '').toLowerCase();
  const zeros =
    unit.startsWith('mia') || unit.startsWith('milliard')
      ? 9
      : unit.startsWith('mio') || unit.startsWith('million')
        ? 6
        : 0;
  if (zeros === 0)
    return fraction === undefined ? Number(digits) : Math.round(Number(`${digits}.${fraction}`));
  const decimals = fraction ?? '';
  const value = Number(`${digits}${decimals.padEnd(zeros, '0').slice(0, zeros)}`);
  return Number.isSafeInteger(value) ? value : null;
}

/** The things an item mentions: kommuner, the region, offers, §§, amounts and references. */
export function findMentions(text: string, ownNumber: number | null = null): ItemMentions {
  const flat = text.replace(/\s+/g, ' ');
  // Names do not run over a line break: the next line may start a sentence.
  const byLine = text.replace(/[ \t]+/g, ' ');
  const municipalities = unique([...flat.matchAll(MUNICIPALITY_PATTERN)].map((m) => m[1] ?? ''));
  const offers = unique([
    ...[...byLine.matchAll(OFFER_PATTERN)].map((m) => m[0]),
    ...[...byLine.matchAll(NAMED_AFTER_OFFER)].map((m) => m[1] ?? ''),
  ]);
  const named = offers.filter((offer) => offer !== '' && !GENERIC_OFFER_WORDS.test(offer));
  // "Børnehus Nords" is "Børnehus Nord" in the genitive; "Birken" is part of "Specialbørnehaven Birken".
  const distinct = named.filter(
    (offer) =>
      !named.some(
        (other) =>
          other !== offer && (other === offer.replace(/s$/, '') || other.endsWith(` ${offer}`)),
      ),
  );
  const sections = unique(
    [...flat.matchAll(SECTION_PATTERN)].flatMap((m) => {
      const first = `§${m[1] ?? ''}${m[2] ?? ''}`;
      return m[3] === undefined ? [first] : [first, `§${m[3]}${m[4] ?? ''}`];
    }),
  );
  const amounts = unique(
    [...flat.matchAll(AMOUNT_PATTERN)]
      .map((m) => toKroner(m[1] ?? '0', m[2], m[3]))
      .filter((value): value is number => value !== null),
  );
  const meetingReferences: MeetingReference[] = [];
  for (const match of flat.matchAll(MEETING_REFERENCE)) {
    const committeeWord = match[1] ?? match[3];
    const date = findDanishDates(match[0])[0];
    meetingReferences.push({
      date: date?.iso ?? null,
      committee: committeeWord === undefined ? null : findCommittee(committeeWord),
      raw: match[0].trim(),
    });
  }
  const itemReferences = unique(
    [...flat.matchAll(ITEM_REFERENCE)]
      .flatMap((m) => [m[1], m[2]])
      .filter((value): value is string => value !== undefined)
      .map(Number)
      .filter((number) => number !== ownNumber && number > 0),
  );
  return {
    municipalities,
    region: REGION_PATTERN.test(flat),
    offers: distinct,
    sections,
    amounts,
    meetingReferences,
    itemReferences,
  };
}
