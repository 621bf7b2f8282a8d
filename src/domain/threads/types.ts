/** The plain data the case-thread rules work on. */
import type { StandardKind } from '../meetings/index.ts';

/** One item as the linking rules see it. */
export interface ThreadCandidate {
  itemId: number;
  meetingId: number;
  /** Committee short name ("DAS"). */
  committee: string;
  /** ISO date of the meeting, or null for an undated archive document. */
  date: string | null;
  number: number;
  title: string;
  access: 'open' | 'closed';
  summary: string;
  /** The item's text (case description or the archive's body). */
  text: string;
  standardKind: StandardKind | null;
  /** Offers the item mentions by name. */
  offers: readonly string[];
  /** Earlier (or later) meetings the item refers to. */
  meetingReferences: readonly { date: string | null; committee: string | null }[];
}

export type LinkReason = 'reference' | 'named-subject' | 'similar-title' | 'same-offer' | 'manual';

/** A proposed link between two items, with why and how strongly (0..1]. */
export interface ThreadLink {
  a: number;
  b: number;
  reason: LinkReason;
  strength: number;
}

export type ThreadDecisionAction = 'link' | 'separate' | 'detach' | 'confirm' | 'rename';

/** A manual choice by the secretariat, replayed in order on every rebuild. */
export interface ThreadDecision {
  id: number;
  action: ThreadDecisionAction;
  itemIds: readonly number[];
  otherItemIds: readonly number[];
  title: string | null;
}

/** A thread as the rules build it: items in date order. */
export interface PlannedThread {
  title: string;
  /** True when a person named it (a rename decision). */
  titledByHand: boolean;
  items: { itemId: number; manual: boolean; confirmed: boolean }[];
  /** Why the items are linked (for display and debugging). */
  links: ThreadLink[];
}
