/**
 * Item numbering: items stand in the fixed section order (Velkomst … Afrunding) and keep their
 * relative order inside a section; numbers run 1..n across the whole agenda with no gaps, so
 * "punkt 7" always means the seventh item printed.
 */
import { SECTIONS, type Section } from './types.ts';

export interface Placed {
  id: number;
  section: Section;
  number: number;
}

const sectionRank = (s: Section) => SECTIONS.indexOf(s);

/** Sorts by section, then by current number, and numbers 1..n. Returns a new array. */
export function renumber<T extends Placed>(items: readonly T[]): T[] {
  return [...items]
    .sort(
      (a, b) =>
        sectionRank(a.section) - sectionRank(b.section) || a.number - b.number || a.id - b.id,
    )
    .map((item, index) => ({ ...item, number: index + 1 }));
}

/**
 * Moves one item up or down by one place. Crossing a section boundary moves it into the
 * neighbouring section (at its end or start), as a secretary dragging an item would expect.
 */
export function moveItem<T extends Placed>(
  items: readonly T[],
  id: number,
  direction: 'up' | 'down',
): T[] {
  const ordered = renumber(items);
  const index = ordered.findIndex((i) => i.id === id);
  const item = ordered[index];
  if (item === undefined) throw new RangeError(`Punktet ${id} findes ikke på dagsordenen.`);
  const neighbourIndex = direction === 'up' ? index - 1 : index + 1;
  const neighbour = ordered[neighbourIndex];
  if (neighbour === undefined) {
    // Already first or last: it may still leave its section for the next one outward.
    const rank = sectionRank(item.section) + (direction === 'up' ? -1 : 1);
    const section = SECTIONS[rank];
    if (section === undefined) return ordered;
    return renumber(ordered.map((i) => (i.id === id ? { ...i, section } : i)));
  }
  if (neighbour.section !== item.section) {
    // Step over the boundary: join the neighbour's section at the adjoining end.
    return renumber(
      ordered.map((i) =>
        i.id === id
          ? {
              ...i,
              section: neighbour.section,
              number: direction === 'up' ? neighbour.number + 0.5 : neighbour.number - 0.5,
            }
          : i,
      ),
    );
  }
  return renumber(
    ordered.map((i) => {
      if (i.id === id) return { ...i, number: neighbour.number };
      if (i.id === neighbour.id) return { ...i, number: item.number };
      return i;
    }),
  );
}

/** Places a new item at the end of its section and renumbers. */
export function insertItem<T extends Placed>(items: readonly T[], item: T): T[] {
  const inSection = items.filter((i) => i.section === item.section);
  const last = Math.max(
    0,
    ...inSection.map((i) => i.number),
    ...items.filter((i) => sectionRank(i.section) < sectionRank(item.section)).map((i) => i.number),
  );
  return renumber([...items, { ...item, number: last + 0.5 }]);
}

export interface NumberedAttachment {
  id: number;
  itemId: number;
  position: number;
}

/**
 * "Bilag N" numbers run across the whole meeting in agenda order, then in each item's own order.
 * Returns attachment id → N.
 */
export function numberAttachments(
  items: readonly Pick<Placed, 'id' | 'number'>[],
  attachments: readonly NumberedAttachment[],
): Map<number, number> {
  const itemNumber = new Map(items.map((i) => [i.id, i.number]));
  const sorted = attachments
    .filter((a) => itemNumber.has(a.itemId))
    .sort(
      (a, b) =>
        (itemNumber.get(a.itemId) ?? 0) - (itemNumber.get(b.itemId) ?? 0) ||
        a.position - b.position ||
        a.id - b.id,
    );
  return new Map(sorted.map((a, index) => [a.id, index + 1]));
}
