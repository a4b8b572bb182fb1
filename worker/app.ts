import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env';

export const app = new OpenAPIHono<AppEnv>();
app.get('/healthz', (c) => c.json({ ok: true }));
