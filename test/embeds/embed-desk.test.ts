import { describe, expect, it } from 'vitest';
import { apiClaim, call, d1Queries } from '../helpers';
import { page, post, signIn } from '../desk/desk-helpers';

async function badge(id: string) {
  const res = await call(`/badge/${id}.json`);
  return { message: ((await res.json()) as { message: string }).message, queries: d1Queries(res) };
}

describe('desk writes purge the embeds too', () => {
  it('publishing and correcting through the desk forms shows on the next badge request', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    const statusVersion = async () => (await page(agent, `/desk/claims/${claim.id}`)).html.match(/action="\/desk\/claims\/[^/]+\/status"[\s\S]*?name="version" value="(\d+)"/)![1]!;

    expect(await badge(claim.id)).toEqual({ message: 'in review', queries: 1 });
    expect(await badge(claim.id)).toEqual({ message: 'in review', queries: 0 });
    const verdict = { summary: 'Unemployment did not fall', explanation: 'The official series says otherwise.', language: 'en' };
    expect((await post(agent, `/desk/claims/${claim.id}/verdicts`, { ratingKey: 'false', ...verdict, correctionNote: '' })).status).toBe(303);
    expect((await post(agent, `/desk/claims/${claim.id}/status`, { version: await statusVersion(), to: 'in_review' })).status).toBe(303);
    expect((await post(agent, `/desk/claims/${claim.id}/status`, { version: await statusVersion(), to: 'published' })).status).toBe(303);
    expect(await badge(claim.id)).toEqual({ message: 'False', queries: 1 });
    expect(await badge(claim.id)).toEqual({ message: 'False', queries: 0 });

    const correction = { ratingKey: 'mostly-false', ...verdict, correctionNote: 'The statistics office revised the series.' };
    expect((await post(agent, `/desk/claims/${claim.id}/verdicts`, correction)).status).toBe(303);
    expect(await badge(claim.id)).toEqual({ message: 'Mostly false', queries: 1 });
  });
});
