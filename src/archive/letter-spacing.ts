/**
 * Repairs words that a PDF extraction split with spurious spaces ("vi l" → "vil",
 * "mundtl ig t i lbagemelding" → "mundtlig tilbagemelding").
 *
 * The rule works on one line and only where the line has a certain fragment: letters without a
 * vowel ("l", "t"), which no Danish word is. Then a token is a *fragment* when it is such a
 * token, an unknown one- or two-letter token ("ig"), has an onset no Danish word starts with
 * ("lbagemelding") or an ending no word ends with ("bemærkn"). Only windows of lowercase tokens around fragments are touched, so ordinary
 * text with real short words ("i", "at", "og", "en") is left alone. Inside a window every
 * way of keeping or dropping the spaces is scored with a small built-in lexicon of common
 * words and word parts, and the best is kept. Where a line separates words with two spaces
 * and fragments with one (a common shape of letter-spaced text), the two-space gaps are kept
 * as word boundaries.
 */

/** Short words that stand alone legitimately, plus common words of the domain. */
const LEXICON = new Set(
  (
    'a af al alle alt an at bag bl bo by ca da de dem den der des det dig din dit du dvs efter eks el ' +
    'ej eller en end er et evt fem fik fire for fra fx få går gå gør han har her hos hun hvad hvem hver ' +
    'hvis hvor i ift ikke ind jeg jf ja kan kl kr man med men mere mest mig min mio mod må ned nej ni ' +
    'nok nr tlf st stk pkt gns km nb nå ny nye når og om op os ok jo le ly bo ro sø ø å otte over pct pr på år sa se seks sig sin sit skal som syv så tid til ' +
    'ti to tre ud uge under var ved vi vil være også kun nu hhv mv ml vedr samt blev bliver kunne ' +
    'skulle ville have havde været alle andre anden andet både deres dette disse ens fordi give ' +
    'gives hele heller hvilke hvilken hvordan hvornår inden kommer mellem mange meget mens nogle ' +
    'noget selv siden sammen stadig store stor så sådan uden videre viden år tilbage møde ' +
    'mødet sag sager punkt punktet kommune kommuner kommunerne region regionen borger borgere ' +
    'borgerne tilbud tilbuddet tilbuddene takst takster taksten område området socialområdet ' +
    'arbejde arbejdet gruppe gruppen udvalg orientering orienteringen efterretning indstilling ' +
    'beslutning referat bilag godkendt godkender godkendes drøfter drøftelse kredsen der dag ' +
    'ønsker bemærkning indkomne skriftlig'
  ).split(' '),
);

const PREFIXES = [
  'til',
  'tilbage',
  'for',
  'over',
  'under',
  'be',
  'ud',
  'op',
  'ind',
  'sam',
  'mod',
  'gen',
  'efter',
  'fælles',
  'om',
  'af',
  'an',
  'fra',
  'med',
  'mellem',
  'sammen',
  'selv',
];
const SUFFIXES = [
  'ing',
  'inger',
  'ingen',
  'ning',
  'ninger',
  'else',
  'elser',
  'hed',
  'heden',
  'lig',
  'lige',
  'ligt',
  'isk',
  'iske',
  'ende',
  'erne',
  'ene',
  'er',
  'et',
  'en',
  'es',
  'te',
  'de',
  'tion',
  'ionen',
  'skab',
  'dom',
];

/** Two-consonant onsets Danish words start with; others mark a fragment. */
const VALID_ONSETS = new Set(
  'bl br dr dv fl fr gl gn gr hj hv kl kn kr kv pl pr ps sk sl sm sn sp st sv tr tv vr fj bj mj nj pj sj tj ch th ph sh sc'.split(
    ' ',
  ),
);
const INVALID_ENDINGS = /(?:kn|tn|dn|pn|bn|tl|dl|pl|bl|fl|vl)$/;
const VOWEL = /[aeiouyæøåéèáàü]/;
const LOWER_WORD = /^[a-zæøåéèáàü]+$/;

/** A token that is certainly not a word: letters without a vowel ("l", "t", "bmk"). */
function isStrongFragment(token: string): boolean {
  if (!LOWER_WORD.test(token) || LEXICON.has(token)) return false;
  return !VOWEL.test(token);
}

