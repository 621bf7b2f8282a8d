/**
 * The bodies that meet, by the names the documents use for them, mapped to their short names.
 * Longer names come first so "Den Administrative Styregruppe" wins over a bare word.
 */
const COMMITTEE_NAMES: [RegExp, string][] = [
  [/\bDen\s+Administrative\s+Styregruppe\b/i, 'DAS'],
  [/\bDAS\b/, 'DAS'],
  [/\bForretningsudvalg(?:et)?\b/i, 'FU'],
  [/\bFU\b/, 'FU'],
  [/\bKommunaldirektørkreds(?:en)?\b/i, 'KDK'],
  [/\bKDK\b/, 'KDK'],
  [/\bKKR(?:\s+Nordjylland)?\b/, 'KKR'],
  [/\bKommunekontaktråd(?:et)?\b/i, 'KKR'],
  [/\bSocialudviklingsgruppen\b/i, 'Socialudviklingsgruppen'],
  [/\bUdviklingsstrategigruppen\b/i, 'Udviklingsstrategigruppen'],
  [/\bStyringsaftalegruppen\b/i, 'Styringsaftalegruppen'],
  [/\bEkspertpanelet\b/i, 'Ekspertpanelet'],
  [/\bBrugerpanelet\b/i, 'Brugerpanelet'],
];

/** The committee a phrase names first (by position), or null. */
export function findCommittee(text: string): string | null {
  let best: { index: number; name: string } | null = null;
  for (const [pattern, name] of COMMITTEE_NAMES) {
    const match = pattern.exec(text);
    if (match && (best === null || match.index < best.index)) best = { index: match.index, name };
  }
  return best?.name ?? null;
}

/** The committee a phrase starts with ("Den Administrative Styregruppe bedes ..."), or null. */
export function leadingCommittee(text: string): string | null {
  for (const [pattern, name] of COMMITTEE_NAMES) {
    const match = pattern.exec(text);
    if (match?.index === 0) return name;
  }
  return null;
}
