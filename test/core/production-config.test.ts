import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { productionConfigErrors } from '../../worker/middleware/production-config';

async function fetchAs(
  vars: { ENVIRONMENT: string; PUBLIC_ORIGIN: string },
  path: string,
): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`https://attacker.example${path}`, { headers: { Accept: 'text/html' } }),
    { ...env, ...vars },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

describe('production configuration', () => {
  it('accepts a local environment without PUBLIC_ORIGIN and a production one with a bare https origin', () => {
    expect(productionConfigErrors({ ENVIRONMENT: 'local', PUBLIC_ORIGIN: '' })).toEqual([]);
    expect(
      productionConfigErrors({
        ENVIRONMENT: 'production',
        PUBLIC_ORIGIN: 'https://factcheck.example.org',
      }),
    ).toEqual([]);
  });

  it('names what is wrong with a production PUBLIC_ORIGIN', () => {
    expect(productionConfigErrors({ ENVIRONMENT: 'production', PUBLIC_ORIGIN: '' })[0]).toMatch(
      /PUBLIC_ORIGIN is not set/,
    );
    expect(
      productionConfigErrors({
        ENVIRONMENT: 'production',
        PUBLIC_ORIGIN: 'http://factcheck.example.org',
      })[0],
    ).toMatch(/bare https origin/);
    expect(
      productionConfigErrors({
        ENVIRONMENT: 'production',
        PUBLIC_ORIGIN: 'https://factcheck.example.org/news',
      })[0],
    ).toMatch(/bare https origin/);
  });

  it('refuses to serve pages whose canonical URLs would come from the Host header', async () => {
    const res = await fetchAs({ ENVIRONMENT: 'production', PUBLIC_ORIGIN: '' }, '/claims');
    expect(res.status).toBe(503);
    expect(res.headers.get('Content-Type')).toMatch(/problem\+json/);
    const body = await res.text();
    expect(body).not.toContain('attacker.example');
    expect(body).not.toContain('PUBLIC_ORIGIN');
  });

  it('serves normally once PUBLIC_ORIGIN is set, with canonical links on that origin', async () => {
    const res = await fetchAs(
      { ENVIRONMENT: 'production', PUBLIC_ORIGIN: 'https://factcheck.example.org' },
      '/claims',
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('https://factcheck.example.org/claims');
    expect(html).not.toContain('attacker.example');
  });
});
