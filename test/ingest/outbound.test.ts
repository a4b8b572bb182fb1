import { describe, expect, it } from 'vitest';
import { articleFetchOptions } from '../../worker/ingest/outbound';

const base = { PUBLIC_ORIGIN: '' };

describe('articleFetchOptions', () => {
  it('by default refuses its own hosts and allows no local host', () => {
    const opts = articleFetchOptions(
      { ...base, PUBLIC_ORIGIN: 'https://factcheck.example.org' },
      'https://claimdesk.workers.dev/api/v1/articles',
    );
    expect(opts.ownHosts).toEqual(['claimdesk.workers.dev', 'factcheck.example.org']);
    expect(opts.allowHosts).toEqual([]);
  });

  it('reads the explicit local allowance and uses a bound fixture service as transport', async () => {
    const seen: string[] = [];
    const service = {
      fetch: async (req: Request) => (seen.push(req.url), new Response('ok')),
    } as unknown as Fetcher;
    const opts = articleFetchOptions(
      {
        ...base,
        ARTICLE_FETCHER: service,
        ARTICLE_FETCH_ALLOW_HOSTS: ' 127.0.0.1:8788, Localhost:9000 ',
      },
      'http://localhost:8787/',
    );
    expect(opts.allowHosts).toEqual(['127.0.0.1:8788', 'localhost:9000']);
    await opts.fetcher(new Request('https://news.example/a'));
    expect(seen).toEqual(['https://news.example/a']);
  });
});
