import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { DUMMY_TOKEN } from '../../worker/turnstile';
import { unique } from '../helpers';
import { page, signIn } from './desk-helpers';

function submit(body: Record<string, unknown>) {
  return exports.default.fetch(
    new Request('https://claimdesk.test/api/v1/submissions', {
      method: 'POST',
      body: JSON.stringify({ turnstile_token: DUMMY_TOKEN, ...body }),
      headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': unique('10.9.') },
    }),
  );
}

describe("the workspace shows readers' own words", () => {
  it('lists every submission (link, where seen, why, language, time), never the contact address', async () => {
    const text = `${unique('The bridge toll')} will triple next year`;
    const email = `${unique('reader')}@mail.example`;
    const first = await submit({
      text,
      where_url: 'https://social.example/post/1',
      where_text: 'A post shared in the <b>family</b> group',
      why: 'My parents believe it',
      email,
    });
    expect(first.status).toBe(202);
    const second = await submit({ text, why: 'يقولون إنها ستتضاعف', language: 'ar' });
    expect(second.status).toBe(202);
    const { claim_id: claimId } = (await env.DB.prepare(
      'SELECT claim_id FROM submissions WHERE text = ?1 LIMIT 1',
    )
      .bind(text)
      .first<{ claim_id: string }>())!;

    const agent = await signIn('editor');
    const { html } = await page(agent, `/desk/claims/${claimId}`);
    expect(html).toContain('Readers&#39; own words');
    expect(html).toContain(
      '<a href="https://social.example/post/1" rel="noopener noreferrer nofollow ugc" target="_blank">',
    );
    expect(html).toContain('A post shared in the &lt;b&gt;family&lt;/b&gt; group');
    expect(html).toContain('My parents believe it');
    expect(html).toContain('<span lang="ar" dir="rtl">يقولون إنها ستتضاعف</span>');
    // Languages are named in the page's language, not by code nor in their own language.
    expect(html).toContain('Language: Arabic');
    expect(html).toContain('Language: English');
    expect(html).toMatch(/<dt>Asked to be told<\/dt><dd>yes<\/dd>/);
    expect(html).toMatch(/<dt>Asked to be told<\/dt><dd>no<\/dd>/);
    // The address (and its local part) never reaches the page.
    expect(html).not.toContain(email);
    expect(html).not.toContain(email.split('@')[0]!);
  });

  it('renders in Arabic with the panel heading translated', async () => {
    const text = `${unique('Le prix du pain')} va doubler`;
    expect((await submit({ text, why: 'Tout le monde en parle' })).status).toBe(202);
    const { claim_id: claimId, language } = (await env.DB.prepare(
      'SELECT claim_id, language FROM submissions WHERE text = ?1',
    )
      .bind(text)
      .first<{ claim_id: string; language: string }>())!;
    const agent = await signIn('editor');
    const res = await (
      await import('./desk-helpers')
    ).desk(`/desk/claims/${claimId}`, {
      cookie: agent.cookie,
      ip: agent.ip,
      headers: { 'Accept-Language': 'ar' },
    });
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('كلمات القرّاء');
    expect(html).toContain('Tout le monde en parle');
    const name = new Intl.DisplayNames(['ar'], { type: 'language' }).of(language)!;
    expect(name).not.toBe(language);
    expect(html).toContain(`اللغة: ${name}`);
  });
});
