import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
  articleBodyHash,
  createArticleWithClaims,
  getArticleWithClaims,
  type NewCandidate,
} from '../../d1/articles';
import { count, unique } from '../helpers';

const actor = { userId: null, requestId: 'test-articles' };

function candidatesOf(body: string, sentences: string[]): NewCandidate[] {
  return sentences.map((s, i) => {
    const start = body.indexOf(s);
    return {
      text: s,
      start,
      end: start + s.length,
      score: 0.9 - i / 10,
      type: 'quantity',
      speaker: i === 0 ? 'The minister' : null,
      why: ['number'],
    };
  });
}

describe('createArticleWithClaims', () => {
  it('writes the article, its candidates and audit rows together', async () => {
    const s1 = `Unemployment fell to 7% in 2025 (${unique()}).`;
    const s2 = 'Exports doubled to 4 billion dollars.';
    const body = `${s1} Some filler. ${s2}`;
    const result = await createArticleWithClaims(
      env.DB,
      { body, language: 'en', direction: 'ltr', title: 'T' },
      candidatesOf(body, [s1, s2]),
      actor,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(
      result.claims.map((c) => [c.text, c.start, c.end, c.status, c.claimType, c.speaker]),
    ).toEqual([
      [s1, 0, s1.length, 'candidate', 'quantity', 'The minister'],
      [s2, body.indexOf(s2), body.length, 'candidate', 'quantity', null],
    ]);
    expect(
      await count(
        'audit_log',
        `request_id = 'test-articles' AND entity_id = ?1`,
        result.article.id,
      ),
    ).toBe(1);
    const row = await env.DB.prepare(`SELECT search_text, text_hash FROM claims WHERE id = ?1`)
      .bind(result.claims[0]!.id)
      .first<{ search_text: string; text_hash: string }>();
    expect(row?.search_text).toContain('unemployment fell to 7');
    expect(row?.text_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('under a race for the same body, one batch wins whole and the other writes nothing', async () => {
    const s1 = `Prices rose by 12% in one year (${unique()}).`;
    const body = `${s1} The rest of the article.`;
    const input = { body, language: 'en', direction: 'ltr' as const };
    const before = await count('claims');
    const [a, b] = await Promise.all([
      createArticleWithClaims(env.DB, input, candidatesOf(body, [s1]), actor),
      createArticleWithClaims(
        env.DB,
        { ...input, body: ` ${body.toUpperCase()} ` },
        candidatesOf(body, [s1]),
        actor,
      ),
    ]);
    const winners = [a, b].filter((r) => r.ok);
    const losers = [a, b].filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const loser = losers[0]!;
    const winner = winners[0]!;
    if (loser.ok || !winner.ok) throw new Error('unreachable');
    expect(loser.existing?.article.id).toBe(winner.article.id);
    expect(await count('claims')).toBe(before + 1);
    expect(await count('articles', 'body_hash = ?1', await articleBodyHash(body))).toBe(1);
  });

  it('returns null for an unknown article', async () => {
    expect(await getArticleWithClaims(env.DB, 'zzzzzzzzzzzzzzzz')).toBeNull();
  });
});
