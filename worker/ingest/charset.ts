/**
 * Turn the bytes of an HTML page into text: the charset comes from the Content-Type header,
 * else a byte-order mark, else a <meta> (or XML) declaration in the first 1024 bytes, else UTF-8.
 * Labels are resolved by TextDecoder (windows-1256, iso-8859-1, iso-8859-6, utf-8…).
 */
export function decodeHtml(
  bytes: Uint8Array,
  contentType: string | null,
): { text: string; charset: string } {
  const label = bomCharset(bytes) ?? headerCharset(contentType) ?? metaCharset(bytes) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8'); // an unknown label: read as UTF-8 rather than refuse the page
  }
  return { text: decoder.decode(bytes), charset: decoder.encoding };
}

/** The `charset` parameter of a Content-Type header value. */
function headerCharset(contentType: string | null): string | null {
  const m = contentType?.match(/;\s*charset\s*=\s*"?([\w.:-]+)"?/i);
  return m ? m[1]!.toLowerCase() : null;
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function metaCharset(bytes: Uint8Array): string | null {
  // ASCII-compatible prescan: every charset we accept keeps ASCII bytes as ASCII.
  let head = '';
  for (const b of bytes.subarray(0, 1024)) head += String.fromCharCode(b);
  const found =
    head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i) ??
    head.match(/^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i);
  return found ? found[1]!.toLowerCase() : null;
}
