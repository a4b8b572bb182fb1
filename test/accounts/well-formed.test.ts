/** Well-formed text at the edge: NUL and lone surrogates refused per field (422), non-UTF-8 bodies refused whole (400). */
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { isUtf8, isWellFormedFormBody, isWellFormedText } from '../../worker/lib/text';
import { DUMMY_TOKEN } from '../../worker/turnstile';
import { post, signIn } from '../desk/desk-helpers';
import { callJson, count, makeUser, unique } from '../helpers';
import { address, publishedClaim } from '../public/fixtures';
import { postForm, validFields } from '../public/submit-helpers';

const LONE_HIGH = '\uD800';
const LONE_LOW = '\uDC00';
const NUL = '\u0000';

describe('isWellFormedText and friends (pure)', () => {
  it('refuses NUL and unpaired surrogates, keeps every real script and emoji', () => {
    for (const ok of ['', 'plain', 'ارتفعت الأسعار ٣٠٪', '😀 pair', 'a\u200Fb', 'tab\tnew\nline'])
      expect(isWellFormedText(ok)).toBe(true);
    for (const bad of [NUL, `a${NUL}b`, LONE_HIGH, `x${LONE_LOW}`, `${LONE_LOW}${LONE_HIGH}`])
      expect(isWellFormedText(bad)).toBe(false);
  });

  it('tells valid UTF-8 bytes and form bodies from broken ones', () => {
    expect(isUtf8(new TextEncoder().encode('ok ٣٠٪ 😀'))).toBe(true);
    expect(isUtf8(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]))).toBe(false);
    expect(isWellFormedFormBody('text=100%25+sure&x=%D9%A3')).toBe(true);
    expect(isWellFormedFormBody('text=%C3%28')).toBe(false);
    expect(isWellFormedFormBody('text=%ED%A0%80')).toBe(false);
  });
});

describe('free-text fields refuse NUL and lone surrogates with the field named (422)', () => {
  it('claims through the API: text and claimant', async () => {
    const u = await makeUser();
    const text = `${unique('Bread prices rose ')} by 30%`;
    for (const [field, body] of [
      ['json.text', { text: `${text}${NUL}`, language: 'en' }],
      ['json.text', { text: `${text}${LONE_HIGH}`, language: 'en' }],
      ['json.claimant', { text, language: 'en', claimant: `Minister ${LONE_LOW}` }],
    ] as const) {
      const { res, body: problem } = await callJson('/api/v1/claims', { token: u.token, body });
      expect(res.status).toBe(422);
      expect(problem.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    expect(await count('claims', 'text LIKE ?1', `${text}%`)).toBe(0);
  });

  it('sources and verdicts through the API', async () => {
    const u = await makeUser();
    const { body: created } = await callJson('/api/v1/claims', {
      token: u.token,
      body: { text: `${unique('Fuel cost ')} 3 euros a litre`, language: 'en' },
    });
    const id = created.claim.id as string;
    const source = await callJson(`/api/v1/claims/${id}/sources`, {
      token: u.token,
      body: { url: 'https://example.org/a', stance: 'supports', title: `Title${NUL}` },
    });
    expect(source.res.status).toBe(422);
    expect(source.body.errors[0].field).toBe('json.title');
    const verdict = await callJson(`/api/v1/claims/${id}/verdicts`, {
      token: u.token,
      body: {
        ratingKey: 'false',
        headline: `Wrong ${LONE_HIGH}`,
        explanation: 'Because.',
        language: 'en',
      },
    });
    expect(verdict.res.status).toBe(422);
    expect(verdict.body.errors.map((e: { field: string }) => e.field)).toContain('json.headline');
  });

  it('public submissions: API and form', async () => {
    const text = `${unique('The mayor said ')} the bridge cost 3 billion`;
    const api = await callJson('/api/v1/submissions', {
      body: { text: `${text}${NUL}`, turnstileToken: DUMMY_TOKEN },
      headers: { 'CF-Connecting-IP': address() },
    });
    expect(api.res.status).toBe(422);
    expect(api.body.errors).toEqual([
      expect.objectContaining({ field: 'body.text', code: 'malformed_text' }),
    ]);
    const why = await callJson('/api/v1/submissions', {
      body: { text, why: `because${LONE_LOW}`, turnstileToken: DUMMY_TOKEN },
      headers: { 'CF-Connecting-IP': address() },
    });
    expect(why.res.status).toBe(422);
    expect(why.body.errors[0].field).toBe('body.why');
    // A form cannot carry a lone surrogate (URL encoding turns it into U+FFFD), but %00 it can.
    const form = await postForm('/submit', validFields({ text: `${text}${NUL}` }));
    expect(form.status).toBe(422);
    expect(await form.text()).toContain('characters that cannot be stored');
    expect(await count('submissions', 'text LIKE ?1', `${text}%`)).toBe(0);
  });

  it('names in the desk (account creation)', async () => {
    const admin = await signIn('admin');
    const email = `${unique()}@newsroom.example`;
    const res = await post(admin, '/desk/admin/users', {
      name: `New${NUL}name`,
      email,
      role: 'editor',
      locale: '',
      password: 'plum tractor velvet 42',
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/id="u-name"[^>]*aria-invalid="true"/);
    expect(await count('users', 'email = ?1', email)).toBe(0);
  });
});

describe('bodies that are not valid UTF-8 are a 400', () => {
  const bytes = (s: string) => {
    // `s` with the two bytes C3 28 (an invalid sequence) where "@@" stands.
    const [a, b] = s.split('@@') as [string, string];
    const enc = new TextEncoder();
    return new Uint8Array([...enc.encode(a), 0xc3, 0x28, ...enc.encode(b)]);
  };

  it('a JSON body (API)', async () => {
    const u = await makeUser();
    const text = unique('Broken bytes claim ');
    const res = await exports.default.fetch(
      new Request('https://claimdesk.test/api/v1/claims', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${u.token}` },
        body: bytes(`{"text":"${text} rose @@ by 5%","language":"en"}`),
      }),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('malformed_body');
    expect(await count('claims', 'text LIKE ?1', `${text}%`)).toBe(0);
  });

  it('a form body (public /submit, raw bytes and percent-escapes)', async () => {
    const text = unique('Broken form ');
    for (const body of [
      bytes(`text=${text}+the+bridge+cost+3+billion+@@&language=`),
      `text=${text}+the+bridge+cost+3+billion+%C3%28&language=`,
    ]) {
      const res = await exports.default.fetch(
        new Request('https://claimdesk.test/submit', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'text/html',
            'CF-Connecting-IP': address(),
          },
          body,
        }),
      );
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('<html');
    }
    expect(await count('submissions', 'text LIKE ?1', `${text}%`)).toBe(0);
  });

  it('a form body (desk and feedback)', async () => {
    const agent = await signIn('editor');
    const desk = await exports.default.fetch(
      new Request('https://claimdesk.test/desk/articles', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'text/html',
          Origin: 'https://claimdesk.test',
          Cookie: agent.cookie,
          'CF-Connecting-IP': agent.ip,
        },
        body: bytes(`_csrf=${agent.csrf}&text=An+article+@@+long+enough+to+be+read`),
      }),
    );
    expect(desk.status).toBe(400);
    const claim = await publishedClaim();
    const feedback = await exports.default.fetch(
      new Request(`https://claimdesk.test/claims/${claim.id}/feedback`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'text/html',
          Origin: 'https://claimdesk.test',
          'CF-Connecting-IP': address(),
        },
        body: bytes('helpful=no&reason=@@'),
      }),
    );
    expect(feedback.status).toBe(400);
  });
});
