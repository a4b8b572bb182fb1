import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { apiClaim, count, makeUser } from '../helpers';
import { desk, page, post, sessionCookieOf, signIn } from './desk-helpers';

function expectStrictHeaders(res: Response) {
  const csp = res.headers.get('Content-Security-Policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("default-src 'none'");
  expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=_-]+'/);
  expect(csp).not.toContain('unsafe-inline');
  expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
  expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(res.headers.get('Cache-Control')).toBe('no-store');
  expect(res.headers.get('X-Frame-Options')).toBe('DENY');
}

describe('desk header policy', () => {
  it('sends the strict headers on the sign-in page and on signed-in pages, with a fresh nonce on the script tag', async () => {
    const anon = await desk('/desk/sign-in');
    expectStrictHeaders(anon);
    const agent = await signIn('editor');
    const a = await page(agent, '/desk');
    const b = await page(agent, '/desk');
    expectStrictHeaders(a.res);
    const nonceA = a.res.headers.get('Content-Security-Policy')!.match(/'nonce-([^']+)'/)![1]!;
    const nonceB = b.res.headers.get('Content-Security-Policy')!.match(/'nonce-([^']+)'/)![1]!;
    expect(nonceA).not.toBe(nonceB);
    expect(a.html).toContain(`<script src="/js/desk.js" defer="" nonce="${nonceA}"></script>`);
    // Every <script> carries the nonce: none without it.
    expect(
      a.html.match(/<script\b[^>]*>/g)!.every((tag) => tag.includes(`nonce="${nonceA}"`)),
    ).toBe(true);
  });

  it('sends them on error pages too (not found, refused)', async () => {
    const agent = await signIn('editor');
    const missing = await page(agent, '/desk/claims/zzzzzzzzzzzz');
    expect(missing.status).toBe(404);
    expectStrictHeaders(missing.res);
  });
});

describe('desk CSRF protection', () => {
  it('refuses a cross-site form post (Origin of another site) and writes nothing', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    const before = await count('sources', 'claim_id = ?1', claim.id);
    const res = await desk(`/desk/claims/${claim.id}/sources`, {
      cookie: agent.cookie,
      ip: agent.ip,
      headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      form: {
        _csrf: agent.csrf,
        url: 'https://example.org/a',
        stance: 'refutes',
        title: '',
        publisher: '',
        excerpt: '',
        archivedUrl: '',
      },
    });
    expect(res.status).toBe(403);
    expect(await count('sources', 'claim_id = ?1', claim.id)).toBe(before);
  });

  it("refuses a same-origin post without the session token, or with another session's token", async () => {
    const agent = await signIn('editor');
    const other = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    const form = {
      url: 'https://example.org/b',
      stance: 'refutes',
      title: '',
      publisher: '',
      excerpt: '',
      archivedUrl: '',
    };
    const none = await desk(`/desk/claims/${claim.id}/sources`, {
      cookie: agent.cookie,
      ip: agent.ip,
      form,
    });
    expect(none.status).toBe(403);
    const wrong = await desk(`/desk/claims/${claim.id}/sources`, {
      cookie: agent.cookie,
      ip: agent.ip,
      form: { ...form, _csrf: other.csrf },
    });
    expect(wrong.status).toBe(403);
    expect(await count('sources', 'claim_id = ?1', claim.id)).toBe(0);
    const ok = await post(agent, `/desk/claims/${claim.id}/sources`, form);
    expect(ok.status).toBe(303);
    expect(await count('sources', 'claim_id = ?1', claim.id)).toBe(1);
  });

  it('refuses a cross-site sign-in post (login CSRF)', async () => {
    const user = await makeUser('editor');
    const res = await desk('/desk/sign-in', {
      headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      form: { email: user.email, password: user.password },
    });
    expect(res.status).toBe(403);
    expect(sessionCookieOf(res)).toBeNull();
  });

  it('does not accept an API bearer token as a desk session', async () => {
    const user = await makeUser('admin');
    const res = await desk('/desk', { headers: { Authorization: `Bearer ${user.token}` } });
    expect(res.status).toBe(303);
  });
});

describe('untrusted text on desk pages', () => {
  it('renders claim text escaped and only http(s) source URLs as links', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token, {
      text: 'He said <script>alert(1)</script> & "quoted" 40% rise',
      language: 'en',
    });
    await env.DB.prepare(
      `INSERT INTO sources (claim_id, url, title, stance, created_at, updated_at) VALUES (?1, 'javascript:alert(1)', 'Evil', 'context', ?2, ?2)`,
    )
      .bind(claim.id, new Date().toISOString())
      .run();
    const { html } = await page(agent, `/desk/claims/${claim.id}`);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('javascript:alert(1)');
  });
});
