import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SUBMIT_RATE } from '../../worker/domain/intake';
import { call, count, unique } from '../helpers';
import { address, publishedClaim } from './fixtures';
import { postForm, validFields } from './submit-helpers';

describe('GET /submit', () => {
  it('renders the form with a nonce, honeypot, offline Turnstile token, strict CSP and no caching', async () => {
    const res = await call('/submit', { headers: { 'Accept-Language': 'ar' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toMatch(/name="nonce" value="[0-9a-z]{24}"/);
    expect(html).toContain('name="website"');
    expect(html).toContain('name="cf-turnstile-response" value="XXXX.DUMMY.TOKEN.XXXX"');
    expect(html).not.toContain('challenges.cloudflare.com');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('Set-Cookie')).toBeNull();
  });
});

describe('POST /submit', () => {
  it('creates a submitted claim and redirects to the tracking page', async () => {
    const fields = validFields({
      text: 'ارتفعت أسعار الخبز بنسبة ٣٠٪ هذا الشهر في القاهرة',
      email: 'reader@example.org',
    });
    const res = await postForm('/submit?lang=ar', fields);
    expect(res.status).toBe(303);
    const location = res.headers.get('Location')!;
    expect(location).toMatch(/^\/track\/[A-Za-z0-9_-]{32}\?new=1&lang=ar$/);
    const row = await env.DB.prepare(
      `SELECT s.language, s.language_detected, s.contact_email_enc, s.where_seen_url, c.status, c.submission_count
       FROM submissions s JOIN claims c ON c.id = s.claim_id WHERE s.text = ?1`,
    )
      .bind(fields.text)
      .first<{
        language: string;
        language_detected: number;
        contact_email_enc: string;
        where_seen_url: string;
        status: string;
        submission_count: number;
      }>();
    expect(row).toMatchObject({
      language: 'ar',
      language_detected: 1,
      where_seen_url: 'https://social.example/post/1',
      status: 'submitted',
      submission_count: 1,
    });
    expect(row!.contact_email_enc).toMatch(/^v1\./);
    expect(row!.contact_email_enc).not.toContain('reader@example.org');
    const page = await call(location);
    const html = await page.text();
    expect(html).toContain('شكراً! استلمنا ادعاءك.');
    expect(html).toContain('مُستلم، بانتظار محرر');
  });

  it('counts a repeat of the same normalized text on the existing claim', async () => {
    const text = `${unique('Repeat ')} the new law bans cash payments over 500 euros`;
    expect((await postForm('/submit', validFields({ text }))).status).toBe(303);
    expect(
      (await postForm('/submit', validFields({ text: `  ${text.toUpperCase()}  ` }))).status,
    ).toBe(303);
    expect(await count('claims', 'text = ?1', text)).toBe(1);
    const claim = await env.DB.prepare('SELECT submission_count FROM claims WHERE text = ?1')
      .bind(text)
      .first<{ submission_count: number }>();
    expect(claim?.submission_count).toBe(2);
    expect(
      await count('submissions', 'claim_id = (SELECT id FROM claims WHERE text = ?1)', text),
    ).toBe(2);
  });

  it('makes one submission of a double click (same nonce): the second post follows the first', async () => {
    const fields = validFields();
    const ip = address();
    const [a, b] = await Promise.all([
      postForm('/submit', fields, { ip }),
      postForm('/submit', fields, { ip }),
    ]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(a.headers.get('Location')).toBe(b.headers.get('Location'));
    expect(await count('submissions', 'text = ?1', fields.text)).toBe(1);
    const third = await postForm('/submit', fields, { ip });
    expect(third.headers.get('Location')).toBe(a.headers.get('Location'));
    expect(await count('submissions', 'text = ?1', fields.text)).toBe(1);
  });

  const cases: [string, Record<string, string>, string, string][] = [
    ['text', { text: '' }, 'This field is required.', 'هذا الحقل مطلوب.'],
    ['text', { text: 'too short' }, 'Write at least 10 characters.', 'اكتب ١٠ أحرف على الأقل.'],
    [
      'text',
      { text: 'x'.repeat(1001) },
      'Use at most 1000 characters.',
      'استخدم ١٬٠٠٠ حرفاً على الأكثر.',
    ],
    [
      'where_url',
      { where_url: 'javascript:alert(1)' },
      'Enter a full web address',
      'أدخل عنواناً كاملاً',
    ],
    [
      'where_text',
      { where_text: 'w'.repeat(501) },
      'Use at most 500 characters.',
      'استخدم ٥٠٠ حرفاً على الأكثر.',
    ],
    ['why', { why: 'y'.repeat(1001) }, 'Use at most 1000 characters.', 'على الأكثر'],
    ['language', { language: 'de' }, 'Choose a language from the list.', 'اختر لغة من القائمة.'],
    [
      'email',
      { email: 'not-an-email' },
      'Enter a valid e-mail address.',
      'أدخل بريداً إلكترونياً صحيحاً.',
    ],
  ];
  for (const [field, bad, en, ar] of cases) {
    it(`rejects a bad ${field} (${JSON.stringify(bad).slice(0, 40)}) next to the field, in en and ar, keeping input`, async () => {
      const fields = validFields({ why: 'because it spreads', ...bad });
      for (const [lang, message] of [
        ['en', en],
        ['ar', ar],
      ] as const) {
        const res = await postForm(`/submit?lang=${lang}`, fields);
        expect(res.status).toBe(422);
        const html = await res.text();
        const errorBlock = html.match(
          new RegExp(`<p class="field-error" id="f-${field}-error">(.*?)</p>`),
        );
        // URLs in a message sit in <bdi dir="ltr"> (test/public/arabic-typography.test.ts).
        expect(errorBlock?.[1]?.replace(/<[^>]+>/g, '')).toContain(message);
        expect(html).toMatch(new RegExp(`id="f-${field}"[^>]*aria-invalid="true"`));
        if (field !== 'why') expect(html).toContain('>because it spreads</textarea>');
      }
      expect(await count('submissions', 'text = ?1', fields.text ?? '')).toBe(0);
    });
  }

  it('keeps what was typed on an error, French included', async () => {
    const fields = validFields({ email: 'bad@', where_text: 'Vu sur une chaîne « Télé »' });
    const html = await (await postForm('/submit?lang=fr', fields)).text();
    expect(html).toContain('Saisissez une adresse e-mail valide.');
    expect(html).toContain('value="Vu sur une chaîne « Télé »"');
    expect(html).toContain('value="bad@"');
    expect(html).toContain(`>${fields.text}</textarea>`);
  });

  it('fails closed when the Turnstile token is missing', async () => {
    const fields = validFields({ 'cf-turnstile-response': '' });
    const res = await postForm('/submit', fields);
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('id="f-turnstile-error"');
    expect(html).toContain('The anti-spam check failed');
    expect(await count('submissions', 'text = ?1', fields.text)).toBe(0);
  });

  it('refuses a filled honeypot and writes nothing', async () => {
    const fields = validFields({ website: 'http://spam.example' });
    const res = await postForm('/submit', fields);
    expect(res.status).toBe(403);
    expect(await count('submissions', 'text = ?1', fields.text)).toBe(0);
    expect(await count('claims', 'text = ?1', fields.text)).toBe(0);
  });

  it('rate limits per address: 429 with Retry-After, in the reader language, input kept', async () => {
    const ip = address();
    for (let i = 0; i < SUBMIT_RATE.limit; i++)
      expect((await postForm('/submit', validFields(), { ip })).status).toBe(303);
    const fields = validFields();
    const res = await postForm('/submit?lang=ar', fields, { ip });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    const html = await res.text();
    expect(html).toContain('إرسالات كثيرة من شبكتك');
    expect(html).toContain(`>${fields.text}</textarea>`);
    expect(await count('submissions', 'text = ?1', fields.text)).toBe(0);
    expect((await postForm('/submit', validFields(), { ip: address() })).status).toBe(303);
  });

  it('answers 400 to a body that is not a form (not a 500), and writes nothing', async () => {
    const res = await exports.default.fetch(
      new Request('https://claimdesk.test/submit', {
        method: 'POST',
        body: '--zzz\r\nthis is not multipart',
        redirect: 'manual',
        headers: {
          'Content-Type': 'multipart/form-data; boundary=zzz',
          'CF-Connecting-IP': address(),
          Accept: 'text/html',
        },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toContain('text/html');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await postForm('/submit', validFields({ why: 'z'.repeat(20_000) }));
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('The form is too large.');
  });
});

describe('matches before submitting', () => {
  it('POST /submit/check shows matching published verdicts and writes nothing', async () => {
    const published = await publishedClaim({
      text: `${unique('Bread ')} prices rose by 30 percent in Cairo this month`,
      rating: 'mostly-false',
    });
    const text = published.text.replace('rose', 'went up').replace('this month', 'in March');
    const res = await postForm('/submit/check', validFields({ text }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`href="/claims/${published.id}"`);
    expect(html).toContain('Mostly false');
    expect(html).toContain(`>${text}</textarea>`);
    expect(await count('submissions', 'text = ?1', text)).toBe(0);
  });

  it('GET /submit/matches answers JSON for the script, published only', async () => {
    const published = await publishedClaim({
      text: `${unique('Zorblat ')} exports doubled in 2024 according to officials`,
    });
    const res = await call(`/submit/matches?text=${encodeURIComponent(published.text)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      matches: { id: string; url: string; rating: { label: string } }[];
    };
    expect(body.matches[0]).toMatchObject({
      id: published.id,
      url: `/claims/${published.id}`,
      rating: { label: 'False' },
    });
    const none = (await (await call('/submit/matches?text=short')).json()) as {
      matches: unknown[];
    };
    expect(none.matches).toEqual([]);
  });

  it('the confirmation page shows the matches after submitting', async () => {
    const published = await publishedClaim({
      text: `${unique('Quuxville ')} hospital waiting times fell to 10 days`,
    });
    const res = await postForm('/submit', validFields({ text: published.text }));
    const html = await (await call(res.headers.get('Location')!)).text();
    expect(html).toContain(`href="/claims/${published.id}"`);
  });
});
