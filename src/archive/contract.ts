import type { Attachment, ItemAccess, MeetingKind, ParsedMeeting } from './types.ts';

/** The `parse --json` document of CONTRACT.md: exactly these keys, in this order. */
export interface ContractMeeting {
  committee: string | null;
  date: string | null;
  kind: MeetingKind;
  items: ContractItem[];
}

export interface ContractItem {
  number: number;
  title: string;
  access: ItemAccess;
  summary: string | null;
  recommendations: string[];
  decision: string | null;
  attachments: Attachment[];
  text: string;
}

/** Projects a parsed meeting onto the stable `parse --json` shape; extra fields stay out. */
export function toContractJson(parsed: ParsedMeeting): ContractMeeting {
  return {
    committee: parsed.committee,
    date: parsed.date,
    kind: parsed.kind,
    items: parsed.items.map((item) => ({
      number: item.number,
      title: item.title,
      access: item.access,
      summary: item.summary,
      recommendations: [...item.recommendations],
      decision: item.decision,
      attachments: item.attachments.map((attachment) => ({
        label: attachment.label,
        title: attachment.title,
      })),
      text: item.text,
    })),
  };
}
