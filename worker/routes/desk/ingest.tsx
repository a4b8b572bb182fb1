/**
 * POST /desk/articles: the desk's form front for article ingest. Same pipeline and modules as
 * POST /api/v1/articles (fetch + parse for a URL, detectLanguage, dedup by body, extractClaims,
 * createArticleWithClaims in one batch); answers with a redirect to the triage page.
 */
import { Hono } from 'hono';
import { createArticleWithClaims, findArticleByBody, type NewCandidate } from '../../../d1/articles';
import type { AppEnv } from '../../env';
import * as extract from '../../extract/index';
import { IngestError } from '../../ingest/errors';
import { fetchArticle } from '../../ingest/fetch-article';
import { articleFetchOptions } from '../../ingest/outbound';
import { parseArticle, type ParsedArticle } from '../../ingest/parse-article';
import { actorOf } from '../../lib/actor';
import { dirOf } from '../../lib/lang';
import { IngestPage, type IngestValues } from '../../views/desk/ingest';
import { deskUi, field, render } from './support';

export const deskIngest = new Hono<AppEnv>();

const MAX_BODY = 100_000;
const MAX_CANDIDATES = 40;

// TEMPORARY until worker/extract/index.ts exports extractClaims (the extraction engineer's work):
// looked up at run time so the Worker still builds; no extractor means no candidates.
type ExtractClaims = (body: string, opts: { language: string; limit: number }) => { candidates: NewCandidate[] };
const extractClaims: ExtractClaims = (extract as unknown as { extractClaims?: ExtractClaims }).extractClaims ?? (() => ({ candidates: [] }));
const { detectLanguage } = extract;

deskIngest.post('/', async (c) => {
  const form = await c.req.parseBody({ all: true });
  const values: IngestValues = {
    text: field(form, 'text').slice(0, MAX_BODY),
    url: field(form, 'url').slice(0, 2048),
    title: field(form, 'title').slice(0, 500),
    language: /^(ar|en|fr)$/.test(field(form, 'language')) ? field(form, 'language') : '',
  };
  const ui = deskUi(c);
  const fail = (error: string) => render(c, <IngestPage ui={ui} values={values} error={error} />, 422);
  if (!!values.text === !!values.url || (values.text && values.text.length < 20)) return fail(ui.t('textOrUrl'));

  let page: ParsedArticle | null = null;
  if (values.url) {
    try {
      const fetched = await fetchArticle(values.url, articleFetchOptions(c.env, c.req.url));
      page = await parseArticle(fetched.html, fetched.url);
      if (page.text.length < 20) throw new IngestError('no_article_text', 'No article text was found on the page.');
    } catch (err) {
      if (err instanceof IngestError) return fail(err.message);
      throw err;
    }
  }
  const body = (page?.text ?? values.text ?? '').slice(0, MAX_BODY);
  const detected = detectLanguage(body);
  const language = values.language || (detected !== 'und' ? detected : (page?.language ?? 'und'));

  const existing = await findArticleByBody(c.env.DB, body);
  if (existing) return c.redirect(`/desk/articles/${existing.article.id}?done=duplicate`, 303);

  const { candidates } = extractClaims(body, { language, limit: MAX_CANDIDATES });
  const result = await createArticleWithClaims(
    c.env.DB,
    {
      url: values.url || null,
      canonicalUrl: page?.canonicalUrl ?? null,
      title: values.title || page?.title || null,
      byline: page?.byline ?? null,
      publisher: page?.publisher ?? null,
      language,
      direction: page?.dir ?? dirOf(language),
      publishedAt: page?.publishedAt ?? null,
      body,
      fetchedAt: page ? new Date().toISOString() : null,
    },
    candidates,
    actorOf(c),
  );
  const id = result.ok ? result.article.id : result.existing?.article.id;
  if (!id) return fail(ui.t('invalidForm'));
  return c.redirect(`/desk/articles/${id}${result.ok ? '' : '?done=duplicate'}`, 303);
});
