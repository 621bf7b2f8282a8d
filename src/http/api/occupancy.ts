/** Occupancy API: the DAS table for a year, and the budgeted occupancy per institution. */
import { Hono } from 'hono';
import { z } from 'zod';
import { occupancyService } from '../../services/occupancy.service.ts';
import type { AppEnv } from '../context.ts';
import { budgetApiSchema } from '../schemas/financing.schema.ts';
import { idParam, QueryReader, readObject, validate, type ApiContext } from './input.ts';

export const occupancyApi = new Hono<AppEnv>();

const service = (c: ApiContext) => occupancyService(c.get('services').db);

occupancyApi.get('/finance/occupancy', async (c) => {
  const viewer = c.get('viewer');
  const q = new QueryReader(c);
  const asked = q.optional(
    'year',
    z.coerce.number().int('Angiv året som fx 2024.').min(1900).max(2200),
  );
  q.done();
  const years = await service(c).years(viewer);
  const year = asked ?? years[0] ?? null;
  const table = year === null ? [] : await service(c).table(viewer, year);
  return c.json({
    year,
    years,
    institutions: table.map(({ institution, row }) => ({
      id: institution.id,
      name: institution.name,
      version: institution.version,
      budgetedOccupancy: institution.budgetedOccupancy,
      months: row.months.map((m) =>
        m === null
          ? null
          : {
              month: m.month,
              places: m.figures.places,
              occupiedDays: m.figures.occupiedDays,
              occupancy: m.occupancy,
              mark: m.mark,
            },
      ),
      year: {
        occupancy: row.year.occupancy,
        occupiedDays: row.year.occupiedDays,
        placeDays: row.year.placeDays,
        months: row.year.months,
        mark: row.yearMark,
      },
    })),
  });
});

occupancyApi.put('/finance/occupancy/institutions/:id/budget', async (c) => {
  const id = idParam(c, 'id', 'Institutionen');
  const body = validate(budgetApiSchema, await readObject(c));
  await service(c).setBudget(c.get('viewer'), id, body.version, body.budgetedOccupancy);
  return c.body(null, 204);
});
