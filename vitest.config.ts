import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { integrationFixtureServer } from './test/fixtures/integrations/fixture-server.mjs';

async function mailProviderStandIn(request: Request): Promise<Response> {
  if (request.headers.get('Authorization') !== 'Bearer test-mail-key')
    return new Response('unauthorized', { status: 401 });
  const body = (await request.json()) as { to?: string };
  return String(body.to ?? '').startsWith('reject')
    ? new Response('mailbox unavailable', { status: 500 })
    : new Response(JSON.stringify({ id: 'accepted' }), { status: 202 });
}

export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: './wrangler.jsonc' },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(
            fileURLToPath(new URL('./migrations', import.meta.url)),
          ),
        },
        // Article-URL and feed tests fetch fixture pages from this Node function instead of the
        // internet (the article fixtures behind the feed and webhook-receiver fixtures); webhook
        // deliveries go to the same function. E-mail tests (test/notify/) send to a stand-in for an
        // HTTP mail provider: it accepts any message except those to an address starting with
        // "reject", which it answers with 500.
        serviceBindings: {
          ARTICLE_FETCHER: integrationFixtureServer,
          WEBHOOK_FETCHER: integrationFixtureServer,
          MAIL_API: mailProviderStandIn,
        },
      },
    })),
  ],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['./test/apply-migrations.ts'],
    // A guard against hangs, not a speed check: some tests make 30+ requests, and these machines
    // are shared (the default 5 s failed a correct test under a load average of 13).
    testTimeout: 30_000,
  },
});
