import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { CLAIM_REVIEWED_MAX } from '../../worker/lib/limits';
import { apiClaim } from '../helpers';
import { desk, page, post, signIn } from './desk-helpers';

function fieldOf(html: string): string {
  return html.match(/<input id="c-reviewed"[^>]*>/)?.[0] ?? '';
}

describe('desk: claimReviewed on the claim edit form', () => {
  it('pre-fills a marked proposal, saves it, then shows the stored wording unmarked', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token, {
      text: 'PARIS (AFP) - Le ministre a déclaré que le chômage a baissé de 12 % en 2025.',
      language: 'fr',
    });
    let html = (await page(agent, `/desk/claims/${claim.id}`)).html;
    const field = fieldOf(html);
    expect(field).toContain('value="Le chômage a baissé de 12 % en 2025"');
    expect(field).toContain('class="proposed"');
    expect(field).toContain(`maxlength="${CLAIM_REVIEWED_MAX}"`);
    expect(field).toContain('data-counter="c-reviewed-count"');
    expect(html).toContain('Proposed from the claim text');
    // What the editor started from is the proposal (the merge screen compares against it).
    expect(html).toContain('name="orig_claimReviewed" value="Le chômage a baissé de 12 % en 2025"');

    const res = await post(agent, `/desk/claims/${claim.id}/edit`, {
      version: String(claim.version),
      text: claim.text,
      claimant: '',
      claimantType: '',
      claimDate: '',
      language: 'fr',
      claimReviewed: 'Le chômage a baissé de 12 % en 2025',
    });
    expect(res.status).toBe(303);
    const stored = await env.DB.prepare('SELECT claim_reviewed FROM claims WHERE id = ?1')
      .bind(claim.id)
      .first<string>('claim_reviewed');
    expect(stored).toBe('Le chômage a baissé de 12 % en 2025');
    html = (await page(agent, `/desk/claims/${claim.id}`)).html;
    expect(fieldOf(html)).not.toContain('proposed');
    expect(html).not.toContain('Proposed from the claim text');
  });

  it('76 characters: 422, the field marked with its error, what was typed kept, nothing saved', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    const tooLong = 'ب'.repeat(CLAIM_REVIEWED_MAX + 1);
    const res = await post(agent, `/desk/claims/${claim.id}/edit`, {
      version: String(claim.version),
      text: claim.text,
      claimant: '',
      claimantType: '',
      claimDate: '',
      language: 'en',
      claimReviewed: tooLong,
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    const field = fieldOf(html);
    expect(field).toContain('aria-invalid="true"');
    expect(field).toContain(`value="${tooLong}"`);
    expect(field).toContain('c-reviewed-error');
    expect(html).toMatch(
      /<p class="field-error" id="c-reviewed-error">Use at most 75 characters\.<\/p>/,
    );
    const row = await env.DB.prepare('SELECT claim_reviewed, version FROM claims WHERE id = ?1')
      .bind(claim.id)
      .first<{ claim_reviewed: string | null; version: number }>();
    expect(row).toEqual({ claim_reviewed: null, version: claim.version });
  });

  it('the help under the explanation field names the markup, in Arabic too', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    const en = (await page(agent, `/desk/claims/${claim.id}`)).html;
    expect(en).toContain('aria-describedby="v-explanation-help"');
    expect(en).toMatch(
      /id="v-explanation-help">Blank line = new paragraph; <code dir="auto">- item<\/code>; <code dir="auto">\*\*bold\*\*<\/code>; <code dir="auto">\[text\]\(https:\/\/…\)<\/code>/,
    );
    const ar = await (
      await desk(`/desk/claims/${claim.id}`, {
        cookie: agent.cookie,
        ip: agent.ip,
        headers: { 'Accept-Language': 'ar' },
      })
    ).text();
    expect(ar).toContain(
      'id="v-explanation-help">سطر فارغ = فقرة جديدة؛ <code dir="auto">- عنصر</code>؛ <code dir="auto">**غامق**</code>؛ ',
    );
  });
});
