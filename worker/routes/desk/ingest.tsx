/**
 * POST /desk/articles: the desk's form front for article ingest. The pipeline itself is the one
 * POST /api/v1/articles uses (worker/ingest/ingest-article.ts); this answers with a redirect to
 * the triage page, or the form again with the reason.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { IngestError } from '../../ingest/errors';
import { ingestArticle, MAX_BODY } from '../../ingest/ingest-article';
import { actorOf } from '../../lib/actor';
import { IngestPage, type IngestValues } from '../../views/desk/ingest';
import { deskUi, field, render } from '../../http/desk-context';

export const deskIngest = new Hono<AppEnv>();

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
  if (values.url && !/^https?:\/\//i.test(values.url)) return fail(ui.t('textOrUrl'));
  try {
    const outcome = await ingestArticle(
      c.env,
      c.req.url,
      { text: values.text || undefined, url: values.url || undefined, title: values.title || undefined, language: values.language || undefined },
      actorOf(c),
    );
    return c.redirect(`/desk/articles/${outcome.article.id}${outcome.created ? '' : '?done=duplicate'}`, 303);
  } catch (err) {
    if (err instanceof IngestError) return fail(err.message);
    throw err;
  }
});