function isFragment(token: string): boolean {
  if (!LOWER_WORD.test(token)) return false;
  if (LEXICON.has(token)) return false;
  if (isStrongFragment(token) || token.length <= 2) return true;
  const onset = /^[^aeiouyæøåéèáàü]+/.exec(token)?.[0] ?? '';
  if (
    onset.length >= 2 &&
    !VALID_ONSETS.has(onset.slice(0, 2)) &&
    onset !== 'skr' &&
    onset !== 'spr' &&
    onset !== 'str'
  ) {
    return true;
  }
  return INVALID_ENDINGS.test(token);
}

function scoreWord(word: string): number {
  if (LEXICON.has(word)) return 3;
  if (isFragment(word)) return -6;
  if (word.length <= 3) return -1;
  let score = 1;
  if (SUFFIXES.some((suffix) => word.length - suffix.length >= 3 && word.endsWith(suffix)))
    score = 2;
  if (PREFIXES.some((prefix) => word.length - prefix.length >= 3 && word.startsWith(prefix))) {
    score += 0.5;
  }
  return score;
}

/** Best segmentation of a window of tokens: which single spaces to keep. */
function segmentWindow(tokens: string[]): string[] {
  const n = tokens.length;
  const best: number[] = new Array<number>(n + 1).fill(-Infinity);
  const choice: number[] = new Array<number>(n + 1).fill(0);
  best[0] = 0;
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - 16); start < end; start++) {
      const before = best[start] ?? -Infinity;
      if (before === -Infinity) continue;
      // Each extra word costs a little, so a tie goes to joining within a letter-spaced window.
      const score = before + scoreWord(tokens.slice(start, end).join('')) - (start > 0 ? 1 : 0);
      if (score > (best[end] ?? -Infinity)) {
        best[end] = score;
        choice[end] = start;
      }
    }
  }
  const words: string[] = [];
  let end = n;
  while (end > 0) {
    const start = choice[end] ?? 0;
    words.unshift(tokens.slice(start, end).join(''));
    end = start;
  }
  return words;
}

/** Repairs one run of single-space separated tokens. */
function repairRun(tokens: string[], letterSpacedLine: boolean): string[] {
  const trigger = tokens.map(
    (token) =>
      isFragment(token) ||
      (letterSpacedLine && LOWER_WORD.test(token) && !LEXICON.has(token) && token.length <= 3),
  );
  if (!trigger.includes(true)) {
    // In a letter-spaced line a run of unknown lowercase tokens is one word split in pieces.
    if (
      letterSpacedLine &&
      tokens.length > 1 &&
      tokens.every((t) => LOWER_WORD.test(t) && !LEXICON.has(t))
    ) {
      return segmentWindow(tokens);
    }
    return tokens;
  }
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!trigger[i]) {
      out.push(tokens[i] ?? '');
      i++;
      continue;
    }
    // Grow a window over neighbouring lowercase tokens around the fragments.
    let start = i;
    let end = i + 1;
    while (
      end < tokens.length &&
      LOWER_WORD.test(tokens[end] ?? '') &&
      (trigger[end] || trigger[end - 1] || !LEXICON.has(tokens[end] ?? '')) &&
      end - start < 16
    )
      end++;
    if (start > 0 && out.length > 0 && LOWER_WORD.test(tokens[start - 1] ?? '')) {
      start--;
      out.pop();
    }
    out.push(...segmentWindow(tokens.slice(start, end)));
    i = end;
  }
  return out;
}

/** @returns the line with letter-spaced words joined; other text is unchanged. */
export function repairLetterSpacing(line: string): string {
  if (line.length > 2000 || !/[a-zæøå] [a-zæøå]/.test(line)) return line;
  const leading = /^\s*/.exec(line)?.[0] ?? '';
  const runs = line.trim().split(/ {2,}/);
  const runTokens = runs.map((run) => run.split(' '));
  // Weaker signs (odd onsets or endings) only count where a certain fragment shows the line is split.
  const hasFragment = runTokens.some(
    (tokens) => tokens.length > 1 && tokens.some(isStrongFragment),
  );
  if (!hasFragment) return line;
  const letterSpaced = runs.length > 1;
  return leading + runTokens.map((tokens) => repairRun(tokens, letterSpaced).join(' ')).join('  ');
}
