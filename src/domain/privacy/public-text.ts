/**
 * What a publication shows the public, as texts to scan. Only what becomes public is scanned: of
 * a closed item only its public title (the rest stays closed), of an open item its fields and
 * its open attachments. Decisions and notes become public with the minutes, not the agenda.
 */
import { HIDDEN_TITLE, type Access, type Item } from '../meetings/index.ts';
import { APPENDIX_COLUMNS, type Appendix } from '../tariffs/index.ts';
import type { PublicText } from './findings.ts';

export type MeetingPublication = 'agenda' | 'minutes';

export type ScannedItem = Pick<
  Item,
  | 'id'
  | 'number'
  | 'title'
  | 'publicTitle'
  | 'access'
  | 'summary'
  | 'recommendations'
  | 'caseDescription'
  | 'presenter'
  | 'decision'
  | 'postMeetingNote'
>;

export interface ScannedAttachment {
  itemId: number;
  /** "Bilag 3" */
  label: string;
  title: string;
  filename: string;
  access: Access;
  /** the attachment's text with its lines; null when it has none (an image, a spreadsheet) */
  text: string | null;
}

/** True when the attachment is published with the item (neither it nor its item is closed). */
export const isPublicAttachment = (
  item: Pick<Item, 'access'>,
  a: Pick<ScannedAttachment, 'access'>,
) => item.access === 'open' && a.access === 'open';

export function meetingPublicTexts(
  publication: MeetingPublication,
  items: readonly ScannedItem[],
  attachments: readonly ScannedAttachment[],
): PublicText[] {
  return items.flatMap((item): PublicText[] => {
    if (item.access !== 'open') {
      const shown = item.publicTitle ? `${HIDDEN_TITLE}: ${item.publicTitle}` : HIDDEN_TITLE;
      const where = { number: item.number, title: shown };
      return item.publicTitle
        ? [{ item: where, source: 'Offentlig titel', text: item.publicTitle }]
        : [];
    }
    const where = { number: item.number, title: item.title };
    const field = (source: string, text: string): PublicText[] =>
      text.trim() === '' ? [] : [{ item: where, source, text }];
    return [
      ...field('Titel', item.title),
      ...field('Resumé', item.summary),
      ...field('Indstilling', item.recommendations.join('\n')),
      ...field('Sagsfremstilling', item.caseDescription),
      ...field('Fremlægges af', item.presenter),
      ...(publication === 'minutes'
        ? [
            ...field('Beslutning', item.decision),
            ...field('Note efter mødet', item.postMeetingNote),
          ]
        : []),
      ...attachments
        .filter((a) => a.itemId === item.id && isPublicAttachment(item, a))
        .flatMap((a) => {
          const name = `${a.label}: ${a.title} (${a.filename})`;
          return [
            ...field(`${name}, titel og filnavn`, `${a.title}\n${a.filename}`),
            ...field(name, a.text ?? ''),
          ];
        }),
    ];
  });
}

/** The appendix as the public reads it: one tab-separated row per tariff under its header. */
export function appendixPublicTexts(appendix: Appendix): PublicText[] {
  const rows = appendix.groups.flatMap((g) =>
    g.rows.map((r) =>
      [
        r.operator,
        r.offer,
        r.service,
        r.targetGroup,
        r.lawSection,
        r.places ?? '',
        r.previous ?? '',
        r.amount,
        r.change === null ? '' : r.change / 100,
      ].join('\t'),
    ),
  );
  return [
    {
      item: null,
      source: `Takstbilag ${appendix.year}`,
      text: [APPENDIX_COLUMNS.join('\t'), ...rows].join('\n'),
    },
  ];
}
