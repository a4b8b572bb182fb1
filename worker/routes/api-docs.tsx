import type { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { ApiDocsPage } from '../views/api-docs-page';

const INFO = {
  openapi: '3.1.0',
  info: {
    title: 'ClaimDesk API',
    version: '1',
    description:
      'Claims, sources, verdicts and search. Errors are RFC 9457 problem+json. Authenticate with `Authorization: Bearer <token>` from /api/v1/auth/login or an API token.',
  },
} as const;

/** /api/openapi.json (generated from the route schemas) and /api/docs (a readable page of it). */
export function apiDocs(app: OpenAPIHono<AppEnv>) {
  const docs = new Hono<AppEnv>();
  docs.get('/openapi.json', (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(app.getOpenAPI31Document(INFO));
  });
  docs.get('/docs', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.html(<ApiDocsPage doc={app.getOpenAPI31Document(INFO)} />);
  });
  return docs;
}
