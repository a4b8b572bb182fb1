import type { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { securityHeaders } from '../middleware/security-headers';
import { completeOpenApi } from '../schemas/openapi-extras';
import { ApiDocsPage } from '../views/api-docs-page';

const INFO = {
  openapi: '3.1.0',
  info: {
    title: 'ClaimDesk API',
    version: '1',
    description:
      'Claims, sources, verdicts and search. Errors are RFC 9457 problem+json (`errors` lists the fields at fault). Authenticate with `Authorization: Bearer <token>` from /api/v1/auth/login or an API token. Guarded writes need `If-Match` with the ETag you read (428 without it, 412 when stale); every POST takes an optional `Idempotency-Key`.',
  },
} as const;

/**
 * The reference page's policy, relaxed from the API's `default-src 'none'` for this page only:
 * Swagger UI's script and stylesheet from our origin, the inline `style` attributes its React
 * components set, its data: SVG icons in the stylesheet, and fetches to this origin (the
 * document and "Try it out").
 */
const DOCS_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  styleSrcAttr: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
};

/** The API document: the generated one, completed with security, headers, examples and errors. */
export function apiDocument(app: OpenAPIHono<AppEnv>) {
  return completeOpenApi(app.getOpenAPI31Document(INFO));
}

/** /api/openapi.json (generated from the route schemas) and /api/docs (the reference page). */
export function apiDocs(app: OpenAPIHono<AppEnv>) {
  const docs = new Hono<AppEnv>();
  docs.get('/openapi.json', (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(apiDocument(app));
  });
  docs.get('/docs', securityHeaders({ csp: DOCS_CSP }), (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.html(<ApiDocsPage doc={apiDocument(app)} />);
  });
  return docs;
}
