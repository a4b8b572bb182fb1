import { DUMMY_TOKEN } from '../../worker/turnstile';
import { exports } from 'cloudflare:workers';
import { unique } from '../helpers';
import { address } from './fixtures';

/** POST a urlencoded form like a browser without JavaScript. */
export function postForm(
  path: string,
  fields: Record<string, string>,
  opts: { ip?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  // redirect: 'manual' so the test sees the 303 itself, as a browser's network panel would.
  return exports.default.fetch(
    new Request(`https://claimdesk.test${path}`, {
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'CF-Connecting-IP': opts.ip ?? address(),
        Accept: 'text/html',
        // Browsers send Origin with every form POST; votes refuse other sites' origins.
        Origin: 'https://claimdesk.test',
        ...opts.headers,
      },
    }),
  );
}

/** A valid set of form fields (fresh nonce, the dummy Turnstile token of the test keys). */
export function validFields(extra: Record<string, string> = {}): Record<string, string> {
  return {
    text: `${unique('The bridge ')} cost 40 million euros to build`,
    where_url: 'https://social.example/post/1',
    where_text: '',
    why: '',
    language: '',
    email: '',
    website: '',
    nonce: unique('n')
      .toLowerCase()
      .replace(/[^0-9a-z]/g, '')
      .padEnd(20, '0')
      .slice(0, 32),
    'cf-turnstile-response': DUMMY_TOKEN,
    ...extra,
  };
}
