import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('health', () => {
  it('answers ok', async () => {
    const res = await exports.default.fetch('http://x/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
  it('has migrations applied', async () => {
    const { env } = await import('cloudflare:workers');
    const row = await env.DB.prepare('SELECT count(*) AS n FROM ratings').first<{ n: number }>();
    expect(row?.n).toBe(7);
  });
});
