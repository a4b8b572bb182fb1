import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { DUMMY_TOKEN } from '../../worker/turnstile';
import { unique } from '../helpers';

function submit(text: string, n: number) {
  return exports.default.fetch(
    new Request('https://claimdesk.test/api/v1/submissions', {
      method: 'POST',
      body: JSON.stringify({ text, turnstile_token: DUMMY_TOKEN }),
      // Each reader from their own address, so the per-address rate limit lets all of them in.
      headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `10.77.${n % 250}.${n}` },
    }),
  );
}

describe('identical submissions at the same instant', () => {
  it('30 concurrent identical POSTs make one claim with submission_count 30, each reader with their own tracking link', async () => {
    const text = `${unique('Race')} the ferry fare doubled overnight`;
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => submit(text, i + 1)));
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as {
      tracking_url: string;
      new_claim: boolean;
    }[];
    expect(answers.map((r) => r.status)).toEqual(Array(30).fill(202));
    const claims = await env.DB.prepare(
      `SELECT id, submission_count, status FROM claims WHERE text = ?1`,
    )
      .bind(text)
      .all<{ id: string; submission_count: number; status: string }>();
    expect(claims.results).toHaveLength(1);
    expect(claims.results[0]).toMatchObject({ submission_count: 30, status: 'submitted' });
    expect(bodies.filter((b) => b.new_claim)).toHaveLength(1);
    expect(new Set(bodies.map((b) => b.tracking_url)).size).toBe(30);
    const subs = await env.DB.prepare(
      `SELECT count(*) AS n, count(DISTINCT claim_id) AS claims, sum(created_new_claim) AS created FROM submissions WHERE text = ?1`,
    )
      .bind(text)
      .first<{ n: number; claims: number; created: number }>();
    expect(subs).toEqual({ n: 30, claims: 1, created: 1 });
    // One claim.create audit row, 30 submission.create rows.
    const audit = await env.DB.prepare(
      `SELECT action, count(*) AS n FROM audit_log WHERE entity_id = ?1 GROUP BY action ORDER BY action`,
    )
      .bind(claims.results[0]!.id)
      .all<{ action: string; n: number }>();
    expect(audit.results).toEqual([
      { action: 'claim.create', n: 1 },
      { action: 'submission.create', n: 30 },
    ]);
  });

  it('a repeat joins the claim even after an editor reworded it (the intake key remembers)', async () => {
    const text = `${unique('Reword')} the metro fare doubled`;
    const first = (await (await submit(text, 200)).json()) as { new_claim: boolean };
    expect(first.new_claim).toBe(true);
    const { id } = (await env.DB.prepare('SELECT id FROM claims WHERE text = ?1')
      .bind(text)
      .first<{ id: string }>())!;
    await env.DB.prepare(`UPDATE claims SET text = 'reworded', text_hash = 'other' WHERE id = ?1`)
      .bind(id)
      .run();
    const again = (await (await submit(text, 201)).json()) as { new_claim: boolean };
    expect(again.new_claim).toBe(false);
    const row = await env.DB.prepare('SELECT submission_count FROM claims WHERE id = ?1')
      .bind(id)
      .first<{ submission_count: number }>();
    expect(row?.submission_count).toBe(2);
  });
});
