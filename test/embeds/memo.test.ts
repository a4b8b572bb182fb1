import { describe, expect, it } from 'vitest';
import { memoDelete, memoGet, memoSet } from '../../worker/embeds/memo';

/** The memo's documented lifetime (ARCHITECTURE.md: "a 2 s in-isolate memo in front"). */
const MEMO_TTL_MS = 2000;

describe('in-isolate memo', () => {
  it('returns a fresh copy until the TTL, then forgets', async () => {
    const key = `https://x/_edge/test/${Math.random()}`;
    memoSet(
      key,
      200,
      new Headers({ ETag: '"a"', 'Content-Type': 'image/svg+xml' }),
      '<svg/>',
      1000,
    );
    const a = memoGet(key, 1000 + MEMO_TTL_MS - 1)!;
    expect(a.status).toBe(200);
    expect(a.headers.get('ETag')).toBe('"a"');
    expect(await a.text()).toBe('<svg/>');
    expect(await memoGet(key, 1000)!.text()).toBe('<svg/>');
    expect(memoGet(key, 1000 + MEMO_TTL_MS)).toBeNull();
    expect(memoGet(key, 1000)).toBeNull();
  });

  it('forgets purged keys at once', () => {
    const key = `https://x/_edge/test/${Math.random()}`;
    memoSet(key, 404, new Headers(), 'x');
    memoDelete([key]);
    expect(memoGet(key)).toBeNull();
  });
});
