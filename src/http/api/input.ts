/**
 * Reading a request: ids from the path, JSON bodies through the same zod schemas as the forms.
 * Bad input becomes a ValidationError, which the app turns into 400 { error, fields }.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { NotFoundError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import type { AppEnv } from '../context.ts';
import { fieldErrors } from '../schemas/fields.ts';

export type ApiContext = Context<AppEnv, string>;

export const INVALID_JSON = 'Forespørgslen er ikke gyldig JSON.';

/** Largest id the database's integer columns hold; larger ids simply do not exist. */
const MAX_ID = 2_147_483_647;

/**
 * A positive integer id from the path; anything else names nothing, so 404.
 * @param what the Danish noun for the message, e.g. "Mødet"
 */
export function idParam(c: ApiContext, name: string, what: string): number {
  const raw = c.req.param(name) ?? '';
  const n = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(n <= MAX_ID)) throw new NotFoundError(`${what} findes ikke.`);
  return n;
}

/** The body as JSON; an empty body counts as `{}` so a missing field gets its own message. */
export async function readJson(c: ApiContext): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError({}, INVALID_JSON);
  }
}

/** Parses a value with `schema`, throwing Danish field errors. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  return parsed.data;
}

/** The top-level field names of an object schema (also through refinements and intersections). */
function fieldNames(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodIntersection)
    return [
      ...fieldNames(schema.def.left as z.ZodType),
      ...fieldNames(schema.def.right as z.ZodType),
    ];
  if (schema instanceof z.ZodPipe) return fieldNames(schema.def.in as z.ZodType);
  return [];
}

/** The JSON body, which must be an object of fields. */
export async function readObject(c: ApiContext): Promise<Record<string, unknown>> {
  const body = await readJson(c);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError({}, 'Forespørgslen skal være et JSON-objekt med felterne.');
  }
  return body as Record<string, unknown>;
}

/**
 * Validates an object of fields as a form would be: a field left out counts as an empty form
 * field (""), so a missing title gets the form's "Skriv punktets titel." rather than a type
 * error. An explicit null or a wrong type still goes to the schema as sent.
 */
export function validateFields<S extends z.ZodType>(
  schema: S,
  fields: Record<string, unknown>,
): z.output<S> {
  const filled: Record<string, unknown> = { ...fields };
  for (const name of fieldNames(schema)) if (filled[name] === undefined) filled[name] = '';
  return validate(schema, filled);
}

/** The JSON body validated with `schema` (see validateFields). */
export async function readBody<S extends z.ZodType>(
  c: ApiContext,
  schema: S,
): Promise<z.output<S>> {
  return validateFields(schema, await readObject(c));
}

/** Optional query parameters, each checked with a schema; `done()` throws all errors at once. */
export class QueryReader {
  readonly errors: FieldErrors = {};
  constructor(private readonly c: ApiContext) {}

  /** The parsed parameter, or undefined when it is missing or empty. */
  optional<T>(name: string, schema: z.ZodType<T>): T | undefined {
    const raw = this.c.req.query(name);
    if (raw === undefined || raw === '') return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.errors[name] = parsed.error.issues[0]?.message ?? 'Ugyldig værdi.';
    return undefined;
  }

  done(): void {
    if (Object.keys(this.errors).length > 0) throw new ValidationError(this.errors);
  }
}

/**
 * Runs a write whose input names other records (an organisation, a person, a meeting) and
 * turns the database's foreign-key refusal into a 400 instead of a 500.
 */
export async function withReferences<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (
      typeof error === 'object' &&
      error !== null &&
      (error as { code?: unknown }).code === '23503'
    ) {
      throw new ValidationError(
        {},
        "Et id i forespørgslen peger på noget, der ikke findes. Tjek id'erne og prøv igen.",
      );
    }
    throw error;
  }
}
