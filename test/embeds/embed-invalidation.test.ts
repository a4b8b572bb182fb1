import { describe, expect, it } from 'vitest';
import { apiClaim, call, callJson, d1Queries, makeUser } from '../helpers';

async function badgeTexts(id: string, query = '') {
  const res = await call(`/badge/${id}.svg${query}`);
  const body = await res.text();
  const message = [...body.matchAll(/<text [^>]*fill="#(?:fff|111)"[^>]*>([^<]*)<\/text>/g)]
    .map((m) => m[1])
    .at(-1);
  return { message, queries: d1Queries(res) };
}

describe('a write changes the embeds on the very next request', () => {
  it('publish and correct through the API: badge, JSON, card and oEmbed follow at once; no reopen', async () => {
    const editor = await makeUser('editor');
    const claim = await apiClaim(editor.token);
    const id = claim.id;
    const move = async (to: string) =>
      expect(
        (await callJson(`/api/v1/claims/${id}/transition`, { token: editor.token, body: { to } }))
          .res.status,
      ).toBe(200);
    const verdict = async (ratingKey: string) => {
      const { res } = await callJson(`/api/v1/claims/${id}/verdicts`, {
        token: editor.token,
        body: {
          ratingKey,
          headline: `Rated ${ratingKey}`,
          explanation: 'Checked against the official series.',
          language: 'en',
        },
      });
      expect(res.status).toBe(201);
    };
    const oembedPath = `/oembed?url=${encodeURIComponent(`https://claimdesk.test/claims/${id}`)}`;
    // Fill the edge cache for every kind, and prove each is now served without D1.
    const warm = async () => {
      for (const p of [`/badge/${id}.svg`, `/badge/${id}.json`, `/embed/${id}`, oembedPath]) {
        await call(p);
        expect(d1Queries(await call(p)), p).toBe(0);
      }
    };

    expect(await badgeTexts(id)).toEqual({ message: 'in review', queries: 1 });
    expect(await badgeTexts(id)).toEqual({ message: 'in review', queries: 0 });
    await move('in_review');
    expect(await badgeTexts(id)).toEqual({ message: 'in review', queries: 1 });
    await verdict('false');
    // A verdict before publication is not public: nothing is purged, the cached badge stands.
    expect(await badgeTexts(id)).toEqual({ message: 'in review', queries: 0 });
    await warm();
    await move('published');
    expect(await badgeTexts(id)).toEqual({ message: 'False', queries: 1 });
    expect(await badgeTexts(id)).toEqual({ message: 'False', queries: 0 });
    expect(await (await call(`/badge/${id}.json`)).json()).toMatchObject({ message: 'False' });
    expect(await (await call(`/embed/${id}`)).text()).toContain('Rated false');

    // A correction: a draft beside the published verdict changes no embed until it is published.
    await warm();
    const draft = await callJson(`/api/v1/claims/${id}/draft`, {
      token: editor.token,
      method: 'POST',
    });
    expect(draft.res.status).toBe(201);
    await verdict('mostly-false');
    expect(await badgeTexts(id)).toEqual({ message: 'False', queries: 0 });
    const publish = await callJson(`/api/v1/claims/${id}/draft/publish`, {
      token: editor.token,
      body: { note: 'The first figure was revised by the statistics office.' },
      headers: { 'If-Match': draft.res.headers.get('ETag')! },
    });
    expect(publish.res.status).toBe(200);
    expect(await badgeTexts(id)).toEqual({ message: 'Mostly false', queries: 1 });
    const json = await call(`/badge/${id}.json`);
    expect(d1Queries(json)).toBe(1);
    expect(await json.json()).toMatchObject({ message: 'Mostly false', color: 'bc4c00' });
    const card = await call(`/embed/${id}`);
    expect(d1Queries(card)).toBe(1);
    const cardHtml = await card.text();
    expect(cardHtml).toContain('Rated mostly-false');
    expect(cardHtml).toContain(
      'Corrected: <span lang="en" dir="ltr">The first figure was revised by the statistics office.</span>',
    );
    const oembed = await call(oembedPath);
    expect(d1Queries(oembed)).toBe(1);

    // A published claim is never reopened (it changes through a correction): the refused move
    // writes nothing, so the cached embeds stay as they are.
    await warm();
    const reopen = await callJson(`/api/v1/claims/${id}/transition`, {
      token: editor.token,
      body: { to: 'in_review' },
    });
    expect(reopen.res.status).toBe(409);
    expect(await badgeTexts(id)).toEqual({ message: 'Mostly false', queries: 0 });
  });

  it('editing a published claim updates the card text', async () => {
    const editor = await makeUser('editor');
    const claim = await apiClaim(editor.token, {
      text: 'The old wording of the claim, 5% in 2025',
    });
    const card1 = await (await call(`/embed/${claim.id}`)).text();
    expect(card1).toContain('The old wording');
    const get = await call(`/api/v1/claims/${claim.id}`, { token: editor.token });
    const patch = await callJson(`/api/v1/claims/${claim.id}`, {
      method: 'PATCH',
      token: editor.token,
      headers: { 'If-Match': get.headers.get('ETag')! },
      body: { text: 'The new wording of the claim, 5% in 2025' },
    });
    expect(patch.res.status).toBe(200);
    const res = await call(`/embed/${claim.id}`);
    expect(d1Queries(res)).toBe(1);
    expect(await res.text()).toContain('The new wording');
  });
});
