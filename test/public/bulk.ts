/**
 * Many published claims at once for the feed and sitemap walks: plain rows (claim, published
 * verdict, publication record) inserted in a few batches, not through the editorial flow, so a
 * few hundred take a second.
 */
import { env } from 'cloudflare:workers';
import { searchKey } from '../../worker/extract/normalize';
import { newId } from '../../worker/lib/ids';
import { unique } from '../helpers';

export interface BulkClaim {
  id: string;
  text: string;
  status: 'published' | 'retracted';
}

/**
 * `count` published claims (every fifth shares its publication time with the one before, so
 * pages must break ties by id) plus `retracted` retracted ones. Texts carry CSV troublemakers.
 */
export async function bulkPublished(count: number, retracted = 0): Promise<BulkClaim[]> {
  const base = Date.parse('2025-01-01T00:00:00.000Z');
  const claims: BulkClaim[] = [];
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < count + retracted; i++) {
    const id = newId();
    const status = i < count ? 'published' : 'retracted';
    const text = `${unique('Bulk ')} "quoted", comma, and\nnew line #${i}`;
    const at = new Date(base + (i - (i % 5 === 4 ? 1 : 0)) * 60_000).toISOString();
    claims.push({ id, text, status });
    statements.push(
      env.DB.prepare(
        `INSERT INTO claims (id, text, search_text, text_hash, language, claimant, status, created_at, updated_at, published_at, retracted_at)
         VALUES (?1, ?2, ?3, ?1, ?4, ?5, ?6, ?7, ?7, ?7, ?8)`,
      ).bind(
        id,
        text,
        searchKey(text),
        i % 3 === 0 ? 'ar' : 'en',
        i % 7 === 0 ? '=HYPERLINK("http://evil.example")' : 'A. Speaker',
        status,
        at,
        status === 'retracted' ? at : null,
      ),
      env.DB.prepare(
        `INSERT INTO verdicts (claim_id, version, rating_key, headline, explanation, language, created_at, published_at)
         VALUES (?1, 1, 'false', ?2, 'Explained.', 'en', ?3, ?3)`,
      ).bind(id, i % 11 === 0 ? '-1 is not the answer' : `Headline ${i}`, at),
      env.DB.prepare(
        `INSERT INTO claim_versions (claim_id, number, kind, snapshot, published_at) VALUES (?1, 1, 'publication', '{}', ?2)`,
      ).bind(id, at),
    );
  }
  for (let i = 0; i < statements.length; i += 300) await env.DB.batch(statements.slice(i, i + 300));
  return claims;
}
