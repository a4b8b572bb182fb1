import { describe, expect, it } from 'vitest';
import { proposeClaimReviewed } from '../../worker/lib/claim-reviewed';
import { CLAIM_REVIEWED_MAX } from '../../worker/lib/limits';
import { call, callJson, makeUser, unique } from '../helpers';
import { jsonLdBlocks, publishedClaim } from '../public/fixtures';

describe('proposeClaimReviewed', () => {
  it('English: dateline, attribution, quotes and trailing punctuation go', () => {
    expect(
      proposeClaimReviewed(
        'CAIRO (Reuters) - The finance minister said that inflation fell to 5% in March.',
      ),
    ).toBe('Inflation fell to 5% in March');
    expect(proposeClaimReviewed('  “Unemployment fell by 12% in 2025.”  ')).toBe(
      'Unemployment fell by 12% in 2025',
    );
    expect(proposeClaimReviewed("'Prices rose'!")).toBe('Prices rose');
    // Too little would remain: the attribution stays.
    expect(proposeClaimReviewed('He said that.')).toBe('He said that');
  });

  it('Arabic: agency dateline, قال X إن, Arabic and angle quotes', () => {
    expect(
      proposeClaimReviewed('القاهرة (رويترز) - قال وزير المالية إن التضخم تراجع إلى 5% في مارس.'),
    ).toBe('التضخم تراجع إلى 5% في مارس');
    expect(proposeClaimReviewed('«البطالة انخفضت بنسبة 12% في 2025»')).toBe(
      'البطالة انخفضت بنسبة 12% في 2025',
    );
    expect(proposeClaimReviewed('أكدت الوزارة أن الصادرات ارتفعت بنسبة 20%؟')).toBe(
      'الصادرات ارتفعت بنسبة 20%',
    );
  });

  it('French: AFP dateline, "X a déclaré que", guillemets', () => {
    expect(
      proposeClaimReviewed('PARIS (AFP) - Le ministre a déclaré que le chômage a baissé de 12 %.'),
    ).toBe('Le chômage a baissé de 12 %');
    expect(proposeClaimReviewed('« Les prix ont augmenté de 8 % » ')).toBe(
      'Les prix ont augmenté de 8 %',
    );
    expect(proposeClaimReviewed("La présidente affirme qu'aucune école n'a fermé.")).toBe(
      "Aucune école n'a fermé",
    );
  });

  it('cuts at a word boundary to at most 75 characters with an ellipsis', () => {
    const long =
      'The president said that crime is down 30% since 2020 and that the new police plan has worked better than any other plan.';
    const out = proposeClaimReviewed(long);
    expect(out.length).toBeLessThanOrEqual(CLAIM_REVIEWED_MAX);
    expect(out).toBe('Crime is down 30% since 2020 and that the new police plan has worked…');
    const ar = proposeClaimReviewed(
      'قال الرئيس إن الاقتصاد نما بنسبة 7% العام الماضي وهو أعلى معدل في المنطقة منذ عشر سنوات على الأقل',
    );
    expect(ar.length).toBeLessThanOrEqual(CLAIM_REVIEWED_MAX);
    expect(ar.endsWith('…')).toBe(true);
    expect(ar).toMatch(/^الاقتصاد نما/);
    // One long word: cut inside it, never splitting a surrogate pair.
    const emoji = proposeClaimReviewed('😀'.repeat(60));
    expect(emoji.length).toBeLessThanOrEqual(CLAIM_REVIEWED_MAX);
    expect(emoji).toMatch(/^(?:😀)+…$/u);
  });
});

describe('claimReviewed through the API', () => {
  it('create and PATCH accept it, the JSON-LD publishes it, 76 characters are a 422 naming it', async () => {
    const { token } = await makeUser('editor');
    const tooLong = 'ب'.repeat(CLAIM_REVIEWED_MAX + 1);
    const refused = await callJson('/api/v1/claims', {
      token,
      body: { text: `${unique('claim ')} rose by 5%`, claimReviewed: tooLong },
    });
    expect(refused.res.status).toBe(422);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain(
      'json.claimReviewed',
    );
    const malformed = await callJson('/api/v1/claims', {
      token,
      body: { text: `${unique('claim ')} rose by 5%`, claimReviewed: 'a\ud800b' },
    });
    expect(malformed.res.status).toBe(422);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toContain(
      'json.claimReviewed',
    );

    const created = await callJson('/api/v1/claims', {
      token,
      body: { text: `${unique('claim ')} rose by 5%`, claimReviewed: ' Exports rose by 5% ' },
    });
    expect(created.res.status).toBe(201);
    expect(created.body.claim.claimReviewed).toBe('Exports rose by 5%');
    const id = created.body.claim.id as string;

    const patch = (claimReviewed: unknown, etag: string) =>
      callJson(`/api/v1/claims/${id}`, {
        method: 'PATCH',
        token,
        headers: { 'If-Match': etag },
        body: { claimReviewed },
      });
    const bad = await patch(tooLong, created.res.headers.get('ETag')!);
    expect(bad.res.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('json.claimReviewed');
    const exact = 'ت'.repeat(CLAIM_REVIEWED_MAX);
    const ok = await patch(exact, created.res.headers.get('ETag')!);
    expect(ok.res.status).toBe(200);
    expect(ok.body.claim.claimReviewed).toBe(exact);
    const cleared = await patch(null, ok.res.headers.get('ETag')!);
    expect(cleared.body.claim.claimReviewed).toBeNull();
  });

  it('the claim page JSON-LD uses the editor-written wording (published through an update)', async () => {
    const claim = await publishedClaim();
    const { token } = await makeUser('editor');
    const draft = await callJson(`/api/v1/claims/${claim.id}/draft`, { token, method: 'POST' });
    expect(draft.res.status).toBe(201);
    const res = await callJson(`/api/v1/claims/${claim.id}`, {
      method: 'PATCH',
      token,
      headers: { 'If-Match': draft.res.headers.get('ETag')! },
      body: { claimReviewed: 'Unemployment fell by 12% in 2025' },
    });
    expect(res.res.status).toBe(200);
    const published = await callJson(`/api/v1/claims/${claim.id}/draft/publish`, {
      token,
      body: { note: 'A clearer short wording of the claim.' },
      headers: { 'If-Match': res.res.headers.get('ETag')! },
    });
    expect(published.res.status).toBe(200);
    const html = await (await call(`/claims/${claim.id}`)).text();
    const [doc] = jsonLdBlocks(html) as Record<string, unknown>[];
    expect(doc!.claimReviewed).toBe('Unemployment fell by 12% in 2025');
  });
});
