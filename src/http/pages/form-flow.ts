/**
 * The life of a form POST: validate with the resource's zod schema, call the service, and on bad
 * input or a conflict show the same form again with what was typed, the field errors and a
 * Danish message (400/409). Other errors go to the app's error handler.
 */
import type { z } from 'zod';
import {
  ConflictError,
  StateError,
  ValidationError,
  type FieldErrors,
} from '../../domain/errors.ts';
import { fieldErrors } from '../schemas/fields.ts';

type Status = 400 | 409;

export async function submitForm<S extends z.ZodType>(
  schema: S,
  values: Record<string, string>,
  onValid: (data: z.output<S>) => Promise<Response>,
  renderForm: (
    errors: FieldErrors,
    message: string | undefined,
    status: Status,
  ) => Response | Promise<Response>,
): Promise<Response> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) return renderForm(fieldErrors(parsed.error), undefined, 400);
  try {
    return await onValid(parsed.data);
  } catch (error) {
    if (error instanceof ValidationError) return renderForm(error.fields, error.message, 400);
    if (error instanceof ConflictError || error instanceof StateError)
      return renderForm({}, error.message, 409);
    throw error;
  }
}
