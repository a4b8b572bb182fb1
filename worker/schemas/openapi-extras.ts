/**
 * What the route schemas cannot say by themselves, added to the generated OpenAPI document in one
 * place: the bearer security scheme (public operations marked `security: []`), the If-Match rule
 * of guarded writes, the `Idempotency-Key` header every POST honours (middleware/idempotency.ts),
 * one example per request body, and the problem+json answers the middleware can give.
 */

type Json = Record<string, unknown>;
interface Operation extends Json {
  parameters?: Json[];
  requestBody?: { content?: Record<string, Json> };
  responses?: Record<string, unknown>;
  security?: Json[];
}
interface Document extends Json {
  paths?: Record<string, Record<string, Operation>>;
  components?: Json & { schemas?: Json; responses?: Json; securitySchemes?: Json };
}

/** Operations anyone may call (no credential): `security: []`. */
export const PUBLIC_OPERATIONS = new Set([
  'POST /api/v1/auth/login',
  'GET /api/v1/ratings',
  'POST /api/v1/submissions',
]);

/**
 * Writes that answer 428 without If-Match (http/if-match.ts `required: true`); the others that
 * read If-Match take it as optional and still answer 412 when it is stale.
 */
export const IF_MATCH_REQUIRED = new Set([
  'PATCH /api/v1/claims/{id}',
  'DELETE /api/v1/claims/{id}/draft',
  'POST /api/v1/claims/{id}/draft/publish',
  'POST /api/v1/claims/{id}/retract',
  'POST /api/v1/claims/{id}/removal',
  'DELETE /api/v1/claims/{id}/removal',
]);

const CLAIM_ID = '01HV3Q8XK2M4N6P7';

/** One example per request body, keyed "METHOD path" (a test fails when a body has none). */
export const REQUEST_EXAMPLES: Record<string, unknown> = {
  'POST /api/v1/auth/login': { email: 'editor@newsroom.example', password: 'a long passphrase' },
  'POST /api/v1/auth/password': {
    currentPassword: 'a long passphrase',
    newPassword: 'an even longer passphrase',
  },
  'POST /api/v1/users': {
    email: 'new.editor@newsroom.example',
    name: 'Amina Haddad',
    role: 'editor',
    password: 'a long first passphrase',
    locale: 'ar',
  },
  'PATCH /api/v1/users/{id}': { role: 'admin', active: true },
  'POST /api/v1/tokens': { name: 'CMS sync', scope: 'read', expiresInDays: 30 },
  'POST /api/v1/claims/{id}/removal': {
    reason: 'The person quoted was misidentified; we retracted the check and took it down.',
  },
  'POST /api/v1/claims/{id}/notes': {
    body: 'Found the original video; @amina can you check the date?',
  },
  'POST /api/v1/webhooks': {
    url: 'https://cms.newsroom.example/hooks/claimdesk',
    description: 'CMS: refresh fact-check boxes',
    events: ['claim.published', 'verdict.corrected', 'claim.retracted'],
  },
  'POST /api/v1/webhooks/{id}/rotate': { overlapHours: 24 },
  'POST /api/v1/imports/claimreview': { url: 'https://factcheck.partner.example/checks/dam-power' },
  'POST /api/v1/imports/claimreview/{id}/commit': {
    mappings: [{ label: 1, rating: 'false' }],
    items: [
      { index: 0, claimId: '7k3m9q2xw4h8r5tz' },
      { index: 2, skip: true },
    ],
  },
  'POST /api/v1/monitored-feeds': {
    url: 'https://news.example/politics/rss.xml',
    title: 'Politics desk',
    intervalMinutes: 30,
  },
  'POST /api/v1/claims': {
    text: 'Unemployment fell by 12% in 2025, the minister said.',
    language: 'en',
    claimant: 'Minister of Labour',
    claimantType: 'person',
    claimDate: '2026-03-14',
    appearances: ['https://news.example/2026/03/14/interview'],
    status: 'queued',
  },
  'PATCH /api/v1/claims/{id}': {
    claimReviewed: 'Unemployment fell by 12% in 2025',
    claimant: 'Minister of Labour',
  },
  'POST /api/v1/claims/{id}/transition': { to: 'in_review', note: 'Taking this one' },
  'POST /api/v1/claims/{id}/transition/undo': { version: 4 },
  'POST /api/v1/claims/{id}/sources': {
    url: 'https://stats.example.gov/labour-survey-2025',
    title: 'Labour force survey 2025',
    publisher: 'National Statistics Office',
    stance: 'refutes',
  },
  'PUT /api/v1/claims/{id}/sources/{sourceId}': {
    url: 'https://stats.example.gov/labour-survey-2025',
    title: 'Labour force survey 2025 (revised)',
    publisher: 'National Statistics Office',
    stance: 'refutes',
  },
  'POST /api/v1/claims/{id}/verdicts': {
    ratingKey: 'mostly-false',
    headline: 'Unemployment fell by 4%, not 12%',
    explanation:
      'The labour force survey shows a fall of **4 points**.\n\n- 2024: 11.2%\n- 2025: 7.2%',
    language: 'en',
  },
  'POST /api/v1/claims/{id}/draft/publish': { note: 'Corrected the 2024 figure.' },
  'POST /api/v1/claims/{id}/retract': { note: 'The quoted interview was fabricated.' },
  'POST /api/v1/claims/{id}/publish-request': { note: 'Ready for a second read.' },
  'PUT /api/v1/settings': { publishNeedsSecondEditor: true },
  'POST /api/v1/articles': {
    url: 'https://news.example/2026/03/14/interview',
    title: 'Minister: unemployment down 12%',
    text: 'The minister said on Friday that unemployment fell by 12% in 2025. Critics disagreed.',
    language: 'en',
  },
  'POST /api/v1/submissions': {
    text: 'A video says the dam holds 40 billion cubic metres.',
    where_url: 'https://social.example/post/123',
    language: 'en',
    turnstileToken: '<token from the Turnstile widget>',
  },
};

