/**
 * ClaimReview import in two steps, shared by the API and the desk (plain inputs, Outcome):
 * `previewImport` reads the reviews (a page through the article fetcher and its address rules, or a
 * pasted document / DataFeed), proposes a rating of ours per publisher label and a matching claim
 * per review, and stores the preview; `commitImport` applies the admin's confirmed mapping and
 * choices in one batch. A label left without a rating blocks the commit with an error on each of
 * its reviews: nothing is half-imported.
 */
import type { Actor } from '../../d1/audit';
import {
  commitImport as storeCommit,
  createImport,
  getImport,
  importedUrls,
  savedMappings,
  type ImportPreview,
  type PreviewLabel,
  type ReviewImport,
  type ReviewToStore,
} from '../../d1/external-reviews';
import { findMatchesMany } from '../../d1/matches';
import { activeRatings } from '../../d1/ratings';
import type { Outcome, Refusal } from '../domain/outcome';
import { refuse } from '../domain/outcome';
import type { Bindings } from '../env';
import { IngestError } from '../ingest/errors';
import { fetchArticle } from '../ingest/fetch-article';
import { articleFetchOptions, type IngestBindings } from '../ingest/outbound';
import { MATCH_THRESHOLD } from '../match/similarity';
import {
  IMPORT_MAX_BYTES,
  jsonLdScripts,
  labelKey,
  parseClaimReviews,
  parseDocument,
  parseScripts,
  proposeRating,
  publisherKey,
} from './claimreview-import';

type ImportEnv = Pick<Bindings, 'DB' | 'PUBLIC_ORIGIN'> & IngestBindings;

/** Why a source could not be read: a stable code, the field at fault, the HTTP status. */
export type ImportRefusal =
  | Refusal
  | {
      kind: 'unreadable';
      status: 413 | 422 | 502;
      code: string;
      field: 'url' | 'document';
      message: string;
    };

const unreadable = (
  status: 413 | 422 | 502,
  code: string,
  field: 'url' | 'document',
  message: string,
) => refuse({ kind: 'unreadable' as const, status, code, field, message });

const MATCHES_SHOWN = 3;

/** Read, match and store a preview. `requestUrl` names our own host (never fetched). */
export async function previewImport(
  env: ImportEnv,
  input: { url?: string | null; document?: string | null },
  actor: Actor,
  requestUrl: string,
): Promise<Outcome<ReviewImport, ImportRefusal>> {
  let blocks: unknown[];
  let baseUrl: string | undefined;
  const field = input.url ? 'url' : 'document';
  if (input.url) {
    try {
      const page = await fetchArticle(input.url, {
        ...articleFetchOptions(env, requestUrl),
        maxBytes: IMPORT_MAX_BYTES,
      });
      baseUrl = page.url;
      blocks = parseScripts(await jsonLdScripts(page.html));
    } catch (err) {
      if (!(err instanceof IngestError)) throw err;
      const status = err.code === 'article_too_large' ? 413 : err.status;
      return unreadable(status, err.code, 'url', err.message);
    }
    if (blocks.length === 0)
      return unreadable(422, 'not_json_ld', 'url', 'The page carries no JSON-LD.');
  } else {
    const text = input.document ?? '';
    if (new TextEncoder().encode(text).byteLength > IMPORT_MAX_BYTES)
      return unreadable(
        413,
        'document_too_large',
        'document',
        `The document is larger than ${IMPORT_MAX_BYTES} bytes.`,
      );
    const parsed = parseDocument(text);
    if (!parsed)
      return unreadable(422, 'not_json_ld', 'document', 'The document is not JSON-LD (JSON).');
    blocks = parsed;
  }
  const result = parseClaimReviews(blocks, baseUrl);
  if (!result.ok) return unreadable(422, result.code, field, result.message);

  const { items } = result;
  const [scale, saved, seen, matches] = await Promise.all([
    activeRatings(env.DB),
    savedMappings(
      env.DB,
      items.map((i) => publisherKey(i.publisher)),
    ),
    importedUrls(
      env.DB,
      items.map((i) => i.reviewUrl),
    ),
    findMatchesMany(
      env.DB,
      items.map((i) => i.claimText),
      { limit: MATCHES_SHOWN },
    ),
  ]);
  const labels: PreviewLabel[] = [];
  const labelIndex = new Map<string, number>();
  const preview: ImportPreview = {
    problems: result.problems,
    labels,
    items: items.map((item, i) => {
      const pk = publisherKey(item.publisher);
      const lk = labelKey(item.rating.label);
      const key = `${pk}\u0000${lk}`;
      let index = labelIndex.get(key);
      if (index === undefined) {
        const confirmed = saved.get(key);
        const known = confirmed && scale.some((r) => r.key === confirmed) ? confirmed : null;
        index = labels.length;
        labelIndex.set(key, index);
        labels.push({
          publisherKey: pk,
          publisherName: item.publisher.name,
          labelKey: lk,
          label: item.rating.label,
          proposed: known ?? proposeRating(item.rating, scale),
          confirmed: known !== null,
        });
      }
      const found = (matches[i] ?? []).slice(0, MATCHES_SHOWN);
      const best = found[0];
      return {
        ...item,
        label: index,
        matches: found.map((m) => ({ id: m.id, text: m.text, similarity: m.similarity })),
        proposedClaimId: best && best.similarity >= MATCH_THRESHOLD ? best.id : null,
        duplicate: seen.has(item.reviewUrl),
      };
    }),
  };
  const source = input.url ? 'url' : 'document';
  const id = await createImport(
    env.DB,
    { source, sourceUrl: input.url ? (baseUrl ?? input.url) : null, preview },
    actor,
  );
  const stored = await getImport(env.DB, id);
  return { ok: true, value: stored!, changed: [] };
}

