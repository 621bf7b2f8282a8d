/**
 * The representation matrix: the kommuner and the region (rows) against the groups (columns),
 * with the members in each cell, and per group the kommuner with nobody. A seat held by a unit
 * (Aalborg ÆH, Specialsektoren) counts for its parent organisation. Secretaries do not represent
 * their organisation (the secretariat is hosted by Aalborg but does not sit for Aalborg).
 */

export interface MatrixOrganisation {
  id: number;
  name: string;
  kind: 'municipality' | 'region' | 'unit' | 'other';
  parentId: number | null;
}

export interface MatrixGroup {
  id: number;
  shortName: string;
  name: string;
}

export interface MatrixMember {
  committeeId: number;
  organisationId: number | null;
  personName: string;
  role: string;
  /** the unit's name when the seat is held by a unit */
  unit?: string | null;
}

export interface RepresentationMatrix<M extends MatrixMember> {
  rows: { organisation: MatrixOrganisation; cells: M[][] }[];
  groups: MatrixGroup[];
  /** per group (same order as `groups`): the kommuner with nobody */
  gaps: MatrixOrganisation[][];
  /** members whose organisation is not a kommune or the region (KL, UCN, users, ...) */
  others: M[][];
}

export function representationMatrix<M extends MatrixMember>(
  organisations: readonly MatrixOrganisation[],
  groups: readonly MatrixGroup[],
  members: readonly M[],
): RepresentationMatrix<M> {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const top = (id: number | null): MatrixOrganisation | null => {
    let o = id === null ? undefined : byId.get(id);
    for (let guard = 0; o?.kind === 'unit' && o.parentId !== null && guard < 10; guard++)
      o = byId.get(o.parentId);
    return o ?? null;
  };
  const rowsOrgs = organisations
    .filter((o) => o.kind === 'municipality' || o.kind === 'region')
    // kommuner first, then the region; within a kind the given order (Danish collation would
    // put "Aalborg" last as "Ålborg", which nobody expects)
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'municipality' ? -1 : 1));
  const col = new Map(groups.map((g, i) => [g.id, i]));
  const cells = new Map(rowsOrgs.map((o) => [o.id, groups.map((): M[] => [])]));
  const others = groups.map((): M[] => []);
  for (const m of members) {
    const i = col.get(m.committeeId);
    if (i === undefined || m.role === 'secretary') continue;
    const o = top(m.organisationId);
    const row = o ? cells.get(o.id) : undefined;
    if (row) row[i]?.push(m);
    else others[i]?.push(m);
  }
  const rows = rowsOrgs.map((organisation) => ({
    organisation,
    cells: cells.get(organisation.id) ?? [],
  }));
  const gaps = groups.map((_, i) =>
    rows
      .filter((r) => r.organisation.kind === 'municipality' && (r.cells[i]?.length ?? 0) === 0)
      .map((r) => r.organisation),
  );
  return { rows, groups: [...groups], gaps, others };
}
