/**
 * ClaimReview import (issue 15): preview → confirmed mapping → commit, through the Worker with real
 * D1; pages served by the fixture web (test/fixtures/integrations/fixture-server.mjs).
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { apiPublishedClaim, call, callJson, count, makeUser, unique } from '../helpers';
import { page, post, signIn } from '../desk/desk-helpers';

const PAGE = 'https://news.example.com/claimreview';

interface Preview {
  id: string;
  status: string;
  labels: { label: string; publisherName: string; proposed: string | null; confirmed: boolean }[];
  items: {
    reviewUrl: string;
    claimText: string;
    publisher: { name: string; url: string | null };
    label: number;
    proposedClaimId: string | null;
    duplicate: boolean;
    claimant: string | null;
    claimDate: string | null;
    datePublished: string | null;
    dateModified: string | null;
    language: string | null;
  }[];
}

async function preview(token: string, body: unknown) {
  return callJson<Preview & { code?: string; errors?: { field: string }[] }>(
    '/api/v1/imports/claimreview',
    { token, body },
  );
}

async function commit(token: string, id: string, body: unknown = {}) {
  return callJson(`/api/v1/imports/claimreview/${id}/commit`, { token, body });
}

/** One pasted ClaimReview of another publisher with a unique URL. */
function review(label: string, extra: Record<string, unknown> = {}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `https://checks.example/${unique('r')}`,
    claimReviewed: `${unique('Pasted claim ')} about the budget`,
    author: { '@type': 'Organization', name: 'Checks Co', url: 'https://checks.example/' },
    datePublished: '2026-04-01',
    reviewRating: { '@type': 'Rating', alternateName: label },
    ...extra,
  };
}

const pageHtml = async (id: string) =>
  (await call(`/claims/${id}`, { headers: { Accept: 'text/html' } })).text();

describe('ClaimReview round trip', () => {
  it('imports our own export back with the same meaning (claim, rating, dates, URL)', async () => {
    const editor = await makeUser('editor');
    const admin = await makeUser('admin');
    const claim = await apiPublishedClaim(editor.token, {
      claimant: 'Minister of Energy',
      claimantType: 'person',
      claimDate: '2026-01-05',
      appearances: ['https://news.example/a'],
    });
    const feed = (await (
      await call('/api/v1/export?format=claimreview', { token: editor.token })
    ).json()) as { dataFeedElement: { url: string }[] };
    const exported = feed.dataFeedElement.find((r) => r.url.endsWith(`/claims/${claim.id}`))!;
    // Only this claim's review, inside a DataFeed, as a client would paste it.
    const { res, body } = await preview(admin.token, {
      document: {
        '@context': 'https://schema.org',
        '@type': 'DataFeed',
        dataFeedElement: [exported],
      },
    });
    expect(res.status).toBe(201);
    expect(body.items).toHaveLength(1);
    expect(body.labels[0]!.proposed).toBe('false');
    expect(body.items[0]!.proposedClaimId).toBe(claim.id);
    const done = await commit(admin.token, body.id);
    expect(done.res.status).toBe(200);
    expect(done.body.imported).toBe(1);

    const stored = await env.DB.prepare(
      `SELECT review_url, claim_text, claimant, claim_date, date_published, date_modified, rating_key,
         rating_label, language, publisher_name, claim_id FROM external_reviews WHERE review_url = ?1`,
    )
      .bind(exported.url)
      .first();
    const ld = exported as unknown as Record<string, unknown> & {
      itemReviewed: Record<string, unknown>;
    };
    // The meaning, as our export states it and as the import stored it.
    expect({
      url: stored!.review_url,
      text: stored!.claim_text,
      claimant: stored!.claimant,
      claimDate: stored!.claim_date,
      rating: stored!.rating_key,
      language: stored!.language,
      published: stored!.date_published,
      modified: stored!.date_modified,
      claim: stored!.claim_id,
    }).toEqual({
      url: `https://claimdesk.test/claims/${claim.id}`,
      text: ld.claimReviewed, // what our ClaimReview states as the claim
      claimant: 'Minister of Energy',
      claimDate: '2026-01-05',
      rating: 'false', // the verdict's rating (test/helpers.ts apiReviewedClaim)
      language: 'en',
      published: ld.datePublished,
      modified: ld.dateModified,
      claim: claim.id,
    });
    expect(ld.itemReviewed.datePublished).toBe('2026-01-05');
    expect(stored!.publisher_name).toBe('ClaimDesk Demo Newsroom');
  });
});

