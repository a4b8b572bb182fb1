/**
 * A small RFC 5322 / MIME writer for outgoing mail (the send_email binding takes raw MIME):
 * UTF-8 headers as RFC 2047 encoded-words, bodies base64 in 76-character lines, text/plain or
 * multipart/alternative with an HTML part. Pure: no I/O.
 */
import type { Mail } from './mailer';

const encoder = new TextEncoder();

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** No header value may carry a line break (header injection); runs of whitespace become one space. */
function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').trim();
}

/**
 * A header value as RFC 2047 encoded-words when it is not plain printable ASCII: `=?UTF-8?B?…?=`,
 * each word at most 75 characters (45 bytes of UTF-8, never splitting a character), folded onto
 * continuation lines.
 */
export function encodeHeaderValue(value: string): string {
  const text = oneLine(value);
  if (/^[\x20-\x7e]*$/.test(text) && !text.includes('=?')) return text;
  const words: string[] = [];
  let chunk = '';
  let chunkBytes = 0;
  for (const ch of text) {
    const n = encoder.encode(ch).length;
    if (chunkBytes + n > 45) {
      words.push(chunk);
      chunk = '';
      chunkBytes = 0;
    }
    chunk += ch;
    chunkBytes += n;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64(encoder.encode(w))}?=`).join('\r\n ');
}

/** `Name <address>` with the name encoded or quoted as needed; a bare address stays bare. */
export function formatAddress(address: string): string {
  const m = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(oneLine(address));
  if (!m) return oneLine(address);
  const [, name = '', addr = ''] = m;
  if (!name) return `<${addr}>`;
  const display = /^[\x20-\x7e]*$/.test(name)
    ? `"${name.replace(/^"|"$/g, '').replace(/["\\]/g, '\\$&')}"`
    : encodeHeaderValue(name);
  return `${display} <${addr}>`;
}

/** The bare address inside `Name <address>` (or the value itself). */
export function bareAddress(address: string): string {
  return /<([^<>\s]+@[^<>\s]+)>/.exec(address)?.[1] ?? oneLine(address);
}

function base64Lines(text: string): string {
  const b = base64(encoder.encode(text));
  return (b.match(/.{1,76}/g) ?? ['']).join('\r\n');
}

function part(type: 'plain' | 'html', body: string): string {
  return [
    `Content-Type: text/${type}; charset=utf-8`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(body),
  ].join('\r\n');
}

/** The whole message, CRLF line ends, ready for the send_email binding or a raw-MIME API. */
export function buildMime(mail: Mail, boundary = `=_cd_${crypto.randomUUID()}`): string {
  const headers = [
    `From: ${formatAddress(mail.from)}`,
    `To: ${formatAddress(mail.to)}`,
    `Subject: ${encodeHeaderValue(mail.subject)}`,
    `Date: ${mail.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${mail.messageId}>`,
    'MIME-Version: 1.0',
    'Auto-Submitted: auto-generated',
  ];
  if (!mail.html) return [...headers, part('plain', mail.text)].join('\r\n') + '\r\n';
  return (
    [
      ...headers,
      `Content-Type: multipart/alternative; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      part('plain', mail.text),
      `--${boundary}`,
      part('html', mail.html),
      `--${boundary}--`,
    ].join('\r\n') + '\r\n'
  );
}
