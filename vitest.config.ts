import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import { integrationFixtureServer } from './test/fixtures/integrations/fixture-server.mjs';

async function mailProviderStandIn(request: Request): Promise<Response> {
  if (request.headers.get('Authorization') !== 'Bearer test-mail-key')
    return new Response('unauthorized', { status: 401 });
  const body = (await request.json()) as { to?: string };
  return String(body.to ?? '').startsWith('reject')
    ? new Response('mailbox unavailable', { status: 500 })
    : new Response(JSON.stringify({ id: 'accepted' }), { status: 202 });
}

// The same three zod modules wrangler.jsonc `alias` swaps out of the deployed bundle (its 64
// message locales, `z.compile`, `z.fromJSONSchema`), swapped out here too: the tests run the zod the
// Worker ships, and every test file loads ~70 fewer modules. Only imports made by zod's own files
// are redirected (wrangler's alias is global, but no other dependency uses these specifiers).
const zodStandIns: Record<string, string> = {
  '../locales/index.js': fileURLToPath(new URL('./worker/zod-locales.ts', import.meta.url)),
  './compile.js': fileURLToPath(new URL('./worker/zod-unused.ts', import.meta.url)),
  './from-json-schema.js': fileURLToPath(new URL('./worker/zod-unused.ts', import.meta.url)),
};
const zodAsBundled: Plugin = {
  name: 'claimdesk:zod-as-bundled',
  enforce: 'pre',
  resolveId(source, importer) {
    const standIn = zodStandIns[source];
    return standIn && importer?.includes('/node_modules/zod/') ? standIn : null;
  },
};

export default defineConfig({
  plugins: [
    zodAsBundled,
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
    // Files share one workerd process and Worker isolate per vitest worker instead of starting a
    // fresh one each (seconds per file: the process, then the Worker's whole module graph through
    // Vite). The setup file gives every file a freshly migrated database; tests make their own data.
    isolate: false,
    // A guard against hangs, not a speed check: some tests make 30+ requests, and these machines
    // are shared (the default 5 s failed a correct test under a load average of 13).
    testTimeout: 30_000,
  },
});