describe('importing a publisher’s page', () => {
  it('reads @graph, nested claims and three labels; an unmapped label blocks the commit, then it lands and shows as theirs', async () => {
    const editor = await makeUser('editor');
    const admin = await makeUser('admin');
    const ours = await apiPublishedClaim(editor.token, {
      text: 'The river dam produces 80% of the country’s electricity',
    });
    const before = await pageHtml(ours.id); // cached now: the commit must purge it
    expect(before).not.toContain('verify.example');

    const { res, body } = await preview(admin.token, { url: `${PAGE}/graph.html` });
    expect(res.status).toBe(201);
    expect(body.items.map((i) => i.reviewUrl)).toEqual([
      'https://verify.example/checks/1',
      'https://verify.example/ar/checks/2',
      'https://verifie.example/fr/3',
    ]);
    const first = body.items[0]!;
    expect(first).toMatchObject({
      publisher: { name: 'Verify Desk', url: 'https://verify.example/' },
      claimant: 'A. Minister',
      claimDate: '2026-02-27',
      datePublished: '2026-03-02',
      dateModified: '2026-03-04T10:00:00Z',
      language: 'en',
      proposedClaimId: ours.id,
    });
    expect(body.labels.map((l) => [l.label, l.proposed])).toEqual([
      ['Mostly False', 'mostly-false'],
      ['زائف', null],
      ['Faux', 'false'],
    ]);

    // «زائف» maps to nothing yet: the commit is refused with an error on that item, nothing written.
    const blocked = await commit(admin.token, body.id);
    expect(blocked.res.status).toBe(422);
    expect(blocked.body.errors).toEqual([
      { field: 'json.items.1.rating', message: expect.stringContaining('زائف') },
    ]);
    expect(await count('external_reviews', 'import_id = ?1', body.id)).toBe(0);
    expect(await count('rating_mappings', "publisher_key = 'verify.example'")).toBe(0);

    const done = await commit(admin.token, body.id, { mappings: [{ label: 1, rating: 'false' }] });
    expect(done.res.status).toBe(200);
    expect(done.body).toMatchObject({
      imported: 3,
      duplicates: 0,
      import: { status: 'committed' },
    });

    // The claim page: "Also checked by" with their label as written; never in our JSON-LD.
    const html = await pageHtml(ours.id);
    expect(html).toContain('Also checked by');
    expect(html).toContain('Verify Desk');
    expect(html).toContain('Mostly False');
    expect(html).toContain('href="https://verify.example/checks/1"');
    const ld = /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(ld).not.toContain('verify.example');
    expect(ld).not.toContain('Mostly False');

    // The same page again: every review is a duplicate; committing adds nothing.
    const again = await preview(admin.token, { url: `${PAGE}/graph.html` });
    expect(again.body.items.every((i) => i.duplicate)).toBe(true);
    expect(again.body.labels[1]).toMatchObject({ proposed: 'false', confirmed: true });
    const dup = await commit(admin.token, again.body.id);
    expect(dup.body).toMatchObject({ imported: 0, duplicates: 3 });
    expect(await count('external_reviews', "review_url LIKE 'https://verif%'")).toBe(3);
    // A preview commits once.
    const twice = await commit(admin.token, body.id);
    expect(twice.res.status).toBe(409);
    expect(twice.body.code).toBe('already_committed');
  });

  it('skips an item on request and leaves a claim unmatched when asked', async () => {
    const admin = await makeUser('admin');
    const a = review('Pants on Fire');
    const b = review('True');
    const { body } = await preview(admin.token, { document: JSON.stringify([a, b]) });
    expect(body.labels.map((l) => l.proposed)).toEqual([null, 'true']);
    const done = await commit(admin.token, body.id, {
      items: [
        { index: 0, skip: true },
        { index: 1, claimId: null },
      ],
    });
    expect(done.res.status).toBe(200);
    expect(done.body.imported).toBe(1);
    expect(await count('external_reviews', 'review_url = ?1', a.url)).toBe(0);
    expect(await count('external_reviews', 'review_url = ?1 AND claim_id IS NULL', b.url)).toBe(1);
  });

  it('takes a DataFeed with DataFeedItem wrappers and a numeric rating', async () => {
    const admin = await makeUser('admin');
    const r = review('', {
      reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1 },
    });
    const { res, body } = await preview(admin.token, {
      document: {
        '@context': 'https://schema.org',
        '@type': 'DataFeed',
        dataFeedElement: [{ '@type': 'DataFeedItem', item: r }],
      },
    });
    expect(res.status).toBe(201);
    expect(body.labels).toMatchObject([{ label: '1', proposed: 'false' }]);
  });
});

