import { env } from 'cloudflare:workers';
import worker from '../../worker/index';
import { describe, expect, it } from 'vitest';
import { hit } from '../../d1/rate-limits';
import { seedDemo } from '../../d1/seed';
import { createSession } from '../../d1/sessions';
import { randomToken, sha256Hex } from '../../worker/lib/crypto';
import { count, makeUser, unique } from '../helpers';

describe('rate limits (D1 counter)', () => {
  it('counts hits per fixed window and says when to retry', async () => {
    const key = unique('rl');
    const now = Date.UTC(2026, 0, 1, 0, 0, 30);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hit(env.DB, key, 60, 3, now));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]?.retryAfter).toBe(30);
    expect((await hit(env.DB, key, 60, 3, now + 60_000)).allowed).toBe(true);
  });

  it('does not let concurrent hits slip under the limit', async () => {
    const key = unique('rl');
    const all = await Promise.all(Array.from({ length: 10 }, () => hit(env.DB, key, 60, 5)));
    expect(all.filter((r) => r.allowed)).toHaveLength(5);
  });
});

describe('scheduled housekeeping', () => {
  it('removes expired sessions and keeps live ones', async () => {
    const u = await makeUser();
    const old = await sha256Hex(randomToken());
    await createSession(env.DB, u.id, old, 'c', { now: new Date(Date.now() - 13 * 3600 * 1000) });
    await worker.scheduled({ cron: '17 3 * * *', scheduledTime: Date.now(), noRetry() {} }, env);
    expect(await count('sessions', 'token_hash = ?1', old)).toBe(0);
    expect(await count('sessions', 'user_id = ?1', u.id)).toBe(1);
  });
});

describe('demo seed', () => {
  it('never touches a database that already has users', async () => {
    await makeUser();
    const before = await count('claims');
    expect(await seedDemo(env.DB)).toBe(false);
    expect(await count('claims')).toBe(before);
  });
});
