import { describe, expect, it } from 'vitest';
import { apiClaim, call, callJson, d1Queries } from '../helpers';
import { page, post, signIn } from '../desk/desk-helpers';

async function badge(id: string) {
  const res = await call(`/badge/${id}.json`);
  return { message: ((await res.json()) as { message: string }).message, queries: d1Queries(res) };
}

describe('desk writes purge the embeds too', () => {
  it('publishing and correcting through the desk forms shows on the next badge request', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    const statusVersion = async () =>
      (await page(agent, `/desk/claims/${claim.id}`)).html.match(
        /action="\/desk\/claims\/[^/]+\/status"[\s\S]*?name="version" value="(\d+)"/,
      )![1]!;
    const claimVersion = async () =>
      String(
        (await callJson(`/api/v1/claims/${claim.id}`, { token: agent.user.token })).body.claim
          .version,
      );

    expect(await badge(claim.id)).toEqual({ message: 'in review', queries: 1 });
    expect(await badge(claim.id)).toEqual({ message: 'in review', queries: 0 });
    const verdict = {
      headline: 'Unemployment did not fall',
      explanation: 'The official series says otherwise.',
      language: 'en',
    };
    expect(
      (
        await post(agent, `/desk/claims/${claim.id}/verdicts`, {
          ratingKey: 'false',
          ...verdict,
          correctionNote: '',
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await post(agent, `/desk/claims/${claim.id}/status`, {
          version: await statusVersion(),
          to: 'in_review',
        })
      ).status,
    ).toBe(303);
    expect(
      (await post(agent, `/desk/claims/${claim.id}/publish`, { version: await claimVersion() }))
        .status,
    ).toBe(303);
    expect(await badge(claim.id)).toEqual({ message: 'False', queries: 1 });
    expect(await badge(claim.id)).toEqual({ message: 'False', queries: 0 });

    // A correction: the draft leaves the badge alone; publishing it with a note purges it.
    expect(
      (await post(agent, `/desk/claims/${claim.id}/draft`, { version: await claimVersion() }))
        .status,
    ).toBe(303);
    const correction = { ratingKey: 'mostly-false', ...verdict };
    expect((await post(agent, `/desk/claims/${claim.id}/verdicts`, correction)).status).toBe(303);
    expect(await badge(claim.id)).toEqual({ message: 'False', queries: 0 });
    expect(
      (
        await post(agent, `/desk/claims/${claim.id}/draft/publish`, {
          version: await claimVersion(),
          note: 'The statistics office revised the series.',
        })
      ).status,
    ).toBe(303);
    expect(await badge(claim.id)).toEqual({ message: 'Mostly false', queries: 1 });
  });

  it('a desk edit purges the card; an assignment or a stale edit does not', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token, { text: 'The old desk wording, 5% in 2025' });
    const card = async () => {
      const res = await call(`/embed/${claim.id}`);
      return { queries: d1Queries(res), html: await res.text() };
    };
    expect((await card()).queries).toBe(1);
    expect((await card()).queries).toBe(0);
    const orig = {
      orig_text: claim.text,
      orig_claimant: '',
      orig_claimantType: '',
      orig_claimDate: '',
      orig_language: 'en',
    };
    const edit = {
      ...orig,
      text: 'The new desk wording, 5% in 2025',
      claimant: '',
      claimantType: '',
      claimDate: '',
      language: 'en',
    };
    expect(
      (await post(agent, `/desk/claims/${claim.id}/edit`, { ...edit, version: '1' })).status,
    ).toBe(303);
    const after = await card();
    expect(after.queries).toBe(1);
    expect(after.html).toContain('The new desk wording');
    expect((await card()).queries).toBe(0);
    // Refused (stale) and invisible (assignee) writes leave the cache alone.
    expect(
      (
        await post(agent, `/desk/claims/${claim.id}/edit`, {
          ...edit,
          text: 'A stale wording, 5% in 2025',
          version: '1',
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await post(agent, `/desk/claims/${claim.id}/assign`, {
          version: '2',
          assignee: String(agent.user.id),
        })
      ).status,
    ).toBe(303);
    expect((await card()).queries).toBe(0);
    // A verdict before publication is not public: the card stays cached.
    const v = await callJson(`/api/v1/claims/${claim.id}/verdicts`, {
      token: agent.user.token,
      body: { ratingKey: 'false', headline: 'Not so', explanation: 'Checked.', language: 'en' },
    });
    expect(v.res.status).toBe(201);
    expect((await card()).queries).toBe(0);
  });
});
