/**
 * The OpenAPI 3.1 description of /api, built from one route table. Request bodies are derived
 * from the same zod schemas that validate them (z.toJSONSchema, input side); a test checks that
 * every route registered on the API appears here and nothing else does.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import {
  attendanceSchema,
  cancelSchema,
  correctionSchema,
  decisionSchema,
  followUpSchema,
  followUpStatusSchema,
  itemSchema,
  itemUpdateSchema,
  meetingSchema,
  meetingUpdateSchema,
  writtenProcedureSchema,
  writtenResponseSchema,
} from '../schemas/meeting.schema.ts';
import { deficitCoverModelSchema } from '../../domain/financing/index.ts';
import {
  budgetApiSchema,
  deficitModelSchema,
  deficitModelUpdateSchema,
} from '../schemas/financing.schema.ts';
import { moveSchema } from './items.ts';
import { AUDIT_ROUTES } from './audit.ts';
import { MONITORING_ROUTES } from './monitoring.ts';
import { GROUP_ROUTES } from './groups.ts';
import { PLAN_ROUTES } from './plan.ts';
import { OFFER_ROUTES } from './offers.ts';
import { TARIFF_ROUTES } from './tariffs.ts';
import { informationLetterSchema } from './meetings.ts';
import { OPENAPI_COMPONENTS } from './openapi-components.ts';
import { PUBLISHING_FINDINGS_SCHEMA, publishSchema } from './publishing.ts';

type JsonSchema = Record<string, unknown>;
type Method = 'get' | 'post' | 'put' | 'delete';
type Content = 'json' | 'pdf' | 'binary' | 'none';

export interface RouteDoc {
  method: Method;
  /** Hono style, relative to /api: "/meetings/:id" */
  path: string;
  tag: string;
  /** Danish, one line */
  summary: string;
  /** A named zod schema for a JSON body, or "multipart" for an upload. */
  body?:
    | { name: string; schema: z.ZodType }
    | { name: string; anyOf: { name: string; schema: z.ZodType }[] }
    | 'multipart';
  query?: { name: string; description: string; required?: boolean; schema: JsonSchema }[];
  ok: { status: 200 | 201 | 204; description: string; content: Content; schema?: string };
  /** Error statuses besides the 400/404 every route may answer. */
  errors?: (403 | 409 | 413)[];
  /** A publish action: its 409 may carry the publishing guard's findings. */
  findings?: true;
}

const DATE_PARAM = { type: 'string', description: 'Dato som åååå-mm-dd (eller dd.mm.åååå)' };
const ID_PARAM = { type: 'integer', minimum: 1 };