const PROBLEM_TITLES: Record<number, string> = {
  400: 'Bad request: a malformed header, parameter or query',
  401: 'No valid credential',
  403: 'The credential may not do this (role, token scope, cross-origin write)',
  404: 'Not found',
  409: 'Conflict (state, duplicate, or an Idempotency-Key still running)',
  412: 'If-Match names a version that is no longer current',
  413: 'Request body too large',
  415: 'Writes take application/json',
  422: 'Invalid body (field errors), or an Idempotency-Key reused with another body',
  428: 'If-Match required',
  429: 'Too many requests (see Retry-After)',
};

const PROBLEM_EXAMPLE = {
  type: 'about:blank',
  title: 'Invalid request',
  status: 422,
  detail: '1 field failed validation',
  code: 'validation_failed',
  errors: [{ field: 'body.text', message: 'Too small: expected string to have >=3 characters' }],
};

const IF_MATCH_DOC =
  'The ETag of the version you edited (from a GET or the last write), e.g. "v3". A stale tag answers 412 with the current state.';

function addResponse(op: Operation, status: number): void {
  op.responses ??= {};
  if (!(String(status) in op.responses))
    op.responses[String(status)] = { $ref: `#/components/responses/Problem${status}` };
}

function addHeader(op: Operation, name: string, param: Json): void {
  op.parameters ??= [];
  const existing = op.parameters.find(
    (p) => p.in === 'header' && String(p.name).toLowerCase() === name.toLowerCase(),
  );
  if (existing) Object.assign(existing, param, { name });
  else op.parameters.push({ in: 'header', name, ...param });
}

/** The generated document, completed (mutated in place and returned). */
export function completeOpenApi<T extends object>(generated: T): T {
  const doc = generated as Document;
  doc.components ??= {};
  doc.components.securitySchemes = {
    bearer: {
      type: 'http',
      scheme: 'bearer',
      description:
        'A session token from POST /api/v1/auth/login or an API token (POST /api/v1/tokens, shown once).',
    },
  };
  doc.security = [{ bearer: [] }];
  doc.components.responses = Object.fromEntries(
    Object.entries(PROBLEM_TITLES).map(([status, description]) => [
      `Problem${status}`,
      {
        description,
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/Problem' },
            example: { ...PROBLEM_EXAMPLE, status: Number(status) },
          },
        },
      },
    ]),
  );
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      const key = `${method.toUpperCase()} ${path}`;
      const isPublic = PUBLIC_OPERATIONS.has(key);
      if (isPublic) op.security = [];
      else addResponse(op, 401);
      if (method !== 'get' && !isPublic) addResponse(op, 403);
      if (op.requestBody) {
        addResponse(op, 413);
        addResponse(op, 415);
        addResponse(op, 422);
        const json = op.requestBody.content?.['application/json'];
        if (json && key in REQUEST_EXAMPLES) json.example = REQUEST_EXAMPLES[key];
      }
      if (method === 'post') {
        addHeader(op, 'Idempotency-Key', {
          required: false,
          description:
            'Retry safely: a repeat with the same key and body replays the first answer (Idempotent-Replayed: true); the same key with another body is a 422; while the first is still running, a 409 with Retry-After.',
          schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
          example: 'b9a7c3e0-3c1e-4c2a-9f0e-6a1d2c3b4a5f',
        });
        addResponse(op, 400);
        addResponse(op, 409);
        addResponse(op, 422);
      }
      const ifMatch = op.parameters?.find(
        (p) => p.in === 'header' && String(p.name).toLowerCase() === 'if-match',
      );
      if (ifMatch || IF_MATCH_REQUIRED.has(key)) {
        const required = IF_MATCH_REQUIRED.has(key);
        addHeader(op, 'If-Match', {
          required,
          description: required ? `Required. ${IF_MATCH_DOC}` : `Optional. ${IF_MATCH_DOC}`,
          schema: { type: 'string', maxLength: 1000 },
          example: '"v3"',
        });
        addResponse(op, 412);
        if (required) addResponse(op, 428);
      }
      for (const p of op.parameters ?? [])
        if (path.startsWith('/api/v1/claims/') && p.in === 'path' && p.name === 'id')
          p.example ??= CLAIM_ID;
    }
  }
  return generated;
}
