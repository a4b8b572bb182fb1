/**
 * One interface for sending mail, three transports chosen by MAIL_TRANSPORT (wrangler.jsonc):
 * - `local`: nothing leaves the machine; the message is marked delivered locally and read in
 *   /desk/outbox (local development, tests);
 * - `cloudflare`: Cloudflare Email Service through the `send_email` binding `EMAIL`, raw MIME;
 * - `http`: a JSON POST to MAIL_API_URL with the bearer secret MAIL_API_KEY.
 * Anything else, or a transport missing what it needs, is no mailer: editors' messages stay in
 * the outbox ("held") and the public form does not ask readers for an address.
 */
import { EmailMessage } from 'cloudflare:email';
import type { Bindings } from '../env';
import { bareAddress, buildMime } from './mime';

export interface Mail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  messageId: string;
  date: Date;
}

export type Transport = 'local' | 'cloudflare' | 'http';

export interface Mailer {
  readonly transport: Transport;
  /** Resolves when the provider accepted the message; throws (MailRefused) when it did not. */
  send(mail: Mail): Promise<void>;
}

/** A provider's refusal: the message says what came back, never the address. */
export class MailRefused extends Error {}

/** Local development and tests: accept, send nothing. */
export const localMailer: Mailer = { transport: 'local', send: async () => {} };

/** Cloudflare Email Service: the binding takes an EmailMessage holding the raw MIME we build. */
export function cloudflareMailer(binding: SendEmail): Mailer {
  return {
    transport: 'cloudflare',
    async send(mail) {
      const raw = buildMime(mail);
      try {
        await binding.send(new EmailMessage(bareAddress(mail.from), bareAddress(mail.to), raw));
      } catch (error) {
        throw new MailRefused(`send_email: ${error instanceof Error ? error.message : 'refused'}`);
      }
    },
  };
}

/** What the HTTP transport needs to reach its provider (a service binding in tests). */
export interface HttpMailTarget {
  url: string;
  apiKey: string;
  fetcher: { fetch(request: Request): Promise<Response> };
}

/**
 * A generic provider API: `POST url` with `Authorization: Bearer <key>` and the JSON body
 * `{ from, to, subject, text, html?, headers: { "Message-ID" } }`; any 2xx is accepted.
 */
export function httpMailer(target: HttpMailTarget): Mailer {
  return {
    transport: 'http',
    async send(mail) {
      const res = await target.fetcher.fetch(
        new Request(target.url, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${target.apiKey}`,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({
            from: mail.from,
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            ...(mail.html ? { html: mail.html } : {}),
            headers: { 'Message-ID': `<${mail.messageId}>` },
          }),
        }),
      );
      // The provider's words may echo the address: keep only the status.
      await res.body?.cancel();
      if (!res.ok) throw new MailRefused(`provider answered HTTP ${res.status}`);
    },
  };
}

export type MailEnv = Pick<
  Bindings,
  | 'ENVIRONMENT'
  | 'MAIL_TRANSPORT'
  | 'MAIL_FROM'
  | 'MAIL_API_URL'
  | 'MAIL_API_KEY'
  | 'EMAIL'
  | 'MAIL_API'
>;

/** The configured mailer, or null when mail cannot be sent in this configuration. */
export function mailerOf(env: MailEnv): Mailer | null {
  const transport = env.MAIL_TRANSPORT ?? '';
  if (transport === 'local') return localMailer;
  if (!env.MAIL_FROM) return null;
  if (transport === 'cloudflare') return env.EMAIL ? cloudflareMailer(env.EMAIL) : null;
  if (transport === 'http' && env.MAIL_API_URL && env.MAIL_API_KEY) {
    return httpMailer({
      url: env.MAIL_API_URL,
      apiKey: env.MAIL_API_KEY,
      fetcher: env.MAIL_API ?? { fetch: (request) => fetch(request) },
    });
  }
  return null;
}

/**
 * Whether the public form may promise readers a message: a transport that really delivers, or
 * the local outbox outside production (where the promise is the developer's to read).
 */
export function readerMailPossible(env: MailEnv): boolean {
  const mailer = mailerOf(env);
  if (!mailer) return false;
  return mailer.transport !== 'local' || env.ENVIRONMENT !== 'production';
}

/** The sender address: MAIL_FROM, or a local placeholder for the local outbox. */
export function senderOf(env: MailEnv): string {
  return env.MAIL_FROM || 'ClaimDesk <desk@claimdesk.local>';
}
