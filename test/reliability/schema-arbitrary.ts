/**
 * Plausible request bodies from a route's JSON Schema (the OpenAPI table's, derived from the
 * zod schemas): values of the right shape, with hints from the field's name for the formats the
 * schema cannot state (dates, times, Danish amounts, ids), so that some bodies pass validation
 * and reach the database. Hostile values are mixed in by the caller.
 */
import fc from 'fast-check';

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  additionalProperties?: JsonSchema | boolean;
};

export interface Hints {
  /** Ids that exist in the test's world, offered for fields named …Id. */
  ids: number[];
}

function byName(name: string, hints: Hints): fc.Arbitrary<unknown> | null {
  const n = name.toLowerCase();
  if (n === 'version') return fc.constantFrom(1, 2, 3, '1');
  if (n.endsWith('id') || n.endsWith('ids')) {
    const id = fc.constantFrom(...hints.ids, 1);
    return n.endsWith('ids') ? fc.array(id, { maxLength: 3 }) : id;
  }
  if (n.includes('date') || n.endsWith('from') || n.endsWith('to') || n === 'deadline')
    return fc.constantFrom('2021-03-01', '01.03.2021', '20/1 2021', '2022-02-28');
  if (n.endsWith('at')) return fc.constantFrom('11.06.2021 08:00', '2021-06-11 08:00');
  if (n.includes('time')) return fc.constantFrom('13.00', '13:00', '0900');
  if (n.includes('year') || n === 'periodstart' || n === 'periodend')
    return fc.constantFrom(2021, 2022, '2021');
  if (n.includes('email')) return fc.constant('person@kommune.dk');
  if (n.includes('amount') || n.includes('occupancy') || n.includes('budget'))
    return fc.constantFrom('12.995,50', '95,5', 0.95, 1000);
  return null;
}

const plainText = fc.constantFrom('Takster for 2022', 'Referat', 'Børn og unge', 'Ja', 'Aalborg');

/** An arbitrary for `schema`; `name` is the field's name (for the hints). */
export function arbitraryFor(schema: JsonSchema, hints: Hints, name = ''): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives !== undefined && alternatives.length > 0)
    return fc.oneof(...alternatives.map((s) => arbitraryFor(s, hints, name)));
  if (schema.allOf !== undefined && schema.allOf.length > 0)
    return arbitraryFor(Object.assign({}, ...schema.allOf) as JsonSchema, hints, name);
  const hinted = byName(name, hints);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = schema.properties ?? {};
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(props)) record[key] = arbitraryFor(sub, hints, key);
      return fc.record(record);
    }
    case 'array':
      return fc.array(arbitraryFor(schema.items ?? {}, hints, name), { maxLength: 3 });
    case 'integer':
      return (
        hinted ??
        fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 5_000, 1e9) })
      );
    case 'number':
      return hinted ?? fc.double({ min: 0, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'string':
      return hinted ?? plainText;
    case undefined:
    default:
      // A preprocessed field (the schema cannot say): a plausible form value.
      return hinted ?? fc.oneof(plainText, fc.constantFrom('1', '2021', '', null));
  }
}

/** The field names a schema lists, also through anyOf (for mutating a field that exists). */
export function fieldNamesOf(schema: JsonSchema): string[] {
  const own = Object.keys(schema.properties ?? {});
  const alt = (schema.anyOf ?? schema.oneOf ?? []).flatMap(fieldNamesOf);
  return [...new Set([...own, ...alt])];
}
