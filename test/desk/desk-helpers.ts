import { exports } from 'cloudflare:workers';
import { makeUser, unique, type TestUser } from '../helpers';
import type { Role } from '../../d1/users';

export const ORIGIN = 'https://claimdesk.test';

export interface DeskAgent {
  user: TestUser;
  cookie: string;
  csrf: string;
  /** A fake client address of its own, so sign-in rate limits of different tests never meet. */
  ip: string;
}

export interface DeskRequest {
  method?: string;
  cookie?: string;
  ip?: string;
  /** Form fields (sent urlencoded, same-origin). */
  form?: Record<string, string | string[]>;
  headers?: Record<string, string>;
}

/** A browser-like request to the desk: same Origin header a browser sends, redirects not followed. */
export function desk(path: string, opts: DeskRequest = {}): Promise<Response> {
  const headers = new Headers({ Accept: 'text/html', ...opts.headers });
  if (opts.cookie) headers.set('Cookie', opts.cookie);
  headers.set('CF-Connecting-IP', opts.ip ?? unique('ip'));
  let body: URLSearchParams | undefined;
  if (opts.form) {
    body = new URLSearchParams();
    for (const [k, v] of Object.entries(opts.form))
      for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    if (!headers.has('Origin')) headers.set('Origin', ORIGIN);
  }
  return exports.default.fetch(
    new Request(`${ORIGIN}${path}`, {
      method: opts.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    }),
  );
}

/** Every Set-Cookie line of a response (getSetCookie is missing from this workers-types version). */
export function setCookies(res: Response): string[] {
  return (res.headers as unknown as { getSetCookie(): string[] }).getSetCookie();
}

/** The session cookie (name=value) a response sets, if any. */
export function sessionCookieOf(res: Response): string | null {
  const set = setCookies(res).find((c) => c.startsWith('__Host-claimdesk_session='));
  return set ? set.split(';')[0]! : null;
}

/** The CSRF token in a desk page's forms. */
export function csrfOf(html: string): string {
  const m = html.match(/name="_csrf" value="([^"]+)"/);
  if (!m) throw new Error('no CSRF field on the page');
  return m[1]!;
}

/** Create an account, sign in through the form, and read the CSRF token from the queue page. */
export async function signIn(role: Role = 'editor'): Promise<DeskAgent> {
  const user = await makeUser(role);
  const ip = unique('ip');
  const res = await desk('/desk/sign-in', {
    ip,
    form: { email: user.email, password: user.password, next: '/desk' },
  });
  const cookie = sessionCookieOf(res);
  if (res.status !== 303 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  const page = await desk('/desk', { cookie, ip });
  return { user, cookie, csrf: csrfOf(await page.text()), ip };
}

/** POST a desk form as this agent (CSRF token included unless given). */
export function post(
  agent: DeskAgent,
  path: string,
  form: Record<string, string | string[]>,
): Promise<Response> {
  return desk(path, { cookie: agent.cookie, ip: agent.ip, form: { _csrf: agent.csrf, ...form } });
}

/** GET a desk page as this agent and return status + HTML. */
export async function page(
  agent: DeskAgent,
  path: string,
): Promise<{ status: number; html: string; res: Response }> {
  const res = await desk(path, { cookie: agent.cookie, ip: agent.ip });
  return { status: res.status, html: await res.text(), res };
}
