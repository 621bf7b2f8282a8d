/** Groups: follow-groups, working groups, emergency-track groups and panels under DAS. */

export const GROUP_TYPES = ['follow-group', 'working-group', 'emergency-track', 'panel'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

export const GROUP_TYPE_LABEL: Record<GroupType, string> = {
  'follow-group': 'Følgegruppe',
  'working-group': 'Arbejdsgruppe',
  'emergency-track': 'Nødspor-gruppe',
  panel: 'Panel',
};

/** The committee kind a group of this type is stored as. */
export const GROUP_COMMITTEE_KIND: Record<GroupType, 'follow-group' | 'working-group' | 'panel'> = {
  'follow-group': 'follow-group',
  'working-group': 'working-group',
  'emergency-track': 'working-group',
  panel: 'panel',
};

export const FUNCTIONS = [
  'authority',
  'operator',
  'finance',
  'user-panel',
  'psychiatry',
  'region',
] as const;
export type ProfileFunction = (typeof FUNCTIONS)[number];
export const FUNCTION_LABEL: Record<ProfileFunction, string> = {
  authority: 'Myndighed',
  operator: 'Driftsherre',
  finance: 'Økonomi',
  'user-panel': 'Brugerpanel',
  psychiatry: 'Psykiatri',
  region: 'Region',
};

export const TARGET_GROUPS = ['children', 'adults', 'both'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export const TARGET_GROUP_LABEL: Record<TargetGroup, string> = {
  children: 'Børn og unge',
  adults: 'Voksne',
  both: 'Børn, unge og voksne',
};

export const LEVELS = ['director', 'manager', 'consultant', 'employee'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABEL: Record<Level, string> = {
  director: 'Chef',
  manager: 'Leder',
  consultant: 'Konsulent',
  employee: 'Medarbejder',
};

export interface Profile {
  function: ProfileFunction | null;
  targetGroup: TargetGroup | null;
  level: Level | null;
}

export interface WantedProfile extends Profile {
  id: number;
  label: string;
  minCount: number;
  maxCount: number | null;
}

export interface Milestone {
  date: string | null;
  text: string;
}

export interface Charter {
  groupType: GroupType;
  background: string;
  purpose: string;
  tasks: string[];
  deliverables: string[];
  milestones: Milestone[];
  chair: string;
  secretariat: string;
  evaluationDate: string | null;
}

export function profileLabel(p: Profile): string {
  return [
    p.function ? FUNCTION_LABEL[p.function] : null,
    p.targetGroup ? TARGET_GROUP_LABEL[p.targetGroup] : null,
    p.level ? LEVEL_LABEL[p.level] : null,
  ]
    .filter((s) => s !== null)
    .join(', ');
}
