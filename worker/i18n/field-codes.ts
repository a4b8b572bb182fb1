import { strings, type Locale } from './public';

/** A submission field code ('required', 'too_long:1000', 'captcha', …) in the reader's words. */
export function messageFor(code: string, locale: Locale): string {
  const e = strings(locale).errors;
  const [kind, n] = code.split(':');
  if (kind === 'too_short') return e.tooShort(Number(n));
  if (kind === 'too_long') return e.tooLong(Number(n));
  if (kind === 'url') return e.url;
  if (kind === 'email') return e.email;
  if (kind === 'language') return e.language;
  if (kind === 'captcha') return e.captcha;
  if (kind === 'malformed_text') return e.malformedText;
  return e.required;
}
