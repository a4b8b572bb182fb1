import { env } from 'cloudflare:workers';
import { newId } from '../../worker/lib/ids';

export interface FixtureVerdict {
  ratingKey: string;
  headline?: string;
  language?: string;
  /** Published (published_at set) unless false. */
  published?: boolean;
}

/** Insert a claim (and its verdict versions, oldest first) straight into D1; returns its id. */
export async function makeClaim(opts: {
  status: string;
  language?: string;
  text?: string;
  verdicts?: FixtureVerdict[];
}): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  const text = opts.text ?? `Unemployment fell by 3% last year (${id})`;
  const statements = [
    env.DB.prepare(
      `INSERT INTO claims (id, text, search_text, text_hash, language, status, created_at, updated_at, published_at)
       VALUES (?1, ?2, ?2, ?1, ?3, ?4, ?5, ?5, CASE WHEN ?4 = 'published' THEN ?5 END)`,
    ).bind(id, text, opts.language ?? 'en', opts.status, now),
    ...(opts.verdicts ?? []).map((v, i) =>
      env.DB.prepare(
        `INSERT INTO verdicts (claim_id, version, rating_key, headline, explanation, language, created_at, published_at)
         VALUES (?1, ?2, ?3, ?4, 'Because the statistics office says so.', ?5, ?6, ?7)`,
      ).bind(
        id,
        i + 1,
        v.ratingKey,
        v.headline ?? `Headline ${i + 1}`,
        v.language ?? opts.language ?? 'en',
        now,
        v.published === false ? null : now,
      ),
    ),
  ];
  await env.DB.batch(statements);
  return id;
}