/** What the admin confirmed: a rating per label (else the proposal), a claim or none per item. */
export interface CommitChoices {
  /** Label index → our rating key ('' = none chosen). */
  mappings: Map<number, string>;
  /** Item index → the claim of ours it is about (null: none), else the proposal. */
  claims: Map<number, string | null>;
  /** Item indexes left out of this import. */
  skip: Set<number>;
}

export interface CommitResult {
  import: ReviewImport;
  imported: number;
  /** Reviews already imported before (same review URL): left as they were. */
  duplicates: number;
}

/**
 * Commit a preview. Refusals: not-found; conflict (already committed); invalid, with one error per
 * blocked item (`items.<i>.rating`: its label has no rating of ours) or bad choice.
 */
export async function commitImport(
  env: ImportEnv,
  id: string,
  choices: CommitChoices,
  actor: Actor,
): Promise<Outcome<CommitResult, ImportRefusal>> {
  const imp = await getImport(env.DB, id);
  if (!imp) return refuse({ kind: 'not-found' });
  if (imp.status !== 'preview') return alreadyCommitted();
  const scale = await activeRatings(env.DB);
  const known = new Set(scale.map((r) => r.key));
  const fields: { field: string; message: string }[] = [];
  const ratingOf = imp.labels.map((l, i) => {
    const chosen = choices.mappings.has(i) ? choices.mappings.get(i)! : (l.proposed ?? '');
    if (chosen !== '' && !known.has(chosen)) {
      fields.push({ field: `mappings.${i}.rating`, message: `Not a rating of ours: ${chosen}` });
      return null;
    }
    return chosen || null;
  });
  const reviews: ReviewToStore[] = [];
  imp.items.forEach((item, i) => {
    if (choices.skip.has(i)) return;
    const rating = ratingOf[item.label];
    if (!rating) {
      fields.push({
        field: `items.${i}.rating`,
        message: `No rating of ours is mapped to “${item.rating.label}” (${item.publisher.name}).`,
      });
      return;
    }
    const claimId = choices.claims.has(i) ? choices.claims.get(i)! : item.proposedClaimId;
    if (claimId !== null && !item.matches.some((m) => m.id === claimId)) {
      fields.push({ field: `items.${i}.claimId`, message: 'Not one of the proposed matches.' });
      return;
    }
    const { label: _l, matches: _m, proposedClaimId: _p, duplicate: _d, ...review } = item;
    reviews.push({ ...review, ratingKey: rating, claimId });
  });
  if (fields.length) return refuse({ kind: 'invalid', fields });
  const used = new Set(imp.items.filter((_, i) => !choices.skip.has(i)).map((item) => item.label));
  const mappings = imp.labels
    .map((l, i) => ({ l, i }))
    .filter(({ i }) => used.has(i) && ratingOf[i])
    .map(({ l, i }) => ({
      publisherKey: l.publisherKey,
      labelKey: l.labelKey,
      label: l.label,
      ratingKey: ratingOf[i]!,
    }));
  const inserted = await storeCommit(env.DB, id, mappings, reviews, actor);
  if (!inserted) return alreadyCommitted();
  const changed = [...new Set(inserted.flatMap((r) => (r.claimId ? [r.claimId] : [])))];
  const after = await getImport(env.DB, id);
  return {
    ok: true,
    value: {
      import: after!,
      imported: inserted.length,
      duplicates: reviews.length - inserted.length,
    },
    changed,
  };
}

function alreadyCommitted() {
  return refuse({
    kind: 'conflict' as const,
    code: 'already_committed',
    title: 'Import already committed',
    message: 'This import was committed already; start a new import to read the source again.',
  });
}