describe('bad input', () => {
  it('answers each unreadable source with a 4xx problem naming the field', async () => {
    const admin = await makeUser('admin');
    const cases: [unknown, number, string][] = [
      [{ document: 'this is { not json' }, 422, 'not_json_ld'],
      [{ document: { '@type': 'NewsArticle', headline: 'x' } }, 422, 'no_claim_review'],
      [{ url: `${PAGE}/plain.html` }, 422, 'not_json_ld'],
      [{ url: `${PAGE}/article.html` }, 422, 'no_claim_review'],
      [{ url: 'http://127.0.0.1/claimreview.html' }, 422, 'url_host_refused'],
      [{ url: 'http://169.254.169.254/latest/meta-data' }, 422, 'url_host_refused'],
      [{ url: `${PAGE}/huge.html` }, 413, 'article_too_large'],
      [{ document: 'x'.repeat(600 * 1024) }, 413, 'document_too_large'],
      [{ url: `${PAGE}/graph.html`, document: '{}' }, 422, 'validation_failed'],
      [{}, 422, 'validation_failed'],
    ];
    for (const [body, status, code] of cases) {
      const { res, body: problem } = await preview(admin.token, body);
      expect([JSON.stringify(body).slice(0, 60), res.status, problem.code]).toEqual([
        JSON.stringify(body).slice(0, 60),
        status,
        code,
      ]);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    }
    expect(await count('review_imports', 'created_by = ?1', admin.id)).toBe(0);
  });

  it('refuses a rating that is not ours, a foreign claim id and non-admins', async () => {
    const admin = await makeUser('admin');
    const editor = await makeUser('editor');
    const { body } = await preview(admin.token, { document: review('Wrong') });
    const bad = await commit(admin.token, body.id, { mappings: [{ label: 0, rating: 'nope' }] });
    expect(bad.res.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('json.mappings.0.rating');
    const foreign = await commit(admin.token, body.id, {
      mappings: [{ label: 0, rating: 'false' }],
      items: [{ index: 0, claimId: '0000000000000000' }],
    });
    expect(foreign.body.errors[0].field).toBe('json.items.0.claimId');
    expect((await preview(editor.token, { document: review('x') })).res.status).toBe(403);
    expect((await commit(editor.token, body.id)).res.status).toBe(403);
    expect((await commit(admin.token, '0000000000000000')).res.status).toBe(404);
  });
});

describe('desk /desk/import', () => {
  it('previews a pasted document, shows the per-item error, commits with the chosen mapping (Arabic)', async () => {
    const agent = await signIn('admin');
    await post(agent, '/desk/locale', { lang: 'ar', next: '/desk/import' });
    const start = await page(agent, '/desk/import');
    expect(start.status).toBe(200);
    expect(start.html).toContain('dir="rtl"');
    const r = review('Bidon');
    const created = await post(agent, '/desk/import', { url: '', document: JSON.stringify(r) });
    expect(created.status).toBe(303);
    const target = created.headers.get('Location')!;
    expect(target).toMatch(/^\/desk\/import\/[0-9a-z]+$/);
    const shown = await page(agent, target);
    expect(shown.html).toContain('Bidon');
    const blocked = await post(agent, `${target}/commit`, { map: '', claim: 'none', include: '0' });
    expect(blocked.status).toBe(422);
    expect(await blocked.text()).toContain('role="alert"');
    const done = await post(agent, `${target}/commit`, {
      map: 'false',
      claim: 'none',
      include: '0',
    });
    expect(done.status).toBe(303);
    expect(
      await count('external_reviews', 'review_url = ?1 AND rating_key = ?2', r.url, 'false'),
    ).toBe(1);
    const bad = await post(agent, '/desk/import', { url: '', document: 'nope' });
    expect(bad.status).toBe(422);
  });

  it('is for admins only', async () => {
    const editor = await signIn('editor');
    expect((await page(editor, '/desk/import')).status).toBe(403);
  });
});
