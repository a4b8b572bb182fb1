/** The MIME writer: RFC 2047 headers (Arabic subjects), base64 bodies, no header injection; the send_email transport. */
import { describe, expect, it } from 'vitest';
import { cloudflareMailer } from '../../worker/notify/mailer';
import { maskAddress } from '../../worker/notify/compose';
import { buildMime, encodeHeaderValue, formatAddress } from '../../worker/notify/mime';

/** Decode RFC 2047 B-encoded UTF-8 words (folded lines joined, as a reader does). */
function decodeWords(value: string): string {
  const words = value.split(/\r\n /);
  const bytes: number[] = [];
  for (const w of words) {
    const m = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=$/.exec(w);
    if (!m) throw new Error(`not an encoded-word: ${w}`);
    for (const ch of atob(m[1]!)) bytes.push(ch.charCodeAt(0));
  }
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(new Uint8Array(bytes));
}

const mail = {
  from: 'غرفة الأخبار <desk@newsroom.test>',
  to: 'reader@example.org',
  subject: 'نُشر حكمنا على الادعاء الذي أرسلته: «تضاعف سعر الخبز في عام 2025»',
  text: 'سطر أول\n\nhttps://newsroom.test/claims/ABC?lang=ar\n',
  messageId: 'm123@newsroom.test',
  date: new Date('2026-11-30T10:00:00Z'),
};

describe('RFC 2047 header encoding', () => {
  it('encodes an Arabic subject as UTF-8 encoded-words of at most 75 characters that decode back', () => {
    const encoded = encodeHeaderValue(mail.subject);
    const words = encoded.split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) expect(w.length).toBeLessThanOrEqual(75);
    expect(decodeWords(encoded)).toBe(mail.subject);
  });

  it('never splits a character across words (4-byte emoji and 2-byte letters)', () => {
    const s = '😀'.repeat(30) + 'ب'.repeat(40);
    expect(decodeWords(encodeHeaderValue(s))).toBe(s);
  });

  it('leaves plain ASCII alone and strips line breaks (no header injection)', () => {
    expect(encodeHeaderValue('Assigned to you')).toBe('Assigned to you');
    expect(encodeHeaderValue('Hi\r\nBcc: victim@example.org')).toBe('Hi Bcc: victim@example.org');
    expect(encodeHeaderValue('looks =?like?= a word')).toMatch(/^=\?UTF-8\?B\?/);
  });

  it('formats addresses: encoded or quoted display names, bare addresses bare', () => {
    expect(formatAddress('reader@example.org')).toBe('reader@example.org');
    expect(formatAddress('Desk, News <desk@news.test>')).toBe('"Desk, News" <desk@news.test>');
    const ar = formatAddress(mail.from);
    expect(ar.endsWith(' <desk@newsroom.test>')).toBe(true);
    expect(decodeWords(ar.replace(' <desk@newsroom.test>', ''))).toBe('غرفة الأخبار');
  });
});

describe('buildMime', () => {
  it('writes a text/plain message with CRLF lines and a base64 UTF-8 body', () => {
    const raw = buildMime(mail);
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toContain('\r\nMIME-Version: 1.0');
    expect(head).toContain('Content-Type: text/plain; charset=utf-8');
    expect(head).toContain('Content-Transfer-Encoding: base64');
    expect(head).toContain('Message-ID: <m123@newsroom.test>');
    expect(head).toContain('Date: Mon, 30 Nov 2026 10:00:00 +0000');
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/\n/);
    for (const line of body!.trim().split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    const bytes = Uint8Array.from(atob(body!.replace(/\r\n/g, '')), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).toBe(mail.text);
  });

  it('writes multipart/alternative when there is an HTML part', () => {
    const raw = buildMime({ ...mail, html: '<p dir="rtl">سطر</p>' }, 'BOUNDARY');
    expect(raw).toContain('Content-Type: multipart/alternative; boundary="BOUNDARY"');
    expect(raw).toContain('\r\n--BOUNDARY\r\nContent-Type: text/plain; charset=utf-8');
    expect(raw).toContain('\r\n--BOUNDARY\r\nContent-Type: text/html; charset=utf-8');
    expect(raw.trimEnd().endsWith('--BOUNDARY--')).toBe(true);
  });
});

describe('the send_email transport', () => {
  it('hands the binding an EmailMessage with the bare addresses', async () => {
    const sent: { from: string; to: string }[] = [];
    const binding = {
      send: async (message: { from: string; to: string }) => {
        sent.push({ from: message.from, to: message.to });
        return { messageId: 'x' };
      },
    } as unknown as SendEmail;
    await cloudflareMailer(binding).send(mail);
    expect(sent).toEqual([{ from: 'desk@newsroom.test', to: 'reader@example.org' }]);
  });

  it('turns the binding’s error into a refusal the job retries', async () => {
    const binding = {
      send: async () => {
        throw new Error('destination not verified');
      },
    } as unknown as SendEmail;
    await expect(cloudflareMailer(binding).send(mail)).rejects.toThrow(
      'send_email: destination not verified',
    );
  });
});

describe('maskAddress', () => {
  it('keeps the first letter and the domain only', () => {
    expect(maskAddress('rania@example.org')).toBe('r***@example.org');
    expect(maskAddress('nobody')).toBe('***');
  });
});