/** Every API route. Keep in step with the routers: the openapi test fails otherwise. */
export const ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/openapi.json',
    tag: 'Dokumentation',
    summary: 'Denne OpenAPI-beskrivelse',
    ok: { status: 200, description: 'OpenAPI 3.1-dokumentet', content: 'json' },
  },
  {
    method: 'get',
    path: '/committees',
    tag: 'Udvalg',
    summary: 'Alle aktive udvalg',
    ok: { status: 200, description: 'Udvalgene', content: 'json', schema: 'CommitteeList' },
  },
  {
    method: 'get',
    path: '/committees/:id',
    tag: 'Udvalg',
    summary: 'Et udvalg med dagens medlemmer og dets møder',
    ok: { status: 200, description: 'Udvalget', content: 'json', schema: 'CommitteeDetail' },
  },
  {
    method: 'get',
    path: '/meetings',
    tag: 'Møder',
    summary: 'Møder, som brugeren kan se, evt. filtreret på udvalg og periode',
    query: [
      { name: 'committee', description: 'Udvalgets id', schema: ID_PARAM },
      { name: 'from', description: 'Fra og med dato', schema: DATE_PARAM },
      { name: 'to', description: 'Til og med dato', schema: DATE_PARAM },
    ],
    ok: { status: 200, description: 'Møderne', content: 'json', schema: 'MeetingList' },
  },
  {
    method: 'post',
    path: '/meetings',
    tag: 'Møder',
    summary: 'Opret et møde med standardpunkterne',
    body: { name: 'MeetingInput', schema: meetingSchema },
    ok: { status: 201, description: 'Det nye møde', content: 'json', schema: 'MeetingDocument' },
    errors: [403],
  },
  {
    method: 'get',
    path: '/meetings/:id',
    tag: 'Møder',
    summary: 'Mødet, som brugeren må se det (lukkede punkter kun som nummer og "Lukket punkt")',
    ok: { status: 200, description: 'Mødet', content: 'json', schema: 'MeetingDocument' },
  },
  {
    method: 'put',
    path: '/meetings/:id',
    tag: 'Møder',
    summary: 'Ret mødets dato, tid og sted',
    body: { name: 'MeetingUpdate', schema: meetingUpdateSchema },
    ok: { status: 200, description: 'Mødet', content: 'json', schema: 'Meeting' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/meetings/:id/actions/:action',
    tag: 'Møder',
    summary:
      'Udsend dagsorden, start referat eller udsend referat (publish-agenda, start-minutes, publish-minutes); udsendelse kontrolleres for CPR-numre og tabeller med borgere (409 med fundene, indtil confirmFindings: true)',
    body: { name: 'PublishInput', schema: publishSchema },
    ok: { status: 200, description: 'Mødet', content: 'json', schema: 'Meeting' },
    errors: [403, 409],
    findings: true,
  },
  {
    method: 'post',
    path: '/meetings/:id/cancel',
    tag: 'Møder',
    summary: 'Aflys mødet med en begrundelse',
    body: { name: 'CancelInput', schema: cancelSchema },
    ok: { status: 200, description: 'Mødet', content: 'json', schema: 'Meeting' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/meetings/:id/attendance',
    tag: 'Møder',
    summary: 'Registrér deltager, afbud eller gæst',
    body: { name: 'AttendanceInput', schema: attendanceSchema },
    ok: { status: 201, description: 'Registreringen', content: 'json', schema: 'Attendance' },
    errors: [403, 409],
  },
  {
    method: 'delete',
    path: '/meetings/:id/attendance/:attendanceId',
    tag: 'Møder',
    summary: 'Fjern en registrering af fremmøde',
    ok: { status: 204, description: 'Fjernet', content: 'none' },
    errors: [403],
  },
  {
    method: 'get',
    path: '/meetings/:id/agenda.pdf',
    tag: 'Møder',
    summary: 'Dagsordenen som PDF (offentlig udgave for besøgende)',
    ok: { status: 200, description: 'PDF', content: 'pdf' },
  },
  {
    method: 'get',
    path: '/meetings/:id/minutes.pdf',
    tag: 'Møder',
    summary: 'Referatet som PDF',
    ok: { status: 200, description: 'PDF', content: 'pdf' },
  },
  {
    method: 'post',
    path: '/meetings/:id/information-letter',
    tag: 'Møder',
    summary: 'Send orienteringsmail for et aflyst møde med de valgte punkter',
    body: { name: 'InformationLetterInput', schema: informationLetterSchema },
    ok: { status: 200, description: 'Mødet', content: 'json', schema: 'MeetingDocument' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/meetings/:id/items',
    tag: 'Punkter',
    summary: 'Tilføj et punkt til mødet',
    body: { name: 'ItemInput', schema: itemSchema },
    ok: { status: 201, description: 'Punktet', content: 'json', schema: 'Item' },
    errors: [403, 409],
  },
  {
    method: 'get',
    path: '/items/:id',
    tag: 'Punkter',
    summary: 'Et punkt (lukkede punkter kun for dem med adgang)',
    ok: { status: 200, description: 'Punktet', content: 'json', schema: 'Item' },
  },
  {
    method: 'put',
    path: '/items/:id',
    tag: 'Punkter',
    summary: 'Ret et punkt (med versionsnummer)',
    body: { name: 'ItemUpdate', schema: itemUpdateSchema },
    ok: { status: 200, description: 'Punktet', content: 'json', schema: 'Item' },
    errors: [403, 409],
  },
  {
    method: 'delete',
    path: '/items/:id',
    tag: 'Punkter',
    summary: 'Slet et punkt (?version=N)',
    query: [
      { name: 'version', description: 'Punktets versionsnummer', required: true, schema: ID_PARAM },
    ],
    ok: { status: 204, description: 'Slettet', content: 'none' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/items/:id/move',
    tag: 'Punkter',
    summary: 'Flyt et punkt op eller ned',
    body: { name: 'MoveInput', schema: moveSchema },
    ok: { status: 200, description: 'Punktet', content: 'json', schema: 'Item' },
    errors: [403, 409],
  },
  {
    method: 'put',
    path: '/items/:id/decision',
    tag: 'Punkter',
    summary: 'Notér beslutningen; efter godkendt referat kræves en begrundelse (rettelse)',
    body: {
      name: 'DecisionBody',
      anyOf: [
        { name: 'DecisionInput', schema: decisionSchema },
        { name: 'CorrectionInput', schema: correctionSchema },
      ],
    },
    ok: { status: 200, description: 'Punktet', content: 'json', schema: 'Item' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/items/:id/attachments',
    tag: 'Bilag',
    summary: 'Upload et bilag (multipart: file, title, access)',
    body: 'multipart',
    ok: { status: 201, description: 'Bilaget', content: 'json', schema: 'Attachment' },
    errors: [403, 409, 413],
  },
  {
    method: 'post',
    path: '/items/:id/follow-ups',
    tag: 'Opfølgninger',
    summary: 'Opret en opfølgning fra punktets beslutning',
    body: { name: 'FollowUpInput', schema: followUpSchema },
    ok: { status: 201, description: 'Opfølgningen', content: 'json', schema: 'FollowUp' },
    errors: [403],
  },
  {
    method: 'post',
    path: '/items/:id/written-procedure',
    tag: 'Punkter',
    summary: 'Send punktet i skriftlig høring med en frist',
    body: { name: 'WrittenProcedureInput', schema: writtenProcedureSchema },
    ok: { status: 200, description: 'Punktet', content: 'json', schema: 'Item' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/items/:id/written-responses',
    tag: 'Punkter',
    summary: 'Registrér et svar i den skriftlige høring',
    body: { name: 'WrittenResponseInput', schema: writtenResponseSchema },
    ok: {
      status: 201,
      description: 'Svarene på punktet',
      content: 'json',
      schema: 'WrittenResponses',
    },
    errors: [403, 409],
  },
  {
    method: 'get',
    path: '/attachments/:id',
    tag: 'Bilag',
    summary: 'Hent den originale fil (altid som download)',
    ok: { status: 200, description: 'Filen', content: 'binary' },
  },
  {
    method: 'delete',
    path: '/attachments/:id',
    tag: 'Bilag',
    summary: 'Fjern et bilag',
    ok: { status: 204, description: 'Fjernet', content: 'none' },
    errors: [403, 409],
  },
  {
    method: 'get',
    path: '/follow-ups',
    tag: 'Opfølgninger',
    summary: 'Opfølgninger, evt. filtreret på udvalg og status',
    query: [
      { name: 'committee', description: 'Udvalgets id', schema: ID_PARAM },
      {
        name: 'status',
        description: 'open, done eller cancelled',
        schema: { type: 'string', enum: ['open', 'done', 'cancelled'] },
      },
    ],
    ok: { status: 200, description: 'Opfølgningerne', content: 'json', schema: 'FollowUpList' },
  },
  {
    method: 'put',
    path: '/follow-ups/:id/status',
    tag: 'Opfølgninger',
    summary: 'Sæt status på en opfølgning',
    body: { name: 'FollowUpStatusInput', schema: followUpStatusSchema },
    ok: { status: 200, description: 'Opfølgningen', content: 'json', schema: 'FollowUp' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/finance/deficit',
    tag: 'Økonomi',
    summary:
      'Beregn en underskudsdækning (som finance deficit --json): beløb i hele kroner pr. part',
    body: { name: 'DeficitCoverModel', schema: deficitCoverModelSchema },
    ok: {
      status: 200,
      description: '{ total, allocations: [{ party, key, amount }] }',
      content: 'json',
    },
  },
  {
    method: 'get',
    path: '/finance/deficit-models',
    tag: 'Økonomi',
    summary: 'Gemte modeller for underskudsdækning (kun sekretariatet)',
    ok: { status: 200, description: '{ models: [...] }', content: 'json' },
    errors: [403],
  },
  {
    method: 'post',
    path: '/finance/deficit-models',
    tag: 'Økonomi',
    summary: 'Gem en ny model for underskudsdækning',
    body: { name: 'DeficitModelInput', schema: deficitModelSchema },
    ok: {
      status: 201,
      description: 'Modellen med dens fordeling af eksemplets underskud',
      content: 'json',
    },
    errors: [403],
  },
  {
    method: 'get',
    path: '/finance/deficit-models/:id',
    tag: 'Økonomi',
    summary: 'En gemt model med fordelingen af eksemplets underskud',
    ok: { status: 200, description: 'Modellen', content: 'json' },
    errors: [403],
  },
  {
    method: 'put',
    path: '/finance/deficit-models/:id',
    tag: 'Økonomi',
    summary: 'Ret en gemt model (hele modellen, med version)',
    body: { name: 'DeficitModelUpdate', schema: deficitModelUpdateSchema },
    ok: { status: 200, description: 'Modellen', content: 'json' },
    errors: [403, 409],
  },
  {
    method: 'delete',
    path: '/finance/deficit-models/:id',
    tag: 'Økonomi',
    summary: 'Slet en gemt model',
    query: [
      { name: 'version', description: 'Modellens version', required: true, schema: ID_PARAM },
    ],
    ok: { status: 204, description: 'Slettet', content: 'none' },
    errors: [403, 409],
  },
  {
    method: 'get',
    path: '/finance/occupancy',
    tag: 'Økonomi',
    summary: 'Belægningsprocent pr. institution og måned og for året',
    query: [
      {
        name: 'year',
        description: 'Året (standard: det nyeste med tal)',
        schema: { type: 'integer' },
      },
    ],
    ok: { status: 200, description: '{ year, years, institutions: [...] }', content: 'json' },
    errors: [403],
  },
  {
    method: 'put',
    path: '/finance/occupancy/institutions/:id/budget',
    tag: 'Økonomi',
    summary: 'Sæt en institutions budgetterede belægning (brøk, fx 0.95, eller null)',
    body: { name: 'OccupancyBudget', schema: budgetApiSchema },
    ok: { status: 204, description: 'Gemt', content: 'none' },
    errors: [403, 409],
  },
  ...MONITORING_ROUTES,
  ...OFFER_ROUTES,
  ...TARIFF_ROUTES,
  ...GROUP_ROUTES,
  ...PLAN_ROUTES,
  ...AUDIT_ROUTES,
  {
    method: 'get',
    path: '/search',
    tag: 'Arkiv',
    summary: 'Fritekstsøgning i møder og punkter, som brugeren må se (dansk ordstamme og præfiks)',
    query: [
      {
        name: 'q',
        description: 'Søgeordene; "citat" for en frase, -ord for at udelukke',
        required: true,
        schema: { type: 'string' },
      },
      { name: 'committee', description: 'Udvalgets id', schema: ID_PARAM },
      { name: 'from', description: 'Fra år', schema: { type: 'integer' } },
      { name: 'to', description: 'Til år', schema: { type: 'integer' } },
      {
        name: 'section',
        description: 'Sektion (welcome, presentation, for-decision, for-information, closing)',
        schema: { type: 'string' },
      },
      {
        name: 'decided',
        description: 'yes: kun punkter med beslutning; no: kun uden',
        schema: { enum: ['yes', 'no'] },
      },
      {
        name: 'municipality',
        description: 'Organisationens id for en nævnt kommune',
        schema: ID_PARAM,
      },
      { name: 'offer', description: 'Et nævnt tilbud (tekst)', schema: { type: 'string' } },
      { name: 'limit', description: 'Højst så mange hits (1-100)', schema: { type: 'integer' } },
      { name: 'offset', description: 'Spring så mange hits over', schema: { type: 'integer' } },
    ],
    ok: {
      status: 200,
      description:
        'Hits, bedste først; highlights er [start, slut)-positioner i snippet. Matcher over 1.000 punkter, rangeres kun de 1.000 nyeste: total er da 1000 og totalExact false ("over 1.000")',
      content: 'json',
    },
  },
  {
    method: 'get',
    path: '/threads',
    tag: 'Arkiv',
    summary: 'Sagsforløb: punkter sammenkædet på tværs af møder (som brugeren må se)',
    ok: { status: 200, description: 'Forløbene med punkterne i datoorden', content: 'json' },
  },
  {
    method: 'get',
    path: '/threads/:id',
    tag: 'Arkiv',
    summary: 'Ét sagsforløb',
    ok: { status: 200, description: 'Forløbet med punkterne i datoorden', content: 'json' },
  },
];

/** "/meetings/:id" → "/meetings/{id}" */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/**
 * The zod schema's input side as JSON Schema. Fields that accept a missing value (optional text,
 * ids that may be null) are not listed as required, whatever zod's converter says.
 */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const out = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const def = ctx.zodSchema as unknown as z.ZodType;
      if (!(def instanceof z.ZodObject) || !Array.isArray(ctx.jsonSchema.required)) return;
      const shape = def.shape as Record<string, z.ZodType>;
      ctx.jsonSchema.required = ctx.jsonSchema.required.filter(
        (key) => shape[key]?.safeParse(undefined).success !== true,
      );
    },
  }) as JsonSchema;
  delete out.$schema;
  return out;
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Forkerte oplysninger: { error, fields } med danske fejltekster pr. felt',
  403: 'Ingen adgang: log ind som sekretariatet',
  404: 'Findes ikke, eller brugeren må ikke se det',
  409: 'Konflikt: en anden har gemt imens, eller mødets fase tillader det ikke',
  413: 'Filen er større end grænsen',
};

function responseContent(content: Content, schema: string | undefined) {
  switch (content) {
    case 'json':
      return {
        'application/json': {
          schema:
            schema === undefined ? { type: 'object' } : { $ref: `#/components/schemas/${schema}` },
        },
      };
    case 'pdf':
      return {
        'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } },
      };
    case 'binary':
      return {
        'application/octet-stream': {
          schema: { type: 'string', contentMediaType: 'application/octet-stream' },
        },
      };
    case 'none':
      return undefined;
  }
}

/** Builds the OpenAPI 3.1 document from ROUTES. */
export function buildOpenApi(routes: readonly RouteDoc[] = ROUTES) {
  const schemas: Record<string, JsonSchema> = { ...OPENAPI_COMPONENTS };
  const named = (name: string, schema: z.ZodType) => {
    schemas[name] ??= jsonSchemaOf(schema);
    return { $ref: `#/components/schemas/${name}` };
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema:
        m[1] === 'action'
          ? { type: 'string', enum: ['publish-agenda', 'start-minutes', 'publish-minutes'] }
          : ID_PARAM,
    }));
    const query = (route.query ?? []).map((q) => ({
      name: q.name,
      in: 'query',
      required: q.required ?? false,
      description: q.description,
      schema: q.schema,
    }));
    let requestBody: unknown;
    if (route.body === 'multipart') {
      requestBody = {
        required: true,
        content: {
          'multipart/form-data': { schema: { $ref: '#/components/schemas/AttachmentUpload' } },
        },
      };
    } else if (route.body !== undefined && 'schema' in route.body) {
      requestBody = {
        required: true,
        content: { 'application/json': { schema: named(route.body.name, route.body.schema) } },
      };
    } else if (route.body !== undefined) {
      const anyOf = route.body.anyOf.map((b) => named(b.name, b.schema));
      requestBody = { required: true, content: { 'application/json': { schema: { anyOf } } } };
    }
    const errors = [...new Set([400, 404, ...(route.errors ?? [])])].sort();
    const responses: Record<string, unknown> = {
      [String(route.ok.status)]: {
        description: route.ok.description,
        content: responseContent(route.ok.content, route.ok.schema),
      },
    };
    for (const status of errors) {
      responses[String(status)] = {
        description: ERROR_TEXT[status],
        content: responseContent('json', 'Error'),
      };
    }
    if (route.findings === true) {
      schemas.PublishingFindings ??= PUBLISHING_FINDINGS_SCHEMA;
      responses['409'] = {
        description:
          'Udgaven er ændret af en anden, eller kontrollen fandt CPR-numre eller tabeller med borgere i det, der offentliggøres: { error, findings }. Gennemgå fundene, og send igen med confirmFindings: true for at offentliggøre alligevel (det registreres i logbogen).',
        content: {
          'application/json': {
            schema: {
              anyOf: [
                { $ref: '#/components/schemas/Error' },
                { $ref: '#/components/schemas/PublishingFindings' },
              ],
            },
          },
        },
      };
    }
    const operation = {
      tags: [route.tag],
      summary: route.summary,
      operationId: `${route.method}${openApiPath(route.path).replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
      parameters: [...pathParams, ...query],
      ...(requestBody === undefined ? {} : { requestBody }),
      responses,
    };
    (paths[openApiPath(route.path)] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Socialaftale API',
      version: '1.0.0',
      description:
        'JSON-API for møder, dagsordener, punkter, bilag, beslutninger og opfølgninger i Nordjysk Socialaftale. ' +
        'Skrivende kald kræver login som sekretariatet (sessionscookie) og skal sendes som application/json ' +
        'eller med headeren X-CSRF-Token. PUT erstatter hele ressourcen: et udeladt felt behandles som et tomt formularfelt. Fejl besvares som { "error": "dansk sætning", "fields": { "felt": "dansk besked" } }.',
    },
    servers: [{ url: '/api' }],
    components: {
      schemas,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'sa_session',
          description:
            'Sessionscookien fra /login. Over HTTPS (SECURE_COOKIES=1) hedder den __Host-sa_session.',
        },
      },
    },
    security: [{}, { session: [] }],
    paths,
  };
}

let cached: ReturnType<typeof buildOpenApi> | null = null;

export const openApiRoutes = new Hono<AppEnv>();

openApiRoutes.get('/openapi.json', (c) => c.json((cached ??= buildOpenApi())));
