import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createArticleWithClaims } from '../../d1/articles';
import { apiClaim, d1Queries, unique } from '../helpers';
import { page, post, signIn } from './desk-helpers';

function claimLinks(html: string): string[] {
  return [...html.matchAll(/href="\/desk\/claims\/([0-9a-z]+)" class="claim-link"/g)].map(
    (m) => m[1]!,
  );
}

describe('desk queue', () => {
  it('filters by status, language, assignee and text, with counts per status under the same filters', async () => {
    const agent = await signIn('editor');
    const word = unique('zebra')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    const a = await apiClaim(agent.user.token, {
      text: `The ${word} count doubled in 2024`,
      language: 'en',
    });
    const b = await apiClaim(agent.user.token, {
      text: `The ${word} count tripled in 2023`,
      language: 'en',
      status: 'candidate',
    });
    const c = await apiClaim(agent.user.token, {
      text: `عدد ${word} تضاعف في ٢٠٢٤`,
      language: 'ar',
    });
    const { html } = await page(agent, `/desk?q=${word}&status=all`);
    expect(claimLinks(html).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(html).toMatch(/status=queued[^"]*"[^>]*>Queued <span class="count">2<\/span>/);
    expect(html).toMatch(/status=candidate[^"]*"[^>]*>Candidate <span class="count">1<\/span>/);
    expect(claimLinks((await page(agent, `/desk?q=${word}&status=candidate`)).html)).toEqual([
      b.id,
    ]);
    expect(claimLinks((await page(agent, `/desk?q=${word}&language=ar`)).html)).toEqual([c.id]);
    // The Arabic claim renders right-to-left inside the English UI.
    expect(html).toContain(`<span lang="ar" dir="rtl">عدد ${word} تضاعف في ٢٠٢٤</span>`);
    await post(agent, `/desk/claims/${a.id}/assign`, {
      version: '1',
      assignee: String(agent.user.id),
    });
    expect(
      claimLinks((await page(agent, `/desk?q=${word}&assignee=${agent.user.id}`)).html),
    ).toEqual([a.id]);
    // Bad filter values are ignored, not errors.
    expect((await page(agent, `/desk?q=${word}&status=bogus&cursor=abc`)).status).toBe(200);
  });

  it('filters by the rating of the newest verdict', async () => {
    const agent = await signIn('editor');
    const word = unique('okapi')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    const a = await apiClaim(agent.user.token, { text: `The ${word} budget rose 10%` });
    await apiClaim(agent.user.token, { text: `The ${word} budget fell 10%` });
    await post(agent, `/desk/claims/${a.id}/verdicts`, {
      ratingKey: 'misleading',
      headline: 'Budget did not rise',
      explanation: 'It fell.',
      language: 'en',
      correctionNote: '',
    });
    expect(claimLinks((await page(agent, `/desk?q=${word}&rating=misleading`)).html)).toEqual([
      a.id,
    ]);
  });

  it('pages with a cursor: next link, no overlap, first-page link', async () => {
    const agent = await signIn('editor');
    const word = unique('lemur')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    const ids: string[] = [];
    for (let i = 0; i < 27; i++)
      ids.push((await apiClaim(agent.user.token, { text: `The ${word} index ${i} grew` })).id);
    const first = await page(agent, `/desk?q=${word}`);
    const one = claimLinks(first.html);
    expect(one).toHaveLength(25);
    const next = first.html
      .match(/href="(\/desk\?[^"]*cursor=\d+[^"]*)" rel="next"/)![1]!
      .replace(/&amp;/g, '&');
    const second = await page(agent, next);
    const two = claimLinks(second.html);
    expect(two).toHaveLength(2);
    expect(new Set([...one, ...two])).toEqual(new Set(ids));
    expect(second.html).toContain('First page');
    expect(second.html).not.toContain('rel="next"');
  });
});

describe('article triage', () => {
  async function article(userId: number) {
    const body = `${unique('Intro ')} paragraph.\n\nThe minister said inflation hit 12% in March.\n\nOfficials claim exports doubled since 2020.\n\nقال الوزير إن التضخم بلغ ١٢٪.`;
    const s1 = body.indexOf('The minister');
    const s2 = body.indexOf('Officials');
    const s3 = body.indexOf('قال');
    const made = await createArticleWithClaims(
      env.DB,
      { title: 'Économie <b>bold</b>', language: 'en', direction: 'ltr', body },
      [
        {
          text: body.slice(s1, body.indexOf('\n', s1)),
          start: s1,
          end: body.indexOf('\n', s1),
          score: 0.9,
          type: 'statistic',
          speaker: 'minister',
          why: ['number', 'percent'],
        },
        {
          text: body.slice(s2, body.indexOf('\n', s2)),
          start: s2,
          end: body.indexOf('\n', s2),
          score: 0.7,
          type: 'comparison',
          speaker: null,
          why: ['comparison'],
        },
        {
          text: body.slice(s3),
          start: s3,
          end: body.length,
          score: 0.6,
          type: 'statistic',
          speaker: null,
          why: ['number'],
        },
      ],
      { userId, requestId: 'test' },
    );
    if (!made.ok) throw new Error('article not created');
    return made;
  }

  it('highlights candidates in place with score, type and why', async () => {
    const agent = await signIn('editor');
    const { article: a, claims } = await article(agent.user.id);
    const { html } = await page(agent, `/desk/articles/${a.id}`);
    for (const c of claims)
      expect(html).toMatch(
        new RegExp(
          `<mark id="m-${c.id}" class="cand status-candidate grade-[1-4]" title="Score [0-9.]+">`,
        ),
      );
    expect(html).toContain('<span class="feature" data-feature="percent">percentage</span>');
    expect(html).toContain('statistic');
    expect(html).toContain('Économie &lt;b&gt;bold&lt;/b&gt;');
    // "See these claims in the queue": the article filter lists exactly this article's claims.
    expect(html).toContain(`href="/desk?article=${a.id}"`);
    const queue = await page(agent, `/desk?article=${a.id}`);
    expect(claimLinks(queue.html).sort()).toEqual(claims.map((c) => c.id).sort());
    expect(queue.html).toMatch(
      /status=candidate[^"]*"[^>]*>Candidate <span class="count">3<\/span>/,
    );
  });

  it('accepts one claim in one click and rejects the rest in bulk', async () => {
    const agent = await signIn('editor');
    const { article: a, claims } = await article(agent.user.id);
    const [c1, c2, c3] = claims.sort((x, y) => (x.start ?? 0) - (y.start ?? 0));
    const one = await post(agent, `/desk/articles/${a.id}/review`, {
      one: `accept:${c1!.id}`,
      ids: [c2!.id],
    });
    expect(one.headers.get('Location')).toBe(
      `/desk/articles/${a.id}?done=accepted&n=1&u=${c1!.id}.2`,
    );
    const other = await apiClaim(agent.user.token, { status: 'candidate' });
    const bulk = await post(agent, `/desk/articles/${a.id}/review`, {
      bulk: 'reject',
      ids: [c1!.id, c2!.id, c3!.id, other.id],
    });
    expect(bulk.headers.get('Location')).toBe(
      `/desk/articles/${a.id}?done=rejected&n=2&u=${c2!.id}.2,${c3!.id}.2`,
    );
    const statuses = await env.DB.prepare(
      `SELECT id, status FROM claims WHERE id IN (?1, ?2, ?3, ?4)`,
    )
      .bind(c1!.id, c2!.id, c3!.id, other.id)
      .all<{ id: string; status: string }>();
    expect(Object.fromEntries(statuses.results.map((r) => [r.id, r.status]))).toEqual({
      [c1!.id]: 'queued',
      [c2!.id]: 'rejected',
      [c3!.id]: 'rejected',
      [other.id]: 'candidate',
    });
    expect(
      (await post(agent, `/desk/articles/${a.id}/review`, { bulk: 'accept' })).headers.get(
        'Location',
      ),
    ).toBe(`/desk/articles/${a.id}?done=none`);
  });

  it('refuses an empty ingest form with a clear message', async () => {
    const agent = await signIn('editor');
    const res = await post(agent, '/desk/articles', { text: '', url: '', title: '', language: '' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(
      'The form is empty: paste the article text or give its address.',
    );
  });
});

describe('desk page round trips', () => {
  it('reads the queue in one D1 batch, and the workspace in one batch alongside the matcher (after the session lookup)', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    const queue = await page(agent, '/desk?status=queued&q=rose');
    expect(d1Queries(queue.res)).toBe(2);
    // Session, then the workspace batch and the matcher's (findMatchesOfClaim) sent together.
    const missing = await page(agent, '/desk/claims/zzzzzzzzzz');
    expect(d1Queries(missing.res)).toBe(3);
    const workspace = await page(agent, `/desk/claims/${claim.id}`);
    expect(d1Queries(workspace.res)).toBe(3);
  });
});
