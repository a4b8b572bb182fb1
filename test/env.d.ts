import type { D1Migration } from 'cloudflare:test';
import type { Bindings } from '../worker/env';

declare global {
  /** Vite's static import.meta.glob (the test tsconfig does not load vite/client types). */
  interface ImportMeta {
    glob<T = unknown>(
      pattern: string,
      options: { query?: string; import?: string; eager: true },
    ): Record<string, T>;
  }
  namespace Cloudflare {
    interface GlobalProps {
      mainModule: typeof import('../worker/index');
    }
    interface Env extends Bindings {
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
