import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { integrationFixtureServer } from './test/fixtures/integrations/fixture-server.mjs';

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
        // deliveries go to the same function.
        serviceBindings: {
          ARTICLE_FETCHER: integrationFixtureServer,
          WEBHOOK_FETCHER: integrationFixtureServer,
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
