/**
 * Concrete paths for a route pattern, filled from the fixture world. A pattern about items or
 * attachments gives one path per access level (open, closed, personal), a meeting pattern one
 * for the published and one for the draft meeting: the rule's readers are narrowed per level.
 */
import type { World } from './world.ts';

export type Level = 'open' | 'closed' | 'personal' | 'draft';

export interface Target {
  path: string;
  level: Level;
}

/** Query strings that make a GET return content (a search that finds every canary). */
const QUERIES: Record<string, string> = {
  '/search': '?q=kanarie',
  '/api/search': '?q=kanarie',
  '/api/audit': '?limit=200',
  '/admin/audit': '',
};

function fillOne(pattern: string, w: World): string {
  const id = w.ids;
  const byPrefix: [RegExp, Record<string, string | number>][] = [
    [
      /^(\/api)?\/meetings\//,
      { id: id.meeting, attendanceId: id.attendance, action: 'publish-agenda' },
    ],
    [/^(\/api)?\/committees\//, { id: id.committee, membershipId: id.membership }],
    [/^(\/api)?\/follow-ups\//, { id: id.followUp }],
    [/^\/offers\/:id\/annual-reports\/:year/, { id: id.offer, year: 2021 }],
    [/^(\/api)?\/offers\//, { id: id.offer }],
    [/^\/api\/tariff-rounds\//, { year: id.tariffYear, offerId: id.offer }],
    [/^\/api\/tariff-reports\//, { id: 999_999, decision: 'approve' }],
    [/^\/tariffs\/reports\//, { id: 999_999, decision: 'approve' }],
    [/^\/tariffs\/appendix\//, { file: `${id.tariffYear}.xlsx` }],
    [/^\/tariffs\//, { year: id.tariffYear, id: 999_999 }],
    [/^\/groups\/rounds\//, { roundId: id.round }],
    [/^\/groups\/nominations\//, { id: id.nomination }],
    [
      /^(\/api)?\/groups\//,
      { id: id.group, membershipId: id.groupMembership, wantedId: id.wanted },
    ],
    [/^\/plan\/focus-areas\//, { id: id.focusArea }],
    [/^\/plan\/initiatives\//, { id: id.initiative }],
    [/^\/plan\/activities\//, { id: id.activity }],
    [/^\/plan\//, { id: id.agreement }],
    [/^\/api\/agreements\//, { id: id.agreement }],
    [/^\/api\/focus-areas\//, { id: id.focusArea }],
    [/^\/api\/initiatives\//, { id: id.initiative }],
    [/^\/api\/activities\//, { id: id.activity }],
    [/^\/calendar\/events\//, { id: id.event }],
    [/^\/api\/calendar\//, { year: 2021 }],
    [/^(\/api)?\/threads\//, { id: id.thread }],
    [/^\/archive\/sources\//, { id: id.source }],
    [/^\/finance\/deficit\//, { id: id.deficitModel }],
    [/^\/api\/finance\/deficit-models\//, { id: id.deficitModel }],
    [/^(\/api)?\/finance\/monitoring\/functions\//, { code: '53850' }],
    [/^(\/api)?\/finance\/monitoring\/imports?\//, { kind: 'accounts' }],
    [/^\/finance\/monitoring\/workbook\//, { file: '851.xlsx' }],
    [/^\/api\/finance\/monitoring\/workbook\//, { area: '851' }],
    [/^\/api\/finance\/monitoring\/notes\//, { year: 2021 }],
    [/^(\/api)?\/finance\/occupancy\/institutions\//, { id: id.institution }],
  ];
  const values = byPrefix.find(([re]) => re.test(pattern))?.[1] ?? {};
  const path = pattern
    .replace(/:file\{.*\}$/, '2021.pdf')
    .replace(/^\/static\/dkfds\/\*$/, '/static/dkfds/css/dkfds.min.css')
    .replace(/^\/static\/\*$/, '/static/app.css')
    .replace(/:(\w+)/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`Ingen værdi til :${name} i ${pattern}`);
      return String(value);
    });
  return path + (QUERIES[pattern] ?? '');
}

export function targets(pattern: string, w: World): Target[] {
  const id = w.ids;
  const swap = (from: number, to: number) =>
    path.replace(new RegExp(`/${from}(?=/|$|\\.|\\?)`), `/${to}`);
  if (/^(\/api)?\/items\/:id/.test(pattern)) {
    return [
      { path: pattern.replace(':id', String(id.openItem)), level: 'open' },
      { path: pattern.replace(':id', String(id.closedItem)), level: 'closed' },
      { path: pattern.replace(':id', String(id.personalItem)), level: 'personal' },
    ];
  }
  if (/^(\/api)?\/attachments\/:id/.test(pattern)) {
    return [
      { path: pattern.replace(':id', String(id.openAttachment)), level: 'open' },
      { path: pattern.replace(':id', String(id.closedAttachment)), level: 'closed' },
      { path: pattern.replace(':id', String(id.closedAttachmentOnOpenItem)), level: 'closed' },
      { path: pattern.replace(':id', String(id.personalAttachment)), level: 'personal' },
    ];
  }
  const path = fillOne(pattern, w);
  // A draft meeting has no minutes yet: its minutes PDF is missing for everyone.
  if (/^(\/api)?\/meetings\/:id/.test(pattern) && !pattern.endsWith('minutes.pdf')) {
    return [
      { path, level: 'open' },
      { path: swap(id.meeting, id.draftMeeting), level: 'draft' },
    ];
  }
  return [{ path, level: 'open' }];
}
