/**
 * Danmarks Statistik's area codes (OMRÅDE) as the statbank uses them: "000" Hele landet, the five
 * regions 081-085, and the 98 kommuner (three digits, 101-860). Landsdele and Christiansø are
 * recognised so they can be left out. A file may give "851", "851 Aalborg" or "Aalborg".
 */

export type AreaLevel = 'country' | 'region' | 'municipality';

export interface Area {
  readonly code: string;
  readonly name: string;
  readonly level: AreaLevel;
  /** The region a kommune lies in; null for the country and the regions. */
  readonly region: string | null;
}

export const NORDJYLLAND = '081';

const REGIONS: readonly (readonly [string, string])[] = [
  ['084', 'Region Hovedstaden'],
  ['085', 'Region Sjælland'],
  ['083', 'Region Syddanmark'],
  ['082', 'Region Midtjylland'],
  ['081', 'Region Nordjylland'],
];

/** region code → "code name" pairs of its kommuner (DST's order within each region). */
const KOMMUNER: Record<string, string> = {
  '084':
    '101 København;147 Frederiksberg;155 Dragør;185 Tårnby;165 Albertslund;151 Ballerup;153 Brøndby;157 Gentofte;159 Gladsaxe;161 Glostrup;163 Herlev;167 Hvidovre;169 Høje-Taastrup;183 Ishøj;173 Lyngby-Taarbæk;175 Rødovre;187 Vallensbæk;201 Allerød;240 Egedal;210 Fredensborg;250 Frederikssund;190 Furesø;270 Gribskov;260 Halsnæs;217 Helsingør;219 Hillerød;223 Hørsholm;230 Rudersdal;400 Bornholm',
  '085':
    '253 Greve;259 Køge;350 Lejre;265 Roskilde;269 Solrød;320 Faxe;376 Guldborgsund;316 Holbæk;326 Kalundborg;360 Lolland;370 Næstved;306 Odsherred;329 Ringsted;330 Slagelse;340 Sorø;336 Stevns;390 Vordingborg',
  '083':
    '420 Assens;430 Faaborg-Midtfyn;440 Kerteminde;482 Langeland;410 Middelfart;480 Nordfyns;450 Nyborg;461 Odense;479 Svendborg;492 Ærø;530 Billund;561 Esbjerg;563 Fanø;607 Fredericia;510 Haderslev;621 Kolding;540 Sønderborg;550 Tønder;573 Varde;575 Vejen;630 Vejle;580 Aabenraa',
  '082':
    '710 Favrskov;766 Hedensted;615 Horsens;707 Norddjurs;727 Odder;730 Randers;741 Samsø;740 Silkeborg;746 Skanderborg;706 Syddjurs;751 Aarhus;657 Herning;661 Holstebro;756 Ikast-Brande;665 Lemvig;760 Ringkøbing-Skjern;779 Skive;671 Struer;791 Viborg',
  '081':
    '773 Morsø;787 Thisted;810 Brønderslev;813 Frederikshavn;860 Hjørring;849 Jammerbugt;825 Læsø;846 Mariagerfjord;840 Rebild;820 Vesthimmerland;851 Aalborg',
};

export const AREAS: readonly Area[] = [
  { code: '000', name: 'Hele landet', level: 'country', region: null },
  ...REGIONS.map(([code, name]) => ({ code, name, level: 'region' as const, region: null })),
  ...REGIONS.flatMap(([region]) =>
    (KOMMUNER[region] ?? '').split(';').map((pair) => {
      const [code = '', ...name] = pair.split(' ');
      return { code, name: name.join(' '), level: 'municipality' as const, region };
    }),
  ),
];

const BY_CODE = new Map(AREAS.map((a) => [a.code, a]));
const BY_NAME = new Map<string, Area>();
for (const a of AREAS) {
  BY_NAME.set(normaliseName(a.name), a);
  if (a.level === 'municipality') BY_NAME.set(normaliseName(`${a.name} Kommune`), a);
}
BY_NAME.set('hele landet', BY_CODE.get('000') as Area);
BY_NAME.set('i alt', BY_CODE.get('000') as Area);

function normaliseName(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(/-\s+/g, '-').trim();
}

export function areaByCode(code: string): Area | undefined {
  return BY_CODE.get(code);
}

/** The kommuner of a region, in DST order. */
export function municipalitiesOf(region: string): Area[] {
  return AREAS.filter((a) => a.region === region);
}

/** What an OMRÅDE value refers to: an area, a level to leave out, or nothing known. */
export type AreaMatch = { kind: 'area'; area: Area } | { kind: 'skip' } | { kind: 'unknown' };

/**
 * Reads "851", "851 Aalborg", "Aalborg", "Aalborg Kommune", "Region Nordjylland", "081" …
 * Landsdele ("Landsdel Nordjylland", codes of two digits) and Christiansø (411) are skipped:
 * they are not kommuner or regions, and counting them would count people twice.
 */
export function matchArea(text: string): AreaMatch {
  const s = text.trim();
  const coded = /^(\d{1,3})(?:\s+(.*))?$/.exec(s);
  if (coded) {
    const [, code = '', rest = ''] = coded;
    if (code === '411' || code.length < 3) return { kind: 'skip' };
    const area = BY_CODE.get(code);
    if (area) return { kind: 'area', area };
    if (rest !== '') return matchArea(rest);
    return { kind: 'unknown' };
  }
  const name = normaliseName(s);
  if (name.startsWith('landsdel') || name === 'christiansø') return { kind: 'skip' };
  const area = BY_NAME.get(name) ?? BY_NAME.get(name.replace(/ kommune$/, ''));
  return area ? { kind: 'area', area } : { kind: 'unknown' };
}
