import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { activeRatings } from '../../d1/ratings';
import { DEMO_ADMIN, seedDemo } from '../../d1/seed';
import { callJson, count } from '../helpers';

// This file's storage starts empty (vitest-pool-workers isolates storage per test file).
describe('demo seed on an empty database', () => {
  it('creates the demo admin, three articles and claims in several statuses with published verdicts', async () => {
    expect(await count('users')).toBe(0);
    expect(await seedDemo(env.DB)).toBe(true);
    expect(await count('articles')).toBe(3);
    const statuses = await env.DB.prepare(
      'SELECT DISTINCT status FROM claims ORDER BY status',
    ).all<{ status: string }>();
    expect(statuses.results.map((r) => r.status)).toEqual([
      'candidate',
      'in_review',
      'published',
      'queued',
      'submitted',
    ]);
    const langs = await env.DB.prepare(
      "SELECT DISTINCT language FROM claims WHERE status = 'published' ORDER BY language",
    ).all<{ language: string }>();
    expect(langs.results.map((r) => r.language)).toEqual(['ar', 'en', 'fr']);
    // One demo correction, on the public record with its note; every published claim has version 1.
    expect(await count('claim_versions', "kind = 'correction' AND note IS NOT NULL")).toBe(1);
    expect(await count('claim_versions', "kind = 'publication'")).toBe(
      await count('claims', "status = 'published'"),
    );
    expect(await count('sources')).toBeGreaterThanOrEqual(3);
    // The rest of each article arrives as ranked candidates from the real extractor.
    for (const language of ['ar', 'en', 'fr']) {
      expect(
        await count(
          'claims',
          "status = 'candidate' AND language = ?1 AND score IS NOT NULL AND why != '[]'",
          language,
        ),
      ).toBeGreaterThanOrEqual(1);
    }
    // Every verdict uses a rating on the scale; offsets point at the claim text in the article.
    const keys = new Set((await activeRatings(env.DB)).map((r) => r.key));
    const used = await env.DB.prepare('SELECT DISTINCT rating_key FROM verdicts').all<{
      rating_key: string;
    }>();
    for (const r of used.results) expect(keys.has(r.rating_key)).toBe(true);
    const linked = await env.DB.prepare(
      'SELECT c.text, c.start_offset, c.end_offset, a.body FROM claims c JOIN articles a ON a.id = c.article_id',
    ).all<{ text: string; start_offset: number; end_offset: number; body: string }>();
    for (const row of linked.results)
      expect(row.body.slice(row.start_offset, row.end_offset)).toBe(row.text);
    // Every curated claim (all but the extractor's remaining candidates) has an editor's wording.
    expect(
      await count(
        'claims',
        "status != 'candidate' AND (claim_reviewed IS NULL OR claim_reviewed = '')",
      ),
    ).toBe(0);
    // Explanations use the markup: paragraphs and a link to a source.
    const explanations = await env.DB.prepare('SELECT explanation FROM verdicts').all<{
      explanation: string;
    }>();
    for (const { explanation } of explanations.results) {
      expect(explanation).toContain('\n\n');
      expect(explanation).toMatch(/\]\(https:\/\/data\.example\.org\//);
    }
    const login = await callJson('/api/v1/auth/login', {
      body: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password },
    });
    expect(login.res.status).toBe(200);
  });
});
