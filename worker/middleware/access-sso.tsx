import type { MiddlewareHandler } from 'hono';
import { findSession } from '../../d1/sessions';
import { signInWithAccess } from '../domain/access-sso';
import type { AppEnv } from '../env';
import { accessKeySource } from '../http/access-keys';
import { readSessionCookie, writeSessionCookie } from '../http/session-cookie';
import { integrationMessages } from '../i18n/integrations';
import { pick } from '../i18n/pick';
import { sha256Hex } from '../lib/crypto';
import { LANGUAGES, pickLocale } from '../lib/lang';
import { ErrorPage } from '../views/error-page';

/**
 * Optional single sign-on for the desk through Cloudflare Access. Only when ACCESS_TEAM_DOMAIN
 * and ACCESS_AUD are set: a GET that carries `Cf-Access-Jwt-Assertion` and no live session has
 * the token verified (RS256, aud, iss, exp/nbf) and its e-mail mapped to an active account; it
 * then gets a normal desk session (cookie) and is sent back to the same URL. An unknown e-mail
 * or a token that fails is a 403 page saying so. Without the header, local sign-in works as ever.
 */
export function accessSso(): MiddlewareHandler<AppEnv> {
  return async function accessSsoMiddleware(c, next) {
    const team = c.env.ACCESS_TEAM_DOMAIN;
    const aud = c.env.ACCESS_AUD;
    const token = c.req.header('Cf-Access-Jwt-Assertion');
    if (!team || !aud || !token || (c.req.method !== 'GET' && c.req.method !== 'HEAD'))
      return next();
    const cookie = readSessionCookie(c);
    const current = cookie ? await findSession(c.env.DB, await sha256Hex(cookie)) : null;
    if (current) return next();
    const source = accessKeySource(team, c.env.ACCESS_CERTS);
    const result = await signInWithAccess(c.env.DB, token, (fresh) => source.keys(fresh), {
      teamDomain: team,
      aud,
    });
    if (!result.ok) {
      const t = pick(
        integrationMessages,
        pickLocale(LANGUAGES, c.req.query('lang'), c.req.header('Accept-Language')),
      );
      const unknown = result.refusal.kind === 'unknown-user';
      c.status(403);
      c.header('Cache-Control', 'no-store');
      return c.html(
        <ErrorPage
          status={403}
          title={unknown ? t.ssoUnknownTitle : t.ssoInvalidTitle}
          detail={
            result.refusal.kind === 'unknown-user'
              ? t.ssoUnknownDetail(result.refusal.email)
              : t.ssoInvalidDetail
          }
        />,
      );
    }
    writeSessionCookie(c, result.value.token, result.value.maxAgeSeconds);
    c.header('Cache-Control', 'no-store');
    return c.redirect(c.req.url.replace(/^https?:\/\/[^/]+/, ''), 303);
  };
}
