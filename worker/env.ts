import type { Session } from '../d1/sessions';

/**
 * Bindings of the ClaimDesk Worker: the generated `Env` (`npm run types` = `wrangler types`, from
 * wrangler.jsonc) plus the optional test and local-only bindings it cannot know about.
 */
export interface Bindings extends Env {
  /** The ClaimDesk database: claims, verdicts, users, audit log. */
  DB: D1Database;
  /** Static files from public/ (css, embed.js). */
  ASSETS: Fetcher;
  /** "production" in env.production, "local" otherwise: production refuses to run misconfigured. */
  ENVIRONMENT: string;
  /** Public name of the fact-checking organisation (ClaimReview author). */
  ORG_NAME: string;
  /** Canonical origin for public URLs, e.g. https://factcheck.example.org; empty = request origin. */
  PUBLIC_ORIGIN: string;
  /** Turnstile site key for the public submit form (wrangler.jsonc has the always-pass test key locally). */
  TURNSTILE_SITE_KEY: string;
  /** Turnstile secret (a secret in production; the documented test secret verifies offline). */
  TURNSTILE_SECRET_KEY: string;
  /** Secret for the keyed hashes of reader addresses and the AES-GCM key of contact e-mails. */
  PUBLIC_DATA_KEY: string;
  /** Optional Workers rate-limiting binding, checked before the D1 counter for public submissions. */
  SUBMIT_RATE_LIMITER?: RateLimit;
  /** Optional: Cloudflare zone id of PUBLIC_ORIGIN; with PURGE_API_TOKEN, writes purge every data centre (http/edge-purge.ts). */
  PURGE_ZONE_ID?: string;
  /** Optional secret: API token with the zone's Cache Purge permission; unset = purge this data centre only. */
  PURGE_API_TOKEN?: string;
  /** Tests only: a service that answers the zone purge calls instead of api.cloudflare.com. */
  PURGE_API?: Fetcher;
  /** Tests only: a service that answers article-URL fetches from local fixtures (see worker/ingest/outbound.ts). */
  ARTICLE_FETCHER?: Fetcher;
  /** E-mail transport (worker/notify/mailer.ts): "local" (local outbox), "cloudflare", "http"; empty = no mailer. */
  MAIL_TRANSPORT: string;
  /** Sender of every e-mail, e.g. "Newsroom <desk@example.org>" (a domain verified for the transport). */
  MAIL_FROM: string;
  /** Optional, MAIL_TRANSPORT "http": the provider's JSON endpoint. */
  MAIL_API_URL?: string;
  /** Optional secret, MAIL_TRANSPORT "http": the provider's bearer key. */
  MAIL_API_KEY?: string;
  /** Optional, MAIL_TRANSPORT "cloudflare": Cloudflare Email Service's send_email binding. */
  EMAIL?: SendEmail;
  /** Tests only: a service that answers the HTTP mail provider's calls instead of the internet. */
  MAIL_API?: Fetcher;
  /** Optional: Cloudflare Access team domain (e.g. newsroom.cloudflareaccess.com); with ACCESS_AUD, the desk trusts Access sign-in. */
  ACCESS_TEAM_DOMAIN?: string;
  /** Optional: the Access application's AUD tag (the JWT's `aud`). */
  ACCESS_AUD?: string;
  /** Tests only: a service that answers the team's /cdn-cgi/access/certs with a local JWKS. */
  ACCESS_CERTS?: Fetcher;
  /** Local development only: comma-separated host:port list allowed past the private-address rule. Never set in production. */
  ARTICLE_FETCH_ALLOW_HOSTS?: string;
  /** Optional: Workers AI; with VECTORIZE, matching is semantic (worker/match/, README "Semantic matching"). */
  AI?: Ai;
  /** Optional: the Vectorize index of claim embeddings (`claimdesk-claims`, 1024 dimensions, cosine). */
  VECTORIZE?: Vectorize;
  /** Local development and tests only: "standin" = semantic matching with the deterministic stand-ins of worker/match/embed-standin.ts. */
  EMBEDDER?: string;
  /** Tests only: a service that receives outgoing webhooks instead of the internet (worker/integrations/webhooks.ts). */
  WEBHOOK_FETCHER?: Fetcher;
}

/**
 * What a handler whose answer carries a secret (a session token, an API token, a tracking link)
 * declares with `shownOnce()` (middleware/idempotency.ts): the top-level JSON fields that hold it,
 * and the name of the marker field a replay adds (`false`), in the route's own naming style.
 */
export interface SecretAnswer {
  fields: readonly string[];
  marker: string;
}

/** Per-request values set by middleware. */
export interface Variables {
  /** Random id of this request, echoed in X-Request-Id and written to audit rows. */
  requestId: string;
  /** The signed-in editor, when the request carries a valid session or API token. */
  session?: Session;
  /** How the session was presented; cookie-authenticated writes need CSRF checks. */
  authVia?: 'bearer' | 'cookie';
  /** Claims whose public face this request changed; purged after a successful answer (middleware/purge-changed.ts). */
  changedClaims?: string[];
  /** Set by shownOnce(): this answer carries a secret, never stored or replayed as is. */
  secretAnswer?: SecretAnswer;
}

export type AppEnv = { Bindings: Bindings; Variables: Variables };
