import type { D1Migration } from 'cloudflare:test';

declare global {
  namespace Cloudflare {
    interface GlobalProps {
      mainModule: typeof import('../worker/index');
    }
    interface Env {
      DB: D1Database;
      ASSETS: Fetcher;
      ORG_NAME: string;
      PUBLIC_ORIGIN: string;
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
